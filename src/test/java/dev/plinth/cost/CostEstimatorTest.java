package dev.plinth.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plinth.config.CostSettings;
import dev.plinth.config.Environment;
import dev.plinth.policy.FixturesAccess;
import dev.plinth.testing.GraphBuilder;
import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each estimate equals a figure computed by hand from the price table (prices written out here as
 * the table gives them, 730 hours a month), never by calling the estimator twice.
 */
class CostEstimatorTest {
  static final double H = 730;

  /**
   * The estimate of a real stack, component by component, against figures computed by hand. A
   * component this table does not list fails the test, naming it: add its arithmetic here.
   */
  static void assertEstimate(String stack, Environment env, Map<String, Double> byHand) {
    CostReport report =
        CostEstimator.estimate(Plans.ofStack(stack), CostSettings.preset(env), "us-east-1");

    assertThat(report.byComponent().keySet())
        .as("priced components of %s", stack)
        .isEqualTo(byHand.keySet());
    byHand.forEach(
        (component, usd) ->
            assertThat(report.byComponent().get(component))
                .as("%s of %s", component, stack)
                .isCloseTo(usd, within(0.001)));
    assertThat(report.total())
        .as("total of %s", stack)
        .isCloseTo(byHand.values().stream().mapToDouble(Double::doubleValue).sum(), within(0.001));
  }

  /** Component to monthly dollars, from alternating names and figures. */
  static Map<String, Double> costs(Object... namesAndFigures) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndFigures.length; i += 2) {
      out.put((String) namesAndFigures[i], ((Number) namesAndFigures[i + 1]).doubleValue());
    }
    return out;
  }

  @Test
  void devCostsOneNatGatewayItsAddressTheLogsKeyAndTheUsage() {
    assertEstimate(
        "dev",
        Environment.DEV,
        costs(
            "dev-cluster",
            H * 0.10 // EKS control plane
                + 1 * H * 0.0336 * (1 - 0.60) // one t4g.medium spot node, 60% below on-demand
                + 1 * 50 * 0.08, // its 50 GB root volume, from the launch template
            "dev-network",
            1 * H * 0.045 // NAT gateway
                + 1 * H * 0.005 // its Elastic IP (public IPv4)
                + 50 * 0.045, // NAT data processed: 50 GB
            "dev-edge-lb",
            H * 0.0225 // ALB hours
                + 1 * H * 0.008 // 1 LCU on average
                + 2 * H * 0.005, // a public IPv4 address per subnet of the internet-facing ALB
            "dev-edge-waf",
            5 + 5 * 1.00 + 1 * 0.60, // web ACL, 5 rules or rule groups, 1 M requests
            "dev-db",
            H * 0.016
                + 20 * 0.115 // db.t4g.micro single-AZ, 20 GB gp3
                + 0.40, // the master credentials' secret
            "dev-cache",
            1 * H * 0.016, // one cache.t4g.micro node
            "dev-secrets",
            1 * 0.40, // the cache's AUTH token
            "dev-keys",
            1 * 1.00, // one KMS key shared by every domain (plinth:keys.layout shared)
            "dev-monitoring",
            // alarm metrics: ALB 5xx rate 2 (errors, requests), p95 1, unhealthy 1; PostgreSQL 4;
            // Redis CPU, memory, evictions 1 each (one node); nodes 2
            (2 + 1 + 1 + 4 + 3 * 1 + 2) * 0.10,
            "usage",
            5 * (0.50 + 0.03) // logs: 5 GB ingested and stored
                + 10 * 0.023)); // S3 Standard: 10 GB
  }

  @Test
  void stagingSharesOneNatGatewayAcrossThreeZones() {
    assertEstimate(
        "staging",
        Environment.STAGING,
        costs(
            "staging-cluster",
            H * 0.10 + 2 * H * 0.0336 + 2 * 50 * 0.08, // control plane, two t4g.medium, 50 GB each
            "staging-network",
            1 * H * 0.045 + 1 * H * 0.005 + 200 * 0.045,
            "staging-edge-lb",
            H * 0.0225 // ALB hours
                + 1 * H * 0.008 // 1 LCU on average
                + 3 * H * 0.005, // a public IPv4 address per subnet of the internet-facing ALB
            "staging-edge-cdn-waf",
            5 + 5 * 1.00 + 5 * 0.60, // the edge web ACL, 5 rules or rule groups, 5 M requests
            "staging-edge-cdn",
            5 * 100 * 0.01 + 50 * 0.085, // 5 M HTTPS requests at $0.01/10k, 50 GB out at $0.085
            "staging-db",
            H * 0.065 * 2
                + 100 * 0.23 // db.t4g.medium Multi-AZ, 100 GB gp3 Multi-AZ
                + 2 * H * 0.015 // RDS Proxy: db.t4g.medium's 2 vCPUs, the minimum
                + 0.40, // the master credentials' secret
            "staging-cache",
            2 * H * 0.032, // one shard, primary + replica, cache.t4g.small
            "staging-secrets",
            0.40 + 0.40, // the cache's AUTH token and the CDN's origin header
            "staging-keys",
            8 * 1.00, // a key per domain
            "staging-monitoring",
            // alarm metrics: ALB 2 + 1 + 1; PostgreSQL 4 and the proxy's client connections;
            // Redis CPU, memory, evictions and replication lag over 2 nodes each; nodes 2
            (2 + 1 + 1 + 4 + 1 + 4 * 2 + 2) * 0.10,
            "staging-access",
            H * 0.0042 + 20 * 0.08, // the operator's t4g.nano and its 20 GB gp3 root volume
            "usage",
            20 * (0.50 + 0.03) + 50 * 0.023));
  }

  @Test
  void prodPaysANatGatewayAndAnAddressPerZone() {
    assertEstimate(
        "prod",
        Environment.PROD,
        costs(
            "prod-cluster",
            H * 0.10
                + 3 * H * 0.192
                + 3 * 50 * 0.08, // control plane, three m6i.xlarge nodes, 50 GB volumes
            "prod-network",
            3 * H * 0.045 + 3 * H * 0.005 + 1000 * 0.045,
            "prod-edge-lb",
            H * 0.0225 // ALB hours
                + 5 * H * 0.008 // 5 LCU on average
                + 3 * H * 0.005 // a public IPv4 address per subnet of the internet-facing ALB
                + 0.10, // the origin-health alarm the pair's health check reads (one metric)
            "prod-edge-cdn-waf",
            5 + 5 * 1.00 + 50 * 0.60, // the edge's web ACL, 5 rules or rule groups, 50 M requests
            "prod-edge-cdn",
            50 * 100 * 0.01 + 500 * 0.085, // 50 M HTTPS requests, 500 GB to viewers
            "prod-db",
            H * 0.45 * 2
                + 100 * 0.23 // db.r6g.xlarge Multi-AZ primary, 100 GB gp3 Multi-AZ
                + H * 0.45 // one read replica, single-AZ
                + 4 * H * 0.015 // RDS Proxy: db.r6g.xlarge's 4 vCPUs
                + 1.00 // the key of the replicated automated backups in the DR region
                + 100 * 0.095 // the replicated backups: 100 GB (backupCopyGb) of backup storage
                + 100 * 0.02 // and their transfer to us-west-2
                + 0.40 // the master credentials' secret
                + 0.40, // its replica in the DR region, billed as a secret
            "prod-cache",
            3 * H * 0.206, // one shard of primary + two replicas, cache.r6g.large
            "prod-secrets",
            // the cache's AUTH token, the CDN's origin header, and their replicas in the DR region
            2 * (0.40 + 0.40),
            "prod-keys",
            8 * 1.00 + 1.00, // the eight domains' keys and the secrets key in the DR region
            "prod-backups",
            1.00 // the replicated backups' key in the DR region
                + 100 * 0.095 // AWS Backup's copy to the DR vault: 100 GB stored
                + 100 * 0.02, // and sent to us-west-2
            "prod-monitoring",
            // alarm metrics: ALB 2 + 1 + 1; PostgreSQL 4, the proxy's client connections and
            // the replica's lag; Redis CPU, memory, evictions and replication lag over 3 nodes
            // each; nodes 2
            (2 + 1 + 1 + 4 + 1 + 1 + 4 * 3 + 2) * 0.10,
            "prod-access",
            H * 0.0042 + 20 * 0.08, // the operator's t4g.nano and its 20 GB gp3 root volume
            "usage",
            100 * (0.50 + 0.03) + 500 * 0.023));
  }

  @Test
  void theWholePlatformIsPricedLineByLine() {
    GraphBuilder g = FixturesAccess.compliant("prod");
    CostSettings usage = CostSettings.preset(Environment.PROD);
    CostReport report = CostEstimator.estimate(g.build(), usage, "us-east-1");

    double expected =
        H * 0.10 // EKS control plane, the newest version, in standard support
            + 3 * H * 0.096 // 3 m6i.large nodes
            + 3 * 50 * 0.08 // their 50 GB gp3 disks, from the launch template
            + 2 * H * 0.045 // 2 NAT gateways
            + 2 * H * 0.005 // 2 Elastic IPs
            + H * 0.0225 // ALB
            + 5 * H * 0.008 // 5 LCU
            + 2 * H * 0.005 // the ALB's address in each of its 2 subnets
            + 5.00
            + 3 * 1.00 // web ACL with 3 rules
            + 50 * 0.60 // 50 M requests
            + H * 0.225 * 2
            + 100 * 0.23 // db.r6g.large Multi-AZ, 100 GB Multi-AZ gp3
            + H * 0.225
            + 100 * 0.115 // the single-AZ read replica and its storage
            + 3 * H * 0.206 // 3 cache.r6g.large nodes (one shard, two replicas)
            + 2 * 1.00 // two KMS keys (data, audit)
            + 0.40 // a secret
            + 0.10 // an alarm
            + H * 0.0042
            + 20 * 0.08 // the operator's t4g.nano and its 20 GB root volume
            + H * 0.10 // the Client VPN's one subnet association
            + 40 * 0.05 // its 40 assumed connection-hours (clientVpnConnectionHoursPerMonth)
            + 3 * H * 0.511 // OpenSearch: 3 m6g.2xlarge.search data nodes
            + 3 * H * 0.128 // 3 m6g.large.search dedicated masters
            + 3 * 100 * 0.122 // a 100 GB gp3 volume per data node
            + 1000 * 0.045 // NAT data processed
            + 100 * (0.50 + 0.03) // logs
            + 500 * 0.023 // S3 Standard
            + 2 * (100 * 0.095 + 100 * 0.02); // RDS's and AWS Backup's copies to us-west-2
    assertThat(report.total()).isCloseTo(expected, within(0.001));
    assertThat(report.notes()).as("notes of the baseline: everything priced").isEmpty();
  }

  @Test
  void interfaceEndpointsArePricedPerZoneAndGatewayEndpointsAreFree() {
    GraphBuilder g = FixturesAccess.compliant("prod");
    CostSettings usage = CostSettings.preset(Environment.PROD);
    double before = CostEstimator.estimate(g.build(), usage, "us-east-1").total();
    g.add(
            "aws:ec2/vpcEndpoint:VpcEndpoint",
            "prod-access-endpoint-ssm",
            "{vpcEndpointType: 'Interface', subnetIds: ['a', 'b', 'c']}")
        .add(
            "aws:ec2/vpcEndpoint:VpcEndpoint",
            "prod-network-s3",
            "{vpcEndpointType: 'Gateway', routeTableIds: ['rt']}");
    double after = CostEstimator.estimate(g.build(), usage, "us-east-1").total();

    assertThat(after - before).isCloseTo(3 * H * 0.01, within(0.001));
  }

  @Test
  void spotNodesAreDiscountedByTheStatedAssumption() {
    GraphBuilder g = FixturesAccess.compliant("prod");
    double onDemand =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1")
            .total();
    g.set("prod-cluster-nodes", "capacityType", "'SPOT'");
    double spot =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1")
            .total();

    assertThat(onDemand - spot).isCloseTo(3 * H * 0.096 * 0.60, within(0.001));
  }

  @Test
  void extendedSupportVersionsPayTheHigherControlPlanePrice() {
    GraphBuilder g = FixturesAccess.compliant("prod");
    double standard =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1")
            .total();
    g.set("prod-cluster-eks", "version", "'1.32'");
    double extended =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1")
            .total();

    assertThat(extended - standard).isCloseTo(H * (0.60 - 0.10), within(0.001));
  }

  /** The lines of an estimate whose item names a resource and starts with a word. */
  static java.util.List<CostLine> lines(CostReport report, String resource, String startsWith) {
    return report.lines().stream()
        .filter(l -> l.item().startsWith(startsWith) && l.item().endsWith(" " + resource))
        .toList();
  }

  @Test
  void replicatedAutomatedBackupsArePricedFromTheStatedCopySizeStoredAndSent() {
    CostSettings preset = CostSettings.preset(Environment.PROD);
    CostReport prod = CostEstimator.estimate(Plans.ofStack("prod"), preset, "us-east-1");
    CostSettings doubled =
        new CostSettings(
            preset.budgetMonthlyUsd(),
            preset.trafficGbPerMonth(),
            preset.albAverageLcus(),
            preset.wafRequestsMillionsPerMonth(),
            preset.logsGbPerMonth(),
            preset.s3GbStored(),
            preset.spotDiscountPercent(),
            2 * preset.backupCopyGb(),
            preset.cdnRequestsMillionsPerMonth(),
            preset.cdnTransferGbPerMonth(),
            preset.clientVpnConnectionHoursPerMonth());
    CostReport bigger = CostEstimator.estimate(Plans.ofStack("prod"), doubled, "us-east-1");
    CostReport dev =
        CostEstimator.estimate(
            Plans.ofStack("dev"), CostSettings.preset(Environment.DEV), "us-east-1");

    var storage = lines(prod, "prod-db-backup-replication", "replicated automated backups storage");
    var transfer =
        lines(prod, "prod-db-backup-replication", "replicated automated backups transfer");
    assertThat(storage)
        .as("the DR region's backup storage of prod-db-backup-replication")
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.item()).contains("in us-west-2");
              assertThat(l.monthlyUsd()).isCloseTo(100 * 0.095, within(0.001));
            });
    assertThat(transfer)
        .as("the transfer to the DR region of prod-db-backup-replication")
        .singleElement()
        .satisfies(l -> assertThat(l.monthlyUsd()).isCloseTo(100 * 0.02, within(0.001)));
    assertThat(bigger.total() - prod.total())
        .as("twice plinth:cost.backupCopyGb adds the same again, for RDS's and AWS Backup's copy")
        .isCloseTo(2 * (100 * 0.095 + 100 * 0.02), within(0.001));
    assertThat(prod.notes())
        .as("notes of prod: the backup copies are priced")
        .noneMatch(n -> n.contains("backup"));
    assertThat(dev.lines())
        .as("dev copies no backups to another region")
        .noneMatch(l -> l.item().contains("transfer to"));
  }

  @Test
  void aBackupCopyWithinTheStacksRegionIsStorageOnly() {
    GraphBuilder g = FixturesAccess.compliant("prod");
    g.set(
        "prod-backup-plan",
        "rules.0.copyActions.0.destinationVaultArn",
        "'arn:aws:backup:us-east-1:123456789012:backup-vault:other'");
    CostReport report =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1");

    assertThat(lines(report, "prod-backup-plan", "AWS Backup copy"))
        .as("the copy lines of prod-backup-plan, copying within us-east-1")
        .singleElement()
        .satisfies(l -> assertThat(l.item()).contains("storage in us-east-1"));
  }

  @Test
  void aMetricMathAlarmIsPricedPerMetricItQueries() {
    GraphBuilder g = FixturesAccess.compliant("prod");
    double single =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1")
            .total();
    g.add(
        "aws:cloudwatch/metricAlarm:MetricAlarm",
        "prod-monitoring-cache-cpu",
        "{metricQueries: [{id: 'worst', expression: 'MAX([n0, n1, n2])', returnData: true},"
            + " {id: 'n0', metric: {metricName: 'EngineCPUUtilization', period: 60, stat:"
            + " 'Maximum'}}, {id: 'n1', metric: {metricName: 'EngineCPUUtilization', period: 60,"
            + " stat: 'Maximum'}}, {id: 'n2', metric: {metricName: 'EngineCPUUtilization',"
            + " period: 60, stat: 'Maximum'}}]}");
    CostReport report =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1");

    assertThat(report.total() - single)
        .as("prod-monitoring-cache-cpu: three metrics and an expression, the expression free")
        .isCloseTo(3 * 0.10, within(0.001));
    assertThat(lines(report, "prod-monitoring-cache-cpu", "alarm"))
        .singleElement()
        .satisfies(l -> assertThat(l.item()).contains("3 metrics"));
  }

  @Test
  void nodeDisksComeFromTheLaunchTemplateTheGroupNames() {
    GraphBuilder g = FixturesAccess.compliant("prod");
    double at50 =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1")
            .total();
    g.set("prod-cluster-nodes-lt", "blockDeviceMappings.0.ebs.volumeSize", "80");
    double at80 =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1")
            .total();

    assertThat(at80 - at50)
        .as("3 nodes of prod-cluster-nodes, each 30 GB more in prod-cluster-nodes-lt")
        .isCloseTo(3 * 30 * 0.08, within(0.001));
  }

  @Test
  void secretReplicasArePricedAsSecretsAndTheRotationFunctionIsNamedInANote() {
    CostReport prod =
        CostEstimator.estimate(
            Plans.ofStack("prod"), CostSettings.preset(Environment.PROD), "us-east-1");
    CostReport staging =
        CostEstimator.estimate(
            Plans.ofStack("staging"), CostSettings.preset(Environment.STAGING), "us-east-1");

    assertThat(prod.lines())
        .filteredOn(l -> l.item().startsWith("secret replica (us-west-2)"))
        .extracting(CostLine::item)
        .containsExactlyInAnyOrder(
            "secret replica (us-west-2) prod-db-master-secret",
            "secret replica (us-west-2) prod-secrets-cache-auth-token",
            "secret replica (us-west-2) prod-secrets-cdn-origin-header");
    assertThat(staging.lines())
        .as("staging replicates no secret")
        .noneMatch(l -> l.item().startsWith("secret replica"));
    assertThat(prod.notes())
        .filteredOn(n -> n.contains("rotation function"))
        .singleElement()
        .asString()
        .contains("prod-db-rotation")
        .contains("not priced");
  }

  @Test
  void anotherRegionIsPricedAtUsEast1AndSaysSo() {
    CostReport report =
        CostEstimator.estimate(
            Plans.ofStack("dev"), CostSettings.preset(Environment.DEV), "eu-west-1");

    assertThat(report.notes())
        .filteredOn(n -> n.contains("the stack is in"))
        .singleElement()
        .asString()
        .contains("eu-west-1")
        .contains("us-east-1 prices");
  }

  @Test
  void anUnknownInstanceClassIsNamedNotGuessed() {
    GraphBuilder g = FixturesAccess.compliant("prod");
    g.set("prod-db-replica-1", "instanceClass", "'db.x2g.16xlarge'");
    CostReport report =
        CostEstimator.estimate(g.build(), CostSettings.preset(Environment.PROD), "us-east-1");

    assertThat(report.notes())
        .filteredOn(n -> n.contains("db.x2g.16xlarge"))
        .singleElement()
        .asString()
        .contains("prod-db-replica-1");
  }

  @Test
  void overBudgetIsStated() {
    CostSettings tight = new CostSettings(10, 0, 0, 0, 0, 0, 60, 0, 0, 0, 0);
    CostReport report = CostEstimator.estimate(Plans.ofStack("dev"), tight, "us-east-1");

    assertThat(report.withinBudget()).isFalse();
    assertThat(report.budgetVerdict()).startsWith("OVER the budget of $10.00 by $");
  }

  @Test
  void everyPriceHasASourceAndTheTableHasADate() {
    PriceTable table = PriceTable.standard();

    assertThat(table.date()).isEqualTo("2026-11-01");
    assertThat(table.prices().values())
        .allSatisfy(
            p -> {
              assertThat(p.usd()).as(p.key()).isPositive();
              assertThat(p.source()).as(p.key()).matches(".*\\[(IC|KP|3P|AWS|DER)\\].*");
            });
  }

  @Test
  void aDerivedPriceIsItsMultipleOfTheRowItNames() {
    PriceTable table = PriceTable.standard();
    var derived =
        table.prices().values().stream().filter(p -> p.source().contains("[DER]")).toList();

    assertThat(derived).isNotEmpty();
    for (var p : derived) {
      var m = java.util.regex.Pattern.compile("\\[DER\\] (\\d+) x ([\\w.]+)").matcher(p.source());
      assertThat(m.find()).as("%s names a multiple of a row: %s", p.key(), p.source()).isTrue();
      double base = table.usd(m.group(2));
      assertThat(p.usd())
          .as("%s = %s x %s", p.key(), m.group(1), m.group(2))
          .isCloseTo(
              Integer.parseInt(m.group(1)) * base, org.assertj.core.api.Assertions.within(1e-9));
    }
  }
}
