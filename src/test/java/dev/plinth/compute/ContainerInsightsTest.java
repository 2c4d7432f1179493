package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CloudWatch observability add-on, its IAM role and its log groups. */
class ContainerInsightsTest {
  static final String ADDON = "aws:eks/addon:Addon";
  static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
  static final String ROLE = "aws:iam/role:Role";
  static final List<String> KINDS = List.of("application", "dataplane", "host", "performance");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theAddOnRunsWithARoleForExactlyTheCloudWatchAgentsServiceAccount(String env)
      throws Exception {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource addon = plan.get(ADDON, env + "-cluster-amazon-cloudwatch-observability");
    RecordedResource role = plan.get(ROLE, env + "-cluster-cloudwatch-agent-role");
    RecordedResource attachment =
        plan.get(
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            env + "-cluster-cloudwatch-agent-role-CloudWatchAgentServerPolicy");

    assertThat(addon.text("addonName")).isEqualTo("amazon-cloudwatch-observability");
    assertThat(addon.text("clusterName")).isEqualTo("plinth-" + env);
    assertThat(addon.input("addonVersion"))
        .as("version of %s: EKS's default unless addonVersions pins one", addon)
        .isEmpty();
    String roleName = attachment.text("role");
    assertThat(roleName).startsWith(role.name() + "-");
    assertThat(addon.text("serviceAccountRoleArn"))
        .as("role of %s", addon)
        .endsWith(":role/" + roleName);
    JsonNode trust = new ObjectMapper().readTree(role.text("assumeRolePolicy"));
    assertThat(trust.at("/Statement/0/Condition/StringEquals").toString())
        .as("service account trusted by %s", role)
        .contains("\"system:serviceaccount:amazon-cloudwatch:cloudwatch-agent\"");
    assertThat(attachment.text("policyArn"))
        .isEqualTo("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy");
  }

  @ParameterizedTest
  @CsvSource({"dev, 7, 7", "staging, 7, 7", "prod, 30, 30"})
  void theAddOnsLogGroupsExistBeforeItEncryptedWithTheLogsKeyAndKeptPerEnvironment(
      String env, int applicationDays, int otherDays) throws Exception {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource addon = plan.get(ADDON, env + "-cluster-amazon-cloudwatch-observability");
    // dev's one key serves every domain (plinth:keys.layout shared); the logs statement is its
    // first after the account's, as in the logs key of staging and prod
    RecordedResource logsKey =
        plan.get("aws:kms/key:Key", env + (env.equals("dev") ? "-keys-shared" : "-keys-logs"));
    String keyArn = plan.get(LOG_GROUP, env + "-cluster-logs").text("kmsKeyId");
    String allowed =
        new ObjectMapper()
            .readTree(logsKey.text("policy"))
            .at("/Statement/1/Condition/ArnLike/kms:EncryptionContext:aws:logs:arn")
            .asText();

    for (String kind : KINDS) {
      RecordedResource group = plan.get(LOG_GROUP, env + "-cluster-insights-" + kind);
      String name = "/aws/containerinsights/plinth-" + env + "/" + kind;
      assertThat(group.text("name")).isEqualTo(name);
      assertThat(group.input("retentionInDays").orElseThrow().asInt())
          .as("retention of %s", group)
          .isEqualTo(kind.equals("application") ? applicationDays : otherDays);
      assertThat(group.text("kmsKeyId")).as("key of %s", group).isEqualTo(keyArn);
      assertThat(globMatches(allowed, "arn:aws:logs:us-east-1:123456789012:log-group:" + name))
          .as("the logs key policy (%s) lets CloudWatch Logs encrypt %s", allowed, group)
          .isTrue();
      assertThat(addon.dependencies())
          .as("%s waits for %s, or Fluent Bit makes it unencrypted", addon, group)
          .contains(group.urn());
    }
    assertThat(keyArn).startsWith("arn:aws:kms:");
  }

  @Test
  void prodKeepsApplicationLogsAtLeast30Days() {
    RecordedResource group =
        Plans.ofStack("prod").get(LOG_GROUP, "prod-cluster-insights-application");

    assertThat(group.input("retentionInDays").orElseThrow().asInt())
        .as("retention of %s (seed 004: 30 days at least)", group)
        .isGreaterThanOrEqualTo(30);
  }

  @Test
  void applicationLogRetentionFollowsItsSettingAlone() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "dev", Map.of("plinth:observability", Map.of("applicationLogRetentionDays", 90))));

    assertThat(
            plan.get(LOG_GROUP, "dev-cluster-insights-application")
                .input("retentionInDays")
                .orElseThrow()
                .asInt())
        .isEqualTo(90);
    assertThat(
            plan.get(LOG_GROUP, "dev-cluster-insights-host")
                .input("retentionInDays")
                .orElseThrow()
                .asInt())
        .isEqualTo(7);
  }

  @Test
  void containerInsightsCanBeSwitchedOff() {
    ResourceGraph plan =
        Plans.of(Plans.config("dev", Map.of("plinth:cluster", Map.of("containerInsights", false))));

    assertThat(plan.where(r -> r.name().contains("cloudwatch"))).isEmpty();
    assertThat(plan.where(r -> r.name().startsWith("dev-cluster-insights-"))).isEmpty();
    assertThat(plan.ofType(ADDON))
        .as("the other managed add-ons stay")
        .extracting(RecordedResource::name)
        .contains("dev-cluster-vpc-cni", "dev-cluster-aws-ebs-csi-driver");
  }

  @Test
  void aPinnedVersionReachesTheAddOn() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "dev",
                Map.of(
                    "plinth:cluster",
                    Map.of(
                        "addonVersions",
                        Map.of("amazon-cloudwatch-observability", "v4.1.0-eksbuild.1")))));

    assertThat(plan.get(ADDON, "dev-cluster-amazon-cloudwatch-observability").text("addonVersion"))
        .isEqualTo("v4.1.0-eksbuild.1");
  }

  @Test
  void pinningTheAddOnWithContainerInsightsOffIsRefusedWithItsKey() {
    try {
      Plans.config(
          "dev",
          Map.of(
              "plinth:cluster",
              Map.of(
                  "containerInsights",
                  false,
                  "addonVersions",
                  Map.of("amazon-cloudwatch-observability", "v4.1.0-eksbuild.1", "istio", ""))));
      throw new AssertionError("expected configuration problems");
    } catch (ConfigException e) {
      assertThat(e.problems().stream().map(ConfigProblem::message))
          .containsExactlyInAnyOrder(
              "plinth:cluster.addonVersions.amazon-cloudwatch-observability pins an add-on that is"
                  + " not installed: containerInsights is false (set it true, or remove the pin)"
                  + " (got v4.1.0-eksbuild.1)",
              "plinth:cluster.addonVersions.istio is not an add-on Plinth manages (vpc-cni,"
                  + " coredns, kube-proxy, aws-ebs-csi-driver, eks-pod-identity-agent,"
                  + " amazon-cloudwatch-observability) (got istio)");
    }
  }

  @Test
  void anApplicationLogRetentionCloudWatchRefusesIsRefusedWithItsKey() {
    try {
      Plans.config(
          "dev", Map.of("plinth:observability", Map.of("applicationLogRetentionDays", 10)));
      throw new AssertionError("expected configuration problems");
    } catch (ConfigException e) {
      assertThat(e.problems().stream().map(ConfigProblem::message))
          .singleElement()
          .asString()
          .startsWith(
              "plinth:observability.applicationLogRetentionDays must be one of the periods"
                  + " CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30")
          .endsWith("(got 10)");
    }
  }

  /** IAM's ArnLike: {@code *} matches any run of characters, {@code ?} any one. */
  private static boolean globMatches(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(
          switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> java.util.regex.Pattern.quote(String.valueOf(c));
          });
    }
    return value.matches(regex.toString());
  }
}
