package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes workloads on the cluster: how their containers run, what they may use, how they stay
 * available, and that no credential sits in a manifest. No catalogue entry covers Kubernetes
 * objects, so these are {@code PL-} rules, anchored to the seeds, the Pod Security Standards and
 * the scanners' Kubernetes checks.
 */
final class WorkloadRules {
  private WorkloadRules() {}

  /** Names that say a value is a credential; an ARN or an id of one is a reference, not a value. */
  static final Pattern CREDENTIAL =
      Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL).*");

  static final Pattern REFERENCE = Pattern.compile("(?i).*_(ARN|ID|NAME)$");

  /** What the plan shows in place of a secret value. */
  static final String MASKED = "[secret]";

  static List<Rule> all() {
    return List.of(restricted(), resources(), probes(), availability(), noCredentials(), release());
  }

  private static List<JsonNode> containers(RecordedResource d) {
    return In.list(d, "spec.template.spec.containers");
  }

  private static String name(JsonNode container) {
    return container.path("name").asText("(unnamed)");
  }

  static Rule restricted() {
    return Rule.of(
        "PL-24",
        "containers run restricted: non-root, read-only root filesystem, no privilege escalation,"
            + " all capabilities dropped, runtime seccomp profile",
        MANDATORY,
        ALL,
        "Pod Security Standards (restricted), KSV001, KSV003, KSV012, KSV014",
        List.of(Types.DEPLOYMENT),
        (d, ctx) -> {
          JsonNode pod = In.document(d, "spec.template.spec").orElseThrow();
          JsonNode podContext = pod.path("securityContext");
          Problems problems = Problems.of(d);
          for (JsonNode c : containers(d)) {
            JsonNode sc = c.path("securityContext");
            String n = name(c);
            boolean nonRoot =
                sc.path("runAsNonRoot").asBoolean(podContext.path("runAsNonRoot").asBoolean(false));
            String seccomp =
                sc.path("seccompProfile")
                    .path("type")
                    .asText(podContext.path("seccompProfile").path("type").asText(""));
            problems
                .require(
                    nonRoot,
                    "runAsNonRoot",
                    "container " + n + " may run as root",
                    "set securityContext.runAsNonRoot true (pod or container)")
                .require(
                    sc.path("readOnlyRootFilesystem").asBoolean(false),
                    "readOnlyRootFilesystem",
                    "container " + n + " can write its root filesystem",
                    "set securityContext.readOnlyRootFilesystem true and mount an emptyDir where it"
                        + " writes")
                .require(
                    sc.has("allowPrivilegeEscalation")
                        && !sc.path("allowPrivilegeEscalation").asBoolean(),
                    "allowPrivilegeEscalation",
                    "container " + n + " may escalate privileges",
                    "set securityContext.allowPrivilegeEscalation false")
                .require(
                    In.texts(sc.path("capabilities").path("drop")).contains("ALL"),
                    "capabilities",
                    "container " + n + " keeps the runtime's default capabilities",
                    "set securityContext.capabilities.drop [ALL]")
                .require(
                    !sc.path("privileged").asBoolean(false),
                    "privileged",
                    "container " + n + " is privileged",
                    "remove securityContext.privileged")
                .require(
                    seccomp.equals("RuntimeDefault") || seccomp.equals("Localhost"),
                    "seccomp",
                    "container " + n + " runs without a seccomp profile",
                    "set securityContext.seccompProfile.type RuntimeDefault (pod or container)");
          }
          return problems.list();
        });
  }

  static Rule resources() {
    return Rule.of(
        "PL-25",
        "containers request and limit CPU and memory",
        MANDATORY,
        ALL,
        "seed 003 (requests 500m/512Mi, limits 2/2Gi), KSV011, KSV015, KSV016, KSV018",
        List.of(Types.DEPLOYMENT),
        (d, ctx) -> {
          Problems problems = Problems.of(d);
          for (JsonNode c : containers(d)) {
            JsonNode r = c.path("resources");
            for (String kind : List.of("requests", "limits")) {
              for (String resource : List.of("cpu", "memory")) {
                problems.require(
                    !r.path(kind).path(resource).asText("").isBlank(),
                    kind + "." + resource,
                    "container " + name(c) + " sets no " + resource + " " + kind,
                    "set resources." + kind + "." + resource);
              }
            }
          }
          return problems.list();
        });
  }

  static Rule probes() {
    return Rule.of(
        "PL-26",
        "containers have liveness and readiness probes",
        MANDATORY,
        ALL,
        "seeds 001, 003, 004 (health check integration)",
        List.of(Types.DEPLOYMENT),
        (d, ctx) -> {
          Problems problems = Problems.of(d);
          for (JsonNode c : containers(d)) {
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
              problems.require(
                  c.has(probe) && !c.path(probe).isNull(),
                  probe,
                  "container " + name(c) + " has no " + probe,
                  "add a " + probe + " (httpGet on the application's health path)");
            }
          }
          return problems.list();
        });
  }

  /** An object's namespace; {@code default} when it names none, as the API server reads it. */
  static Rule availability() {
    return Rule.of(
        "PL-27",
        "each Deployment has an autoscaler and a disruption budget; in prod a floor of 2 replicas",
        MANDATORY,
        ALL,
        "seeds 000, 003, 004 (auto-scaling, 2 replicas minimum in production, high availability)",
        List.of(Types.DEPLOYMENT),
        (d, ctx) -> {
          String namespace = In.namespace(d);
          String deployment = In.text(d, "metadata.name").orElse("");
          JsonNode podLabels =
              d.input("spec.template.metadata.labels").orElse(MissingNode.getInstance());
          List<RecordedResource> hpas =
              ctx.ofType(Types.HPA).stream()
                  .filter(
                      h ->
                          namespace.equals(In.namespace(h))
                              && "Deployment"
                                  .equals(In.text(h, "spec.scaleTargetRef.kind").orElse(""))
                              && deployment.equals(
                                  In.text(h, "spec.scaleTargetRef.name").orElse("")))
                  .toList();
          boolean budget =
              ctx.ofType(Types.PDB).stream()
                  .anyMatch(
                      b ->
                          namespace.equals(In.namespace(b))
                              && In.selects(
                                  b.input("spec.selector.matchLabels")
                                      .orElse(MissingNode.getInstance()),
                                  podLabels));
          Problems problems =
              Problems.of(d)
                  .require(
                      !hpas.isEmpty() || scaledToZeroInStandby(d, ctx),
                      "autoscaler",
                      "no HorizontalPodAutoscaler scales it",
                      "add an autoscaling/v2 HorizontalPodAutoscaler with scaleTargetRef this"
                          + " Deployment")
                  .require(
                      budget,
                      "disruptionBudget",
                      "no PodDisruptionBudget covers its pods",
                      "add a policy/v1 PodDisruptionBudget whose selector matches the pod labels");
          if (ctx.environment() == Environment.PROD) {
            for (RecordedResource h : hpas) {
              int min = In.integer(h, "spec.minReplicas").orElse(1);
              problems.require(
                  min >= 2,
                  "minReplicas",
                  h.name() + " lets it run a single replica (" + min + ")",
                  "set minReplicas 2 or more in prod (plinth:workloads.minReplicas)");
            }
          }
          return problems.list();
        });
  }

  /**
   * A pilot-light standby's Deployment at 0 replicas needs no autoscaler (one would start pods: its
   * minReplicas is at least 1); elsewhere a Deployment at 0 is a mistake the rule reports.
   */
  static boolean scaledToZeroInStandby(RecordedResource d, PolicyContext ctx) {
    return ctx.standby() && In.integer(d, "spec.replicas").orElse(-1) == 0;
  }

  static Rule noCredentials() {
    return Rule.of(
        "PL-28",
        "no credential in a manifest: containers and ConfigMaps carry references, not secrets",
        MANDATORY,
        ALL,
        "seeds 003, 004 (secrets in Secrets Manager, never in code or configuration)",
        List.of(Types.DEPLOYMENT, Types.CONFIG_MAP),
        (r, ctx) -> {
          Problems problems = Problems.of(r);
          problems.require(
              !r.inputs().toString().contains(MASKED),
              "secretValue",
              "a Pulumi secret flows into the manifest, where anyone who can read the object sees"
                  + " it",
              "pass the secret's ARN and let the application read it from Secrets Manager");
          List<String> names = new ArrayList<>();
          if (r.type().equals(Types.CONFIG_MAP)) {
            r.input("data").ifPresent(data -> data.fieldNames().forEachRemaining(names::add));
          } else {
            for (JsonNode c : containers(r)) {
              for (JsonNode e : In.list(c.path("env"))) {
                if (e.has("value")) {
                  names.add(e.path("name").asText());
                }
              }
            }
          }
          for (String n : names) {
            problems.require(
                !CREDENTIAL.matcher(n).matches() || REFERENCE.matcher(n).matches(),
                "credential",
                n + " holds what its name says is a credential, in plain text",
                "store it in Secrets Manager and pass " + n + "_ARN instead");
          }
          return problems.list();
        });
  }

  static Rule release() {
    return Rule.of(
        "PL-29",
        "images by release tag or digest, never latest",
        ADVISORY,
        ALL,
        "KSV013, CKV_K8S_14",
        List.of(Types.DEPLOYMENT),
        (d, ctx) -> {
          Problems problems = Problems.of(d);
          for (JsonNode c : containers(d)) {
            String image = c.path("image").asText("");
            String last = image.substring(image.lastIndexOf('/') + 1);
            boolean pinned =
                image.contains("@sha256:")
                    || (last.contains(":") && !last.endsWith(":latest") && !last.endsWith(":"));
            problems.require(
                pinned,
                "image",
                "container " + name(c) + " runs " + image + ", which names no release",
                "use a release tag (plinth:workloads.imageTag) or a digest");
          }
          return problems.list();
        });
  }
}
