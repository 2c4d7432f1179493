package dev.plinth.data;

import com.pulumi.core.Output;

/**
 * How a workload connects to the cache ({@link Cache#connection}): the cluster-mode configuration
 * endpoint, its port, and the secret that holds the AUTH token.
 */
public record CacheConnection(Output<String> endpoint, int port, SecretRef authToken) {}
