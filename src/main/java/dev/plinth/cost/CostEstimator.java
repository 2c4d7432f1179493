package dev.plinth.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.CacheSettings;
import dev.plinth.config.CostSettings;
import dev.plinth.config.InstanceVcpus;
import dev.plinth.config.OfficeHoursSettings;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.EksVersions;
import dev.plinth.policy.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices what the plan records, per month (730 hours), at the table's us-east-1 on-demand prices:
 * EKS control planes, node groups (instance type x desired size, spot discounted, gp3 disks), NAT
 * gateways and public IPv4 addresses, ALBs, WAF web ACLs and rules, RDS instances (class, Multi-AZ,
 * storage; read replicas alike), ElastiCache nodes, KMS keys, secrets and alarms, EC2 instances
 * with their gp3 root volumes, interface endpoints per zone; plus the usage assumptions of {@code
 * plinth:cost} (NAT traffic, ALB capacity units, WAF requests, logs, S3). Alarms are priced per
 * metric they query (a metric-math alarm on six nodes is six alarm metrics). Backup copies to
 * another region (RDS's replicated automated backups, AWS Backup copy actions) are priced from
 * {@code plinth:cost.backupCopyGb}: its storage there and its transfer there. A global datastore's
 * secondary names no node type or shards (it inherits the primary's): it is priced by the stack's
 * own {@code plinth:cache}, which the pair's check holds equal to the primary's; the datastore's
 * cross-region replication traffic is named in a note, not priced (no write volume is known).
 */
public final class CostEstimator {
  private final PriceTable prices;
  private final CostSettings usage;
  private final ResourceGraph graph;
  private final String region;
  private final Map<String, RecordedResource> byUrn = new HashMap<>();
  private final List<CostLine> lines = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private OfficeHoursSettings officeHours;

  /**
   * The stack's {@code plinth:cache}: the node type and shards of a global datastore's secondary,
   * which its inputs do not name; null when the caller has no configuration.
   */
  private CacheSettings stackCache;

  private CostEstimator(ResourceGraph graph, CostSettings usage, PriceTable prices, String region) {
    this.graph = graph;
    this.region = region;
    this.usage = usage;
    this.prices = prices;
    graph.resources().forEach(r -> byUrn.put(r.urn(), r));
  }

  public static CostReport estimate(ResourceGraph graph, CostSettings usage, String region) {
    return estimate(graph, usage, region, PriceTable.standard());
  }

  public static CostReport estimate(
      ResourceGraph graph, CostSettings usage, String region, PriceTable prices) {
    return estimate(graph, usage, region, prices, null);
  }

  /**
   * With the stack's office hours: the node groups and database instances that the plan's office
   * hours schedules stop are priced for the scheduled hours only ({@link #officeHours}).
   */
  public static CostReport estimate(
      ResourceGraph graph, CostSettings usage, String region, OfficeHoursSettings officeHours) {
    return estimate(graph, usage, region, PriceTable.standard(), officeHours);
  }

  /**
   * With the stack's office hours and its {@code plinth:cache} (the shape of a global datastore's
   * secondary, which inherits it from the primary and names none).
   */
  public static CostReport estimate(
      ResourceGraph graph,
      CostSettings usage,
      String region,
      OfficeHoursSettings officeHours,
      CacheSettings stackCache) {
    return estimate(graph, usage, region, PriceTable.standard(), officeHours, stackCache);
  }

  static CostReport estimate(
      ResourceGraph graph,
      CostSettings usage,
      String region,
      PriceTable prices,
      OfficeHoursSettings officeHours) {
    return estimate(graph, usage, region, prices, officeHours, null);
  }

  static CostReport estimate(
      ResourceGraph graph,
      CostSettings usage,
      String region,
      PriceTable prices,
      OfficeHoursSettings officeHours,
      CacheSettings stackCache) {
    CostEstimator e = new CostEstimator(graph, usage, prices, region);
    e.officeHours = officeHours;
    e.stackCache = stackCache;
    e.run();
    e.officeHoursNotes();
    if (!PriceTable.REGION.equals(region)) {
      e.notes.add(
          "the stack is in "
              + region
              + "; the estimate uses "
              + PriceTable.REGION
              + " prices (the table has no other region)");
    }
    return new CostReport(graph.stack(), region, prices.date(), usage, e.lines, e.notes);
  }

  static final double H = PriceTable.HOURS_PER_MONTH;

  private void run() {
    for (RecordedResource r : graph.resources()) {
      switch (r.type()) {
        case Types.EKS -> eks(r);
        case Types.NODE_GROUP -> nodeGroup(r);
        case Types.NAT -> hourly(r, "NAT gateway", "nat.gateway", 1);
        case Types.EIP -> hourly(r, "public IPv4 address", "ipv4.public", 1);
        case Types.LB -> loadBalancer(r);
        case Types.WEB_ACL -> webAcl(r);
        case Types.DISTRIBUTION -> distribution(r);
        case Types.RDS -> database(r);
        case Types.RDS_PROXY_TARGET -> proxy(r);
        case Types.RDS_BACKUP_REPLICATION ->
            backupCopy(r, "replicated automated backups", regionOf(text(r, "kmsKeyId")));
        case Types.BACKUP_PLAN -> backupPlanCopies(r);
        case Types.CACHE -> cache(r);
        case Types.GLOBAL_CACHE -> globalDatastore(r);
        case Types.SEARCH_DOMAIN -> search(r);
        case Types.KMS_KEY -> monthly(r, "KMS key", "kms.key");
        case Types.SECRET -> secret(r);
        case Types.SERVERLESS_APPLICATION ->
            notes.add(
                "the rotation function of "
                    + r.name()
                    + " (a Lambda function) is not priced: it runs its four rotation steps once"
                    + " per rotation, seconds a month");
        case Types.ALARM -> alarm(r);
        case Types.INSTANCE -> instance(r);
        case Types.VPC_ENDPOINT -> endpoint(r);
        case Types.CLIENT_VPN -> clientVpnConnections(r);
        case Types.CLIENT_VPN_ASSOCIATION ->
            hourly(r, CLIENT_VPN + " endpoint association", "clientvpn.association", 1);
        default -> {}
      }
    }
    usageLines();
  }

  /** The top-level component a resource sits under: the ancestor whose parent is the stack. */
  String component(RecordedResource r) {
    RecordedResource node = r;
    while (node.parent() != null) {
      RecordedResource parent = byUrn.get(node.parent());
      if (parent == null || parent.isStack()) {
        break;
      }
      node = parent;
    }
    return node.custom() ? "(stack)" : node.name();
  }

  private void add(RecordedResource r, String item, String basis, double usd) {
    lines.add(new CostLine(component(r), item + " " + r.name(), basis, usd));
  }

  private void hourly(RecordedResource r, String item, String key, int count) {
    double p = prices.usd(key);
    add(r, item, count + " x 730 h x $" + fmt(p) + "/h", count * H * p);
  }

  private void monthly(RecordedResource r, String item, String key) {
    double p = prices.usd(key);
    add(r, item, "$" + fmt(p) + "/month", p);
  }

  /**
   * A metric alarm costs the alarm price per metric it watches: one for a single-metric alarm, one
   * per {@code metricQueries} entry that reads a metric (expressions are free) for a metric-math
   * alarm (CloudWatch User Guide, "Analyzing, optimizing, and reducing CloudWatch costs"; the price
   * table's alarm row).
   */
  private void alarm(RecordedResource r) {
    int metrics = alarmMetrics(r);
    double p = prices.usd("alarm");
    add(
        r,
        metrics == 1 ? "alarm" : "alarm (metric math, " + metrics + " metrics)",
        metrics + " x $" + fmt(p) + "/metric-month",
        metrics * p);
  }

  /** How many metrics an alarm queries: its metric queries that read a metric, else one. */
  static int alarmMetrics(RecordedResource r) {
    JsonNode queries = r.input("metricQueries").orElse(null);
    if (queries == null || !queries.isArray() || queries.isEmpty()) {
      return 1;
    }
    int metrics = 0;
    for (JsonNode q : queries) {
      if (q.hasNonNull("metric")) {
        metrics++;
      }
    }
    return Math.max(metrics, 1);
  }

  /** An AWS Backup plan's copy actions: each keeps and sends a copy to another vault. */
  private void backupPlanCopies(RecordedResource r) {
    JsonNode rules = r.input("rules").orElse(null);
    if (rules == null) {
      return;
    }
    for (JsonNode rule : rules) {
      for (JsonNode copy : rule.path("copyActions")) {
        String vault = copy.path("destinationVaultArn").asText("");
        backupCopy(
            r,
            "AWS Backup copy (" + rule.path("ruleName").asText("rule") + ")",
            regionOf(Optional.of(vault)));
      }
    }
  }

  /**
   * A copy of the database's backups in another region: {@code backupCopyGb} of backup storage
   * there (no free allowance outside the source region), and the same amount sent there each month
   * at the inter-region transfer price (RDS User Guide, USER_ReplicateBackups: "DB snapshot copy
   * charges apply to the data transfer"). A copy within the stack's region is only storage.
   */
  private void backupCopy(RecordedResource r, String what, Optional<String> destination) {
    double gb = usage.backupCopyGb();
    double storage = prices.usd("rds.backup");
    add(
        r,
        what + " storage" + destination.map(d -> " in " + d).orElse(""),
        fmt(gb) + " GB x $" + fmt(storage) + "/GB-month (assumption)",
        gb * storage);
    if (destination.isEmpty() || !destination.get().equals(region)) {
      double transfer = prices.usd("transfer.interRegion");
      add(
          r,
          what + " transfer to " + destination.orElse("another region"),
          fmt(gb) + " GB x $" + fmt(transfer) + "/GB (assumption)",
          gb * transfer);
    }
  }

  /** The region field of an ARN ({@code arn:aws:kms:us-west-2:...}), when there is one. */
  static Optional<String> regionOf(Optional<String> arn) {
    return arn.map(a -> a.split(":", -1))
        .filter(parts -> parts.length > 3 && !parts[3].isBlank())
        .map(parts -> parts[3]);
  }

  /**
   * A secret, and each of its replicas in other regions: Secrets Manager bills a replica as a
   * secret of its own (issue 17's brief; AWS Secrets Manager pricing page, not in the stored
   * sources, so the table's per-secret price is used).
   */
  private void secret(RecordedResource r) {
    monthly(r, "secret", "secret");
    r.input("replicas")
        .ifPresent(
            replicas -> {
              for (JsonNode replica : replicas) {
                double p = prices.usd("secret");
                add(
                    r,
                    "secret replica (" + replica.path("region").asText() + ")",
                    "$" + fmt(p) + "/month",
                    p);
              }
            });
  }

  private void eks(RecordedResource r) {
    String version = text(r, "version").orElse("");
    boolean extended = EksVersions.pastStandard(version, EksVersions.today());
    hourly(
        r,
        "EKS control plane" + (extended ? " (extended support)" : ""),
        extended ? "eks.cluster.extended" : "eks.cluster",
        1);
  }

  private void nodeGroup(RecordedResource r) {
    String type = r.input("instanceTypes.0").map(JsonNode::asText).orElse("t3.medium");
    int desired = r.input("scalingConfig.desiredSize").map(JsonNode::asInt).orElse(1);
    boolean spot = text(r, "capacityType").orElse("ON_DEMAND").equals("SPOT");
    Optional<Double> price = prices.find("ec2." + type).map(PriceTable.Price::usd);
    if (price.isEmpty()) {
      notes.add("no price for EC2 " + type + " (node group " + r.name() + "): priced at $0");
    }
    double p = price.orElse(0.0);
    double factor = spot ? 1 - usage.spotDiscountPercent() / 100 : 1;
    double hours = hours(r);
    add(
        r,
        "nodes (" + type + (spot ? ", spot" : "") + ")",
        desired
            + " x "
            + hoursBasis(r)
            + " x $"
            + fmt(p)
            + "/h"
            + (spot ? " x " + fmt(factor) + " (spot)" : ""),
        desired * hours * p * factor);
    int disk = r.input("diskSize").map(JsonNode::asInt).or(() -> launchTemplateDisk(r)).orElse(20);
    double gp3 = prices.usd("ebs.gp3");
    // A node's root volume is deleted with it (the launch template's deleteOnTermination): outside
    // office hours there is none to pay for.
    add(
        r,
        "node disks",
        desired
            + " x "
            + disk
            + " GB x $"
            + fmt(gp3)
            + "/GB-month"
            + (hours < H ? " x " + fmt(round(hours)) + "/730 h" : ""),
        desired * disk * gp3 * hours / H);
  }

  /**
   * The root volume of the launch template a node group names (by the id the mock cloud gave the
   * template): with a launch template, the disk size is the template's, not the group's diskSize.
   */
  private Optional<Integer> launchTemplateDisk(RecordedResource group) {
    Optional<String> id = text(group, "launchTemplate.id");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return graph.ofType(Types.LAUNCH_TEMPLATE).stream()
        .filter(t -> id.get().equals(t.id()))
        .findFirst()
        .flatMap(t -> t.input("blockDeviceMappings.0.ebs.volumeSize"))
        .map(JsonNode::asInt);
  }

  private void loadBalancer(RecordedResource r) {
    hourly(r, "load balancer", "alb", 1);
    double lcu = prices.usd("alb.lcu");
    add(
        r,
        "load balancer capacity",
        fmt(usage.albAverageLcus()) + " LCU x 730 h x $" + fmt(lcu) + "/LCU-h",
        usage.albAverageLcus() * H * lcu);
    int nodes = r.input("subnets").map(JsonNode::size).orElse(0);
    if (nodes > 0 && !r.input("internal").map(JsonNode::asBoolean).orElse(false)) {
      hourly(r, "load balancer public IPv4 (one per zone)", "ipv4.public", nodes);
    }
  }

  private void webAcl(RecordedResource r) {
    int rules = r.input("rules").map(JsonNode::size).orElse(0);
    double acl = prices.usd("waf.acl");
    double rule = prices.usd("waf.rule");
    add(
        r,
        "WAF web ACL",
        "$" + fmt(acl) + " + " + rules + " rules x $" + fmt(rule),
        acl + rules * rule);
    double req = prices.usd("waf.requests");
    add(
        r,
        "WAF requests",
        fmt(usage.wafRequestsMillionsPerMonth()) + " M x $" + fmt(req) + "/M",
        usage.wafRequestsMillionsPerMonth() * req);
  }

  /**
   * A CloudFront distribution: HTTPS requests and data out to viewers, from {@code
   * plinth:cost.cdnRequestsMillionsPerMonth} and {@code cdnTransferGbPerMonth}, at the prices of
   * North America (the price class's edges; the first 10 TB's rate). Origin fetches from the load
   * balancer cost nothing ("Free for origin fetches from any AWS origin such as ... Elastic Load
   * Balancers": aws.amazon.com/cloudfront/pricing, read 2026-12-03). The account's always-free tier
   * (1 TB and 10 million requests a month, same page) is not subtracted: it is shared by every
   * distribution of the account.
   */
  private void distribution(RecordedResource r) {
    double perTenThousand = prices.usd("cloudfront.https");
    double millions = usage.cdnRequestsMillionsPerMonth();
    add(
        r,
        "CloudFront HTTPS requests",
        fmt(millions) + " M x $" + fmt(perTenThousand) + "/10k",
        millions * 100 * perTenThousand);
    double perGb = prices.usd("cloudfront.transfer");
    add(
        r,
        "CloudFront data out",
        fmt(usage.cdnTransferGbPerMonth()) + " GB x $" + fmt(perGb) + "/GB",
        usage.cdnTransferGbPerMonth() * perGb);
  }

  private void database(RecordedResource r) {
    String cls = text(r, "instanceClass").orElse("?");
    boolean multiAz = r.input("multiAz").map(JsonNode::asBoolean).orElse(false);
    boolean replica = text(r, "replicateSourceDb").isPresent();
    Optional<Double> price = prices.find("rds." + cls).map(PriceTable.Price::usd);
    if (price.isEmpty()) {
      notes.add("no price for RDS " + cls + " (" + r.name() + "): priced at $0");
    }
    double factor = multiAz ? prices.usd("rds.multiAzFactor") : 1;
    String what =
        (replica ? "PostgreSQL read replica (" : "PostgreSQL (")
            + cls
            + (multiAz ? ", Multi-AZ)" : ")");
    add(
        r,
        what,
        hoursBasis(r)
            + " x $"
            + fmt(price.orElse(0.0))
            + "/h"
            + (multiAz ? " x " + fmt(factor) : ""),
        hours(r) * price.orElse(0.0) * factor);
    int storage = r.input("allocatedStorage").map(JsonNode::asInt).orElse(replica ? 0 : 20);
    if (storage > 0) {
      double gb = prices.usd(multiAz ? "rds.gp3.multiAz" : "rds.gp3");
      add(r, "database storage", storage + " GB x $" + fmt(gb) + "/GB-month", storage * gb);
    }
  }

  /**
   * RDS Proxy, priced per vCPU-hour of the instance it targets, with a minimum of {@code
   * rds.proxy.minVcpus} (both rows of the price table, with their sources); the vCPUs of the class
   * from the RDS User Guide's hardware table ({@link InstanceVcpus}). A full month, also where
   * office hours stop the instance, and the line says so: RDS Proxy is priced per vCPU-hour of the
   * instance it is enabled for (aws.amazon.com/rds/proxy/pricing, as the price table's rows quote
   * it; AWS Prescriptive Guidance, RDS Proxy FAQ: "based on the number of vCPUs used by the
   * underlying database instance"), the proxy itself is not stopped with its instance, and what RDS
   * stops charging for a stopped instance is its instance hours only (RDS User Guide, "Stopping an
   * Amazon RDS DB instance temporarily": storage and backups are still charged, "you're not charged
   * for DB instance hours"), which says nothing of a proxy. Read 2026-12-03; an assumption and an
   * upper bound, not a documented charge.
   */
  private void proxy(RecordedResource r) {
    String identifier = text(r, "dbInstanceIdentifier").orElse("?");
    Optional<RecordedResource> instance =
        graph.resources().stream()
            .filter(i -> i.type().equals(Types.RDS))
            .filter(i -> text(i, "identifier").map(identifier::equals).orElse(false))
            .findFirst();
    Optional<String> cls = instance.flatMap(i -> text(i, "instanceClass"));
    var vcpus = cls.map(InstanceVcpus::of).orElse(java.util.OptionalInt.empty());
    if (vcpus.isEmpty()) {
      notes.add(
          "no vCPU count for the instance "
              + identifier
              + " behind "
              + r.name()
              + " (class "
              + cls.orElse("?")
              + "): the proxy is priced at its minimum");
    }
    int minimum = (int) prices.usd("rds.proxy.minVcpus");
    int billed = Math.max(minimum, vcpus.orElse(minimum));
    double price = prices.usd("rds.proxy.vcpu");
    add(
        r,
        "RDS Proxy (" + cls.orElse("?") + ", " + vcpus.orElse(minimum) + " vCPU)",
        billed
            + " vCPU x 730 h x $"
            + fmt(price)
            + "/vCPU-h"
            + (instance.map(this::scheduled).orElse(false) ? PROXY_WHILE_STOPPED : ""),
        billed * H * price);
  }

  /**
   * What the proxy's line assumes where office hours stop its instance ({@link #proxy}): the whole
   * month.
   */
  static final String PROXY_WHILE_STOPPED =
      " (the whole month, though office hours stop its instance: assumed billed while the instance"
          + " is stopped, since AWS prices the proxy per vCPU-hour of its instance and documents no"
          + " pause; an upper bound)";

  private void cache(RecordedResource r) {
    boolean secondary =
        text(r, "globalReplicationGroupId").isPresent() && text(r, "nodeType").isEmpty();
    if (secondary && stackCache == null) {
      notes.add(
          r.name()
              + " is a global datastore's secondary, whose node type and shards are its primary's:"
              + " not priced without the stack's plinth:cache");
      return;
    }
    String type = secondary ? stackCache.nodeType() : text(r, "nodeType").orElse("?");
    int nodes =
        secondary
            ? stackCache.shards()
                * (r.input("replicasPerNodeGroup").map(JsonNode::asInt).orElse(0) + 1)
            : dev.plinth.policy.Resources.cacheNodes(r);
    Optional<Double> price = prices.find("cache." + type).map(PriceTable.Price::usd);
    if (price.isEmpty()) {
      notes.add("no price for ElastiCache " + type + " (" + r.name() + "): priced at $0");
    }
    add(
        r,
        "Redis nodes (" + type + (secondary ? ", global datastore secondary" : "") + ")",
        nodes
            + " x 730 h x $"
            + fmt(price.orElse(0.0))
            + "/h"
            + (secondary ? " (the primary's node type and shards: this stack's plinth:cache)" : ""),
        nodes * H * price.orElse(0.0));
  }

  /**
   * A global datastore costs its members' nodes (each stack prices its own) and the replication
   * traffic to the secondaries: ElastiCache bills "data transfer within or across Regions" besides
   * the nodes (ElastiCache pricing page, read 2026-12-02), taken here at the table's {@code
   * transfer.interRegion} row per GB written to the primary. The plan knows no write volume, so the
   * traffic is a note with the price per 100 GB, not a line.
   */
  private void globalDatastore(RecordedResource r) {
    double transfer = prices.usd("transfer.interRegion");
    notes.add(
        "the global datastore "
            + r.name()
            + " replicates every write to its secondary in another region: cross-region data"
            + " transfer at $"
            + fmt(transfer)
            + "/GB (transfer.interRegion), not priced (the plan knows no write volume): each 100"
            + " GB written a month adds $"
            + String.format(java.util.Locale.ROOT, "%.2f", 100 * transfer));
  }

  /** An EC2 instance (the operator's): its hours and its gp3 root volume. */
  private void instance(RecordedResource r) {
    String type = text(r, "instanceType").orElse("?");
    Optional<Double> price = prices.find("ec2." + type).map(PriceTable.Price::usd);
    if (price.isEmpty()) {
      notes.add("no price for EC2 " + type + " (" + r.name() + "): priced at $0");
    }
    add(
        r,
        "instance (" + type + ")",
        "730 h x $" + fmt(price.orElse(0.0)) + "/h",
        H * price.orElse(0.0));
    int disk = r.input("rootBlockDevice.volumeSize").map(JsonNode::asInt).orElse(0);
    if (disk > 0) {
      double gp3 = prices.usd("ebs.gp3");
      add(r, "root volume", disk + " GB x $" + fmt(gp3) + "/GB-month", disk * gp3);
    }
  }

  /**
   * An interface endpoint: one network interface per subnet, each billed per hour (its data
   * processed per GB is not priced: Session Manager's traffic is small and not assumed).
   */
  private void endpoint(RecordedResource r) {
    if (!text(r, "vpcEndpointType").orElse("Gateway").equals("Interface")) {
      return;
    }
    int zones = r.input("subnetIds").map(JsonNode::size).orElse(1);
    hourly(r, "interface endpoint (one per zone)", "vpce.interface", zones);
  }

  /** The start of every Client VPN line's item: {@link CostReport} shows its assumption then. */
  static final String CLIENT_VPN = "Client VPN";

  /**
   * A Client VPN endpoint's connections: {@code plinth:cost.clientVpnConnectionHoursPerMonth}, all
   * clients together, at the connection-hour price (each associated subnet is its own line: the
   * network association's).
   */
  private void clientVpnConnections(RecordedResource r) {
    double p = prices.usd("clientvpn.connection");
    double hours = usage.clientVpnConnectionHoursPerMonth();
    add(
        r,
        CLIENT_VPN + " connections (assumption)",
        fmt(hours) + " connection-h x $" + fmt(p) + "/h",
        hours * p);
  }

  /**
   * An OpenSearch domain: data nodes and dedicated masters by the hour, and each data node's gp3
   * volume by the GB-month (OpenSearch Service bills its own instance and storage prices, not EC2's
   * and EBS's).
   */
  private void search(RecordedResource r) {
    String type = text(r, "clusterConfig.instanceType").orElse("?");
    int nodes = r.input("clusterConfig.instanceCount").map(JsonNode::asInt).orElse(1);
    searchNodes(r, "OpenSearch data nodes", type, nodes);
    if (r.input("clusterConfig.dedicatedMasterEnabled").map(JsonNode::asBoolean).orElse(false)) {
      String master = text(r, "clusterConfig.dedicatedMasterType").orElse("?");
      int masters = r.input("clusterConfig.dedicatedMasterCount").map(JsonNode::asInt).orElse(3);
      searchNodes(r, "OpenSearch dedicated masters", master, masters);
    }
    int gb = r.input("ebsOptions.volumeSize").map(JsonNode::asInt).orElse(10);
    double p = prices.usd("opensearch.gp3");
    add(
        r,
        "OpenSearch storage",
        nodes + " x " + gb + " GB x $" + fmt(p) + "/GB-month",
        nodes * gb * p);
  }

  private void searchNodes(RecordedResource r, String item, String type, int count) {
    Optional<Double> price = prices.find("opensearch." + type).map(PriceTable.Price::usd);
    if (price.isEmpty()) {
      notes.add("no price for OpenSearch " + type + " (" + r.name() + "): priced at $0");
    }
    add(
        r,
        item + " (" + type + ")",
        count + " x 730 h x $" + fmt(price.orElse(0.0)) + "/h",
        count * H * price.orElse(0.0));
  }

  private void usageLines() {
    List<RecordedResource> nats = graph.ofType(Types.NAT);
    if (!nats.isEmpty()) {
      double p = prices.usd("nat.processed");
      lines.add(
          new CostLine(
              component(nats.get(0)),
              "NAT data processed (assumption)",
              fmt(usage.trafficGbPerMonth()) + " GB x $" + fmt(p) + "/GB",
              usage.trafficGbPerMonth() * p));
    }
    if (!graph.ofType(Types.LOG_GROUP).isEmpty()) {
      double in = prices.usd("logs.ingestion");
      double keep = prices.usd("logs.storage");
      lines.add(
          new CostLine(
              "usage",
              "CloudWatch Logs (assumption)",
              fmt(usage.logsGbPerMonth())
                  + " GB x ($"
                  + fmt(in)
                  + " ingestion + $"
                  + fmt(keep)
                  + " storage)",
              usage.logsGbPerMonth() * (in + keep)));
    }
    if (!graph.ofType(Types.BUCKET).isEmpty() || !graph.ofType(Types.LEGACY_BUCKET).isEmpty()) {
      double p = prices.usd("s3.standard");
      lines.add(
          new CostLine(
              "usage",
              "S3 storage (assumption)",
              fmt(usage.s3GbStored()) + " GB x $" + fmt(p) + "/GB-month",
              usage.s3GbStored() * p));
    }
  }

  /**
   * Office hours: a node group runs only while a schedule in the plan has not scaled it to zero (an
   * EKS UpdateNodegroupConfig schedule naming its cluster), a database instance only while a
   * StopDBInstance schedule naming its identifier has not stopped it. Such a resource is priced for
   * the office hours' hours a month (working days x the working day x 730/168 weeks); everything
   * else, and everything when the stack has no office hours, for 730.
   */
  private double hours(RecordedResource r) {
    return scheduled(r) ? officeHours.hoursPerMonth() : H;
  }

  /** The hours in a line's arithmetic: {@code 730 h}, or the office hours' with their source. */
  private String hoursBasis(RecordedResource r) {
    if (!scheduled(r)) {
      return "730 h";
    }
    OfficeHoursSettings s = officeHours;
    return fmt(round(s.hoursPerMonth()))
        + " h (office hours "
        + s.days().stream().distinct().map(OfficeHoursSettings.Day::key).toList()
        + " "
        + s.start()
        + "-"
        + s.end()
        + " "
        + s.timeZone()
        + ": "
        + fmt(round(s.hoursPerWeek()))
        + " h/week)";
  }

  private boolean scheduled(RecordedResource r) {
    return officeHours != null
        && officeHours.enabled()
        && !dev.plinth.policy.Resources.stoppingSchedules(graph, r).isEmpty();
  }

  /**
   * What office hours leave running, and what Scheduler costs: its invocations (three stops every
   * day, three starts each working day) are within its free allowance, so no line.
   */
  private void officeHoursNotes() {
    List<RecordedResource> schedules = graph.ofType(Types.SCHEDULE);
    if (officeHours == null || !officeHours.enabled() || schedules.isEmpty()) {
      return;
    }
    notes.add(
        "office hours (plinth:officeHours): node groups and the database are priced for "
            + fmt(round(officeHours.hoursPerMonth()))
            + " of 730 h; the EKS control plane, NAT gateways, the load balancer, Redis, the WAF,"
            + " KMS keys, secrets, alarms and the database's storage cannot stop and are priced"
            + " for the whole month"
            + (graph.ofType(Types.RDS_PROXY_TARGET).isEmpty()
                ? ""
                : ", and so is RDS Proxy (assumed: AWS does not say its charge stops while its"
                    + " instance is stopped)"));
    double invocations =
        schedules.size()
            / 2.0
            * (7 + officeHours.days().stream().distinct().count())
            * OfficeHoursSettings.WEEKS_PER_MONTH;
    double free = prices.usd("scheduler.freeInvocations") * 1e6;
    double perMillion = prices.usd("scheduler.invocations");
    double usd = Math.max(0, invocations - free) / 1e6 * perMillion;
    if (usd > 0) {
      lines.add(
          new CostLine(
              component(schedules.get(0)),
              "EventBridge Scheduler invocations",
              fmt(Math.round(invocations))
                  + " x $"
                  + fmt(perMillion)
                  + "/M beyond the free allowance",
              usd));
    } else {
      notes.add(
          "EventBridge Scheduler: about "
              + Math.round(invocations)
              + " invocations a month, within its "
              + fmt(prices.usd("scheduler.freeInvocations"))
              + " million free a month ($"
              + fmt(perMillion)
              + " per million beyond): $0");
    }
  }

  /** One decimal, for hours in a line's arithmetic. */
  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static Optional<String> text(RecordedResource r, String path) {
    return r.input(path).map(JsonNode::asText).filter(s -> !s.isBlank());
  }

  /** A number as the table writes it: no trailing zeros. */
  static String fmt(double v) {
    return v == Math.rint(v)
        ? String.valueOf((long) v)
        : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
