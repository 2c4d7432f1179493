package dev.plinth.access;

import dev.plinth.config.ClientVpnSettings;
import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.edge.EdgeValidation;
import dev.plinth.network.Cidrs;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure checks of {@code plinth:access.clientVpn}, with what they need from the stack's region and
 * {@code plinth:network}. Only an enabled endpoint is checked: off, its settings are not read. The
 * limits are the ec2 2016-11-15 model's (botocore 1.43.11), CreateClientVpnEndpoint.
 */
public final class ClientVpnValidation {
  private ClientVpnValidation() {}

  static final String KEY = "plinth:access.clientVpn";

  /**
   * The rules of plinth:access.clientVpn as one check of the loader; dev.plinth.Checks lists it.
   */
  public static final ConfigCheck CHECK =
      config ->
          validate(
              config.access().clientVpn(),
              config.region(),
              config.network().vpcCidr(),
              config.network().azCount());

  /** An IAM SAML identity provider's ARN (IAM is global: no region). */
  static final Pattern SAML_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:saml-provider/[A-Za-z0-9+=,.@_-]+");

  /** ClientCidrBlock: "at least /22 and must not be greater than /12". */
  public static final int LARGEST_PREFIX = 12;

  public static final int SMALLEST_PREFIX = 22;

  /**
   * @param region the stack's region: the endpoint's certificates must be in ACM there (ACM
   *     certificates are regional, and the endpoint reads them from its own region)
   * @param vpcCidr the VPC's range, which the clients' range must not overlap
   * @param azCount the zones, one private subnet each, the endpoint may be associated with
   */
  public static List<ConfigProblem> validate(
      ClientVpnSettings s, String region, String vpcCidr, int azCount) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!s.enabled()) {
      return problems;
    }
    if (s.serverCertificateArn() == null || s.serverCertificateArn().isBlank()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".serverCertificateArn",
              "is required with plinth:access.clientVpn.enabled: the ARN of the endpoint's server"
                  + " certificate in ACM (arn:aws:acm:"
                  + region
                  + ":<account>:certificate/<id>)",
              ""));
    } else {
      acm(problems, "serverCertificateArn", s.serverCertificateArn(), region);
    }
    if (s.mutualTls()) {
      acm(problems, "clientRootCertificateArn", s.clientRootCertificateArn(), region);
    }
    if (s.federated() && !SAML_ARN.matcher(s.samlProviderArn()).matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".samlProviderArn",
              "must be an IAM SAML provider's ARN (arn:aws:iam::<account>:saml-provider/<name>)",
              s.samlProviderArn()));
    }
    if (!s.mutualTls() && !s.federated()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".clientRootCertificateArn",
              "or plinth:access.clientVpn.samlProviderArn is required with"
                  + " plinth:access.clientVpn.enabled: clients authenticate with certificates"
                  + " signed by that root (mutual TLS), through that SAML provider, or both",
              ""));
    }
    clientCidr(problems, s.clientCidrBlock(), vpcCidr);
    if (s.associatedSubnets() < 1 || s.associatedSubnets() > azCount) {
      problems.add(
          ConfigProblem.of(
              KEY + ".associatedSubnets",
              "must be between 1 and plinth:network.azCount (" + azCount + ")",
              s.associatedSubnets()));
    }
    if (!ClientVpnSettings.SESSION_TIMEOUTS.contains(s.sessionTimeoutHours())) {
      problems.add(
          ConfigProblem.of(
              KEY + ".sessionTimeoutHours",
              "must be one of " + ClientVpnSettings.SESSION_TIMEOUTS + " (hours)",
              s.sessionTimeoutHours()));
    }
    if (s.bannerText() != null && s.bannerText().length() > ClientVpnSettings.MAX_BANNER) {
      problems.add(
          ConfigProblem.of(
              KEY + ".bannerText",
              "must be at most " + ClientVpnSettings.MAX_BANNER + " characters",
              s.bannerText().length() + " characters"));
    }
    return problems;
  }

  private static void acm(List<ConfigProblem> problems, String field, String arn, String region) {
    Matcher m = EdgeValidation.CERTIFICATE_ARN.matcher(arn);
    if (!m.matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + "." + field,
              "must be an ACM certificate's ARN (arn:aws:acm:"
                  + region
                  + ":<account>:certificate/<id>)",
              arn));
    } else if (!m.group(1).equals(region)) {
      problems.add(
          ConfigProblem.of(
              KEY + "." + field,
              "must be a certificate in the stack's region "
                  + region
                  + " (the endpoint reads ACM in its own region), not "
                  + m.group(1),
              arn));
    }
  }

  private static void clientCidr(List<ConfigProblem> problems, String cidr, String vpcCidr) {
    var block = Cidrs.parse(cidr);
    String key = KEY + ".clientCidrBlock";
    if (block.isEmpty() || !Cidrs.isNetworkAddress(block.get())) {
      problems.add(ConfigProblem.of(key, "must be an IPv4 network in CIDR form (a.b.c.d/n)", cidr));
      return;
    }
    int prefix = block.get().getNetworkPrefixLength();
    if (prefix < LARGEST_PREFIX || prefix > SMALLEST_PREFIX) {
      problems.add(
          ConfigProblem.of(
              key,
              "must be between /"
                  + LARGEST_PREFIX
                  + " and /"
                  + SMALLEST_PREFIX
                  + " (Client VPN's limits)",
              cidr));
    } else if (Cidrs.parse(vpcCidr).isPresent() && Cidrs.overlaps(cidr, vpcCidr)) {
      problems.add(
          ConfigProblem.of(
              key,
              "must not overlap the VPC's range plinth:network.vpcCidr (" + vpcCidr + ")",
              cidr));
    }
  }
}
