package dev.plinth.keys;

import com.pulumi.core.Output;

/**
 * Where a component's CloudWatch log groups keep their logs: encrypted with the logs key, kept for
 * the platform's retention ({@code plinth:observability.logRetentionDays}) or, for what the
 * applications write, their own ({@code plinth:observability.applicationLogRetentionDays}).
 *
 * @param keyArn the logs key's ARN (a log group's {@code kmsKeyId})
 * @param retentionDays days platform log groups keep their events
 * @param applicationRetentionDays days the applications' log groups keep theirs
 */
public record LogStorage(Output<String> keyArn, int retentionDays, int applicationRetentionDays) {}
