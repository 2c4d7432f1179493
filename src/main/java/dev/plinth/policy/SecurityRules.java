package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** KMS keys, Secrets Manager secrets, IAM roles and policies. */
final class SecurityRules {
  private SecurityRules() {}

  /** AWS-managed policies Plinth may attach, each documented by the service that needs it. */
  static final Set<String> DOCUMENTED_MANAGED_POLICIES =
      Set.of(
          "AmazonEKSClusterPolicy",
          "AmazonEKSBlockStoragePolicy",
          "AmazonEKSComputePolicy",
          "AmazonEKSLoadBalancingPolicy",
          "AmazonEKSNetworkingPolicy",
          "AmazonEKSWorkerNodeMinimalPolicy",
          "AmazonEKSVPCResourceController",
          "AmazonEKSWorkerNodePolicy",
          "AmazonEKS_CNI_Policy",
          "AmazonEC2ContainerRegistryReadOnly",
          "AmazonSSMManagedInstanceCore",
          "AmazonEBSCSIDriverPolicy",
          "CloudWatchAgentServerPolicy",
          // EKS User Guide, Amazon CloudWatch Observability agent, Required IAM permissions.
          "AWSXrayWriteOnlyAccess",
          "AmazonRDSEnhancedMonitoringRole",
          "AWSBackupServiceRolePolicyForBackup",
          "AWSBackupServiceRolePolicyForRestores",
          "AWSBackupServiceRolePolicyForS3Backup",
          "AWSBackupServiceRolePolicyForS3Restore");

  static List<Rule> all() {
    return List.of(
        keyRotation(),
        keyPolicy(),
        secretKey(),
        secretRotation(),
        noStarStar(),
        noWildcardWrites(),
        trustPolicies(),
        managedPolicies());
  }

  static Rule keyRotation() {
    return Rule.of(
        "KMS-01",
        "key rotation",
        MANDATORY,
        ALL,
        "AS-KMS5, CKV_AWS_7, AVD-0065, ag cmk-backing-key-rotation-enabled, SH KMS.4",
        List.of(Types.KMS_KEY),
        (k, ctx) ->
            Problems.of(k)
                .require(
                    !In.text(k, "customerMasterKeySpec")
                            .orElse("SYMMETRIC_DEFAULT")
                            .equals("SYMMETRIC_DEFAULT")
                        || In.isTrue(k, "enableKeyRotation"),
                    "rotation",
                    "key rotation is off",
                    "set enableKeyRotation true")
                .list());
  }

  static Rule keyPolicy() {
    return Rule.of(
        "KMS-02",
        "explicit key policy, no unconditioned * principal",
        MANDATORY,
        ALL,
        "CKV_AWS_33, CKV2_AWS_64, SH KMS.5",
        List.of(Types.KMS_KEY),
        (k, ctx) -> {
          List<JsonNode> statements = In.statements(In.document(k, "policy"));
          return Problems.of(k)
              .require(
                  !statements.isEmpty(),
                  "policy",
                  "has no explicit key policy",
                  "set policy: the account administers, the domain's service uses")
              .require(
                  statements.stream()
                      .noneMatch(s -> In.allows(s) && In.anyPrincipal(s) && !In.conditioned(s)),
                  "principal",
                  "its policy allows principal * without a condition",
                  "name the principals, or add a condition")
              .list();
        });
  }

  static Rule secretKey() {
    return Rule.of(
        "SM-01",
        "secrets encrypted with a customer-managed key",
        MANDATORY,
        ALL,
        "N5-SecretsManagerUsingKMSKey, CKV_AWS_149",
        List.of(Types.SECRET),
        (s, ctx) -> {
          String key = In.text(s, "kmsKeyId").orElse("aws/secretsmanager");
          return Problems.of(s)
              .require(
                  !key.contains("aws/secretsmanager"),
                  "kms",
                  "encrypted with the AWS-managed key",
                  "set kmsKeyId to the secrets key")
              .list();
        });
  }

  static Rule secretRotation() {
    return Rule.of(
        "SM-02",
        "rotation every 90 days or less",
        ADVISORY,
        ALL,
        "AS-SMG4, CKV2_AWS_57, CKV_AWS_304, SH SecretsManager.1, SH SecretsManager.4",
        List.of(Types.SECRET),
        (s, ctx) -> {
          List<RecordedResource> rotations = ctx.referring(s, Types.SECRET_ROTATION);
          boolean rotates =
              rotations.stream()
                  .anyMatch(
                      r ->
                          In.integer(r, "rotationRules.automaticallyAfterDays")
                                  .map(d -> d <= 90)
                                  .orElse(false)
                              || In.text(r, "rotationRules.scheduleExpression").isPresent());
          return Problems.of(s)
              .require(
                  rotates,
                  "rotation",
                  "is not rotated every 90 days or less",
                  "add an aws.secretsmanager.SecretRotation with rotationRules.automaticallyAfterDays"
                      + " 90 or less (seed 003) and a rotation Lambda that changes the credential"
                      + " where it is used (secretsmanager 2017-10-17 RotateSecret"
                      + " RotationLambdaARN), as the database's master secret has AWS's single-user"
                      + " PostgreSQL rotation function; managed rotation (no Lambda) only where"
                      + " another service manages the secret")
              .list();
        });
  }

  static final List<String> POLICY_TYPES = List.of(Types.ROLE, Types.ROLE_POLICY, Types.POLICY);

  /** The permission statements of a role (inline policies), role policy or managed policy. */
  static List<JsonNode> permissionStatements(RecordedResource r) {
    if (r.type().equals(Types.ROLE)) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode inline : In.list(r, "inlinePolicies")) {
        JsonNode policy = inline.get("policy");
        if (policy != null) {
          try {
            out.addAll(In.list(dev.plinth.Json.MAPPER.readTree(policy.asText()).get("Statement")));
          } catch (Exception e) {
            // an unreadable document has no statements we can judge
          }
        }
      }
      return out;
    }
    return In.statements(In.document(r, "policy"));
  }

  static Rule noStarStar() {
    return Rule.of(
        "IAM-01",
        "no Action * on Resource *",
        MANDATORY,
        ALL,
        "CKV_AWS_62, CKV_AWS_63, SH IAM.1",
        POLICY_TYPES,
        (r, ctx) ->
            Problems.of(r)
                .require(
                    permissionStatements(r).stream()
                        .noneMatch(
                            s ->
                                In.allows(s)
                                    && In.texts(s.get("Action")).contains("*")
                                    && In.texts(s.get("Resource")).contains("*")),
                    "admin",
                    "allows Action * on Resource *",
                    "grant the actions the role needs on its resources")
                .list());
  }

  static boolean readOnly(String action) {
    String verb = action.contains(":") ? action.substring(action.indexOf(':') + 1) : action;
    return verb.startsWith("Describe") || verb.startsWith("Get") || verb.startsWith("List");
  }

  static final Set<String> ESCALATION =
      Set.of(
          "iam:PassRole",
          "iam:CreatePolicyVersion",
          "iam:SetDefaultPolicyVersion",
          "iam:AttachRolePolicy",
          "iam:PutRolePolicy",
          "iam:AttachUserPolicy",
          "iam:PutUserPolicy",
          "iam:CreateAccessKey",
          "iam:UpdateAssumeRolePolicy",
          "iam:*");

  static Rule noWildcardWrites() {
    return Rule.of(
        "IAM-02",
        "no wildcard resources on write actions, no privilege escalation",
        ADVISORY,
        ALL,
        "AS-IAM5, CKV_AWS_355, CKV_AWS_286, CKV_AWS_287, CKV_AWS_288, CKV_AWS_289, CKV_AWS_290, SH IAM.21",
        POLICY_TYPES,
        (r, ctx) -> {
          Problems p = Problems.of(r);
          for (JsonNode s : permissionStatements(r)) {
            if (!In.allows(s)) {
              continue;
            }
            List<String> actions = In.texts(s.get("Action"));
            boolean anyResource = In.texts(s.get("Resource")).contains("*");
            List<String> writes = actions.stream().filter(a -> !readOnly(a)).toList();
            if (anyResource && !writes.isEmpty() && !In.conditioned(s)) {
              p.add(
                  "wildcard",
                  "allows " + writes + " on Resource *",
                  "name the resources (ARNs) or add a condition");
            }
            List<String> escalation = actions.stream().filter(ESCALATION::contains).toList();
            if (anyResource && !escalation.isEmpty()) {
              p.add(
                  "escalation",
                  "allows " + escalation + " on any resource",
                  "limit them to named roles and policies");
            }
          }
          return p.list();
        });
  }

  static Rule trustPolicies() {
    return Rule.of(
        "IAM-03",
        "trust policies name specific principals (IRSA: one service account)",
        MANDATORY,
        ALL,
        "CKV_AWS_60, CKV_AWS_61",
        List.of(Types.ROLE),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          for (JsonNode s : In.statements(In.document(r, "assumeRolePolicy"))) {
            if (!In.allows(s)) {
              continue;
            }
            p.require(
                !In.anyPrincipal(s), "principal", "anyone may assume it", "name the principal");
            if (s.path("Principal").has("Federated")) {
              JsonNode equals = s.path("Condition").path("StringEquals");
              boolean oneAccount = false;
              var names = equals.fieldNames();
              while (names.hasNext()) {
                String key = names.next();
                if (key.endsWith(":sub")) {
                  List<String> subjects = In.texts(equals.get(key));
                  oneAccount = subjects.size() == 1 && !subjects.get(0).contains("*");
                }
              }
              p.require(
                  oneAccount,
                  "irsa",
                  "the web-identity trust is not limited to one service account",
                  "add Condition StringEquals <issuer>:sub system:serviceaccount:<namespace>:<name>");
            }
          }
          return p.list();
        });
  }

  static Rule managedPolicies() {
    return Rule.of(
        "IAM-04",
        "no inline admin policies; AWS-managed policies only where documented",
        MANDATORY,
        ALL,
        "AS-IAM4, N5-IAMNoInlinePolicy, CKV_AWS_274",
        List.of(Types.ROLE, Types.ROLE_POLICY, Types.ROLE_POLICY_ATTACHMENT),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          List<String> arns =
              r.type().equals(Types.ROLE)
                  ? In.texts(r, "managedPolicyArns")
                  : In.texts(r, "policyArn");
          for (String arn : arns) {
            if (arn.contains(":iam::aws:policy/")) {
              String name = arn.substring(arn.lastIndexOf('/') + 1);
              p.require(
                  DOCUMENTED_MANAGED_POLICIES.contains(name),
                  "managed",
                  "attaches the AWS-managed policy " + name + ", which Plinth does not document",
                  "write a scoped policy, or document why the service needs " + name);
            }
          }
          for (JsonNode s : permissionStatements(r)) {
            p.require(
                !(In.allows(s)
                    && In.texts(s.get("Action")).stream()
                        .anyMatch(a -> a.equals("*") || a.equals("iam:*"))),
                "inline-admin",
                "an inline policy grants administrator actions",
                "remove the * or iam:* grant");
          }
          return p.list();
        });
  }
}
