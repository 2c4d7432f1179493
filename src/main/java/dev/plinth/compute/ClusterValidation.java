package dev.plinth.compute;

import dev.plinth.config.ClusterSettings;
import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.network.Cidrs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Pure checks of {@code plinth:cluster}. */
public final class ClusterValidation {
  static final String KEY = "plinth:cluster";

  /**
   * The rules of the cluster settings (plinth:cluster), as one check of the loader;
   * dev.plinth.Checks lists it with the others.
   */
  public static final ConfigCheck CHECK = config -> validate(config.cluster());

  /**
   * The repositories of {@code plinth:cluster.repositories} must make names ECR accepts ({@link
   * Registry#validateNames}); a check of its own, listed after the other sections' as before.
   */
  public static final ConfigCheck REPOSITORY_NAMES =
      config -> Registry.validateNames(config.stack(), config.cluster().repositories());

  private ClusterValidation() {}

  /** A security group id as EC2 gives them: {@code sg-} and 8 or 17 hexadecimal digits. */
  static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");

  /**
   * An IAM role or user ARN (any partition, any path). EKS CreateAccessEntry principalArn: "You
   * can't use the STS session principal type with access entries" (botocore eks 2017-11-01).
   */
  static final Pattern IAM_PRINCIPAL =
      Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]+");

  /**
   * Checks that only matter when deploying, because {@code pulumi up} installs the add-ons through
   * the cluster's API: with no implicit admin for the cluster creator (see {@link Cluster}), an
   * empty {@code adminPrincipalArns} would leave nobody authorised, and a private endpoint with no
   * {@code privateAccess*} setting would leave nobody able to connect. The offline plan accepts the
   * presets' empty lists.
   */
  public static List<ConfigProblem> forDeployment(ClusterSettings s) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (s.adminPrincipalArns().isEmpty()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".adminPrincipalArns",
              "must name the roles that run pulumi up and pulumi preview (the cluster creator gets"
                  + " no implicit access); docs/deploy.md, step 4",
              "[]"));
    }
    if (!s.endpointPublicAccess()
        && s.privateAccessSecurityGroupIds().isEmpty()
        && s.privateAccessCidrs().isEmpty()) {
      // The cluster security group admits only itself (EKS User Guide, "View Amazon EKS security
      // group requirements for clusters"): pulumi up, which installs the add-ons through the API,
      // would time out.
      problems.add(
          ConfigProblem.of(
              KEY + ".privateAccessSecurityGroupIds",
              "must name the security group of the runner that runs pulumi up (or set "
                  + KEY
                  + ".privateAccessCidrs, or endpointPublicAccess true with publicAccessCidrs for a"
                  + " first run): with a private endpoint only, nothing else reaches the cluster's"
                  + " API; docs/deploy.md, step 5",
              "[]"));
    }
    return problems;
  }

  public static List<ConfigProblem> validate(ClusterSettings s) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!s.version().matches("1\\.\\d{2}")) {
      problems.add(
          ConfigProblem.of(
              KEY + ".version", "must be a Kubernetes minor version like 1.35", s.version()));
    }
    if (s.endpointPublicAccess() && s.publicAccessCidrs().isEmpty()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".publicAccessCidrs",
              "must name the CIDRs allowed to reach the public endpoint when endpointPublicAccess is true",
              "[]"));
    }
    for (int i = 0; i < s.publicAccessCidrs().size(); i++) {
      String cidr = s.publicAccessCidrs().get(i);
      if (Cidrs.parse(cidr).isEmpty()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".publicAccessCidrs[" + i + "]",
                "must be an IPv4 CIDR block like 203.0.113.0/24",
                cidr));
      } else if (Cidrs.parse(cidr).get().getNetworkPrefixLength() == 0) {
        problems.add(
            ConfigProblem.of(
                KEY + ".publicAccessCidrs[" + i + "]",
                "must not open the API endpoint to the whole internet; name your offices' or VPN's CIDRs",
                cidr));
      }
    }
    privateAccess(s, problems);
    admins(s, problems);
    var n = s.nodes();
    String nodes = KEY + ".nodes";
    if (n.minSize() < 1) {
      problems.add(ConfigProblem.of(nodes + ".minSize", "must be at least 1", n.minSize()));
    }
    if (n.maxSize() < n.minSize()) {
      problems.add(
          ConfigProblem.of(
              nodes + ".maxSize", "must be at least minSize (" + n.minSize() + ")", n.maxSize()));
    }
    if (n.desiredSize() < n.minSize() || n.desiredSize() > n.maxSize()) {
      problems.add(
          ConfigProblem.of(
              nodes + ".desiredSize",
              "must be between minSize (" + n.minSize() + ") and maxSize (" + n.maxSize() + ")",
              n.desiredSize()));
    }
    if (n.instanceTypes().isEmpty()) {
      problems.add(
          ConfigProblem.of(nodes + ".instanceTypes", "must name at least one instance type", "[]"));
    }
    architecture(n, nodes, problems);
    if (n.diskGb() < 20 || n.diskGb() > 16384) {
      problems.add(ConfigProblem.of(nodes + ".diskGb", "must be between 20 and 16384", n.diskGb()));
    }
    for (int i = 0; i < n.taints().size(); i++) {
      String effect = n.taints().get(i).effect();
      if (!List.of("NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE").contains(effect)) {
        problems.add(
            ConfigProblem.of(
                nodes + ".taints[" + i + "].effect",
                "must be one of NO_SCHEDULE, NO_EXECUTE, PREFER_NO_SCHEDULE",
                effect));
      }
    }
    for (var addon : s.addonVersions().entrySet()) {
      if (!ClusterSettings.ADDONS.contains(addon.getKey())) {
        problems.add(
            ConfigProblem.of(
                KEY + ".addonVersions." + addon.getKey(),
                "is not an add-on Plinth manages ("
                    + String.join(", ", ClusterSettings.ADDONS)
                    + ")",
                addon.getKey()));
      } else if (addon.getKey().equals(ClusterSettings.CLOUDWATCH_ADDON)
          && !s.containerInsights()
          && !addon.getValue().isBlank()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".addonVersions." + addon.getKey(),
                "pins an add-on that is not installed: containerInsights is false (set it true, or"
                    + " remove the pin)",
                addon.getValue()));
      }
    }
    problems.addAll(Charts.validate(s));
    return problems;
  }

  /**
   * An instance type's family and its attributes: series letters, generation digits, then the
   * additional capabilities (EC2 User Guide, "Amazon EC2 instance type naming conventions").
   */
  private static final Pattern INSTANCE_FAMILY = Pattern.compile("([a-z]+)(\\d+)([a-z-]*)");

  /**
   * Whether an instance type runs on AWS Graviton (arm64): its family's capabilities carry {@code
   * g} ("g - AWS Graviton processors", EC2 instance type naming conventions: t4g, m7g, r7g, c6gn,
   * x2gd, g5g), or it is the first-generation {@code a1}. Anything else is x86_64.
   */
  static boolean isGraviton(String instanceType) {
    String family = instanceType.split("\\.", 2)[0];
    if (family.equals("a1")) {
      return true;
    }
    var m = INSTANCE_FAMILY.matcher(family);
    return m.matches() && m.group(3).contains("g");
  }

  /** Every instance type must run the architecture's AMI, or the node group fails to create. */
  private static void architecture(
      ClusterSettings.NodeGroupSettings n, String nodes, List<ConfigProblem> problems) {
    boolean arm = n.architecture() == ClusterSettings.Architecture.ARM64;
    for (int i = 0; i < n.instanceTypes().size(); i++) {
      String type = n.instanceTypes().get(i);
      if (isGraviton(type) != arm) {
        problems.add(
            ConfigProblem.of(
                nodes + ".instanceTypes[" + i + "]",
                "must be "
                    + (arm ? "a Graviton (arm64) type such as t4g.medium" : "an x86_64 type")
                    + " to match "
                    + nodes
                    + ".architecture "
                    + n.architecture().key()
                    + " (or set architecture to "
                    + (arm ? "x86_64" : "arm64")
                    + ")",
                type));
      }
    }
  }

  private static void privateAccess(ClusterSettings s, List<ConfigProblem> problems) {
    for (int i = 0; i < s.privateAccessSecurityGroupIds().size(); i++) {
      String id = s.privateAccessSecurityGroupIds().get(i);
      if (!SECURITY_GROUP_ID.matcher(id).matches()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".privateAccessSecurityGroupIds[" + i + "]",
                "must be a security group id like sg-0123456789abcdef0",
                id));
      }
    }
    for (int i = 0; i < s.privateAccessCidrs().size(); i++) {
      String cidr = s.privateAccessCidrs().get(i);
      String key = KEY + ".privateAccessCidrs[" + i + "]";
      var parsed = Cidrs.parse(cidr);
      if (parsed.isEmpty()) {
        problems.add(ConfigProblem.of(key, "must be an IPv4 CIDR block like 10.0.0.0/16", cidr));
      } else if (parsed.get().getNetworkPrefixLength() == 0) {
        problems.add(
            ConfigProblem.of(
                key,
                "must not open the API endpoint to every address; name the runner's subnet or your"
                    + " VPN's CIDRs",
                cidr));
      }
    }
  }

  private static void admins(ClusterSettings s, List<ConfigProblem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < s.adminPrincipalArns().size(); i++) {
      String arn = s.adminPrincipalArns().get(i);
      String key = KEY + ".adminPrincipalArns[" + i + "]";
      if (!IAM_PRINCIPAL.matcher(arn).matches()) {
        problems.add(
            ConfigProblem.of(
                key,
                "must be the ARN of an IAM role or user like"
                    + " arn:aws:iam::123456789012:role/plinth-deploy (EKS refuses STS session ARNs)",
                arn));
      } else if (!seen.add(arn)) {
        // EKS CreateAccessEntry principalArn: "You can't specify the same ARN in more than one
        // access entry" (ResourceInUseException, HTTP 409).
        problems.add(
            ConfigProblem.of(
                key,
                "must not repeat an earlier entry: EKS allows one access entry per principal",
                arn));
      }
    }
  }
}
