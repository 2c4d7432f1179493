package dev.plinth.config;

import java.util.List;

/**
 * AWS Client VPN for operators who need the data tier from their own network ({@code
 * plinth:access.clientVpn}): seed 003 asks for "VPN: Site-to-site for on-premise access", seed 002
 * for "VPN access". Off everywhere: Session Manager port forwarding (the operator instance) already
 * gives operators PostgreSQL and Redis, and an endpoint bills every hour a subnet is associated.
 * When on, an OpenVPN client reaches only the database subnets, only on the PostgreSQL and Redis
 * ports, with split tunnel (only the VPC's routes go through the VPN) and every connection logged.
 * The field notes cite the ec2 2016-11-15 model (botocore 1.43.11), CreateClientVpnEndpoint.
 *
 * @param enabled build the endpoint: false in every preset (Session Manager covers the operators'
 *     reach; seed 003's budgets: the endpoint costs $73 a month per associated subnet before any
 *     connection)
 * @param clientCidrBlock the range clients' addresses are taken from: 172.16.0.0/22 everywhere,
 *     outside the VPC's 10.0.0.0/16 (seeds 001, 003) and the smallest range the API accepts
 *     (ClientCidrBlock: "must have a size of at least /22 and must not be greater than /12", and
 *     "cannot overlap with the local CIDR of the VPC"; it cannot be changed after creation)
 * @param serverCertificateArn the endpoint's server certificate in ACM, in the stack's region
 *     (ServerCertificateArn, required): no default, required when on
 * @param clientRootCertificateArn mutual TLS: the ACM certificate of the CA that signs the clients'
 *     certificates (CertificateAuthenticationRequest.ClientRootCertificateChainArn): none by
 *     default; this or {@code samlProviderArn} (or both) is required when on
 * @param samlProviderArn federated login: an IAM SAML identity provider
 *     (FederatedAuthenticationRequest.SAMLProviderArn): none by default
 * @param associatedSubnets how many private subnets the endpoint is associated with, one per zone
 *     from the first: 1 everywhere (each association bills $0.10 an hour; clients reach every zone
 *     through one; if its zone fails, Session Manager remains), between 1 and {@code
 *     plinth:network.azCount}; 2 keeps the VPN up through a zone's loss
 * @param sessionTimeoutHours the longest a VPN session lasts before the client must log in again: 8
 *     everywhere, the shortest the API allows (SessionTimeoutHours: "Valid values: 8 | 10 | 12 | 24
 *     Default value: 24"), one working day
 * @param bannerText the text AWS-provided clients show when a session starts
 *     (ClientLoginBannerOptions.BannerText, at most 1400 characters): none by default (the banner
 *     is off)
 */
public record ClientVpnSettings(
    boolean enabled,
    String clientCidrBlock,
    String serverCertificateArn,
    String clientRootCertificateArn,
    String samlProviderArn,
    int associatedSubnets,
    int sessionTimeoutHours,
    String bannerText) {

  /** The values SessionTimeoutHours accepts (ec2 2016-11-15 CreateClientVpnEndpoint). */
  public static final List<Integer> SESSION_TIMEOUTS = List.of(8, 10, 12, 24);

  /** The longest banner (ClientLoginBannerOptions.BannerText: "Maximum of 1400 characters"). */
  public static final int MAX_BANNER = 1400;

  /** The documented defaults: off, the same everywhere. */
  public static ClientVpnSettings preset(Environment env) {
    return new ClientVpnSettings(false, "172.16.0.0/22", "", "", "", 1, 8, "");
  }

  /** Whether clients authenticate with certificates signed by the given root (mutual TLS). */
  public boolean mutualTls() {
    return clientRootCertificateArn != null && !clientRootCertificateArn.isBlank();
  }

  /** Whether clients log in through a SAML identity provider. */
  public boolean federated() {
    return samlProviderArn != null && !samlProviderArn.isBlank();
  }
}
