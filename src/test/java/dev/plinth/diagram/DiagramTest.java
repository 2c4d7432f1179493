package dev.plinth.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.policy.FixturesAccess;
import dev.plinth.testing.GraphBuilder;
import dev.plinth.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramTest {
  @TempDir Path dir;

  static List<String> edges(Diagram d) {
    return d.edges().stream().map(e -> e.from() + " -> " + e.to() + " " + e.label()).toList();
  }

  @Test
  void theWholePlatformShowsTheTrafficPathFromTheInternetToTheData() {
    Diagram d = Diagram.of(FixturesAccess.compliant("prod").build());

    assertThat(edges(d))
        .contains(
            "internet -> n_prod_edge_waf_acl HTTPS",
            "n_prod_edge_waf_acl -> n_prod_edge_lb_alb allowed requests",
            "n_prod_edge_lb_alb -> n_prod_pods app port",
            "n_prod_pods -> n_prod_db_primary 5432",
            "n_prod_pods -> n_prod_cache_redis 6379",
            "n_prod_pods -> n_prod_nat egress",
            "n_prod_db_primary -> n_prod_db_replica_1 replication",
            "n_prod_db_primary -> n_prod_backup_vault backups",
            "n_prod_backup_vault -> dr_region copies",
            "n_prod_backup_bucket -> dr_region replication");
  }

  @Test
  void wherePlinthBuildsAProxyThePodsReachThePrimaryOnlyThroughIt() {
    List<String> prod = edges(Diagram.of(dev.plinth.testing.Plans.ofStack("prod")));
    List<String> development = edges(Diagram.of(dev.plinth.testing.Plans.ofStack("dev")));

    assertThat(prod)
        .contains(
            "n_prod_pods -> n_prod_db_proxy 5432", "n_prod_db_proxy -> n_prod_db_primary pool")
        .doesNotContain("n_prod_pods -> n_prod_db_primary 5432");
    assertThat(development)
        .contains("n_dev_pods -> n_dev_db_primary 5432")
        .noneMatch(e -> e.contains("proxy"));
  }

  @Test
  void operatorsReachTheDataOnlyThroughSessionManagerNeverFromTheInternet() {
    Diagram d = Diagram.of(FixturesAccess.compliant("prod").build());

    assertThat(edges(d))
        .contains(
            "operators -> n_prod_access_instance Session Manager (IAM, logged)",
            "n_prod_access_instance -> n_prod_db_primary 5432 forward",
            "n_prod_access_instance -> n_prod_cache_redis 6379 forward",
            "n_prod_access_instance -> n_prod_access_preferences"
                + " session logs (S3, CloudWatch, KMS)")
        .noneMatch(e -> e.startsWith("internet -> n_prod_access"));
    assertThat(d.edges())
        .filteredOn(e -> e.to().equals("n_prod_access_instance"))
        .allSatisfy(e -> assertThat(e.dashed()).as("%s is a control path", e).isTrue());
  }

  @Test
  void componentsAreGroupsAndManyAlikeResourcesAreOneNode() {
    Diagram d = Diagram.of(Plans.ofStack("prod"));

    assertThat(d.groups().keySet())
        .contains("prod-network (plinth:network:Network)", "prod-keys (plinth:data:Keys)");
    var labels =
        d.groups().values().stream().flatMap(List::stream).map(Diagram.Node::label).toList();
    assertThat(labels).contains("NAT gateway x3", "private subnets x3", "public subnets x3");
    assertThat(labels).noneMatch(l -> l.contains("rta") || l.contains("route"));
    assertThat(edges(d))
        .contains("n_prod_pods -> n_prod_nat egress", "n_prod_nat -> n_prod_igw egress");
  }

  @Test
  void thePodsTakeImagesOnlyFromTheRepositoryTheirDeploymentPullsFrom() {
    Diagram d = Diagram.of(Plans.ofStack("prod"));

    assertThat(edges(d))
        .contains("n_prod_registry_app_api -> n_prod_pods images")
        .doesNotContain("n_prod_registry_app_worker -> n_prod_pods images");
  }

  @Test
  void behindACdnTheInternetReachesTheEdgeWafThenCloudFrontWhichAloneReachesTheAlb() {
    Diagram d = Diagram.of(Plans.ofStack("staging"));

    assertThat(edges(d))
        .contains(
            "internet -> n_staging_edge_cdn_waf_acl HTTPS",
            "n_staging_edge_cdn_waf_acl -> n_staging_edge_cdn_distribution allowed requests",
            "n_staging_edge_cdn_distribution -> n_staging_edge_lb_alb HTTPS + origin header"
                + " (uncached)")
        .noneMatch(e -> e.startsWith("internet -> n_staging_edge_lb_alb"));
  }

  @Test
  void absentPartsAreSkipped() {
    GraphBuilder g = FixturesAccess.compliant("dev");
    g.drop("dev-edge-waf-acl").drop("dev-edge-waf-association").drop("dev-edge-waf-logging");
    g.drop("dev-cache-redis");
    Diagram d = Diagram.of(g.build());

    assertThat(edges(d)).contains("internet -> n_dev_edge_lb_alb HTTP(S)");
    assertThat(edges(d)).noneMatch(e -> e.contains("redis") || e.contains("waf"));
  }

  @Test
  void theFileExtensionPicksTheFormat() throws Exception {
    Diagram d = Diagram.of(Plans.ofStack("dev"));
    DiagramWriter.write(d, dir.resolve("a.dot"));
    DiagramWriter.write(d, dir.resolve("a.mmd"));

    assertThat(Files.readString(dir.resolve("a.dot")))
        .startsWith("digraph \"dev\" {")
        .contains("subgraph cluster_0");
    assertThat(Files.readString(dir.resolve("a.mmd")))
        .startsWith("flowchart LR")
        .contains("subgraph g0");
  }
}
