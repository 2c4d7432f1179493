package dev.plinth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key policies AWS accepts in an empty account and that let each service do what it must. */
class KeyPoliciesTest {
  static final String ACCOUNT = "123456789012";

  static List<JsonNode> statements(KeyDomain domain) throws Exception {
    JsonNode policy =
        Json.MAPPER.readTree(Keys.policy(domain, ACCOUNT, "aws", "us-east-1")).get("Statement");
    List<JsonNode> out = new ArrayList<>();
    policy.forEach(out::add);
    return out;
  }

  static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else {
      out.add(node.asText());
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(KeyDomain.class)
  void noKeyPolicyNamesAPrincipalThatAnEmptyAccountLacks(KeyDomain domain) throws Exception {
    for (JsonNode s : statements(domain)) {
      assertThat(texts(s.path("Principal").get("AWS")))
          .as("AWS principals of %s in the %s key policy", s.path("Sid").asText(), domain)
          .allSatisfy(
              p ->
                  assertThat(p)
                      .as("only the account root or * (with conditions)")
                      .matches("\\*|arn:aws:iam::" + ACCOUNT + ":root"));
    }
  }

  @Test
  void autoScalingMayUseTheClusterKeyForEncryptedVolumesOnceItsRoleExists() throws Exception {
    String role =
        "arn:aws:iam::"
            + ACCOUNT
            + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
    List<JsonNode> forRole =
        statements(KeyDomain.CLUSTER).stream()
            .filter(s -> s.at("/Condition/ArnEquals/aws:PrincipalArn").asText().equals(role))
            .toList();

    assertThat(forRole.stream().flatMap(s -> texts(s.get("Action")).stream()))
        .as("actions of the Auto Scaling statements (EC2 Auto Scaling user guide)")
        .contains(
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:DescribeKey",
            "kms:CreateGrant");
    assertThat(forRole)
        .filteredOn(s -> texts(s.get("Action")).contains("kms:CreateGrant"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.at("/Condition/Bool/kms:GrantIsForAWSResource").asText())
                    .isEqualTo("true"));
    assertThat(forRole)
        .allSatisfy(
            s ->
                assertThat(s.at("/Condition/StringEquals/kms:CallerAccount").asText())
                    .isEqualTo(ACCOUNT));
  }

  @Test
  void cloudTrailMayDescribeTheAuditKeyWithoutAnEncryptionContextAndDecryptForTheBucketKey()
      throws Exception {
    List<JsonNode> trail =
        statements(KeyDomain.AUDIT).stream()
            .filter(s -> s.at("/Principal/Service").asText().equals("cloudtrail.amazonaws.com"))
            .toList();

    assertThat(trail)
        .as("CloudTrail's DescribeKey statement carries no encryption-context condition")
        .anySatisfy(
            s -> {
              assertThat(texts(s.get("Action"))).contains("kms:DescribeKey");
              assertThat(s.path("Condition").toString()).doesNotContain("EncryptionContext");
            });
    assertThat(trail)
        .as("CloudTrail may Decrypt: the audit bucket uses an S3 Bucket Key")
        .anySatisfy(
            s -> {
              assertThat(texts(s.get("Action"))).contains("kms:Decrypt");
              assertThat(s.path("Condition").toString()).doesNotContain("EncryptionContext");
            });
    assertThat(trail)
        .as("GenerateDataKey* stays under the trail's encryption context")
        .anySatisfy(
            s -> {
              assertThat(texts(s.get("Action"))).containsExactly("kms:GenerateDataKey*");
              assertThat(
                      s.at("/Condition/StringLike/kms:EncryptionContext:aws:cloudtrail:arn")
                          .asText())
                  .isEqualTo("arn:aws:cloudtrail:*:" + ACCOUNT + ":trail/*");
            });
  }
}
