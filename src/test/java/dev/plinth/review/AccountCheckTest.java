package dev.plinth.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.PolicyMode;
import dev.plinth.policy.Types;
import dev.plinth.review.AccountCheck.Failure;
import dev.plinth.review.AccountCheck.Stack;
import dev.plinth.testing.GraphBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The account check over synthetic stacks: one kind of collision at a time. */
class AccountCheckTest {

  static Stack stack(String name, String account, String region, Consumer<GraphBuilder> body) {
    GraphBuilder b = new GraphBuilder(name).component("plinth:test:Component", name + "-c");
    body.accept(b);
    return new Stack(name, account, region, b.build());
  }

  /** A stack of one resource: {@code type}, {@code name}, with the inputs {@code inputs}. */
  static Stack one(
      String name, String account, String region, String type, String resource, String inputs) {
    return stack(name, account, region, b -> b.add(type, resource, inputs));
  }

  static List<String> messages(AccountCheck.Result result) {
    return result.failures().stream().map(Failure::message).toList();
  }

  @Test
  void repositoryNamesCollideWithinOneAccountsRegionNamingBothStacks() {
    var result =
        AccountCheck.check(
            List.of(
                one("dev", "main", "us-east-1", Types.ECR, "dev-api", "{name: 'api'}"),
                one("prod", "main", "us-east-1", Types.ECR, "prod-api", "{name: 'api'}")));

    assertThat(result.passes()).isFalse();
    assertThat(result.exitCode(PolicyMode.ENFORCE)).isEqualTo(Review.POLICY_VIOLATIONS);
    assertThat(result.exitCode(PolicyMode.ADVISORY)).isZero();
    assertThat(result.failures()).hasSize(1);
    assertThat(result.failures().get(0).check()).isEqualTo("unique name");
    assertThat(messages(result).get(0))
        .startsWith(
            "ECR repository api (aws:ecr/repository:Repository name) is created by dev (dev-api)"
                + " and prod (prod-api) in account main, us-east-1")
        .contains("RepositoryAlreadyExistsException");
  }

  @Test
  void regionScopedNamesDoNotCollideInAnotherRegionOrAnotherAccount() {
    var otherRegion =
        AccountCheck.check(
            List.of(
                one("a", "main", "us-east-1", Types.ECR, "a-api", "{name: 'api'}"),
                one("b", "main", "eu-west-1", Types.ECR, "b-api", "{name: 'api'}")));
    var otherAccount =
        AccountCheck.check(
            List.of(
                one("a", "main", "us-east-1", Types.ECR, "a-api", "{name: 'api'}"),
                one("b", "other", "us-east-1", Types.ECR, "b-api", "{name: 'api'}")));

    assertThat(messages(otherRegion)).isEmpty();
    assertThat(messages(otherAccount)).isEmpty();
  }

  @Test
  void roleNamesCollideAcrossRegionsOfOneAccountIgnoringCase() {
    var sameAccount =
        AccountCheck.check(
            List.of(
                one("a", "main", "us-east-1", Types.ROLE, "a-role", "{name: 'Deploy'}"),
                one("b", "main", "eu-west-1", Types.ROLE, "b-role", "{name: 'deploy'}")));
    var otherAccount =
        AccountCheck.check(
            List.of(
                one("a", "main", "us-east-1", Types.ROLE, "a-role", "{name: 'Deploy'}"),
                one("b", "other", "us-east-1", Types.ROLE, "b-role", "{name: 'Deploy'}")));

    assertThat(messages(sameAccount))
        .singleElement()
        .asString()
        .startsWith(
            "IAM role Deploy (aws:iam/role:Role name) is created by a (a-role) and b (b-role)")
        .contains("in account main;")
        .contains("Names are not distinguished by case");
    assertThat(messages(otherAccount)).isEmpty();
  }

  @Test
  void budgetAndDashboardNamesAreAccountWide() {
    var result =
        AccountCheck.check(
            List.of(
                stack(
                    "a",
                    "main",
                    "us-east-1",
                    b ->
                        b.add("aws:budgets/budget:Budget", "a-budget", "{name: 'monthly'}")
                            .add(
                                "aws:cloudwatch/dashboard:Dashboard",
                                "a-dash",
                                "{dashboardName: 'plinth'}")),
                stack(
                    "b",
                    "main",
                    "eu-west-1",
                    b ->
                        b.add("aws:budgets/budget:Budget", "b-budget", "{name: 'monthly'}")
                            .add(
                                "aws:cloudwatch/dashboard:Dashboard",
                                "b-dash",
                                "{dashboardName: 'plinth'}"))));

    assertThat(messages(result))
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).startsWith("budget monthly").contains("a (a-budget)"))
        .anySatisfy(
            m -> assertThat(m).startsWith("CloudWatch dashboard plinth").contains("b (b-dash)"));
  }

  @Test
  void bucketNamesCollideEvenAcrossAccounts() {
    var result =
        AccountCheck.check(
            List.of(
                one("a", "main", "us-east-1", Types.BUCKET, "a-logs", "{bucket: 'logs'}"),
                one("b", "other", "eu-west-1", Types.BUCKET, "b-logs", "{bucket: 'logs'}")));

    assertThat(messages(result))
        .singleElement()
        .asString()
        .contains("S3 bucket logs")
        .contains("a (a-logs) and b (b-logs) in every AWS account")
        .contains("BucketAlreadyExists");
  }

  @Test
  void dnsRecordsCollidePerHostedZoneAndTypeInAnyAccount() {
    String record = "aws:route53/record:Record";
    var sameName =
        AccountCheck.check(
            List.of(
                one(
                    "staging",
                    "main",
                    "us-east-1",
                    record,
                    "staging-dns",
                    "{zoneId: 'Z1', name: 'App.example.com.', type: 'A'}"),
                one(
                    "prod",
                    "other",
                    "eu-west-1",
                    record,
                    "prod-dns",
                    "{zoneId: 'Z1', name: 'app.example.com', type: 'A'}")));
    var otherTypeOrZone =
        AccountCheck.check(
            List.of(
                one(
                    "staging",
                    "main",
                    "us-east-1",
                    record,
                    "staging-dns",
                    "{zoneId: 'Z1', name: 'app.example.com', type: 'AAAA'}"),
                one(
                    "prod",
                    "main",
                    "us-east-1",
                    record,
                    "prod-dns",
                    "{zoneId: 'Z1', name: 'app.example.com', type: 'A'}"),
                one(
                    "other",
                    "main",
                    "us-east-1",
                    record,
                    "other-dns",
                    "{zoneId: 'Z2', name: 'app.example.com', type: 'A'}")));

    assertThat(messages(sameName))
        .singleElement()
        .asString()
        .startsWith(
            "DNS record App.example.com. (aws:route53/record:Record name) is created by staging"
                + " (staging-dns) and prod (prod-dns) in hosted zone Z1, type A");
    assertThat(messages(otherTypeOrZone)).isEmpty();
  }

  @Test
  void aFailoverPairsTwoRecordsDifferBySetIdentifierButTwoPrimariesCollide() {
    String record = "aws:route53/record:Record";
    var pair =
        AccountCheck.check(
            List.of(
                one(
                    "prod",
                    "main",
                    "us-east-1",
                    record,
                    "prod-dns",
                    "{zoneId: 'Z1', name: 'app.example.com', type: 'A', setIdentifier:"
                        + " 'prod', failoverRoutingPolicies: [{type: 'PRIMARY'}]}"),
                one(
                    "prod-dr",
                    "main",
                    "us-west-2",
                    record,
                    "prod-dr-dns",
                    "{zoneId: 'Z1', name: 'app.example.com', type: 'A', setIdentifier:"
                        + " 'prod-dr', failoverRoutingPolicies: [{type: 'SECONDARY'}]}")));
    var sameIdentifier =
        AccountCheck.check(
            List.of(
                one(
                    "prod",
                    "main",
                    "us-east-1",
                    record,
                    "prod-dns",
                    "{zoneId: 'Z1', name: 'app.example.com', type: 'A', setIdentifier:"
                        + " 'prod'}"),
                one(
                    "copy",
                    "main",
                    "us-west-2",
                    record,
                    "copy-dns",
                    "{zoneId: 'Z1', name: 'app.example.com', type: 'A', setIdentifier:"
                        + " 'prod'}")));

    assertThat(messages(pair)).as("a PRIMARY and a SECONDARY record of one name").isEmpty();
    assertThat(messages(sameIdentifier))
        .singleElement()
        .asString()
        .contains("in hosted zone Z1, type A, setIdentifier prod");
  }

  @Test
  void twoResourcesOfOneStackCollideToo() {
    var result =
        AccountCheck.check(
            List.of(
                stack(
                    "a",
                    "main",
                    "us-east-1",
                    b ->
                        b.add(Types.LOG_GROUP, "a-one", "{name: '/app'}")
                            .add(Types.LOG_GROUP, "a-two", "{name: '/app'}"))));

    assertThat(messages(result))
        .singleElement()
        .asString()
        .startsWith(
            "log group /app (aws:cloudwatch/logGroup:LogGroup name) is created by a (a-one)"
                + " and a (a-two)");
  }

  @Test
  void autoNamedResourcesNeverCollide() {
    var result =
        AccountCheck.check(
            List.of(
                one("a", "main", "us-east-1", Types.ROLE, "role", "{path: '/'}"),
                one("b", "main", "us-east-1", Types.ROLE, "role", "{path: '/'}")));

    assertThat(messages(result)).isEmpty();
  }

  @Test
  void aGuardDutyDetectorInTwoStacksOfOneRegionFailsButNotInTwoRegions() {
    String detector = "aws:guardduty/detector:Detector";
    var sameRegion =
        AccountCheck.check(
            List.of(
                one("staging", "main", "us-east-1", detector, "staging-gd", "{enable: true}"),
                one("prod", "main", "us-east-1", detector, "prod-gd", "{enable: true}")));
    var twoRegions =
        AccountCheck.check(
            List.of(
                one("staging", "main", "eu-west-1", detector, "staging-gd", "{enable: true}"),
                one("prod", "main", "us-east-1", detector, "prod-gd", "{enable: true}")));

    assertThat(sameRegion.failures())
        .singleElement()
        .extracting(Failure::check)
        .isEqualTo("singleton");
    assertThat(messages(sameRegion).get(0))
        .startsWith(
            "GuardDuty detector is created by staging (staging-gd) and prod (prod-gd) in account"
                + " main, us-east-1")
        .contains("only one detector per account per Region");
    assertThat(messages(twoRegions)).isEmpty();
  }

  @Test
  void aCostAllocationTagActivatedByTwoStacksOfOneAccountFailsPerTagKey() {
    String tag = "aws:costexplorer/costAllocationTag:CostAllocationTag";
    var result =
        AccountCheck.check(
            List.of(
                stack(
                    "dev",
                    "main",
                    "us-east-1",
                    b ->
                        b.add(tag, "dev-env-tag", "{tagKey: 'Environment', status: 'Active'}")
                            .add(tag, "dev-team-tag", "{tagKey: 'Team', status: 'Active'}")),
                one(
                    "prod",
                    "main",
                    "eu-west-1",
                    tag,
                    "prod-env-tag",
                    "{tagKey: 'Environment', status: 'Active'}")));

    assertThat(messages(result))
        .singleElement()
        .asString()
        .startsWith(
            "cost allocation tag activation Environment is created by dev (dev-env-tag) and prod"
                + " (prod-env-tag) in account main");
  }

  @Test
  void sessionManagerPreferencesOwnedByTwoStacksOfOneRegionFailButNotInTwoRegions() {
    String document = "aws:ssm/document:Document";
    String preferences = "{name: 'SSM-SessionManagerRunShell', documentType: 'Session'}";
    var sameRegion =
        AccountCheck.check(
            List.of(
                one(
                    "staging",
                    "main",
                    "us-east-1",
                    document,
                    "staging-access-preferences",
                    preferences),
                one(
                    "prod",
                    "main",
                    "us-east-1",
                    document,
                    "prod-access-preferences",
                    preferences)));
    var twoRegions =
        AccountCheck.check(
            List.of(
                one(
                    "staging",
                    "main",
                    "eu-west-1",
                    document,
                    "staging-access-preferences",
                    preferences),
                one(
                    "prod",
                    "main",
                    "us-east-1",
                    document,
                    "prod-access-preferences",
                    preferences)));

    assertThat(sameRegion.failures())
        .singleElement()
        .extracting(Failure::check)
        .isEqualTo("singleton");
    assertThat(messages(sameRegion).get(0))
        .startsWith(
            "SSM document SSM-SessionManagerRunShell is created by staging"
                + " (staging-access-preferences) and prod (prod-access-preferences) in account"
                + " main, us-east-1")
        .contains("plinth:access.sessionPreferences");
    assertThat(messages(twoRegions)).isEmpty();
  }

  static Stack eips(String name, String account, int count) {
    return stack(
        name,
        account,
        "us-east-1",
        b -> {
          for (int i = 0; i < count; i++) {
            b.add(Types.EIP, name + "-eip-" + i, "{domain: 'vpc'}");
          }
        });
  }

  @Test
  void elasticIpsSummedOverTheStacksOfOneRegionFailWhenTheyReachTheDefaultQuota() {
    var reached =
        AccountCheck.check(
            List.of(eips("dev", "main", 1), eips("staging", "main", 1), eips("prod", "main", 3)));
    var below =
        AccountCheck.check(
            List.of(eips("dev", "main", 1), eips("staging", "main", 1), eips("prod", "main", 2)));
    var exceeded = AccountCheck.check(List.of(eips("dev", "main", 3), eips("prod", "main", 3)));
    var split = AccountCheck.check(List.of(eips("dev", "other", 3), eips("prod", "main", 3)));

    assertThat(reached.failures()).singleElement().extracting(Failure::check).isEqualTo("quota");
    assertThat(messages(reached).get(0))
        .startsWith(
            "Elastic IP addresses in account main, us-east-1: dev 1 + staging 1 + prod 3 = 5,"
                + " which reaches the default quota of 5 per Region")
        .endsWith(
            "which reaches the default quota of 5 per Region (Amazon VPC User Guide, \"Amazon VPC"
                + " quotas\": Elastic IP addresses per Region, default 5); leave at least one free:"
                + " put the stacks in different accounts (plinth:account) or regions, or have AWS"
                + " raise the quota and declare it in each stack (plinth:quotas.elasticIps)");
    assertThat(reached.failures().get(0).stacks()).containsExactly("dev", "staging", "prod");
    assertThat(messages(below)).isEmpty();
    assertThat(below.usage())
        .anySatisfy(
            u ->
                assertThat(u.describe())
                    .isEqualTo(
                        "Elastic IP addresses in account main, us-east-1: dev 1 + staging 1 + prod 2 = 4 of"
                            + " the default quota of 5 per Region"));
    assertThat(messages(exceeded))
        .singleElement()
        .asString()
        .contains("dev 3 + prod 3 = 6, more than the default quota of 5");
    assertThat(messages(split)).isEmpty();
  }

  static Stack withQuotas(Stack s, java.util.Map<String, Integer> quotas) {
    return new Stack(s.name(), s.account(), s.region(), s.graph(), quotas);
  }

  @Test
  void aQuotaTheStacksDeclareRaisedIsWhatTheyCountAgainst() {
    var raised = java.util.Map.of("elasticIps", 10);
    var declared =
        AccountCheck.check(
            List.of(
                withQuotas(eips("dev", "main", 1), raised),
                withQuotas(eips("staging", "main", 1), raised),
                withQuotas(eips("prod", "main", 3), raised)));
    var stillTooMany =
        AccountCheck.check(
            List.of(
                withQuotas(eips("dev", "main", 5), raised),
                withQuotas(eips("prod", "main", 5), raised)));

    assertThat(messages(declared)).isEmpty();
    assertThat(declared.usage())
        .anySatisfy(
            u ->
                assertThat(u.describe())
                    .isEqualTo(
                        "Elastic IP addresses in account main, us-east-1: dev 1 + staging 1 + prod 3"
                            + " = 5 of the raised quota (plinth:quotas.elasticIps) of 10 per Region"));
    assertThat(messages(stillTooMany))
        .singleElement()
        .asString()
        .contains(
            "dev 5 + prod 5 = 10, which reaches the raised quota (plinth:quotas.elasticIps) of 10");
  }

  @Test
  void stacksOfOneAccountAndRegionThatDeclareDifferentQuotasFailNamingEach() {
    var result =
        AccountCheck.check(
            List.of(
                eips("dev", "main", 1),
                withQuotas(eips("prod", "main", 3), java.util.Map.of("elasticIps", 10))));
    var elsewhere =
        AccountCheck.check(
            List.of(
                eips("dev", "other", 1),
                withQuotas(eips("prod", "main", 3), java.util.Map.of("elasticIps", 10))));

    assertThat(messages(result))
        .containsExactly(
            "Elastic IP addresses quota in account main, us-east-1: the stacks disagree (dev says"
                + " the default 5, prod says 10); a quota is the account's: set"
                + " plinth:quotas.elasticIps alike in each");
    assertThat(messages(elsewhere)).isEmpty();
  }

  @Test
  void theQuotasASettingMayRaiseAreTheQuotasTheCheckCounts() {
    assertThat(AccountCheck.QUOTAS)
        .extracting(AccountCheck.Quota::key)
        .containsExactlyElementsOf(dev.plinth.config.AccountValidation.QUOTA_KEYS);
  }

  static Stack nats(String name, String... zones) {
    return stack(
        name,
        "main",
        "us-east-1",
        b -> {
          for (int i = 0; i < zones.length; i++) {
            b.add(Types.SUBNET, name + "-public-" + i, "{availabilityZone: '" + zones[i] + "'}");
            b.add(Types.NAT, name + "-nat-" + i, "{subnetId: '" + name + "-public-" + i + "-id'}");
          }
        });
  }

  @Test
  void natGatewaysCountPerAvailabilityZone() {
    var oneZone =
        AccountCheck.check(
            List.of(
                nats("a", "us-east-1a", "us-east-1a"),
                nats("b", "us-east-1a", "us-east-1a"),
                nats("c", "us-east-1a")));
    var spread =
        AccountCheck.check(
            List.of(
                nats("a", "us-east-1a", "us-east-1b"),
                nats("b", "us-east-1a", "us-east-1b"),
                nats("c", "us-east-1c")));

    assertThat(messages(oneZone))
        .singleElement()
        .asString()
        .startsWith(
            "NAT gateways in account main, us-east-1, zone us-east-1a: a 2 + b 2 + c 1 = 5, which"
                + " reaches the default quota of 5 per availability zone");
    assertThat(messages(spread)).isEmpty();
  }

  /** The same graph with every resource of {@code type} on the provider {@code provider}. */
  static ResourceGraph onProvider(ResourceGraph graph, String type, String providerUrn) {
    return new ResourceGraph(
        graph.stack(),
        graph.resources().stream()
            .map(
                r ->
                    r.type().equals(type)
                        ? new RecordedResource(
                            r.type(),
                            r.name(),
                            r.urn(),
                            r.id(),
                            r.parent(),
                            r.custom(),
                            r.inputs(),
                            r.dependencies(),
                            r.protect(),
                            r.retainOnDelete(),
                            providerUrn + "::" + graph.stack() + "-dr-id",
                            r.ignoreChanges())
                        : r)
            .toList(),
        graph.outputs());
  }

  @Test
  void aResourceOnAnotherRegionsProviderCountsInThatRegion() {
    String alias = "aws:kms/alias:Alias";
    ResourceGraph prod =
        new GraphBuilder("prod")
            .component("plinth:test:Component", "prod-c")
            .add("pulumi:providers:aws", "prod-dr", "{region: 'us-west-2'}")
            .add(alias, "prod-db-dr-alias", "{name: 'alias/plinth/db'}")
            .build();
    String providerUrn = GraphBuilder.urn("prod", "pulumi:providers:aws", "prod-dr");
    Stack prodDr = new Stack("prod", "main", "us-east-1", onProvider(prod, alias, providerUrn));
    Stack west = one("west", "main", "us-west-2", alias, "west-alias", "{name: 'alias/plinth/db'}");
    Stack east = one("east", "main", "us-east-1", alias, "east-alias", "{name: 'alias/plinth/db'}");

    assertThat(messages(AccountCheck.check(List.of(prodDr, west))))
        .singleElement()
        .asString()
        .contains("prod (prod-db-dr-alias) and west (west-alias) in account main, us-west-2");
    assertThat(messages(AccountCheck.check(List.of(prodDr, east)))).isEmpty();
  }

  @Test
  void printAndJsonCarryTheVerdictsAndTheQuotaUse() {
    var result =
        AccountCheck.check(
            List.of(
                stack(
                    "dev",
                    "main",
                    "us-east-1",
                    b ->
                        b.add(Types.ECR, "dev-api", "{name: 'api'}")
                            .add(Types.VPC, "dev-vpc", "{}")),
                stack(
                    "prod",
                    "main",
                    "us-east-1",
                    b ->
                        b.add(Types.ECR, "prod-api", "{name: 'api'}")
                            .add(Types.VPC, "prod-vpc", "{}"))));
    var bytes = new ByteArrayOutputStream();
    result.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), PolicyMode.ENFORCE);
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertThat(printed)
        .contains("Account check (enforce): 2 stacks in account main, us-east-1 (dev, prod)")
        .contains("; 1 mandatory failure\n")
        .contains("    FAIL mandatory unique name: ECR repository api")
        .contains(
            "    pass quota: VPCs in account main, us-east-1: default VPC 1 + dev 1 + prod 1 = 3 of"
                + " the default quota of 5 per Region")
        .contains("Account check fails.");
    var json = result.toJson(PolicyMode.ENFORCE);
    assertThat(json.get("passes").asBoolean()).isFalse();
    assertThat(json.at("/failures/0/check").asText()).isEqualTo("unique name");
    assertThat(json.at("/failures/0/stacks").toString()).isEqualTo("[\"dev\",\"prod\"]");
    assertThat(json.at("/failures/0/resources").toString()).isEqualTo("[\"dev-api\",\"prod-api\"]");
    assertThat(json.at("/stacks/prod/account").asText()).isEqualTo("main");
    assertThat(json.at("/quotas/0/quota").asText()).isEqualTo("VPCs");
    assertThat(json.at("/quotas/0/total").asInt()).isEqualTo(3);
  }

  @Test
  void theRegionsDefaultVpcCountsAgainstTheVpcAndInternetGatewayQuotas() {
    Consumer<GraphBuilder> network =
        b ->
            b.add(Types.VPC, "vpc", "{}")
                .add("aws:ec2/internetGateway:InternetGateway", "igw", "{}");
    var four =
        AccountCheck.check(
            List.of(
                stack("a", "main", "us-east-1", network),
                stack("b", "main", "us-east-1", network),
                stack("c", "main", "us-east-1", network),
                stack("d", "main", "us-east-1", network)));

    // 4 stacks' VPCs and the default VPC fill the 5 of the region.
    assertThat(messages(four))
        .hasSize(2)
        .allSatisfy(
            m ->
                assertThat(m).contains("default VPC 1 + a 1 + b 1 + c 1 + d 1 = 5, which reaches"));
    assertThat(four.failures())
        .allSatisfy(f -> assertThat(f.stacks()).containsExactly("a", "b", "c", "d"));
  }
}
