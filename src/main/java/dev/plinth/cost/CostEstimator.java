package dev.plinth.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.CostSettings;
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
 * storage; read replicas alike), ElastiCache nodes, KMS keys, secrets and alarms; plus the usage
 * assumptions of {@code plinth:cost} (NAT traffic, ALB capacity units, WAF requests, logs, S3).
 * Replicated automated backups are named in a note, not priced (their size is not in the plan).
 */
public final class CostEstimator {
  private final PriceTable prices;
  private final CostSettings usage;
  private final ResourceGraph graph;
  private final Map<String, RecordedResource> byUrn = new HashMap<>();
  private final List<CostLine> lines = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private CostEstimator(ResourceGraph graph, CostSettings usage, PriceTable prices) {
    this.graph = graph;
    this.usage = usage;
    this.prices = prices;
    graph.resources().forEach(r -> byUrn.put(r.urn(), r));
  }

  public static CostReport estimate(ResourceGraph graph, CostSettings usage, String region) {
    return estimate(graph, usage, region, PriceTable.standard());
  }

  public static CostReport estimate(
      ResourceGraph graph, CostSettings usage, String region, PriceTable prices) {
    CostEstimator e = new CostEstimator(graph, usage, prices);
    e.run();
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
        case Types.RDS -> database(r);
        case Types.RDS_BACKUP_REPLICATION ->
            notes.add(
                "automated-backup replication "
                    + r.name()
                    + " is not priced: its backup storage in the DR region and the cross-region"
                    + " transfer depend on the database's size and change rate");
        case Types.CACHE -> cache(r);
        case Types.SEARCH_DOMAIN -> search(r);
        case Types.KMS_KEY -> monthly(r, "KMS key", "kms.key");
        case Types.SECRET -> monthly(r, "secret", "secret");
        case Types.ALARM -> monthly(r, "alarm", "alarm");
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
    add(
        r,
        "nodes (" + type + (spot ? ", spot" : "") + ")",
        desired + " x 730 h x $" + fmt(p) + "/h" + (spot ? " x " + fmt(factor) + " (spot)" : ""),
        desired * H * p * factor);
    int disk = r.input("diskSize").map(JsonNode::asInt).orElse(20);
    double gp3 = prices.usd("ebs.gp3");
    add(
        r,
        "node disks",
        desired + " x " + disk + " GB x $" + fmt(gp3) + "/GB-month",
        desired * disk * gp3);
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
        "730 h x $" + fmt(price.orElse(0.0)) + "/h" + (multiAz ? " x " + fmt(factor) : ""),
        H * price.orElse(0.0) * factor);
    int storage = r.input("allocatedStorage").map(JsonNode::asInt).orElse(replica ? 0 : 20);
    if (storage > 0) {
      double gb = prices.usd(multiAz ? "rds.gp3.multiAz" : "rds.gp3");
      add(r, "database storage", storage + " GB x $" + fmt(gb) + "/GB-month", storage * gb);
    }
  }

  private void cache(RecordedResource r) {
    String type = text(r, "nodeType").orElse("?");
    int nodes = dev.plinth.policy.Resources.cacheNodes(r);
    Optional<Double> price = prices.find("cache." + type).map(PriceTable.Price::usd);
    if (price.isEmpty()) {
      notes.add("no price for ElastiCache " + type + " (" + r.name() + "): priced at $0");
    }
    add(
        r,
        "Redis nodes (" + type + ")",
        nodes + " x 730 h x $" + fmt(price.orElse(0.0)) + "/h",
        nodes * H * price.orElse(0.0));
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
