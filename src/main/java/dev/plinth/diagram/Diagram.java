package dev.plinth.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The architecture drawn from a recorded graph: one box per top-level component holding the
 * resources a reader looks for (aggregated where there are many alike: subnets per tier, keys, log
 * groups; never a node per route-table association), traffic edges from the internet through the
 * WAF and the ALB to the pods and on to PostgreSQL and Redis, NAT egress, replication and backups.
 * Only what the graph holds is drawn.
 */
public final class Diagram {
  /** A box. */
  public record Node(String id, String label, String shape) {}

  /** An arrow; {@code dashed} for control and data-protection paths, solid for traffic. */
  public record Edge(String from, String to, String label, boolean dashed) {}

  private final Map<String, List<Node>> groups = new LinkedHashMap<>();
  private final List<Node> outside = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();
  private final Map<String, RecordedResource> byUrn = new HashMap<>();
  private final ResourceGraph graph;

  private Diagram(ResourceGraph graph) {
    this.graph = graph;
    graph.resources().forEach(r -> byUrn.put(r.urn(), r));
  }

  public String stack() {
    return graph.stack();
  }

  public Map<String, List<Node>> groups() {
    return groups;
  }

  public List<Node> outside() {
    return outside;
  }

  /** Edges between nodes that exist; an edge to a part the graph lacks is left out. */
  public List<Edge> edges() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    outside.forEach(n -> ids.add(n.id()));
    groups.values().forEach(ns -> ns.forEach(n -> ids.add(n.id())));
    return edges.stream()
        .filter(e -> e.from() != null && e.to() != null)
        .filter(e -> ids.contains(e.from()) && ids.contains(e.to()))
        .distinct()
        .toList();
  }

  public static Diagram of(ResourceGraph graph) {
    Diagram d = new Diagram(graph);
    d.build();
    return d;
  }

  private String component(RecordedResource r) {
    RecordedResource node = r;
    while (node.parent() != null) {
      RecordedResource parent = byUrn.get(node.parent());
      if (parent == null || parent.isStack()) {
        break;
      }
      node = parent;
    }
    return node.custom() ? graph.stack() : node.name() + " (" + node.type() + ")";
  }

  static String id(String name) {
    return "n_" + name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private String place(RecordedResource r, String label, String shape) {
    String id = id(r.name());
    groups.computeIfAbsent(component(r), k -> new ArrayList<>()).add(new Node(id, label, shape));
    return id;
  }

  /** One node for several resources of a kind in the same component. */
  private Optional<String> aggregate(
      List<RecordedResource> rs, String id, String label, String shape) {
    if (rs.isEmpty()) {
      return Optional.empty();
    }
    String nodeId = id(id);
    String text = rs.size() == 1 ? label + "\\n" + rs.get(0).name() : label + " x" + rs.size();
    groups
        .computeIfAbsent(component(rs.get(0)), k -> new ArrayList<>())
        .add(new Node(nodeId, text, shape));
    return Optional.of(nodeId);
  }

  /** A cache's node type; a global datastore's secondary names none (it has the primary's). */
  private static String cacheShape(RecordedResource cache) {
    return cache.input("globalReplicationGroupId").isPresent() && text(cache, "nodeType").isEmpty()
        ? "global datastore secondary"
        : text(cache, "nodeType");
  }

  private static String text(RecordedResource r, String path) {
    return r.input(path).map(JsonNode::asText).orElse("");
  }

  private boolean refers(RecordedResource from, RecordedResource to) {
    return from.dependencies().contains(to.urn())
        || (to.id() != null
            && !to.id().isEmpty()
            && from.inputs().toString().contains("\"" + to.id() + "\""));
  }

  private static final String INTERNET = "internet";
  private static final String DR_REGION = "dr_region";

  // What the drawing steps hand on to the later ones (filled in build's order).
  private boolean internetUsed;
  private final Map<String, String> tierNodes = new HashMap<>();
  private Optional<String> igw = Optional.empty();
  private Optional<String> nat = Optional.empty();
  private final List<String> albs = new ArrayList<>();
  private Optional<String> pods = Optional.empty();
  private final Map<String, String> databases = new HashMap<>();
  private final Map<String, String> buckets = new HashMap<>();

  /**
   * Draws the architecture in the order traffic flows; each step may use what earlier ones drew.
   */
  private void build() {
    drawNetwork();
    drawEdge();
    drawCompute();
    connectLoadBalancersToTargets();
    drawData();
    drawAccess();
    drawClientVpn();
    drawEgress();
    drawBuckets();
    drawBackups();
    drawAggregates();
    drawFlowLogs();
    if (internetUsed) {
      outside.add(0, new Node(INTERNET, "internet", "ellipse"));
    }
  }

  /** Network: the VPC, one node per subnet tier, the internet and NAT gateways. */
  private void drawNetwork() {
    for (RecordedResource vpc : graph.ofType(Types.VPC)) {
      place(vpc, "VPC " + vpc.name() + "\\n" + text(vpc, "cidrBlock"), "box");
    }
    subnetsByTier()
        .forEach(
            (tier, subnets) ->
                aggregate(subnets, graph.stack() + "-subnets-" + tier, tier + " subnets", "box")
                    .ifPresent(n -> tierNodes.put(tier, n)));
    igw =
        aggregate(
            graph.ofType("aws:ec2/internetGateway:InternetGateway"),
            graph.stack() + "-igw",
            "internet gateway",
            "box");
    nat = aggregate(graph.ofType(Types.NAT), graph.stack() + "-nat", "NAT gateway", "box");
  }

  /** Subnets by their tier tag, or public/private from whether they map public IPs. */
  private Map<String, List<RecordedResource>> subnetsByTier() {
    Map<String, List<RecordedResource>> tiers = new LinkedHashMap<>();
    for (RecordedResource s : graph.ofType(Types.SUBNET)) {
      String tier =
          s.input("tags.plinth:tier")
              .map(JsonNode::asText)
              .orElse(
                  s.input("mapPublicIpOnLaunch").map(JsonNode::asBoolean).orElse(false)
                      ? "public"
                      : "private");
      tiers.computeIfAbsent(tier, k -> new ArrayList<>()).add(s);
    }
    return tiers;
  }

  /**
   * Edge: the ALBs, the WAF in front of them and, with a CDN, the CloudFront distribution between
   * the edge WAF and the ALB; the internet reaches whichever comes first.
   */
  private void drawEdge() {
    for (RecordedResource lb : graph.ofType(Types.LB)) {
      albs.add(place(lb, "ALB\\n" + lb.name(), "box"));
    }
    for (RecordedResource acl : graph.ofType(Types.WEB_ACL)) {
      String waf = place(acl, "WAF web ACL\\n" + acl.name(), "box");
      edges.add(new Edge(INTERNET, waf, "HTTPS", false));
      internetUsed = true;
      connectWafToLoadBalancers(acl, waf);
      connectWafToDistributions(acl, waf);
    }
    if (graph.ofType(Types.WEB_ACL).isEmpty()) {
      for (String alb : albs) {
        edges.add(new Edge(INTERNET, alb, "HTTP(S)", false));
        internetUsed = true;
      }
    }
  }

  /**
   * A CloudFront distribution the web ACL filters (the distribution names the ACL): the WAF passes
   * the allowed requests to it, and it sends cache misses to the ALBs it has as origin.
   */
  private void connectWafToDistributions(RecordedResource acl, String waf) {
    for (RecordedResource cdn : graph.ofType(Types.DISTRIBUTION)) {
      if (refers(cdn, acl)) {
        String node = place(cdn, "CloudFront\\n" + cdn.name(), "box");
        edges.add(new Edge(waf, node, "allowed requests", false));
        for (RecordedResource lb : graph.ofType(Types.LB)) {
          if (refers(cdn, lb)) {
            edges.add(new Edge(node, id(lb.name()), "HTTPS + origin header (uncached)", false));
          }
        }
      }
    }
  }

  /** An edge from the WAF to each ALB an association ties it to. */
  private void connectWafToLoadBalancers(RecordedResource acl, String waf) {
    for (RecordedResource assoc : graph.ofType(Types.WEB_ACL_ASSOCIATION)) {
      if (refers(assoc, acl)) {
        for (RecordedResource lb : graph.ofType(Types.LB)) {
          if (refers(assoc, lb)) {
            edges.add(new Edge(waf, id(lb.name()), "allowed requests", false));
          }
        }
      }
    }
  }

  /** Compute: the pods, the EKS control plane, the node groups and the image repositories. */
  private void drawCompute() {
    List<RecordedResource> clusters = graph.ofType(Types.EKS);
    List<RecordedResource> workloads = graph.ofType(Types.DEPLOYMENT);
    if (!workloads.isEmpty()) {
      pods = aggregate(workloads, graph.stack() + "-pods", "application pods", "box");
    } else if (!clusters.isEmpty()) {
      pods = aggregate(clusters, graph.stack() + "-pods", "pods on EKS", "box");
    }
    for (RecordedResource c : clusters) {
      String cluster =
          place(c, "EKS control plane\\n" + c.name() + " " + text(c, "version"), "box");
      pods.ifPresent(
          p -> {
            if (!p.equals(cluster)) edges.add(new Edge(cluster, p, "schedules", true));
          });
    }
    for (RecordedResource ng : graph.ofType(Types.NODE_GROUP)) {
      String node = place(ng, nodeGroupLabel(ng), "box");
      pods.ifPresent(p -> edges.add(new Edge(node, p, "runs", true)));
    }
    drawRepositories(workloads);
  }

  /** "node group NAME\\nTYPE xDESIRED (MIN-MAX)". */
  private static String nodeGroupLabel(RecordedResource ng) {
    return "node group "
        + ng.name()
        + "\\n"
        + ng.input("instanceTypes.0").map(JsonNode::asText).orElse("")
        + " x"
        + ng.input("scalingConfig.desiredSize").map(JsonNode::asText).orElse("?")
        + " ("
        + ng.input("scalingConfig.minSize").map(JsonNode::asText).orElse("?")
        + "-"
        + ng.input("scalingConfig.maxSize").map(JsonNode::asText).orElse("?")
        + ")";
  }

  /** The ECR repositories, with an images edge to the pods from those they pull from. */
  private void drawRepositories(List<RecordedResource> workloads) {
    for (RecordedResource repo : graph.ofType(Types.ECR)) {
      String r = place(repo, "ECR\\n" + repo.name(), "cylinder");
      // With the application's Deployments in the plan, only the repositories they pull from.
      String image = "/" + repo.input("name").map(JsonNode::asText).orElse(repo.name()) + ":";
      boolean pulled =
          workloads.isEmpty()
              || workloads.stream().anyMatch(w -> w.inputs().toString().contains(image));
      if (pulled) {
        pods.ifPresent(p -> edges.add(new Edge(r, p, "images", true)));
      }
    }
  }

  /** From each ALB to the pods, or to its target groups where the plan has no pods. */
  private void connectLoadBalancersToTargets() {
    String target = pods.orElse(null);
    if (target == null && !graph.ofType(Types.TARGET_GROUP).isEmpty()) {
      target =
          aggregate(graph.ofType(Types.TARGET_GROUP), graph.stack() + "-targets", "targets", "box")
              .orElse(null);
    }
    if (target != null) {
      for (String alb : albs) {
        edges.add(new Edge(alb, target, "app port", false));
      }
    }
  }

  /**
   * Data: PostgreSQL (primaries reached from the pods, replicas fed from them), Redis and, in the
   * large tier, OpenSearch.
   */
  private void drawData() {
    for (RecordedResource db : graph.ofType(Types.RDS)) {
      databases.put(db.urn(), place(db, databaseLabel(db), "cylinder"));
    }
    for (RecordedResource db : graph.ofType(Types.RDS)) {
      if (!text(db, "replicateSourceDb").isEmpty()) {
        connectReplicaToPrimary(db);
      } else if (!drawProxiesOf(db)) {
        pods.ifPresent(p -> edges.add(new Edge(p, databases.get(db.urn()), "5432", false)));
      }
    }
    for (RecordedResource cache : graph.ofType(Types.CACHE)) {
      String c = place(cache, "Redis\\n" + cache.name() + "\\n" + cacheShape(cache), "cylinder");
      pods.ifPresent(p -> edges.add(new Edge(p, c, "6379", false)));
    }
    for (RecordedResource search : graph.ofType(Types.SEARCH_DOMAIN)) {
      String s =
          place(
              search,
              "OpenSearch\\n"
                  + search.name()
                  + "\\n"
                  + search.input("clusterConfig.instanceCount").map(JsonNode::asText).orElse("?")
                  + " x "
                  + text(search, "clusterConfig.instanceType"),
              "cylinder");
      pods.ifPresent(p -> edges.add(new Edge(p, s, "443", false)));
    }
  }

  /**
   * The RDS Proxies in front of {@code db} (a proxy target names its identifier): each drawn with
   * an edge from the pods and one to the database; true when there is one, so the pods reach the
   * database only through it.
   */
  private boolean drawProxiesOf(RecordedResource db) {
    boolean any = false;
    for (RecordedResource target : graph.ofType(Types.RDS_PROXY_TARGET)) {
      if (!text(target, "dbInstanceIdentifier").equals(text(db, "identifier"))) {
        continue;
      }
      for (RecordedResource proxy : graph.ofType(Types.RDS_PROXY)) {
        if (text(proxy, "name").equals(text(target, "dbProxyName"))) {
          String node = place(proxy, "RDS Proxy\\n" + proxy.name() + "\\nTLS, IAM auth", "box");
          pods.ifPresent(p -> edges.add(new Edge(p, node, "5432", false)));
          edges.add(new Edge(node, databases.get(db.urn()), "pool", false));
          any = true;
        }
      }
    }
    return any;
  }

  private static final String OPERATORS = "operators";

  /**
   * Operator access: the Session Manager instance (no inbound port: operators arrive through
   * Systems Manager, drawn dashed), its port forwards to the primary database and the caches, the
   * preferences that log every session, and the interface endpoints where there are any.
   */
  private void drawAccess() {
    List<RecordedResource> instances = graph.ofType(Types.INSTANCE);
    for (RecordedResource instance : instances) {
      String node =
          place(
              instance,
              "operator instance\\n"
                  + instance.name()
                  + "\\n"
                  + text(instance, "instanceType")
                  + ", no inbound port",
              "box");
      edges.add(new Edge(OPERATORS, node, "Session Manager (IAM, logged)", true));
      toDataStores(node, " forward");
      for (RecordedResource doc : graph.ofType(Types.SSM_DOCUMENT)) {
        String prefs = place(doc, "Session Manager preferences\\n" + text(doc, "name"), "box");
        edges.add(new Edge(node, prefs, "session logs (S3, CloudWatch, KMS)", true));
      }
    }
    if (!instances.isEmpty()) {
      outside.add(new Node(OPERATORS, "operators (aws ssm start-session)", "ellipse"));
    }
    aggregate(
        graph.where(
            r ->
                r.type().equals(Types.VPC_ENDPOINT)
                    && text(r, "vpcEndpointType").equals("Interface")),
        graph.stack() + "-ssm-endpoints",
        "interface endpoints",
        "box");
  }

  private static final String VPN_CLIENTS = "vpn_clients";

  /**
   * AWS Client VPN: the endpoint, which its clients reach from outside (an OpenVPN tunnel, drawn
   * dashed) and which reaches the primary database and the caches on their ports; nothing when
   * {@code plinth:access.clientVpn} is off.
   */
  private void drawClientVpn() {
    List<RecordedResource> endpoints = graph.ofType(Types.CLIENT_VPN);
    for (RecordedResource endpoint : endpoints) {
      String node =
          place(
              endpoint,
              "Client VPN\\n"
                  + endpoint.name()
                  + "\\n"
                  + (endpoint.input("splitTunnel").map(JsonNode::asBoolean).orElse(false)
                      ? "split tunnel"
                      : "full tunnel")
                  + ", "
                  + graph.ofType(Types.CLIENT_VPN_ASSOCIATION).size()
                  + " subnet(s)",
              "box");
      edges.add(new Edge(VPN_CLIENTS, node, "OpenVPN (logged)", true));
      toDataStores(node, "");
    }
    if (!endpoints.isEmpty()) {
      outside.add(new Node(VPN_CLIENTS, "operators' VPN clients", "ellipse"));
    }
  }

  /**
   * Dashed edges from an operator's way in to the primary database (not a replica) and the caches,
   * labelled with their ports and {@code how}.
   */
  private void toDataStores(String node, String how) {
    for (RecordedResource db : graph.ofType(Types.RDS)) {
      if (text(db, "replicateSourceDb").isEmpty()) {
        edges.add(new Edge(node, databases.get(db.urn()), "5432" + how, true));
      }
    }
    for (RecordedResource cache : graph.ofType(Types.CACHE)) {
      edges.add(new Edge(node, id(cache.name()), "6379" + how, true));
    }
  }

  private static String databaseLabel(RecordedResource db) {
    boolean replica = !text(db, "replicateSourceDb").isEmpty();
    return (replica ? "PostgreSQL read replica\\n" : "PostgreSQL\\n")
        + db.name()
        + "\\n"
        + text(db, "instanceClass")
        + (db.input("multiAz").map(JsonNode::asBoolean).orElse(false) ? " Multi-AZ" : "");
  }

  private void connectReplicaToPrimary(RecordedResource replica) {
    for (RecordedResource primary : graph.ofType(Types.RDS)) {
      if (primary != replica && refers(replica, primary)) {
        edges.add(
            new Edge(
                databases.get(primary.urn()), databases.get(replica.urn()), "replication", true));
      }
    }
  }

  /** Egress: from the pods (or the private subnets) through NAT and the internet gateway. */
  private void drawEgress() {
    if (nat.isPresent()) {
      String from = pods.orElse(tierNodes.getOrDefault("private", null));
      if (from != null) {
        edges.add(new Edge(from, nat.get(), "egress", false));
      }
      edges.add(new Edge(nat.get(), igw.orElse(INTERNET), "egress", false));
      internetUsed = true;
    }
    if (igw.isPresent()) {
      edges.add(new Edge(igw.get(), INTERNET, "", false));
      internetUsed = true;
    }
  }

  /** Buckets, the ALB access logs written to them and their replication to the DR region. */
  private void drawBuckets() {
    for (String type : List.of(Types.BUCKET, Types.LEGACY_BUCKET)) {
      for (RecordedResource b : graph.ofType(type)) {
        buckets.put(b.urn(), place(b, "S3\\n" + b.name(), "cylinder"));
      }
    }
    for (RecordedResource lb : graph.ofType(Types.LB)) {
      for (RecordedResource b : graph.ofType(Types.BUCKET)) {
        if (refers(lb, b)) {
          edges.add(new Edge(id(lb.name()), buckets.get(b.urn()), "access logs", true));
        }
      }
    }
    for (RecordedResource rep : graph.ofType(Types.BUCKET_REPLICATION)) {
      for (RecordedResource b : graph.ofType(Types.BUCKET)) {
        if (rep.dependencies().contains(b.urn()) && buckets.containsKey(b.urn())) {
          edges.add(new Edge(buckets.get(b.urn()), drRegion(), "replication", true));
        }
      }
    }
  }

  /** The AWS Backup vault, the databases backed up to it and its copies to the DR region. */
  private void drawBackups() {
    List<RecordedResource> vaults = graph.ofType(Types.BACKUP_VAULT);
    Optional<String> vault =
        aggregate(vaults, graph.stack() + "-backup-vault", "AWS Backup vault", "cylinder");
    if (vault.isPresent()) {
      databases.forEach((urn, node) -> edges.add(new Edge(node, vault.get(), "backups", true)));
      for (RecordedResource plan : graph.ofType(Types.BACKUP_PLAN)) {
        if (copies(plan)) {
          edges.add(new Edge(vault.get(), drRegion(), "copies", true));
        }
      }
    }
  }

  /** The DR region's node, drawn outside the components once; returns its id. */
  private String drRegion() {
    if (outside.stream().noneMatch(n -> n.id().equals(DR_REGION))) {
      outside.add(new Node(DR_REGION, "DR region (replica)", "cylinder"));
    }
    return DR_REGION;
  }

  /** Aggregated per component: keys, secrets, log groups, alarms. */
  private void drawAggregates() {
    aggregatePerComponent(Types.KMS_KEY, "KMS keys", "box");
    aggregatePerComponent(Types.SECRET, "secrets", "box");
    aggregatePerComponent(Types.LOG_GROUP, "log groups", "box");
    aggregatePerComponent(Types.ALARM, "alarms", "box");
  }

  /** From each VPC with flow logs to the log-group node its flow log writes to. */
  private void drawFlowLogs() {
    for (RecordedResource flow : graph.ofType(Types.FLOW_LOG)) {
      for (RecordedResource vpc : graph.ofType(Types.VPC)) {
        if (refers(flow, vpc)) {
          graph.ofType(Types.LOG_GROUP).stream()
              .filter(g -> refers(flow, g))
              .findFirst()
              .ifPresent(g -> edges.add(new Edge(id(vpc.name()), logNode(g), "flow logs", true)));
        }
      }
    }
  }

  private final Map<String, String> logNodes = new HashMap<>();

  private String logNode(RecordedResource group) {
    return logNodes.get(component(group));
  }

  private void aggregatePerComponent(String type, String label, String shape) {
    Map<String, List<RecordedResource>> byComponent = new LinkedHashMap<>();
    graph
        .ofType(type)
        .forEach(r -> byComponent.computeIfAbsent(component(r), k -> new ArrayList<>()).add(r));
    byComponent.forEach(
        (c, rs) -> {
          String key = c.replaceAll(" .*", "") + "-" + label.replace(' ', '-');
          aggregate(rs, key, label, shape)
              .ifPresent(
                  n -> {
                    if (type.equals(Types.LOG_GROUP)) {
                      logNodes.put(c, n);
                    }
                  });
        });
  }

  /** Whether any rule of an AWS Backup plan copies recovery points elsewhere. */
  private static boolean copies(RecordedResource plan) {
    return plan.input("rules")
        .map(
            rules -> {
              for (JsonNode rule : rules) {
                if (rule.path("copyActions").size() > 0) {
                  return true;
                }
              }
              return false;
            })
        .orElse(false);
  }
}
