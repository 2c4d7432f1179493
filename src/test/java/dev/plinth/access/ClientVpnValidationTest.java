package dev.plinth.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.ClientVpnSettings;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.Environment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** plinth:access.clientVpn's checks: each bad value with the exact message it gets. */
class ClientVpnValidationTest {
  static final String REGION = "us-east-1";
  static final String VPC = "10.0.0.0/16";
  static final String SERVER =
      "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000001";
  static final String ROOT =
      "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000002";
  static final String SAML = "arn:aws:iam::123456789012:saml-provider/okta";

  /** A valid enabled endpoint: the preset turned on, with a server certificate and mutual TLS. */
  static final ClientVpnSettings GOOD =
      new ClientVpnSettings(true, "172.16.0.0/22", SERVER, ROOT, "", 1, 8, "");

  private static List<String> messages(ClientVpnSettings s) {
    return ClientVpnValidation.validate(s, REGION, VPC, 3).stream()
        .map(ConfigProblem::message)
        .toList();
  }

  @Test
  void thePresetsAreOffAndAnOffEndpointIsNotChecked() {
    for (Environment env : Environment.values()) {
      assertThat(ClientVpnSettings.preset(env).enabled()).as("%s", env).isFalse();
      assertThat(messages(ClientVpnSettings.preset(env))).as("%s", env).isEmpty();
    }
    assertThat(messages(new ClientVpnSettings(false, "nonsense", "x", "y", "z", 9, 5, "")))
        .isEmpty();
  }

  @Test
  void aCompleteEndpointWithMutualTlsSamlOrBothPasses() {
    assertThat(messages(GOOD)).isEmpty();
    assertThat(messages(new ClientVpnSettings(true, "172.16.0.0/12", SERVER, "", SAML, 3, 24, "")))
        .isEmpty();
    assertThat(
            messages(
                new ClientVpnSettings(true, "192.168.0.0/22", SERVER, ROOT, SAML, 2, 12, "hi")))
        .isEmpty();
  }

  static Stream<Arguments> badValues() {
    String k = "plinth:access.clientVpn.";
    return Stream.of(
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/22", "", ROOT, "", 1, 8, ""),
            k
                + "serverCertificateArn is required with plinth:access.clientVpn.enabled: the ARN"
                + " of the endpoint's server certificate in ACM"
                + " (arn:aws:acm:us-east-1:<account>:certificate/<id>) (got an empty string)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/22", "server.pem", ROOT, "", 1, 8, ""),
            k
                + "serverCertificateArn must be an ACM certificate's ARN"
                + " (arn:aws:acm:us-east-1:<account>:certificate/<id>) (got server.pem)"),
        Arguments.of(
            new ClientVpnSettings(
                true,
                "172.16.0.0/22",
                SERVER,
                "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000003",
                "",
                1,
                8,
                ""),
            k
                + "clientRootCertificateArn must be a certificate in the stack's region us-east-1"
                + " (the endpoint reads ACM in its own region), not eu-west-1 (got"
                + " arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000003)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/22", SERVER, "", "okta", 1, 8, ""),
            k
                + "samlProviderArn must be an IAM SAML provider's ARN"
                + " (arn:aws:iam::<account>:saml-provider/<name>) (got okta)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/22", SERVER, "", "", 1, 8, ""),
            k
                + "clientRootCertificateArn or plinth:access.clientVpn.samlProviderArn is required"
                + " with plinth:access.clientVpn.enabled: clients authenticate with certificates"
                + " signed by that root (mutual TLS), through that SAML provider, or both (got an"
                + " empty string)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/24", SERVER, ROOT, "", 1, 8, ""),
            k
                + "clientCidrBlock must be between /12 and /22 (Client VPN's limits) (got 172.16.0.0/24)"),
        Arguments.of(
            new ClientVpnSettings(true, "10.0.0.0/8", SERVER, ROOT, "", 1, 8, ""),
            k
                + "clientCidrBlock must be between /12 and /22 (Client VPN's limits) (got 10.0.0.0/8)"),
        Arguments.of(
            new ClientVpnSettings(true, "10.0.4.0/22", SERVER, ROOT, "", 1, 8, ""),
            k
                + "clientCidrBlock must not overlap the VPC's range plinth:network.vpcCidr"
                + " (10.0.0.0/16) (got 10.0.4.0/22)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.1/22", SERVER, ROOT, "", 1, 8, ""),
            k
                + "clientCidrBlock must be an IPv4 network in CIDR form (a.b.c.d/n) (got 172.16.0.1/22)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/22", SERVER, ROOT, "", 4, 8, ""),
            k + "associatedSubnets must be between 1 and plinth:network.azCount (3) (got 4)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/22", SERVER, ROOT, "", 0, 8, ""),
            k + "associatedSubnets must be between 1 and plinth:network.azCount (3) (got 0)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/22", SERVER, ROOT, "", 1, 9, ""),
            k + "sessionTimeoutHours must be one of [8, 10, 12, 24] (hours) (got 9)"),
        Arguments.of(
            new ClientVpnSettings(true, "172.16.0.0/22", SERVER, ROOT, "", 1, 8, "x".repeat(1401)),
            k + "bannerText must be at most 1400 characters (got 1401 characters)"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueIsRefusedNamingTheKeyTheValueAndWhatIsAllowed(
      ClientVpnSettings bad, String message) {
    assertThat(messages(bad)).containsExactly(message);
  }
}
