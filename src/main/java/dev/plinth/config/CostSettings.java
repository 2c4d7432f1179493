package dev.plinth.config;

/**
 * The cost estimate's budget and usage assumptions ({@code plinth:cost}). The plan prices what it
 * records at us-east-1 on-demand prices; what it cannot see (traffic, log volume, stored data)
 * comes from these assumptions.
 *
 * @param budgetMonthlyUsd the monthly budget the estimate is compared with: $200 in dev, $450 in
 *     staging, $4,000 in prod (issue 7's budget defaults; seed 003 gives $80 / $450 / $4,000, dev
 *     raised to $200 by issue 7). Lives here until the observability section's budget setting
 *     replaces it
 * @param trafficGbPerMonth data through the NAT gateways per month: 50 GB dev, 200 GB staging, 1000
 *     GB prod (assumption)
 * @param albAverageLcus average load balancer capacity units: 1 in dev and staging, 5 in prod
 *     (assumption)
 * @param wafRequestsMillionsPerMonth requests the WAF inspects per month, in millions: 1 dev, 5
 *     staging, 50 prod (assumption)
 * @param logsGbPerMonth CloudWatch Logs ingested per month: 5 GB dev, 20 GB staging, 100 GB prod
 *     (assumption); priced for ingestion and one month's storage
 * @param s3GbStored data kept in S3 (logs, backups) in Standard: 10 GB dev, 50 GB staging, 500 GB
 *     prod (assumption)
 * @param spotDiscountPercent how much below on-demand spot node groups run: 60 everywhere (AWS:
 *     spot is typically 50-70% below on-demand; 60 is the middle)
 * @param backupCopyGb database backup data that each copy to another region keeps there and sends
 *     there each month (RDS's replicated automated backups, an AWS Backup copy action): 100 GB
 *     everywhere, one full copy of the database's initial storage (seed 004: 100 GB minimum, the
 *     staging and prod presets' allocatedStorageGb); priced at backup storage plus inter-region
 *     transfer. Only stacks with such copies (prod's defaults) use it
 * @param cdnRequestsMillionsPerMonth HTTPS requests CloudFront answers per month, in millions: 1
 *     dev, 5 staging, 50 prod (assumption: every request the WAF inspects, {@code
 *     wafRequestsMillionsPerMonth}); only stacks with {@code plinth:edge.cdn.enabled} use it
 * @param cdnTransferGbPerMonth data CloudFront sends to viewers per month: 10 GB dev, 50 GB
 *     staging, 500 GB prod (assumption); priced at the first 10 TB's rate of North America
 * @param clientVpnConnectionHoursPerMonth hours AWS Client VPN clients are connected per month, all
 *     connections together: 40 everywhere (assumption: one operator connected about two hours on
 *     each of 20 working days); only stacks with {@code plinth:access.clientVpn.enabled} use it
 */
public record CostSettings(
    double budgetMonthlyUsd,
    double trafficGbPerMonth,
    double albAverageLcus,
    double wafRequestsMillionsPerMonth,
    double logsGbPerMonth,
    double s3GbStored,
    double spotDiscountPercent,
    double backupCopyGb,
    double cdnRequestsMillionsPerMonth,
    double cdnTransferGbPerMonth,
    double clientVpnConnectionHoursPerMonth) {

  public static CostSettings preset(Environment env) {
    return switch (env) {
      case DEV -> new CostSettings(200, 50, 1, 1, 5, 10, 60, 100, 1, 10, 40);
      case STAGING -> new CostSettings(450, 200, 1, 5, 20, 50, 60, 100, 5, 50, 40);
      case PROD -> new CostSettings(4000, 1000, 5, 50, 100, 500, 60, 100, 50, 500, 40);
    };
  }
}
