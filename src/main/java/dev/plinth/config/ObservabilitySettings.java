package dev.plinth.config;

import java.util.List;

/**
 * Logs, alerts, audit and cost-allocation tags ({@code plinth:observability}).
 *
 * @param logRetentionDays retention of the platform's log groups (flow logs, control plane, WAF,
 *     audit trail delivery): 7 days in dev and staging (seed 000: logs 7 days), 30 in prod (seed
 *     004: log retention 30 days minimum); one of the values CloudWatch Logs accepts
 * @param applicationLogRetentionDays retention of the application's log groups: 7 in dev and
 *     staging (seed 000), 30 in prod (seed 004: at least 30 days)
 * @param alertEmails addresses subscribed to the alert topic (alarms) and the budget notifications;
 *     empty by default: the topic exists and an operator subscribes
 * @param owner the {@code Owner} cost-allocation tag (seed 004: team/project); default {@code
 *     platform}
 * @param costCenter the {@code CostCenter} cost-allocation tag; default {@code plinth}
 * @param auditTrail a multi-region CloudTrail trail into an Object Lock bucket; switch off where an
 *     organisation trail already records the account. On by default (seeds 002, 004: audit logging)
 * @param auditRetentionDays how long the audit bucket's Object Lock keeps every log: 365 days (seed
 *     004: immutable audit logs kept 1 year minimum)
 * @param guardDuty a GuardDuty detector (seed 003: IDS through GuardDuty); off in dev, on elsewhere
 */
public record ObservabilitySettings(
    int logRetentionDays,
    int applicationLogRetentionDays,
    List<String> alertEmails,
    String owner,
    String costCenter,
    boolean auditTrail,
    int auditRetentionDays,
    boolean guardDuty) {

  public static ObservabilitySettings preset(Environment env) {
    boolean prod = env == Environment.PROD;
    return new ObservabilitySettings(
        prod ? 30 : 7,
        prod ? 30 : 7,
        List.of(),
        "platform",
        "plinth",
        true,
        365,
        env != Environment.DEV);
  }
}
