package dev.plinth.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Operator access without SSH or a bastion ({@code plinth:access}): a small instance in a private
 * subnet that operators reach through AWS Systems Manager Session Manager, with no inbound rule and
 * no key pair, every session logged. Seed 002 asks for "SSH key-based authentication", a "Bastion
 * host" and "VPN access"; Session Manager gives the same reach (a shell, port forwarding to
 * PostgreSQL and Redis) with no open port and an IAM decision and a log record per session.
 *
 * @param enabled build the operator instance: off in dev (seed 003's dev budget is $80 a month and
 *     dev's data holds nothing an operator must reach without kubectl), on in staging and prod
 *     (seed 002: bastion host and VPN access)
 * @param instanceType the operator instance's type: {@code t4g.nano} everywhere (it forwards ports
 *     and runs psql or redis-cli; the smallest Graviton type, whose AMI is resolved for arm64); a
 *     Graviton family (a {@code g} after the generation digit) takes the arm64 image, any other the
 *     x86_64 one
 * @param rootVolumeGb the encrypted gp3 root volume: 20 GiB everywhere (EC2 refuses a size below
 *     the image's snapshot; ec2 2016-11-15 EbsBlockDevice VolumeSize), between 8 and 100
 * @param sessionPreferences whether this stack owns the account-and-region's Session Manager
 *     preferences (the {@code SSM-SessionManagerRunShell} document) and the session log group,
 *     bucket and key alias it names: true in prod only. Every stack of one account and region logs
 *     its sessions where the owner's document says; two owners in one account and region fail
 *     {@code plan --all} (review/AccountCheck). docs/deploy.md puts dev, staging and prod in one
 *     account, so prod (whose logs are kept longest) owns it
 * @param interfaceEndpoints VPC interface endpoints for ssm, ssmmessages and ec2messages in the
 *     private subnets: off in every preset, because every preset has NAT gateways ({@code
 *     plinth:network.natGateways} has no "none"), through which the agent reaches Systems Manager;
 *     each endpoint costs per zone-hour. On keeps Session Manager traffic inside the VPC
 * @param clientVpn AWS Client VPN for site-to-site needs (seed 003: "VPN: Site-to-site for
 *     on-premise access"): off everywhere ({@link ClientVpnSettings}); independent of {@code
 *     enabled}, checked by dev.plinth.access.ClientVpnValidation
 */
public record AccessSettings(
    boolean enabled,
    String instanceType,
    int rootVolumeGb,
    boolean sessionPreferences,
    boolean interfaceEndpoints,
    ClientVpnSettings clientVpn) {

  /** An EC2 instance type: family, a dot, size ({@code t4g.nano}). */
  static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");

  /** A Graviton family: letters, the generation digit(s), then suffix letters including g. */
  private static final Pattern GRAVITON = Pattern.compile("[a-z]+[0-9]+[a-z]*g[a-z]*");

  public static final int MIN_ROOT_GB = 8;
  public static final int MAX_ROOT_GB = 100;

  /** The documented defaults: on in staging and prod, preferences owned by prod. */
  public static AccessSettings preset(Environment env) {
    return new AccessSettings(
        env != Environment.DEV,
        "t4g.nano",
        20,
        env == Environment.PROD,
        false,
        ClientVpnSettings.preset(env));
  }

  /** The image's architecture the instance type needs: {@code arm64} or {@code x86_64}. */
  public String architecture() {
    String family = instanceType.substring(0, instanceType.indexOf('.'));
    return GRAVITON.matcher(family).matches() ? "arm64" : "x86_64";
  }

  /**
   * The checks of this section alone: a well-formed instance type, a root volume in range,
   * preferences and endpoints only with the instance (the Client VPN's own checks are in
   * dev.plinth.access.ClientVpnValidation).
   */
  public static List<ConfigProblem> validate(AccessSettings access) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (access.instanceType() == null || !INSTANCE_TYPE.matcher(access.instanceType()).matches()) {
      problems.add(
          ConfigProblem.of(
              "plinth:access.instanceType",
              "must be an EC2 instance type, family dot size (such as t4g.nano)",
              access.instanceType()));
    }
    if (access.rootVolumeGb() < MIN_ROOT_GB || access.rootVolumeGb() > MAX_ROOT_GB) {
      problems.add(
          ConfigProblem.of(
              "plinth:access.rootVolumeGb",
              "must be between " + MIN_ROOT_GB + " and " + MAX_ROOT_GB + " GiB",
              access.rootVolumeGb()));
    }
    if (!access.enabled() && access.sessionPreferences()) {
      problems.add(
          ConfigProblem.of(
              "plinth:access.sessionPreferences",
              "needs plinth:access.enabled: true (the preferences name the session log group and"
                  + " bucket the operator access builds)",
              true));
    }
    if (!access.enabled() && access.interfaceEndpoints()) {
      problems.add(
          ConfigProblem.of(
              "plinth:access.interfaceEndpoints",
              "needs plinth:access.enabled: true (the endpoints serve the operator instance)",
              true));
    }
    return problems;
  }
}
