package dev.plinth.config;

/**
 * Logs, metrics and alerts ({@code plinth:observability}).
 *
 * @param logRetentionDays retention of the platform's log groups (flow logs, control plane, WAF): 7
 *     days in dev and staging (seed 000: logs 7 days), 30 in prod (seed 004: log retention 30 days
 *     minimum); one of the values CloudWatch Logs accepts
 */
public record ObservabilitySettings(int logRetentionDays) {

  public static ObservabilitySettings preset(Environment env) {
    return new ObservabilitySettings(env == Environment.PROD ? 30 : 7);
  }
}
