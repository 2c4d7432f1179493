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
 * @param alertEmails addresses subscribed to the alert topic (alarms) and the budget notifications.
 *     Empty by default; in staging and prod, a topic nobody subscribes to fails the mandatory rule
 *     DEP-44 (alerts that go nowhere), so their stack files carry a placeholder at the reserved
 *     domain example.com ({@link #PLACEHOLDER_EMAIL}), which {@code plan} accepts and {@code pulumi
 *     up} refuses until the team puts its own address. Dev may stay empty
 * @param owner the {@code Owner} cost-allocation tag (seed 004: team/project); default {@code
 *     platform}
 * @param costCenter the {@code CostCenter} cost-allocation tag; default {@code plinth}
 * @param auditTrail a multi-region CloudTrail trail into an Object Lock bucket; switch off where an
 *     organisation trail already records the account. On by default (seeds 002, 004: audit logging)
 * @param auditRetentionDays how long the audit bucket's Object Lock keeps every log: 365 days (seed
 *     004: immutable audit logs kept 1 year minimum)
 * @param guardDuty GuardDuty (seed 003: IDS through GuardDuty), an account singleton: one detector
 *     per account and region (guardduty 2017-11-28 CreateDetector: "You can have only one detector
 *     per account per Region"). {@code create}: this stack creates and owns the detector; {@code
 *     existing}: another stack or the organisation's delegated administrator already enabled it,
 *     nothing is created; {@code off}. Defaults for docs/deploy.md's three stacks in one account
 *     and region: prod {@code create}, staging {@code existing} (covered by prod's detector), dev
 *     {@code off}. Where an organisation enables GuardDuty for its members, set {@code existing} in
 *     prod too
 * @param costAllocationTag whether this stack activates the {@code Environment} tag as a cost
 *     allocation tag, which the budget's filter needs (AWS Billing user guide, "Using user-defined
 *     cost allocation tags": tags count for cost tracking only once activated). Activation is
 *     account-wide, a singleton: {@code activate} in the one stack that owns it (prod by default),
 *     {@code existing} in the others (dev, staging) and wherever the organisation's management
 *     account activates tags (member accounts cannot)
 */
public record ObservabilitySettings(
    int logRetentionDays,
    int applicationLogRetentionDays,
    List<String> alertEmails,
    String owner,
    String costCenter,
    boolean auditTrail,
    int auditRetentionDays,
    GuardDuty guardDuty,
    CostAllocationTag costAllocationTag) {

  /**
   * The placeholder the staging and prod stack files subscribe: at example.com, a domain reserved
   * for documentation (RFC 2606), so nothing is ever sent to a real person.
   */
  public static final String PLACEHOLDER_EMAIL = "platform-alerts@example.com";

  /** Who owns the account's GuardDuty detector. */
  public enum GuardDuty implements Keyed {
    CREATE("create"),
    EXISTING("existing"),
    OFF("off");

    private final String key;

    GuardDuty(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** Who activates the account's {@code Environment} cost allocation tag. */
  public enum CostAllocationTag implements Keyed {
    ACTIVATE("activate"),
    EXISTING("existing");

    private final String key;

    CostAllocationTag(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

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
        switch (env) {
          case DEV -> GuardDuty.OFF;
          case STAGING -> GuardDuty.EXISTING;
          case PROD -> GuardDuty.CREATE;
        },
        prod ? CostAllocationTag.ACTIVATE : CostAllocationTag.EXISTING);
  }
}
