package dev.plinth.compute;

import static dev.plinth.Json.obj;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.plinth.Json;
import java.util.List;

/** IAM roles for service accounts: each trusts exactly one Kubernetes service account. */
public final class Irsa {
  private Irsa() {}

  /** The trust policy: the cluster's OIDC provider, for {@code system:serviceaccount:<ns>:<sa>}. */
  public static String trustPolicy(
      String providerArn, String issuerHost, String namespace, String serviceAccount) {
    return Json.policy(
        obj(
            "Effect",
            "Allow",
            "Principal",
            obj("Federated", providerArn),
            "Action",
            "sts:AssumeRoleWithWebIdentity",
            "Condition",
            obj(
                "StringEquals",
                obj(
                    issuerHost + ":sub",
                    "system:serviceaccount:" + namespace + ":" + serviceAccount,
                    issuerHost + ":aud",
                    "sts.amazonaws.com"))));
  }

  /** The trust policy as an output, from the provider's ARN and the issuer URL. */
  public static Output<String> trust(
      Output<String> providerArn, Output<String> issuer, String namespace, String serviceAccount) {
    return Output.tuple(providerArn, issuer)
        .applyValue(
            t -> trustPolicy(t.t1, t.t2.replaceFirst("^https://", ""), namespace, serviceAccount));
  }

  /**
   * A role for exactly one service account, with an inline policy named after the role ({@code
   * <name>-policy}).
   *
   * @param description the role's description; null for none
   */
  public static Role withPolicy(
      String name,
      String description,
      Output<String> providerArn,
      Output<String> issuer,
      String namespace,
      String serviceAccount,
      Output<String> policy,
      CustomResourceOptions options) {
    var args =
        RoleArgs.builder().assumeRolePolicy(trust(providerArn, issuer, namespace, serviceAccount));
    if (description != null) {
      args.description(description);
    }
    var role = new Role(name, args.build(), options);
    new RolePolicy(
        name + "-policy", RolePolicyArgs.builder().role(role.id()).policy(policy).build(), options);
    return role;
  }

  static Role role(
      Resource parent,
      String name,
      OpenIdConnectProvider oidc,
      String namespace,
      String serviceAccount,
      List<String> managedPolicies) {
    Output<String> trust = trust(oidc.arn(), oidc.url(), namespace, serviceAccount);
    var options = CustomResourceOptions.builder().parent(parent).build();
    var role =
        new Role(
            name,
            RoleArgs.builder()
                .description("IRSA for " + namespace + "/" + serviceAccount)
                .assumeRolePolicy(trust)
                .build(),
            options);
    for (String policy : managedPolicies) {
      new RolePolicyAttachment(
          name + "-" + policy.substring(policy.lastIndexOf('/') + 1),
          RolePolicyAttachmentArgs.builder()
              .role(role.name())
              .policyArn("arn:aws:iam::aws:policy/" + policy)
              .build(),
          options);
    }
    return role;
  }
}
