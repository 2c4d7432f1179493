package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.plinth.Json;
import dev.plinth.compute.Charts;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deployability of the Helm add-ons and the application's Kubernetes objects (DEP-30 to DEP-39):
 * what makes a chart's application, a controller's IAM role or an admission webhook fail on the
 * first {@code pulumi up}, and what makes rollouts or scale-down fail afterwards. Each rule cites
 * the upstream file, at the pinned release, it encodes.
 */
final class AddonDeployRules {
  private AddonDeployRules() {}

  /** The Pulumi Kubernetes provider's tokens (com.pulumi:kubernetes 4.0.0). */
  static final String HELM_RELEASE = "kubernetes:helm.sh/v3:Release";

  static final String NAMESPACE = "kubernetes:core/v1:Namespace";
  static final String SERVICE = "kubernetes:core/v1:Service";

  /** The controller's CRD as Plinth registers it (workloads.TargetGroupBinding). */
  static final String TARGET_GROUP_BINDING = "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding";

  static final String READINESS_GATE_LABEL = "elbv2.k8s.aws/pod-readiness-gate-inject";
  static final String SAFE_TO_EVICT = "cluster-autoscaler.kubernetes.io/safe-to-evict";
  static final String SAFE_TO_EVICT_LOCAL_VOLUMES =
      "cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes";

  /** Tagging actions: who may tag a resource decides which tag-conditioned grants reach it. */
  static final Set<String> TAGGING =
      Set.of(
          "ec2:CreateTags",
          "ec2:DeleteTags",
          "elasticloadbalancing:AddTags",
          "elasticloadbalancing:RemoveTags");

  static List<Rule> all() {
    return List.of(
        chartFollowsCluster(),
        controllerPolicy(),
        serviceWebhook(),
        readinessGate(),
        releasesWaitForNodes(),
        localVolumes());
  }

  private static String chart(RecordedResource release) {
    return In.text(release, "chart").orElse("");
  }

  private static Optional<RecordedResource> loadBalancerController(PolicyContext ctx) {
    return ctx.ofType(HELM_RELEASE).stream()
        .filter(r -> chart(r).equals(Charts.LOAD_BALANCER_CONTROLLER))
        .findFirst();
  }

  static Rule chartFollowsCluster() {
    return Rule.of(
        "DEP-30",
        "each Helm chart is a version whose application is known; the Cluster Autoscaler's image"
            + " has the cluster's Kubernetes minor",
        MANDATORY,
        ALL,
        "kubernetes/autoscaler cluster-autoscaler/README.md Releases (versions match Kubernetes"
            + " minors) at cluster-autoscaler-chart-9.55.1; each chart's Chart.yaml appVersion and"
            + " values.yaml image.tag at its tag (compute.Charts)",
        List.of(HELM_RELEASE),
        (r, ctx) -> {
          String name = chart(r);
          String version = In.text(r, "version").orElse("");
          Problems p = Problems.of(r);
          Optional<Charts.Chart> known = Charts.find(name, version);
          p.require(
              known.isPresent(),
              "version",
              "chart " + name + " " + version + " is not in Plinth's chart table",
              "pin a version listed in compute.Charts, or add it there with its Chart.yaml"
                  + " appVersion and values.yaml image.tag and their source");
          if (known.isPresent() && Charts.FOLLOWS_KUBERNETES_MINOR.contains(name)) {
            String image = In.text(r, "values.image.tag").orElse(known.get().imageTag());
            for (RecordedResource cluster : ctx.ofType(Types.EKS)) {
              String minor = Charts.minor(In.text(cluster, "version").orElse(""));
              p.require(
                  Charts.minor(image).equals(minor),
                  "image",
                  name
                      + " "
                      + image
                      + " runs against Kubernetes "
                      + minor
                      + " ("
                      + cluster.name()
                      + "); upstream supports only the matching minor",
                  "pin the chart whose image is " + minor + " (plinth:cluster.chartVersions)");
            }
          }
          return p.list();
        });
  }

  /** The resources a statement names, {@code *} included. */
  private static List<String> resources(JsonNode statement) {
    return In.texts(statement.get("Resource"));
  }

  /**
   * Whether a statement lets its holder tag resources whose other grants are conditioned on their
   * tags (security groups, load balancers, target groups) without any condition of its own.
   */
  static boolean unconditionedTagging(JsonNode statement) {
    boolean tags = In.texts(statement.get("Action")).stream().anyMatch(TAGGING::contains);
    boolean owned =
        resources(statement).stream()
            .anyMatch(
                x ->
                    x.equals("*")
                        || x.contains(":security-group/")
                        || x.contains(":loadbalancer/")
                        || x.contains(":targetgroup/"));
    return In.allows(statement) && tags && owned && !In.conditioned(statement);
  }

  /** Whether a role's trust names exactly this Kubernetes service account. */
  private static boolean trusts(RecordedResource role, String namespace, String serviceAccount) {
    String subject = "system:serviceaccount:" + namespace + ":" + serviceAccount;
    return In.document(role, "assumeRolePolicy")
        .map(d -> d.toString().contains(subject))
        .orElse(false);
  }

  static Rule controllerPolicy() {
    return Rule.of(
        "DEP-31",
        "the AWS Load Balancer Controller's role grants every action upstream's policy for the"
            + " deployed release grants, and never tagging of security groups or load balancers"
            + " without a condition",
        MANDATORY,
        ALL,
        "kubernetes-sigs/aws-load-balancer-controller docs/install/iam_policy.json at v2.13.2"
            + " (chart 1.13.2)",
        List.of(HELM_RELEASE),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          if (!chart(r).equals(Charts.LOAD_BALANCER_CONTROLLER)) {
            return p.list();
          }
          Optional<String> upstream =
              Charts.find(chart(r), In.text(r, "version").orElse(""))
                  .flatMap(c -> Charts.loadBalancerControllerPolicy(c.appVersion()));
          if (upstream.isEmpty()) {
            return p.add(
                    "upstream",
                    "Plinth holds no upstream IAM policy for this controller release",
                    "pin chart 1.13.2, or add the release's docs/install/iam_policy.json")
                .list();
          }
          String namespace = In.text(r, "namespace").orElse("default");
          String serviceAccount =
              In.text(r, "values.serviceAccount.name").orElse(Charts.LOAD_BALANCER_CONTROLLER);
          List<RecordedResource> roles =
              ctx.ofType(Types.ROLE).stream()
                  .filter(role -> trusts(role, namespace, serviceAccount))
                  .toList();
          p.require(
              !roles.isEmpty(),
              "role",
              "no IAM role trusts " + namespace + "/" + serviceAccount,
              "give the controller an IRSA role for its service account");
          Set<String> upstreamActions = new LinkedHashSet<>();
          try {
            In.list(Json.MAPPER.readTree(upstream.get()).get("Statement"))
                .forEach(s -> upstreamActions.addAll(In.texts(s.get("Action"))));
          } catch (Exception e) {
            throw new IllegalStateException("upstream controller policy is not JSON", e);
          }
          for (RecordedResource role : roles) {
            List<JsonNode> statements = new ArrayList<>();
            ctx.referring(role, Types.ROLE_POLICY)
                .forEach(policy -> statements.addAll(In.statements(In.document(policy, "policy"))));
            Set<String> granted = new LinkedHashSet<>();
            statements.stream()
                .filter(In::allows)
                .forEach(s -> granted.addAll(In.texts(s.get("Action"))));
            List<String> missing =
                upstreamActions.stream().filter(a -> !granted.contains(a)).toList();
            p.require(
                missing.isEmpty(),
                "missing",
                role.name() + " lacks " + missing.size() + " of upstream's actions: " + missing,
                "grant upstream's iam_policy.json for the pinned release");
            for (JsonNode s : statements) {
              p.require(
                  !unconditionedTagging(s),
                  "tagging",
                  role.name()
                      + " may tag any security group or load balancer and then act on it as the"
                      + " controller's own: "
                      + In.texts(s.get("Action")),
                  "keep upstream's conditions (elbv2.k8s.aws/cluster request or resource tag,"
                      + " CreateAction)");
            }
          }
          return p.list();
        });
  }

  static Rule serviceWebhook() {
    return Rule.of(
        "DEP-32",
        "the Load Balancer Controller's Service mutator webhook is off, or everything that creates"
            + " a Service waits for the controller",
        MANDATORY,
        ALL,
        "aws-load-balancer-controller chart 1.13.2 values.yaml enableServiceMutatorWebhook (default"
            + " true) and templates/webhook.yaml mservice.elbv2.k8s.aws (failurePolicy Fail)",
        List.of(HELM_RELEASE),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          if (!chart(r).equals(Charts.LOAD_BALANCER_CONTROLLER)
              || !In.bool(r, "values.enableServiceMutatorWebhook", true)) {
            return p.list();
          }
          List<RecordedResource> creators = new ArrayList<>(ctx.ofType(SERVICE));
          ctx.ofType(HELM_RELEASE).stream().filter(o -> o != r).forEach(creators::add);
          for (RecordedResource c : creators) {
            p.require(
                c.dependencies().contains(r.urn()),
                "service",
                c.name()
                    + " creates Services while the webhook that must admit them may not run"
                    + " yet (aws-load-balancer-controller#4140)",
                "set enableServiceMutatorWebhook false (Plinth creates no type LoadBalancer"
                    + " Service), or make "
                    + c.name()
                    + " depend on the controller");
          }
          return p.list();
        });
  }

  static Rule readinessGate() {
    return Rule.of(
        "DEP-33",
        "pods behind a TargetGroupBinding get the controller's readiness gate: their namespace"
            + " carries the inject label and their Deployment is created after the binding",
        MANDATORY,
        ALL,
        "aws-load-balancer-controller docs/deploy/pod_readiness_gate.md at v2.13.2",
        List.of(TARGET_GROUP_BINDING),
        (b, ctx) -> {
          Problems p = Problems.of(b);
          String ns = In.namespace(b);
          Optional<RecordedResource> namespace =
              ctx.ofType(NAMESPACE).stream()
                  .filter(n -> ns.equals(In.text(n, "metadata.name").orElse("")))
                  .findFirst();
          String label =
              namespace
                  .flatMap(n -> n.input("metadata.labels"))
                  .map(l -> l.path(READINESS_GATE_LABEL).asText(""))
                  .orElse("");
          p.require(
              label.equals("enabled"),
              "namespaceLabel",
              "namespace " + ns + " lacks " + READINESS_GATE_LABEL + "=enabled",
              "label the namespace so that the controller injects the readiness gate");
          String service = In.text(b, "spec.serviceRef.name").orElse("");
          JsonNode selector =
              ctx.ofType(SERVICE).stream()
                  .filter(
                      s ->
                          ns.equals(In.namespace(s))
                              && service.equals(In.text(s, "metadata.name").orElse("")))
                  .findFirst()
                  .flatMap(s -> s.input("spec.selector"))
                  .orElse(MissingNode.getInstance());
          for (RecordedResource d : ctx.ofType(Types.DEPLOYMENT)) {
            JsonNode labels =
                d.input("spec.template.metadata.labels").orElse(MissingNode.getInstance());
            if (ns.equals(In.namespace(d)) && In.selects(selector, labels)) {
              p.require(
                  d.dependencies().contains(b.urn()),
                  "order",
                  d.name() + " may create pods before the binding exists; they get no gate",
                  "make " + d.name() + " depend on the TargetGroupBinding");
            }
          }
          return p.list();
        });
  }

  static Rule releasesWaitForNodes() {
    return Rule.of(
        "DEP-34",
        "Helm releases wait for a node group, directly or through their Kubernetes provider",
        MANDATORY,
        ALL,
        "Pulumi Kubernetes helm.sh/v3 Release skipAwait unset: waits for the chart's resources to"
            + " be ready (pulumi-kubernetes#1603); EKS CreateNodegroup: nodes exist once the node"
            + " group is ACTIVE",
        List.of(HELM_RELEASE),
        (r, ctx) -> {
          List<String> nodeGroups =
              ctx.ofType(Types.NODE_GROUP).stream().map(RecordedResource::urn).toList();
          String provider = r.provider() == null ? "" : r.provider();
          boolean viaProvider =
              ctx.graph().resources().stream()
                  .filter(x -> !provider.isEmpty() && provider.startsWith(x.urn()))
                  .anyMatch(x -> x.dependencies().stream().anyMatch(nodeGroups::contains));
          boolean direct = r.dependencies().stream().anyMatch(nodeGroups::contains);
          return Problems.of(r)
              .require(
                  direct || viaProvider,
                  "nodes",
                  "the release's pods may be scheduled before any node exists; Helm then waits on"
                      + " pending pods until it times out",
                  "make the release (or its Kubernetes provider) depend on the node group")
              .list();
        });
  }

  static Rule localVolumes() {
    return Rule.of(
        "DEP-35",
        "where the Cluster Autoscaler runs, pods name their emptyDir volumes as safe to evict",
        ADVISORY,
        ALL,
        "kubernetes/autoscaler cluster-autoscaler/FAQ.md (What types of pods can prevent CA from"
            + " removing a node? / skip-nodes-with-local-storage) at cluster-autoscaler-chart-9.55.1",
        List.of(Types.DEPLOYMENT),
        (d, ctx) -> {
          Problems p = Problems.of(d);
          boolean autoscaler =
              ctx.ofType(HELM_RELEASE).stream()
                  .anyMatch(r -> chart(r).equals(Charts.CLUSTER_AUTOSCALER));
          if (!autoscaler) {
            return p.list();
          }
          JsonNode annotations =
              d.input("spec.template.metadata.annotations").orElse(MissingNode.getInstance());
          if (annotations.path(SAFE_TO_EVICT).asText("").equals("true")) {
            return p.list();
          }
          List<String> named =
              List.of(annotations.path(SAFE_TO_EVICT_LOCAL_VOLUMES).asText("").split(","));
          for (JsonNode v : In.list(d, "spec.template.spec.volumes")) {
            String name = v.path("name").asText();
            if (v.has("emptyDir")) {
              p.require(
                  named.contains(name),
                  "emptyDir",
                  "emptyDir " + name + " keeps the autoscaler from ever removing the pod's node",
                  "annotate the pod template with " + SAFE_TO_EVICT_LOCAL_VOLUMES + ": " + name);
            }
          }
          return p.list();
        });
  }
}
