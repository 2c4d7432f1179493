package dev.plinth;

import com.pulumi.aws.Provider;

/**
 * The disaster-recovery region ({@code plinth:backups.drRegion}) and the AWS provider that creates
 * resources there: the backups' replica bucket and vault, the database's replicated automated
 * backups and their key.
 */
public record DrRegion(String region, Provider provider) {}
