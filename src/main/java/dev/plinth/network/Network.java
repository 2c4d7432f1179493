package dev.plinth.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.config.NetworkSettings;
import dev.plinth.config.NetworkSettings.NatGateways;
import dev.plinth.keys.LogStorage;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The VPC: public, private and database subnets in each zone, internet and NAT gateways, a route
 * table per tier (the database tier has no route out of the VPC), NACLs per tier, the default
 * security group stripped of its rules, flow logs, an S3 gateway endpoint and the subnet groups the
 * database and cache use.
 */
public final class Network extends Component {
  public static final String TYPE = "plinth:network:Network";

  /** Ports the database tier serves to the private tier: PostgreSQL and Redis (seed 004). */
  static final List<Integer> DATA_PORTS = List.of(5432, 6379);

  /** What the component needs besides its settings. */
  public record Args(
      NetworkSettings settings, String environment, LogStorage logs, AwsContext aws) {}

  /** The subnet tiers, one subnet of each per zone (seed 004). */
  public enum Tier {
    /** The load balancer and the NAT gateways; routes to the internet gateway. */
    PUBLIC,
    /** Nodes and pods; routes out through the NAT gateways. */
    PRIVATE,
    /** PostgreSQL and Redis; no route out of the VPC. */
    DATABASE
  }

  private final Vpc vpc;
  private final List<Subnet> publicSubnets = new ArrayList<>();
  private final List<Subnet> privateSubnets = new ArrayList<>();
  private final List<Subnet> databaseSubnets = new ArrayList<>();
  private final List<NatGateway> natGateways = new ArrayList<>();
  private final com.pulumi.aws.rds.SubnetGroup dbSubnetGroup;
  private final com.pulumi.aws.elasticache.SubnetGroup cacheSubnetGroup;
  private final Output<List<ZoneIds.Zone>> zones;
  private final SecurityGroup appSecurityGroup;

  public Network(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    NetworkSettings s = args.settings();
    IPv4Address block = Cidrs.parse(s.vpcCidr()).orElseThrow();
    this.zones = zones(s, args.aws());

    vpc = createVpc(s);
    appSecurityGroup = createSecurityGroups(args.environment());
    var igw = createInternetGateway();
    TierCidrs cidrs = createSubnets(s, block);
    List<RouteTable> endpointRoutes = createRoutes(s, igw);
    createS3Endpoint(args.aws(), endpointRoutes);
    var acls = new NetworkAcls(this, vpc.id());
    acls.publicTier(s.vpcCidr(), publicSubnets);
    acls.privateTier(s.vpcCidr(), privateSubnets);
    acls.databaseTier(cidrs.privateCidrs(), cidrs.databaseCidrs(), databaseSubnets);
    dbSubnetGroup = createDbSubnetGroup(args.environment());
    cacheSubnetGroup = createCacheSubnetGroup(args.environment());
    if (s.flowLogs()) {
      FlowLogs.create(this, vpc.id(), args);
    }

    registerOutputs(
        Map.of(
            "vpcId", vpc.id(),
            "availabilityZoneIds", availabilityZoneIds(),
            "publicSubnetIds", publicSubnetIds(),
            "privateSubnetIds", privateSubnetIds(),
            "databaseSubnetIds", databaseSubnetIds()));
  }

  private Vpc createVpc(NetworkSettings s) {
    return new Vpc(
        child("vpc"),
        VpcArgs.builder()
            .cidrBlock(s.vpcCidr())
            .enableDnsHostnames(true)
            .enableDnsSupport(true)
            .tags(Map.of("Name", child("vpc")))
            .build(),
        childOptions());
  }

  /**
   * The VPC's default security group, stripped of its rules, and the application tier's group;
   * returns the latter.
   */
  private SecurityGroup createSecurityGroups(String environment) {
    // The default security group keeps no rules: nothing may use it by accident.
    new DefaultSecurityGroup(
        child("default-sg"),
        DefaultSecurityGroupArgs.builder()
            .vpcId(vpc.id())
            .tags(Map.of("Name", child("default-sg")))
            .build(),
        childOptions());

    // The application tier's group (seed 003's app-sg): the cluster's nodes and pods carry it. It
    // admits nothing by itself; the edge and workloads add the load balancer's rule, and the data
    // tier's groups admit PostgreSQL and Redis from it alone.
    return new SecurityGroup(
        child("app-sg"),
        SecurityGroupArgs.builder()
            .vpcId(vpc.id())
            .description("Plinth " + environment + ": application pods and nodes")
            .egress(
                SecurityGroupEgressArgs.builder()
                    .description("Outbound to anywhere (NAT, AWS APIs, data tier)")
                    .protocol("-1")
                    .fromPort(0)
                    .toPort(0)
                    .cidrBlocks("0.0.0.0/0")
                    .build())
            .tags(Map.of("Name", child("app-sg")))
            .build(),
        childOptions());
  }

  private InternetGateway createInternetGateway() {
    return new InternetGateway(
        child("igw"),
        InternetGatewayArgs.builder().vpcId(vpc.id()).tags(Map.of("Name", child("igw"))).build(),
        childOptions());
  }

  /** The CIDR blocks of the tiers the NACLs name, one per zone. */
  private record TierCidrs(List<String> privateCidrs, List<String> databaseCidrs) {}

  /** One subnet per tier and zone, carved out of the VPC's block by {@link Cidrs#tier}. */
  private TierCidrs createSubnets(NetworkSettings s, IPv4Address block) {
    List<String> publicCidrs = Cidrs.tier(block, s.publicSubnets(), s.azCount());
    List<String> privateCidrs = Cidrs.tier(block, s.privateSubnets(), s.azCount());
    List<String> databaseCidrs = Cidrs.tier(block, s.databaseSubnets(), s.azCount());
    for (int i = 0; i < s.azCount(); i++) {
      publicSubnets.add(
          subnet("public", i, publicCidrs.get(i), true, Map.of("kubernetes.io/role/elb", "1")));
      privateSubnets.add(
          subnet(
              "private",
              i,
              privateCidrs.get(i),
              false,
              Map.of("kubernetes.io/role/internal-elb", "1")));
      databaseSubnets.add(subnet("database", i, databaseCidrs.get(i), false, Map.of()));
    }
    return new TierCidrs(privateCidrs, databaseCidrs);
  }

  /**
   * The route tables of the three tiers and the NAT gateways; returns the tables the S3 endpoint
   * serves (the private tier's, then the database tier's).
   */
  private List<RouteTable> createRoutes(NetworkSettings s, InternetGateway igw) {
    // Public tier: one route table, default route to the internet gateway.
    var publicRoutes =
        routeTable(
            "public-rt",
            List.of(
                RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").gatewayId(igw.id()).build()));
    associate(publicRoutes, publicSubnets, "public");

    int natCount = s.natGateways() == NatGateways.PER_AZ ? s.azCount() : 1;
    createNatGateways(natCount, igw);
    List<RouteTable> privateRoutes = createPrivateRoutes(s.azCount(), natCount);

    // Database tier: local routes only; no way out of the VPC.
    var databaseRoutes = routeTable("database-rt", List.of());
    associate(databaseRoutes, databaseSubnets, "database");

    List<RouteTable> endpointRoutes = new ArrayList<>(privateRoutes);
    endpointRoutes.add(databaseRoutes);
    return endpointRoutes;
  }

  /** NAT gateways in the public subnets: one shared, or one per zone. */
  private void createNatGateways(int natCount, InternetGateway igw) {
    for (int i = 0; i < natCount; i++) {
      String zone = zoneLetter(i);
      var eip =
          new Eip(
              child("nat-eip-" + zone),
              EipArgs.builder()
                  .domain("vpc")
                  .tags(Map.of("Name", child("nat-eip-" + zone)))
                  .build(),
              childOptions());
      natGateways.add(
          new NatGateway(
              child("nat-" + zone),
              NatGatewayArgs.builder()
                  .allocationId(eip.id())
                  .subnetId(publicSubnets.get(i).id())
                  .connectivityType("public")
                  .tags(Map.of("Name", child("nat-" + zone)))
                  .build(),
              childOptions(List.of(igw))));
    }
  }

  /** Private tier: a route table per NAT gateway; each zone uses its own NAT where it has one. */
  private List<RouteTable> createPrivateRoutes(int azCount, int natCount) {
    List<RouteTable> privateRoutes = new ArrayList<>();
    for (int i = 0; i < natCount; i++) {
      String suffix = natCount == 1 ? "private-rt" : "private-rt-" + zoneLetter(i);
      privateRoutes.add(
          routeTable(
              suffix,
              List.of(
                  RouteTableRouteArgs.builder()
                      .cidrBlock("0.0.0.0/0")
                      .natGatewayId(natGateways.get(i).id())
                      .build())));
    }
    for (int i = 0; i < azCount; i++) {
      new RouteTableAssociation(
          child("private-rta-" + zoneLetter(i)),
          RouteTableAssociationArgs.builder()
              .subnetId(privateSubnets.get(i).id())
              .routeTableId(privateRoutes.get(Math.min(i, natCount - 1)).id())
              .build(),
          childOptions());
    }
    return privateRoutes;
  }

  /**
   * S3 through a gateway endpoint: no NAT charges for S3 traffic, and backups stay off the
   * internet.
   */
  private void createS3Endpoint(AwsContext aws, List<RouteTable> routeTables) {
    List<Output<String>> endpointTables = new ArrayList<>();
    routeTables.forEach(rt -> endpointTables.add(rt.id()));
    new VpcEndpoint(
        child("s3-endpoint"),
        VpcEndpointArgs.builder()
            .vpcId(vpc.id())
            .serviceName("com.amazonaws." + aws.region() + ".s3")
            .vpcEndpointType("Gateway")
            .routeTableIds(Output.all(endpointTables))
            .tags(Map.of("Name", child("s3-endpoint")))
            .build(),
        childOptions());
  }

  private com.pulumi.aws.rds.SubnetGroup createDbSubnetGroup(String environment) {
    return new com.pulumi.aws.rds.SubnetGroup(
        child("db-subnets"),
        com.pulumi.aws.rds.SubnetGroupArgs.builder()
            .description("Plinth " + environment + ": database subnets for PostgreSQL")
            .subnetIds(ids(databaseSubnets))
            .build(),
        childOptions());
  }

  private com.pulumi.aws.elasticache.SubnetGroup createCacheSubnetGroup(String environment) {
    return new com.pulumi.aws.elasticache.SubnetGroup(
        child("cache-subnets"),
        com.pulumi.aws.elasticache.SubnetGroupArgs.builder()
            .description("Plinth " + environment + ": database subnets for Redis")
            .subnetIds(ids(databaseSubnets))
            .build(),
        childOptions());
  }

  /**
   * The zones, chosen by id ({@link ZoneIds#choose}): the configured ids, or the first {@code
   * azCount} ids of the region that EKS supports. The invoke leaves out the ids EKS refuses
   * (aws:index/getAvailabilityZones, excludeZoneIds) and only zones that need no opt-in.
   */
  private static Output<List<ZoneIds.Zone>> zones(NetworkSettings s, AwsContext aws) {
    var args =
        GetAvailabilityZonesArgs.builder()
            .state("available")
            .excludeZoneIds(List.copyOf(ZoneIds.eksUnsupported(aws.region())))
            .filters(
                GetAvailabilityZonesFilterArgs.builder()
                    .name("opt-in-status")
                    .values("opt-in-not-required")
                    .build())
            .build();
    return AwsFunctions.getAvailabilityZones(args, aws.invokeOptions())
        .applyValue(
            result ->
                ZoneIds.choose(
                    aws.region(),
                    result.names(),
                    result.zoneIds(),
                    s.availabilityZoneIds(),
                    s.azCount()));
  }

  /** Zone letters in names: a, b, c (the zone's position, not its AWS name). */
  static String zoneLetter(int index) {
    return String.valueOf((char) ('a' + index));
  }

  private Subnet subnet(
      String tier, int index, String cidr, boolean publicIps, Map<String, String> extraTags) {
    String subnetName = child(tier + "-" + zoneLetter(index));
    Map<String, String> tags = new java.util.TreeMap<>(extraTags);
    tags.put("Name", subnetName);
    tags.put("plinth:tier", tier);
    return new Subnet(
        subnetName,
        SubnetArgs.builder()
            .vpcId(vpc.id())
            .cidrBlock(cidr)
            // By id: EC2 CreateSubnet, AvailabilityZoneId ("The AZ ID ... of the subnet"); the
            // name would land in whichever zone this account calls that name.
            .availabilityZoneId(zones.applyValue(z -> z.get(index).id()))
            .mapPublicIpOnLaunch(publicIps)
            .tags(tags)
            .build(),
        childOptions());
  }

  private RouteTable routeTable(String suffix, List<RouteTableRouteArgs> routes) {
    return new RouteTable(
        child(suffix),
        RouteTableArgs.builder()
            .vpcId(vpc.id())
            .routes(routes)
            .tags(Map.of("Name", child(suffix)))
            .build(),
        childOptions());
  }

  private void associate(RouteTable table, List<Subnet> subnets, String tier) {
    for (int i = 0; i < subnets.size(); i++) {
      new RouteTableAssociation(
          child(tier + "-rta-" + zoneLetter(i)),
          RouteTableAssociationArgs.builder()
              .subnetId(subnets.get(i).id())
              .routeTableId(table.id())
              .build(),
          childOptions());
    }
  }

  private static Output<List<String>> ids(List<Subnet> subnets) {
    return Output.all(subnets.stream().map(Subnet::id).toList());
  }

  public Output<String> vpcId() {
    return vpc.id();
  }

  /** The handle to one tier's subnets, for what places network interfaces in them. */
  public Placement placement(Tier tier) {
    List<Subnet> subnets =
        switch (tier) {
          case PUBLIC -> publicSubnets;
          case PRIVATE -> privateSubnets;
          case DATABASE -> databaseSubnets;
        };
    return new Placement(vpcId(), ids(subnets), availabilityZones());
  }

  /** The handle the database takes: its subnet group over the database tier. */
  public DataPlacement databasePlacement() {
    return new DataPlacement(
        vpcId(), dbSubnetGroupName(), availabilityZones(), databaseSubnetIds());
  }

  /** The handle the cache takes: its subnet group over the database tier. */
  public DataPlacement cachePlacement() {
    return new DataPlacement(
        vpcId(), cacheSubnetGroupName(), availabilityZones(), databaseSubnetIds());
  }

  /** The handle to the application tier: its security group and its (private) subnets. */
  public AppTier appTier() {
    return new AppTier(appSecurityGroupId(), privateSubnetIds());
  }

  public Output<String> vpcCidr() {
    return vpc.cidrBlock();
  }

  /** The zones' names in this account, in the order of the subnets (a, b, c). */
  public Output<List<String>> availabilityZones() {
    return zones.applyValue(z -> z.stream().map(ZoneIds.Zone::name).toList());
  }

  /** The zones' ids (the same physical zones in every account), in the order of the subnets. */
  public Output<List<String>> availabilityZoneIds() {
    return zones.applyValue(z -> z.stream().map(ZoneIds.Zone::id).toList());
  }

  public Output<List<String>> publicSubnetIds() {
    return ids(publicSubnets);
  }

  public Output<List<String>> privateSubnetIds() {
    return ids(privateSubnets);
  }

  public Output<List<String>> databaseSubnetIds() {
    return ids(databaseSubnets);
  }

  public Output<String> dbSubnetGroupName() {
    return dbSubnetGroup.name();
  }

  public Output<String> cacheSubnetGroupName() {
    return cacheSubnetGroup.name();
  }

  /** The application tier's security group id (nodes and pods). */
  public Output<String> appSecurityGroupId() {
    return appSecurityGroup.id();
  }

  public int natGatewayCount() {
    return natGateways.size();
  }
}
