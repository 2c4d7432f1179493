package dev.plinth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Defects 8 (zones by id, none EKS refuses) and 21 (path-MTU discovery). */
class ZonesAndPathMtuTest {
  static final String SUBNET = "aws:ec2/subnet:Subnet";

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void subnetsArePlacedByZoneIdAndNeverWhereEksRefuses(String env) {
    ResourceGraph plan = Plans.ofStack(env);

    assertThat(plan.ofType(SUBNET))
        .allSatisfy(
            s ->
                assertThat(s.input("availabilityZoneId"))
                    .as("zone id of subnet %s", s.name())
                    .hasValueSatisfying(
                        id ->
                            assertThat(id.asText())
                                .startsWith("use1-az")
                                .isNotEqualTo("use1-az3")));
    List<String> ids = new ArrayList<>();
    plan.outputs().get("availabilityZoneIds").forEach(n -> ids.add(n.asText()));
    assertThat(ids)
        .as("the stack's zone ids, shown in the plan")
        .isEqualTo(
            env.equals("dev")
                ? List.of("use1-az1", "use1-az2")
                : List.of("use1-az1", "use1-az2", "use1-az4"));
  }

  @Test
  void inARegionWithoutRefusedZonesTheFirstIdsAreTakenInThatRegionsCode() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "staging",
                java.util.Map.of(
                    "aws:region",
                    "eu-west-1",
                    // a CDN needs us-east-1 (plinth:edge.cdn)
                    "plinth:edge",
                    java.util.Map.of(
                        "domain",
                        "staging.app.example.com",
                        "hostedZoneId",
                        "Z00000000PLACEHOLDER",
                        "cdn",
                        java.util.Map.of("enabled", false)))));

    List<String> ids = new ArrayList<>();
    plan.outputs().get("availabilityZoneIds").forEach(n -> ids.add(n.asText()));
    assertThat(ids).containsExactly("euw1-az1", "euw1-az2", "euw1-az3");
  }

  @Test
  void zonesAreChosenByIdWhateverNamesTheAccountGivesThem() {
    // An account whose names map to ids in another order, as AWS does per account.
    List<String> names =
        List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f");
    List<String> ids =
        List.of("use1-az4", "use1-az6", "use1-az1", "use1-az3", "use1-az2", "use1-az5");

    List<ZoneIds.Zone> chosen = ZoneIds.choose("us-east-1", names, ids, List.of(), 4);

    assertThat(chosen)
        .containsExactly(
            new ZoneIds.Zone("us-east-1c", "use1-az1"),
            new ZoneIds.Zone("us-east-1e", "use1-az2"),
            new ZoneIds.Zone("us-east-1a", "use1-az4"),
            new ZoneIds.Zone("us-east-1f", "use1-az5"));
    assertThat(ZoneIds.choose("us-east-1", names, ids, List.of("use1-az6", "use1-az2"), 2))
        .extracting(ZoneIds.Zone::name)
        .containsExactly("us-east-1b", "us-east-1e");
    assertThatThrownBy(() -> ZoneIds.choose("us-east-1", names, ids, List.of(), 6))
        .hasMessageContaining("plinth:network.azCount is 6")
        .hasMessageContaining("has only 5 available zones EKS supports");
  }

  @ParameterizedTest
  @CsvSource({
    "us-east-1, use1",
    "us-west-2, usw2",
    "eu-central-1, euc1",
    "ap-southeast-2, apse2",
    "ap-northeast-1, apne1",
    "us-gov-west-1, usgw1",
    "ca-central-1, cac1"
  })
  void zoneIdsCarryTheirRegionsCode(String region, String code) {
    assertThat(ZoneIds.regionCode(region)).contains(code);
    assertThat(ZoneIds.belongsTo(code + "-az2", region)).isTrue();
    assertThat(ZoneIds.belongsTo("xyz9-az2", region)).isFalse();
  }

  private static boolean fragmentationNeeded(JsonNode entry) {
    return entry.path("protocol").asText().equals("icmp")
        && entry.path("icmpType").asInt() == 3
        && entry.path("icmpCode").asInt() == 4
        && entry.path("cidrBlock").asText().equals("0.0.0.0/0")
        && entry.path("action").asText().equals("allow");
  }

  @ParameterizedTest
  @ValueSource(strings = {"public", "private"})
  void theInternetFacingNaclsAdmitIcmpFragmentationNeeded(String tier) {
    RecordedResource nacl =
        Plans.ofStack("prod")
            .get("aws:ec2/networkAcl:NetworkAcl", "prod-network-" + tier + "-nacl");

    List<JsonNode> ingress = new ArrayList<>();
    nacl.input("ingress").orElseThrow().forEach(ingress::add);
    assertThat(ingress)
        .as("ingress of %s: ICMP type 3 code 4 from anywhere", nacl.name())
        .anySatisfy(e -> assertThat(fragmentationNeeded(e)).isTrue());
    List<JsonNode> egress = new ArrayList<>();
    nacl.input("egress").orElseThrow().forEach(egress::add);
    assertThat(egress)
        .as("egress of %s lets the ICMP replies out", nacl.name())
        .anySatisfy(e -> assertThat(e.path("protocol").asText()).isEqualTo("-1"));
  }

  @ParameterizedTest
  // staging and prod stand behind CloudFront: their groups admit only its prefix list, which counts
  // as 55 rules of 60, so no ICMP rule (LoadBalancer.admitCloudFront).
  @ValueSource(strings = {"dev"})
  void theLoadBalancersGroupAdmitsIcmpFragmentationNeededAndNoOtherIcmp(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    String albSg = plan.get("aws:ec2/securityGroup:SecurityGroup", env + "-edge-lb-sg").id();

    assertThat(
            plan.where(
                r ->
                    r.type().equals("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                        && r.text("securityGroupId").equals(albSg)
                        && r.text("ipProtocol").equals("icmp")))
        .as("ICMP rules of %s-edge-lb-sg", env)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.input("fromPort").orElseThrow().asInt()).as("ICMP type").isEqualTo(3);
              assertThat(r.input("toPort").orElseThrow().asInt()).as("ICMP code").isEqualTo(4);
              assertThat(r.text("cidrIpv4")).isEqualTo("0.0.0.0/0");
            });
  }
}
