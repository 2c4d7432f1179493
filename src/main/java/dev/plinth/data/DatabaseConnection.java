package dev.plinth.data;

import com.pulumi.core.Output;

/**
 * How a workload connects to the database ({@link Database#connection}): the writer's address and
 * port, the database's name, and the secret that holds its credentials.
 */
public record DatabaseConnection(
    Output<String> address, int port, String databaseName, SecretRef credentials) {}
