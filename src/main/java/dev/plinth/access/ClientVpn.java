package dev.plinth.access;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2clientvpn.AuthorizationRule;
import com.pulumi.aws.ec2clientvpn.AuthorizationRuleArgs;
import com.pulumi.aws.ec2clientvpn.Endpoint;
import com.pulumi.aws.ec2clientvpn.EndpointArgs;
import com.pulumi.aws.ec2clientvpn.NetworkAssociation;
import com.pulumi.aws.ec2clientvpn.NetworkAssociationArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointAuthenticationOptionArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointClientLoginBannerOptionsArgs;
import com.pulumi.aws.ec2clientvpn.inputs.EndpointConnectionLogOptionsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.config.ClientVpnSettings;
import dev.plinth.network.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS Client VPN for operators (issue 21; seed 003: "VPN: Site-to-site for on-premise access"): an
 * endpoint whose clients reach PostgreSQL and Redis and nothing else. What holds that:
 *
 * <ul>
 *   <li>a security group of its own on the endpoint's network interfaces (without one AWS applies
 *       the VPC's default group: ec2 2016-11-15 CreateClientVpnEndpoint.VpcId), with no ingress and
 *       egress only to each data store's group on its port; each store admits it on that port;
 *   <li>authorization rules for the database subnets' ranges only, not the VPC
 *       (AuthorizeClientVpnIngress.TargetNetworkCidr);
 *   <li>split tunnel (CreateClientVpnEndpoint.SplitTunnel, off by default in the API), so that only
 *       the VPC's route goes through the VPN and a client's other traffic stays its own;
 *   <li>the self-service portal off (SelfServicePortal, "Default Value: enabled"): clients get
 *       their configuration file from an operator, as docs/runbooks.md says;
 *   <li>every connection logged (ConnectionLogOptions) to a log group encrypted with the logs key
 *       and kept as long as the Session Manager logs ({@code auditRetentionDays}).
 * </ul>
 *
 * <p>The endpoint is associated with the first {@code associatedSubnets} private subnets
 * (AssociateClientVpnTargetNetwork.SubnetId); associating one adds the route to the VPC's range to
 * the endpoint's route table itself (Client VPN Administrator Guide, "AWS Client VPN routes"; ec2
 * 2016-11-15 ClientVpnRoute.Origin "associate"), so no Route is created, and with split tunnel that
 * route is all the clients are sent. Clients' traffic enters the VPC through the association's
 * network interfaces in a private subnet, whose range the database tier's network ACL admits on
 * 5432 and 6379 (as for the operator instance); that the stores see the interface's address is
 * Plinth's reading of the guide, not verified against a live endpoint.
 */
public final class ClientVpn extends Component {
  public static final String TYPE = "plinth:access:ClientVpn";

  /** The API's value that turns the self-service portal off (ec2 2016-11-15 SelfServicePortal). */
  public static final String PORTAL_OFF = "disabled";

  /**
   * @param settings {@code plinth:access.clientVpn}
   * @param aws the stack's name and region (the connection log group's name)
   * @param placement the private subnets: the endpoint is associated with the first ones
   * @param dataCidrs the database subnets' ranges: the only networks clients are authorized for
   * @param reaches the data stores clients may reach, each on its port
   * @param logsKeyArn the logs key, which encrypts the connection log group
   * @param logRetentionDays how long connection logs are kept
   */
  public record Args(
      ClientVpnSettings settings,
      AwsContext aws,
      Placement placement,
      List<String> dataCidrs,
      List<Reach> reaches,
      Output<String> logsKeyArn,
      int logRetentionDays) {}

  private final Endpoint endpoint;
  private final SecurityGroup group;

  public ClientVpn(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    group = securityGroup(args);
    var logs =
        new LogGroup(
            child("connections"),
            LogGroupArgs.builder()
                .name("/plinth/" + args.aws().stack() + "/client-vpn")
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.logsKeyArn())
                .build(),
            childOptions());
    endpoint = endpoint(args, logs);
    List<NetworkAssociation> associations = new ArrayList<>();
    for (int i = 0; i < args.settings().associatedSubnets(); i++) {
      int zone = i;
      associations.add(
          new NetworkAssociation(
              child("association-" + i),
              NetworkAssociationArgs.builder()
                  .clientVpnEndpointId(endpoint.id())
                  .subnetId(args.placement().subnetIds().applyValue(ids -> ids.get(zone)))
                  .build(),
              childOptions()));
    }
    for (int i = 0; i < args.dataCidrs().size(); i++) {
      String cidr = args.dataCidrs().get(i);
      new AuthorizationRule(
          child("authorize-" + i),
          AuthorizationRuleArgs.builder()
              .clientVpnEndpointId(endpoint.id())
              .targetNetworkCidr(cidr)
              .authorizeAllGroups(true)
              .description("database subnet " + cidr + " (PostgreSQL, Redis)")
              .build(),
          childOptions(List.copyOf(associations)));
    }
    registerOutputs(
        Map.of(
            "endpointId", endpoint.id(),
            "dnsName", endpoint.dnsName(),
            "securityGroupId", group.id()));
  }

  /**
   * The endpoint's group: no ingress (the provider drops AWS's default allow-all egress: Pulumi
   * AWS, aws.ec2.SecurityGroup), egress to each store's group on its port, and each store admits
   * this group on that port, by group reference, no address range.
   */
  private SecurityGroup securityGroup(Args args) {
    var sg =
        new SecurityGroup(
            child("sg"),
            SecurityGroupArgs.builder()
                .vpcId(args.placement().vpcId())
                .description("Client VPN: PostgreSQL and Redis only, no inbound rule")
                .tags(Map.of("Name", child("sg")))
                .build(),
            childOptions());
    Reach.open(name(), sg.id(), args.reaches(), "the Client VPN's clients", childOptions());
    return sg;
  }

  /**
   * The endpoint (ec2 2016-11-15 CreateClientVpnEndpoint): the settings' certificates and
   * authentication, split tunnel, the portal off, the session timeout, the banner when given, and
   * connection logging to the log group.
   */
  private Endpoint endpoint(Args args, LogGroup logs) {
    ClientVpnSettings s = args.settings();
    boolean banner = s.bannerText() != null && !s.bannerText().isBlank();
    var login = EndpointClientLoginBannerOptionsArgs.builder().enabled(banner);
    if (banner) {
      login.bannerText(s.bannerText());
    }
    return new Endpoint(
        child("endpoint"),
        EndpointArgs.builder()
            .description("Plinth " + args.aws().stack() + ": operators to PostgreSQL and Redis")
            .vpcId(args.placement().vpcId())
            .securityGroupIds(group.id().applyValue(List::of))
            .clientCidrBlock(s.clientCidrBlock())
            .serverCertificateArn(s.serverCertificateArn())
            .authenticationOptions(authentication(s))
            .connectionLogOptions(
                EndpointConnectionLogOptionsArgs.builder()
                    .enabled(true)
                    .cloudwatchLogGroup(logs.name())
                    .build())
            .splitTunnel(true)
            .selfServicePortal(PORTAL_OFF)
            .sessionTimeoutHours(s.sessionTimeoutHours())
            .clientLoginBannerOptions(login.build())
            .transportProtocol("udp")
            .vpnPort(443)
            .tags(Map.of("Name", child("endpoint")))
            .build(),
        childOptions());
  }

  /**
   * ClientVpnAuthenticationRequest: certificate-authentication with the client root certificate,
   * federated-authentication with the SAML provider, or both (validation requires one).
   */
  static List<EndpointAuthenticationOptionArgs> authentication(ClientVpnSettings s) {
    List<EndpointAuthenticationOptionArgs> options = new ArrayList<>();
    if (s.mutualTls()) {
      options.add(
          EndpointAuthenticationOptionArgs.builder()
              .type("certificate-authentication")
              .rootCertificateChainArn(s.clientRootCertificateArn())
              .build());
    }
    if (s.federated()) {
      options.add(
          EndpointAuthenticationOptionArgs.builder()
              .type("federated-authentication")
              .samlProviderArn(s.samlProviderArn())
              .build());
    }
    return options;
  }

  /** The endpoint's id ({@code aws ec2 export-client-vpn-client-configuration}). */
  public Output<String> endpointId() {
    return endpoint.id();
  }

  /** The endpoint's DNS name, which the client configuration file names. */
  public Output<String> dnsName() {
    return endpoint.dnsName();
  }

  public Output<String> securityGroupId() {
    return group.id();
  }
}
