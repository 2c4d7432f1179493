package dev.plinth.access;

import com.pulumi.core.Output;

/**
 * A data store the operator instance may reach: its name in resource names ({@code db}, {@code
 * cache}), its security group and its port. The operator access opens exactly that port, from its
 * own security group to the store's, and nothing else on the store.
 */
public record Reach(String name, Output<String> securityGroupId, int port) {}
