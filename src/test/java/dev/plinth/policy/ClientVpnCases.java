package dev.plinth.policy;

import static dev.plinth.policy.PolicyRulesTest.c;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Failing cases of the Client VPN rules, in the form of {@link PolicyRulesTest#c}: each is the
 * baseline's endpoint (or its authorization rule) with one of its properties lost.
 */
final class ClientVpnCases {
  private ClientVpnCases() {}

  static final String ENDPOINT = "prod-vpn-endpoint";
  static final String AUTHORIZE = "prod-vpn-authorize-0";
  static final String GROUP = "prod-vpn-sg";

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "PL-48",
            ENDPOINT,
            "connection logging is off",
            g -> g.set(ENDPOINT, "connectionLogOptions.enabled", "false")),
        c(
            "PL-48",
            ENDPOINT,
            "the connection log group is not encrypted",
            g -> g.remove("prod-vpn-connections", "kmsKeyId")),
        c(
            "PL-49",
            AUTHORIZE,
            "clients are authorized for everything",
            g -> g.set(AUTHORIZE, "targetNetworkCidr", "'0.0.0.0/0'")),
        c(
            "PL-49",
            AUTHORIZE,
            "clients are authorized for the whole VPC",
            g -> g.set(AUTHORIZE, "targetNetworkCidr", "'10.0.0.0/16'")),
        c(
            "PL-49",
            AUTHORIZE,
            "clients are authorized for a range wider than the VPC",
            g -> g.set(AUTHORIZE, "targetNetworkCidr", "'10.0.0.0/8'")),
        c(
            "PL-49",
            AUTHORIZE,
            "clients are authorized for a private (node and pod) subnet",
            g -> g.set(AUTHORIZE, "targetNetworkCidr", "'10.0.11.0/24'")),
        c(
            "PL-50",
            ENDPOINT,
            "the endpoint is a full tunnel",
            g -> g.set(ENDPOINT, "splitTunnel", "false")),
        c(
            "PL-50",
            ENDPOINT,
            "the self-service portal is left at the API's default",
            g -> g.remove(ENDPOINT, "selfServicePortal")),
        c(
            "PL-50",
            ENDPOINT,
            "the endpoint names no security group",
            g -> g.remove(ENDPOINT, "securityGroupIds")),
        c(
            "PL-51",
            ENDPOINT,
            "the endpoint's group admits HTTPS from anywhere",
            g ->
                g.add(
                    Types.SG_INGRESS,
                    "prod-vpn-sg-https",
                    "{description: 'HTTPS', ipProtocol: 'tcp', fromPort: 443, toPort: 443,"
                        + " cidrIpv4: '0.0.0.0/0', securityGroupId: 'prod-vpn-sg-id'}",
                    GROUP)),
        c(
            "PL-51",
            ENDPOINT,
            "the endpoint's group sends to the whole VPC on every port",
            g ->
                g.add(
                    Types.SG_EGRESS,
                    "prod-vpn-egress-vpc",
                    "{description: 'VPC', ipProtocol: '-1', fromPort: 0, toPort: 0,"
                        + " cidrIpv4: '10.0.0.0/16', securityGroupId: 'prod-vpn-sg-id'}",
                    GROUP)),
        c(
            "PL-51",
            ENDPOINT,
            "the endpoint's group reaches the database's group on SSH",
            g ->
                g.set("prod-vpn-egress-db", "fromPort", "22")
                    .set("prod-vpn-egress-db", "toPort", "22")),
        c(
            "PL-51",
            ENDPOINT,
            "the endpoint's group has an inline egress rule",
            g ->
                g.set(
                    GROUP,
                    "egress",
                    "[{description: 'out', protocol: '-1', fromPort: 0, toPort: 0,"
                        + " cidrBlocks: ['0.0.0.0/0']}]")));
  }
}
