package dev.plinth.data;

import com.pulumi.core.Output;
import java.util.Optional;

/**
 * How a workload connects to the database ({@link Database#connection}): the writer's address and
 * port, the database's name, the secret that holds its credentials, and the connection pool in
 * front of the writer where there is one ({@code plinth:database.proxy.enabled}), which a workload
 * then connects to instead, with IAM authentication.
 */
public record DatabaseConnection(
    Output<String> address,
    int port,
    String databaseName,
    SecretRef credentials,
    Optional<ProxyAccess> proxy) {

  /** A connection straight to the writer, with no pool in front of it. */
  public DatabaseConnection(
      Output<String> address, int port, String databaseName, SecretRef credentials) {
    this(address, port, databaseName, credentials, Optional.empty());
  }

  /**
   * RDS Proxy as a client sees it: its endpoint (the host to connect to, on the database's port),
   * the database user to connect as (whose IAM token the proxy checks), and the {@code rds-db}
   * resource ARN that {@code rds-db:connect} must allow for that user.
   */
  public record ProxyAccess(Output<String> endpoint, String user, Output<String> dbUserArn) {}
}
