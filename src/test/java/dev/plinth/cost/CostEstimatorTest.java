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
                + 2 * H * 0.0416 * (1 - 0.60) // two t3.medium spot nodes, 60% below on-demand
                + 2 * 20 * 0.08, // their root volumes, priced at EKS's 20 GB default (see README)
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
            H * 0.065 + 100 * 0.115, // db.t4g.medium single-AZ, 100 GB gp3
            "dev-cache",
            1 * H * 0.032, // one cache.t4g.small node
            "dev-secrets",
            1 * 0.40, // the cache's AUTH token
            "dev-keys",
            8 * 1.00, // KMS keys: logs, database, cache, secrets, backup, cluster, alerts, audit
            "dev-monitoring",
            12 * 0.10, // alarms: ALB 3, PostgreSQL 4, Redis 3 (no replica lag), nodes 2
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
            H * 0.10 + 2 * H * 0.0832 + 2 * 20 * 0.08, // control plane, two t3.large nodes, volumes
            "staging-network",
            1 * H * 0.045 + 1 * H * 0.005 + 200 * 0.045,
            "staging-edge-lb",
            H * 0.0225 // ALB hours
                + 1 * H * 0.008 // 1 LCU on average
                + 3 * H * 0.005, // a public IPv4 address per subnet of the internet-facing ALB
            "staging-edge-waf",
            5 + 5 * 1.00 + 5 * 0.60, // web ACL, 5 rules or rule groups, 5 M requests
            "staging-db",
            H * 0.159 * 2 + 100 * 0.23, // db.m6g.large Multi-AZ, 100 GB gp3 Multi-AZ
            "staging-cache",
            2 * H * 0.032, // one shard, primary + replica, cache.t4g.small
            "staging-secrets",
            0.40,
            "staging-keys",
            8 * 1.00,
            "staging-monitoring",
            13 * 0.10, // alarms: ALB 3, PostgreSQL 4, Redis 4, nodes 2
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
                + 3 * H * 0.096
                + 3 * 20 * 0.08, // control plane, three m6i.large nodes, volumes
            "prod-network",
            3 * H * 0.045 + 3 * H * 0.005 + 1000 * 0.045,
            "prod-edge-lb",
            H * 0.0225 // ALB hours
                + 5 * H * 0.008 // 5 LCU on average
                + 3 * H * 0.005, // a public IPv4 address per subnet of the internet-facing ALB
            "prod-edge-waf",
            5 + 5 * 1.00 + 50 * 0.60, // web ACL, 5 rules or rule groups, 50 M requests
            "prod-db",
            H * 0.45 * 2
                + 100 * 0.23 // db.r6g.xlarge Multi-AZ primary, 100 GB gp3 Multi-AZ
                + H * 0.45 // one read replica, single-AZ
                + 1.00, // the key of the replicated automated backups in the DR region
            "prod-cache",
            6 * H * 0.206, // three shards of primary + replica, cache.r6g.large
            "prod-secrets",
            0.40,
            "prod-keys",
            8 * 1.00,
            "prod-backups",
            1.00, // the replicated backups' key in the DR region
            "prod-monitoring",
            14 * 0.10, // the same and the replica's lag
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
            + 3 * 20 * 0.08 // their 20 GB gp3 disks (EKS default size)
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
            + 1000 * 0.045 // NAT data processed
            + 100 * (0.50 + 0.03) // logs
            + 500 * 0.023; // S3 Standard
    assertThat(report.total()).isCloseTo(expected, within(0.001));
    assertThat(report.notes())
        .as("notes of the baseline: only the unpriced backup replication")
        .singleElement()
        .asString()
        .contains("prod-db-backup-replication");
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

  @Test
  void replicatedAutomatedBackupsAreNamedInANoteNotGuessed() {
    CostReport prod =
        CostEstimator.estimate(
            Plans.ofStack("prod"), CostSettings.preset(Environment.PROD), "us-east-1");
    CostReport dev =
        CostEstimator.estimate(
            Plans.ofStack("dev"), CostSettings.preset(Environment.DEV), "us-east-1");

    assertThat(prod.notes())
        .singleElement()
        .asString()
        .contains("prod-db-backup-replication")
        .contains("not priced");
    assertThat(dev.notes()).as("notes of dev, which replicates nothing").isEmpty();
  }

  @Test
  void anotherRegionIsPricedAtUsEast1AndSaysSo() {
    CostReport report =
        CostEstimator.estimate(
            Plans.ofStack("dev"), CostSettings.preset(Environment.DEV), "eu-west-1");

    assertThat(report.notes())
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
    CostSettings tight = new CostSettings(10, 0, 0, 0, 0, 0, 60);
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
              assertThat(p.source()).as(p.key()).matches(".*\\[(IC|KP|3P|AWS)\\].*");
            });
  }
}
