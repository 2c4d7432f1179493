package dev.plinth.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plinth.config.CostSettings;
import dev.plinth.config.Environment;
import dev.plinth.config.OfficeHoursSettings;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Office hours in the estimate: the node group and the database priced for the scheduled hours
 * (figures by hand from the price table), everything else for 730.
 */
class OfficeHoursCostTest {
  /** Mon-fri 08:00-20:00: 60 h a week, 60 x 730/168 h in the estimate's month. */
  static final double HOURS = 60 * 730.0 / 168;

  static CostReport dev(OfficeHoursSettings hours) {
    return CostEstimator.estimate(
        Plans.ofStack("dev"), CostSettings.preset(Environment.DEV), "us-east-1", hours);
  }

  static CostLine line(CostReport report, String item) {
    return report.lines().stream()
        .filter(l -> l.item().equals(item))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cost line " + item));
  }

  @Test
  void devsNodesAndDatabaseArePricedForTheOfficeHoursOnly() {
    CostReport report = dev(OfficeHoursSettings.preset(Environment.DEV));

    CostLine nodes = line(report, "nodes (t4g.medium, spot) dev-cluster-nodes");
    assertThat(nodes.monthlyUsd()).isCloseTo(1 * HOURS * 0.0336 * (1 - 0.60), within(0.001));
    assertThat(nodes.basis())
        .isEqualTo(
            "1 x 260.7 h (office hours [mon, tue, wed, thu, fri] 08:00-20:00 UTC: 60 h/week)"
                + " x $0.0336/h x 0.4 (spot)");
    assertThat(line(report, "node disks dev-cluster-nodes").monthlyUsd())
        .as("root volumes (50 GB in the launch template), deleted with their nodes")
        .isCloseTo(1 * 50 * 0.08 * HOURS / 730, within(0.001));
    assertThat(line(report, "PostgreSQL (db.t4g.micro) dev-db-primary").monthlyUsd())
        .isCloseTo(HOURS * 0.016, within(0.001));
    assertThat(line(report, "database storage dev-db-primary").monthlyUsd())
        .as("storage is paid while stopped")
        .isCloseTo(20 * 0.115, within(0.001));
    assertThat(line(report, "EKS control plane dev-cluster-eks").monthlyUsd())
        .as("the control plane cannot stop")
        .isCloseTo(730 * 0.10, within(0.001));
  }

  @Test
  void theEstimateDropsByExactlyTheHoursOutsideOffice() {
    CostReport all =
        CostEstimator.estimate(
            Plans.ofStack("dev"), CostSettings.preset(Environment.DEV), "us-east-1");
    CostReport office = dev(OfficeHoursSettings.preset(Environment.DEV));

    double off = 730 - HOURS;
    double saved = off * (1 * 0.0336 * 0.4 + 0.016) + 1 * 50 * 0.08 * off / 730;
    assertThat(all.total() - office.total()).isCloseTo(saved, within(0.001));
    assertThat(office.notes())
        .anySatisfy(n -> assertThat(n).contains("NAT gateways").contains("cannot stop"))
        .anySatisfy(n -> assertThat(n).startsWith("EventBridge Scheduler: about 156 invocations"));
  }

  @Test
  void settingsWithoutSchedulesInThePlanChangeNothing() {
    OfficeHoursSettings on =
        new OfficeHoursSettings(
            true, "UTC", List.of(OfficeHoursSettings.Day.MON), "08:00", "09:00");
    CostReport prod =
        CostEstimator.estimate(
            Plans.ofStack("prod"), CostSettings.preset(Environment.PROD), "us-east-1", on);
    CostReport plain =
        CostEstimator.estimate(
            Plans.ofStack("prod"), CostSettings.preset(Environment.PROD), "us-east-1");

    assertThat(prod.total()).isEqualTo(plain.total());
    assertThat(Map.copyOf(prod.byComponent())).isEqualTo(Map.copyOf(plain.byComponent()));
  }

  @Test
  void stagingsProxyIsPricedForTheWholeMonthAndItsLineSaysItAssumesSo() {
    CostReport staging =
        CostEstimator.estimate(
            Plans.ofStack("staging"),
            CostSettings.preset(Environment.STAGING),
            "us-east-1",
            OfficeHoursSettings.preset(Environment.STAGING));

    assertThat(line(staging, "PostgreSQL (db.t4g.medium, Multi-AZ) staging-db-primary").basis())
        .as("staging's database is stopped outside office hours")
        .startsWith("260.7 h (office hours");
    CostLine proxy = line(staging, "RDS Proxy (db.t4g.medium, 2 vCPU) staging-db-proxy-target");
    assertThat(proxy.monthlyUsd())
        .as("db.t4g.medium's 2 vCPUs (the minimum) x 730 h x $0.015")
        .isCloseTo(2 * 730 * 0.015, within(0.001));
    assertThat(proxy.basis())
        .as("the proxy's line names its assumption")
        .isEqualTo(
            "2 vCPU x 730 h x $0.015/vCPU-h (the whole month, though office hours stop its"
                + " instance: assumed billed while the instance is stopped, since AWS prices the"
                + " proxy per vCPU-hour of its instance and documents no pause; an upper bound)");
    assertThat(staging.notes())
        .anySatisfy(
            n -> assertThat(n).contains("cannot stop").contains("and so is RDS Proxy (assumed"));
  }

  @Test
  void prodsProxyRunsAllMonthWithNothingToAssume() {
    CostReport prod =
        CostEstimator.estimate(
            Plans.ofStack("prod"), CostSettings.preset(Environment.PROD), "us-east-1");
    assertThat(line(prod, "RDS Proxy (db.r6g.xlarge, 4 vCPU) prod-db-proxy-target").basis())
        .isEqualTo("4 vCPU x 730 h x $0.015/vCPU-h");
  }
}
