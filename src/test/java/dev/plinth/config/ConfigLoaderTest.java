package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.plinth.Checks;
import dev.plinth.config.NetworkSettings.NatGateways;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  private PlatformConfig loadYaml(String yaml) throws IOException {
    Path file = dir.resolve("Pulumi.test.yaml");
    Files.writeString(file, yaml);
    return Checks.load(RawConfig.fromStackFile(file), "test");
  }

  private List<String> problemsOf(String yaml) {
    try {
      loadYaml(yaml);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::message).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected configuration problems, got none, for:\n" + yaml);
  }

  /** What every dev stack must say about the edge: plain HTTP, no certificate. */
  private static final String DEV_EDGE = "  plinth:edge:\n    httpOnly: true\n";

  /** What a prod stack must say about the edge: a domain and its hosted zone. */
  private static final String PROD_EDGE =
      "  plinth:edge:\n    domain: app.example.com\n    hostedZoneId: Z0TESTZONE\n";

  private static String stack(String body) {
    return "config:\n  aws:region: us-east-1\n  plinth:environment: dev\n" + DEV_EDGE + body;
  }

  @Test
  void aStackFileOverridesOnlyWhatItSetsAndThePresetFillsTheRest() throws IOException {
    PlatformConfig config =
        loadYaml(
            "config:\n  aws:region: eu-west-1\n  plinth:environment: prod\n"
                + PROD_EDGE
                + "  plinth:network:\n    azCount: 2\n");

    assertThat(config.network().azCount()).isEqualTo(2);
    assertThat(config.network().natGateways()).isEqualTo(NatGateways.PER_AZ);
    assertThat(config.network().vpcCidr()).isEqualTo("10.0.0.0/16");
    assertThat(config.observability().logRetentionDays()).isEqualTo(30);
    assertThat(config.region()).isEqualTo("eu-west-1");
  }

  @Test
  void presetsDifferWhereTheSeedsSayEnvironmentsDiffer() {
    var dev = PlatformConfig.preset("dev", Environment.DEV, "us-east-1");
    var prod = PlatformConfig.preset("prod", Environment.PROD, "us-east-1");

    assertThat(dev.network().azCount()).isEqualTo(2);
    assertThat(prod.network().azCount()).isEqualTo(3);
    assertThat(dev.network().natGateways()).isEqualTo(NatGateways.SINGLE);
    assertThat(prod.network().natGateways()).isEqualTo(NatGateways.PER_AZ);
    assertThat(dev.observability().logRetentionDays()).isEqualTo(7);
    assertThat(prod.observability().logRetentionDays()).isEqualTo(30);
  }

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of(
            "unknown top-level key",
            stack("  plinth:netwrk:\n    azCount: 3\n"),
            "plinth:netwrk is not a setting Plinth knows; did you mean plinth:network?"),
        Arguments.of(
            "unknown nested key",
            stack("  plinth:network:\n    azcount: 3\n"),
            "plinth:network.azcount is not a setting Plinth knows; did you mean plinth:network.azCount?"),
        Arguments.of(
            "key with no near match",
            stack("  plinth:network:\n    zzzzzzzzzzzz: 1\n"),
            "plinth:network.zzzzzzzzzzzz is not a setting Plinth knows; known here:"
                + " availabilityZoneIds, azCount, databaseSubnets, flowLogRetentionDays, flowLogs, natGateways,"
                + " privateSubnets, publicSubnets,"
                + " vpcCidr"),
        Arguments.of(
            "environment missing",
            "config:\n  aws:region: us-east-1\n" + DEV_EDGE,
            "plinth:environment is required: one of dev, staging, prod (it picks the preset of"
                + " defaults)"),
        Arguments.of(
            "environment misspelt",
            "config:\n  aws:region: us-east-1\n  plinth:environment: production\n" + DEV_EDGE,
            "plinth:environment must be one of dev, staging, prod (got production)"),
        Arguments.of(
            "region missing",
            "config:\n  plinth:environment: dev\n" + DEV_EDGE,
            "aws:region is required: the AWS region of this stack, e.g. us-east-1"),
        Arguments.of(
            "region malformed",
            "config:\n  aws:region: US East\n  plinth:environment: dev\n" + DEV_EDGE,
            "aws:region must be an AWS region such as us-east-1 or eu-west-1; `aws account"
                + " list-regions` lists the regions of your account (Account Management API"
                + " ListRegions) (got US East)"),
        Arguments.of(
            "region that does not exist",
            "config:\n  aws:region: us-east-9\n  plinth:environment: dev\n" + DEV_EDGE,
            "aws:region must be an AWS region; did you mean us-east-1 or us-east-2? (got"
                + " us-east-9)"),
        Arguments.of(
            "region in capitals",
            "config:\n  aws:region: EU-WEST-1\n  plinth:environment: dev\n" + DEV_EDGE,
            "aws:region must be an AWS region; did you mean eu-west-1? (got EU-WEST-1)"),
        Arguments.of(
            "disaster-recovery region that does not exist",
            stack("  plinth:backups:\n    drRegion: us-west-3\n"),
            "plinth:backups.drRegion must be an AWS region; did you mean us-west-1 or us-west-2?"
                + " (got us-west-3)"),
        Arguments.of(
            "other aws key",
            stack("  aws:profile: admin\n"),
            "aws:profile is not read: Plinth configures its AWS provider itself from aws:region; give"
                + " credentials and profiles through the environment (AWS_PROFILE, OIDC) (got admin)"),
        Arguments.of(
            "number expected",
            stack("  plinth:network:\n    azCount: three\n"),
            "plinth:network.azCount must be a whole number (got three)"),
        Arguments.of(
            "enum value",
            stack("  plinth:network:\n    natGateways: many\n"),
            "plinth:network.natGateways must be one of single, perAz (got many)"),
        Arguments.of(
            "boolean expected",
            stack("  plinth:network:\n    flowLogs: sometimes\n"),
            "plinth:network.flowLogs must be true or false (got sometimes)"),
        Arguments.of(
            "section must be a mapping",
            stack("  plinth:network: 10.0.0.0/16\n"),
            "plinth:network must be a mapping of settings (vpcCidr, azCount, availabilityZoneIds,"
                + " natGateways, publicSubnets, privateSubnets, databaseSubnets, flowLogs,"
                + " flowLogRetentionDays) (got"
                + " 10.0.0.0/16)"),
        Arguments.of(
            "too few zones",
            stack("  plinth:network:\n    azCount: 1\n"),
            "plinth:network.azCount must be between 2 and 6 (two zones at least for high"
                + " availability, seed 004) (got 1)"),
        Arguments.of(
            "not a CIDR",
            stack("  plinth:network:\n    vpcCidr: 10.0.0.0\n"),
            "plinth:network.vpcCidr must be an IPv4 CIDR block like 10.0.0.0/16 (got 10.0.0.0)"),
        Arguments.of(
            "VPC too large",
            stack("  plinth:network:\n    vpcCidr: 10.0.0.0/8\n"),
            "plinth:network.vpcCidr must have a prefix between /16 and /28 (the sizes AWS allows)"
                + " (got 10.0.0.0/8)"),
        Arguments.of(
            "host bits set",
            stack("  plinth:network:\n    vpcCidr: 10.0.3.0/16\n"),
            "plinth:network.vpcCidr must be a network address with no host bits set, like"
                + " 10.0.0.0/16 (got 10.0.3.0/16)"),
        Arguments.of(
            "public range",
            stack("  plinth:network:\n    vpcCidr: 8.8.0.0/16\n"),
            "plinth:network.vpcCidr must lie in a private range (10.0.0.0/8, 172.16.0.0/12 or"
                + " 192.168.0.0/16) (got 8.8.0.0/16)"),
        Arguments.of(
            "tiers overlap",
            stack("  plinth:network:\n    privateSubnets:\n      firstIndex: 2\n"),
            "plinth:network.privateSubnets must not overlap plinth:network.publicSubnets"
                + " (10.0.2.0/24 and 10.0.2.0/24) (got 10.0.2.0/24, 10.0.3.0/24)"),
        Arguments.of(
            "tier does not fit",
            stack("  plinth:network:\n    databaseSubnets:\n      firstIndex: 255\n"),
            "plinth:network.databaseSubnets.firstIndex must leave room for 2 blocks of /24 in"
                + " 10.0.0.0/16, so between 0 and 254 (got 255)"),
        Arguments.of(
            "tier larger than the VPC allows",
            stack("  plinth:network:\n    publicSubnets:\n      prefixLength: 16\n"),
            "plinth:network.publicSubnets.prefixLength must be between /17 (inside the VPC's /16)"
                + " and /28 (got 16)"),
        Arguments.of(
            "zone of another region",
            stack("  plinth:network:\n    availabilityZoneIds: [use1-az1, euw1-az2]\n"),
            "plinth:network.availabilityZoneIds[1] must be a zone id of the stack's region"
                + " us-east-1, like use1-az1 (aws ec2 describe-availability-zones lists ZoneId)"
                + " (got euw1-az2)"),
        Arguments.of(
            "zone EKS refuses",
            stack("  plinth:network:\n    availabilityZoneIds: [use1-az3, use1-az2]\n"),
            "plinth:network.availabilityZoneIds[0] is a zone where EKS does not place a cluster's"
                + " subnets (EKS user guide, \"Subnet requirements for clusters\"); choose another"
                + " zone id (got use1-az3)"),
        Arguments.of(
            "retention CloudWatch refuses",
            stack("  plinth:observability:\n    logRetentionDays: 10\n"),
            "plinth:observability.logRetentionDays must be one of the periods CloudWatch Logs"
                + " accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,"
                + " 1827, 2192, 2557, 2922, 3288, 3653 (got 10)"),
        Arguments.of(
            "secret name Secrets Manager refuses",
            stack("  plinth:secrets:\n    app:\n      stripe api key!:\n        secure: v1:abc\n"),
            "plinth:secrets.app.stripe api key! must be a name Secrets Manager accepts"
                + " (CreateSecret Name): ASCII letters, digits and / _ + = . @ -, not ' ' '!'; e.g."
                + " STRIPE_API_KEY (got stripe api key!)"),
        Arguments.of(
            "secret name too long once prefixed",
            stack(
                "  plinth:secrets:\n    app:\n      "
                    + "A".repeat(500)
                    + ":\n        secure: v1:abc\n"),
            "plinth:secrets.app."
                + "A".repeat(500)
                + " is too long: Plinth names the secret plinth/dev/app-<name>, and Secrets Manager"
                + " accepts names of at most 512 characters (CreateSecret Name), so the name may"
                + " have 497 at most (got 500 characters)"),
        Arguments.of(
            "two secrets Plinth would give one resource name",
            stack(
                "  plinth:secrets:\n    app:\n      API_KEY:\n        secure: v1:a\n"
                    + "      api-key:\n        secure: v1:b\n"),
            "plinth:secrets.app.api-key and plinth:secrets.app.API_KEY differ only in case or in _"
                + " against -, and Plinth names both resources app-api-key: Pulumi refuses two"
                + " resources of one name; rename one"),
        Arguments.of(
            "plaintext secret",
            stack("  plinth:secrets:\n    app:\n      TOKEN: hunter2\n"),
            "plinth:secrets.app.TOKEN is in plain text, and a stack file is committed to git: set"
                + " it with `pulumi config set --secret --path 'plinth:secrets.app.TOKEN' <value>`,"
                + " which stores it encrypted (secure: v1:...); if the plain value was ever"
                + " committed, rotate it"),
        Arguments.of(
            "same key twice",
            stack("  plinth:network:\n    azCount: 3\n    natGateways: single\n    azCount: 2\n"),
            "plinth:network.azCount is set twice in Pulumi.test.yaml (lines 7 and 9): keep one; a"
                + " YAML mapping holds each key once, and the second would silently replace the"
                + " first"),
        Arguments.of(
            "flat key",
            stack("  plinth:network.azCount: 3\n"),
            "plinth:network.azCount is one flat key, but Plinth's settings nest under"
                + " plinth:network: write it there in the stack file, or run `pulumi config set"
                + " --path 'plinth:network.azCount' 3` (with --path, Pulumi nests it) and remove"
                + " the flat key"),
        Arguments.of(
            "flat key for a setting whose absence the edge checks would report",
            "config:\n  aws:region: us-east-1\n  plinth:environment: dev\n"
                + "  plinth:edge.httpOnly: true\n",
            "plinth:edge.httpOnly is one flat key, but Plinth's settings nest under plinth:edge:"
                + " write it there in the stack file, or run `pulumi config set --path"
                + " 'plinth:edge.httpOnly' true` (with --path, Pulumi nests it) and remove the flat"
                + " key"),
        Arguments.of(
            "flat secret key",
            stack("  plinth:secrets.app.TOKEN:\n    secure: v1:abc\n"),
            "plinth:secrets.app.TOKEN is one flat key, but Plinth's settings nest under"
                + " plinth:secrets: write it there in the stack file, or run `pulumi config set"
                + " --secret --path 'plinth:secrets.app.TOKEN' <value>` (with --path, Pulumi nests"
                + " it) and remove the flat key"),
        Arguments.of(
            "empty file",
            "",
            "Pulumi.test.yaml is empty: a stack file holds its settings under config:, aws:region"
                + " and plinth:environment at least (`pulumi config set aws:region us-east-1` and"
                + " `pulumi config set plinth:environment dev` write them)"),
        Arguments.of(
            "comments only",
            "# the dev stack\n",
            "Pulumi.test.yaml is empty: a stack file holds its settings under config:, aws:region"
                + " and plinth:environment at least (`pulumi config set aws:region us-east-1` and"
                + " `pulumi config set plinth:environment dev` write them)"),
        Arguments.of(
            "settings at the top level, no config block",
            "aws:region: us-east-1\nplinth:environment: dev\n",
            "Pulumi.test.yaml has no config: block: a stack file holds its settings under config:;"
                + " indent aws:region, plinth:environment under a config: line (they are at the top"
                + " level)"),
        Arguments.of(
            "no config block at all",
            "encryptionsalt: v1:abc\n",
            "Pulumi.test.yaml has no config: block: a stack file holds its settings under config:,"
                + " aws:region and plinth:environment at least"),
        Arguments.of(
            "whole number beyond int",
            stack("  plinth:network:\n    azCount: 30000000000\n"),
            "plinth:network.azCount must be between 2 and 6 (two zones at least for high"
                + " availability, seed 004) (got 30000000000)"),
        Arguments.of(
            "type error without the errors it causes",
            "config:\n  aws:region: us-east-1\n  plinth:environment: dev\n"
                + "  plinth:edge:\n    httpOnly: 'yes'\n",
            "plinth:edge.httpOnly must be true or false (got yes)"),
        Arguments.of(
            "section of the wrong type without the errors it causes",
            "config:\n  aws:region: us-east-1\n  plinth:environment: dev\n  plinth:edge: true\n",
            "plinth:edge must be a mapping of settings (domain, alternativeNames, certificateArn,"
                + " hostedZoneId, aliasRecord, httpOnly, loadBalancer, targetGroup, accessLogs,"
                + " firewall, cdn) (got true)"),
        Arguments.of(
            "misspelt key without the errors it causes",
            "config:\n  aws:region: us-east-1\n  plinth:environment: dev\n"
                + "  plinth:edge:\n    httpOnyl: true\n",
            "plinth:edge.httpOnyl is not a setting Plinth knows; did you mean"
                + " plinth:edge.httpOnly?"),
        Arguments.of(
            "secure value on a plain setting",
            stack("  plinth:network:\n    vpcCidr:\n      secure: v1:abc\n"),
            "plinth:network.vpcCidr is encrypted (secure:) but is not a secret setting; write it in"
                + " plain text (only plinth:secrets.* values may be secure)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  void eachBadConfigurationGetsItsExactMessage(String what, String yaml, String message) {
    assertThat(problemsOf(yaml)).containsExactly(message);
  }

  @Test
  void aRefusedRegionLeavesNoNullInTheMessagesBesideIt() {
    List<String> problems =
        problemsOf("config:\n  aws:region: us-east-9\n  plinth:environment: staging\n");

    assertThat(problems)
        .hasSize(2)
        .anyMatch(p -> p.startsWith("aws:region must be an AWS region"))
        .anyMatch(p -> p.contains("(an existing ACM certificate in the stack's region)"))
        .noneMatch(p -> p.contains("null"));
  }

  @Test
  void severalMistakesAreReportedTogether() {
    List<String> problems =
        problemsOf(
            "config:\n  aws:region: us-east-1\n  plinth:environment: prod\n"
                + PROD_EDGE
                + "  plinth:netwrk: {}\n"
                + "  plinth:network:\n    azCount: 9\n    natGateways: every\n"
                + "  plinth:observability:\n    logRetentionDays: 8\n");

    assertThat(problems)
        .hasSize(4)
        .anyMatch(p -> p.startsWith("plinth:netwrk is not a setting"))
        .anyMatch(p -> p.startsWith("plinth:network.azCount must be between 2 and 6"))
        .anyMatch(p -> p.startsWith("plinth:network.natGateways must be one of"))
        .anyMatch(p -> p.startsWith("plinth:observability.logRetentionDays must be one of"));
  }

  @Test
  void secureValuesAreAcceptedOfflineForSecretSettingsAndNeverShown() throws IOException {
    PlatformConfig config =
        loadYaml(
            stack(
                "  plinth:secrets:\n    app:\n      OPENAI_API_KEY:\n"
                    + "        secure: v1:7AbCdEfGh0123456789==\n"));

    Secret secret = config.secrets().app().get("OPENAI_API_KEY");
    assertThat(secret).hasToString("[secret]");
    assertThat(ConfigView.of(config).get("plinth:secrets.app.OPENAI_API_KEY").asText())
        .isEqualTo("[secret]");
    assertThat(ConfigView.of(config).toString()).doesNotContain("7AbCdEfGh");
  }

  @Test
  void theEngineEnvironmentIsReadLikeAStackFile() {
    Map<String, String> env =
        Map.of(
            "PULUMI_CONFIG",
            "{\"aws:region\":\"us-west-2\",\"plinth:environment\":\"staging\","
                + "\"plinth:edge\":\"{\\\"certificateArn\\\":\\\"arn:aws:acm:us-west-2:123456789012:certificate/abc\\\",\\\"cdn\\\":{\\\"enabled\\\":false}}\","
                + "\"plinth:network\":\"{\\\"azCount\\\":2,\\\"natGateways\\\":\\\"perAz\\\"}\","
                + "\"plinth:secrets\":\"{\\\"app\\\":{\\\"TOKEN\\\":\\\"plain-from-engine\\\"}}\"}",
            "PULUMI_CONFIG_SECRET_KEYS",
            "[\"plinth:secrets\"]");

    PlatformConfig config = Checks.load(RawConfig.fromEngineEnvironment(env), "staging");

    assertThat(config.region()).isEqualTo("us-west-2");
    assertThat(config.network().azCount()).isEqualTo(2);
    assertThat(config.network().natGateways()).isEqualTo(NatGateways.PER_AZ);
    assertThat(config.secrets().app().get("TOKEN").reveal()).isEqualTo("plain-from-engine");
    assertThat(config.secrets().app().get("TOKEN")).hasToString("[secret]");
  }

  @Test
  void theEngineGivesNumbersAsTextAndTheyAreStillChecked() {
    Map<String, String> env =
        Map.of(
            "PULUMI_CONFIG",
            "{\"aws:region\":\"us-east-1\",\"plinth:environment\":\"dev\",\"plinth:edge\":\"{\\\"httpOnly\\\":true}\","
                + "\"plinth:observability\":\"{\\\"logRetentionDays\\\":\\\"14\\\"}\"}");

    assertThat(
            Checks.load(RawConfig.fromEngineEnvironment(env), "dev")
                .observability()
                .logRetentionDays())
        .isEqualTo(14);
  }

  @Test
  void underTheEngineAPlaintextSecretsSectionIsRefusedWithoutShowingIt() {
    Map<String, String> env =
        Map.of(
            "PULUMI_CONFIG",
            "{\"aws:region\":\"us-east-1\",\"plinth:environment\":\"dev\","
                + "\"plinth:edge\":\"{\\\"httpOnly\\\":true}\","
                + "\"plinth:secrets\":\"{\\\"app\\\":{\\\"TOKEN\\\":\\\"hunter2\\\"}}\"}",
            "PULUMI_CONFIG_SECRET_KEYS",
            "[]");

    assertThatThrownBy(() -> Checks.load(RawConfig.fromEngineEnvironment(env), "dev"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("plinth:secrets.app.TOKEN is in plain text")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void keysInTheOlderEngineFormWithConfigInsideAreReadLikeTheOthers() {
    Map<String, String> env =
        Map.of(
            "PULUMI_CONFIG",
            "{\"aws:config:region\":\"us-east-1\",\"plinth:config:environment\":\"dev\","
                + "\"plinth:config:edge\":\"{\\\"httpOnly\\\":true}\","
                + "\"plinth:config:secrets\":\"{\\\"app\\\":{\\\"TOKEN\\\":\\\"decrypted\\\"}}\"}",
            "PULUMI_CONFIG_SECRET_KEYS",
            "[\"plinth:config:secrets\"]");

    PlatformConfig config = Checks.load(RawConfig.fromEngineEnvironment(env), "dev");

    assertThat(config.edge().httpOnly()).isTrue();
    assertThat(config.secrets().app().get("TOKEN").reveal()).isEqualTo("decrypted");
  }

  /** Every whole-number setting of the preset, as its flat key. */
  static Stream<String> wholeNumberSettings() {
    var view = ConfigView.of(PlatformConfig.preset("dev", Environment.DEV, "us-east-1"));
    List<String> keys = new java.util.ArrayList<>();
    view.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isInt() && !e.getKey().contains("[")) {
                keys.add(e.getKey());
              }
            });
    return keys.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wholeNumberSettings")
  void aWholeNumberBeyondIntSaysWhatIsAllowedNotThatItIsNoNumber(String key) {
    String[] path = key.substring("plinth:".length()).split("\\.");
    Object value = new java.math.BigInteger("30000000000");
    for (int i = path.length - 1; i >= 1; i--) {
      value = Map.of(path[i], value);
    }
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("aws:region", "us-east-1");
    values.put("plinth:environment", "dev");
    values.put("plinth:edge", Map.of("httpOnly", true));
    values.put("plinth:" + path[0], value);

    assertThatThrownBy(() -> Checks.load(RawConfig.of(values), "dev"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .as("the problems of %s", key)
                    .anySatisfy(
                        p -> {
                          assertThat(p.key()).isEqualTo(key);
                          assertThat(p.message())
                              .endsWith("(got 30000000000)")
                              .doesNotContain("whole number");
                        }));
  }

  @Test
  void aMissingStackFileIsAConfigurationError() {
    assertThatThrownBy(() -> RawConfig.fromStackFile(dir.resolve("Pulumi.nope.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Pulumi.nope.yaml does not exist");
  }

  @Test
  void theRegionListComesFromTheSdkAndHoldsOnlyRealRegions() {
    assertThat(AwsRegions.IDS)
        .contains("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1")
        .doesNotContain("us-east-9", "aws-global", "aws-cn-global");
  }

  @Test
  void aRegionOfAnotherPartitionIsRefusedForItsArnsNotForExisting() {
    assertThat(AwsRegions.partition("cn-north-1")).contains("aws-cn");
    assertThat(AwsRegions.partition("us-gov-west-1")).contains("aws-us-gov");
    assertThat(AwsRegions.partition("eu-west-1")).contains("aws");
    assertThat(AwsRegions.check("aws:region", TextNode.valueOf("cn-north-1")))
        .map(ConfigProblem::message)
        .contains(
            "aws:region is a region of the aws-cn partition; Plinth deploys to the aws partition"
                + " only (its IAM policy and role ARNs are arn:aws:...) (got cn-north-1)");
    assertThat(AwsRegions.check("aws:region", TextNode.valueOf("ap-southeast-7"))).isEmpty();
    // Every id the SDK lists is in some partition of its metadata.
    assertThat(AwsRegions.IDS).allSatisfy(id -> assertThat(AwsRegions.partition(id)).isPresent());
  }

  @Test
  void didYouMeanPicksTheClosestKnownName() {
    assertThat(Binder.suggest("obsrvability", List.of("network", "observability", "secrets")))
        .contains("observability");
    assertThat(Binder.suggest("kubernetes", List.of("network", "observability"))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aMappingInTheStackFileAddsToThePresetsEntriesInsteadOfReplacingThem() {
    var preset = dev.plinth.testing.Plans.config("prod").cluster().chartVersions();
    var config =
        dev.plinth.testing.Plans.config(
            "prod",
            java.util.Map.of(
                "plinth:cluster",
                java.util.Map.of("chartVersions", java.util.Map.of("metrics-server", "3.12.2"))));

    var versions = config.cluster().chartVersions();
    org.assertj.core.api.Assertions.assertThat(versions)
        .as("plinth:cluster.chartVersions with one entry set")
        .containsEntry("metrics-server", "3.12.2")
        .hasSameSizeAs(preset);
    preset.forEach(
        (chart, version) -> {
          if (!chart.equals("metrics-server")) {
            org.assertj.core.api.Assertions.assertThat(versions)
                .as("plinth:cluster.chartVersions.%s keeps its preset", chart)
                .containsEntry(chart, version);
          }
        });
  }
}
