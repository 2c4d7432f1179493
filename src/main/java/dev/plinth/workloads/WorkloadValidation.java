package dev.plinth.workloads;

import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.WorkloadSettings;
import dev.plinth.config.WorkloadSettings.Probe;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pure checks of {@code plinth:workloads}: names Kubernetes accepts, an image that exists to run, a
 * port the load balancer sends to, and containers that fit their namespace's quota.
 */
public final class WorkloadValidation {
  static final String KEY = "plinth:workloads";

  /**
   * The rules of the workload settings (plinth:workloads), against the rest of the configuration,
   * as one check of the loader; dev.plinth.Checks lists it with the others.
   */
  public static final ConfigCheck CHECK = WorkloadValidation::validate;

  /** RFC 1123 label: what Kubernetes accepts as a namespace or Service name. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** The OCI distribution spec's tag grammar. */
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  /**
   * The image tag the stack files carry so that {@code plan} shows the application offline; no
   * image has it.
   */
  public static final String PLACEHOLDER_TAG = "0.0.0-placeholder";

  private WorkloadValidation() {}

  /**
   * Checks that only matter when deploying: the stack files' placeholder tag must be replaced (or
   * the application switched off) before {@code pulumi up}, or the Deployment would wait in vain
   * for an image that does not exist. The offline plan accepts the placeholder.
   */
  public static List<ConfigProblem> forDeployment(WorkloadSettings s) {
    if (s.enabled() && PLACEHOLDER_TAG.equals(s.imageTag())) {
      return List.of(
          ConfigProblem.of(
              KEY + ".imageTag",
              "is the stack file's placeholder: before pulumi up, push an image to the "
                  + s.repository()
                  + " repository and set its tag, or set "
                  + KEY
                  + ".enabled false to deploy the platform without the application"
                  + " (docs/deploy.md)",
              s.imageTag()));
    }
    return List.of();
  }

  public static List<ConfigProblem> validate(PlatformConfig config) {
    WorkloadSettings s = config.workloads();
    List<ConfigProblem> problems = new ArrayList<>();
    label(problems, "namespace", s.namespace());
    label(problems, "name", s.name());
    if (!config.cluster().repositories().contains(s.repository())) {
      problems.add(
          ConfigProblem.of(
              KEY + ".repository",
              "must be one of plinth:cluster.repositories " + config.cluster().repositories(),
              s.repository()));
    }
    if (s.enabled() && s.imageTag().isEmpty()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".imageTag",
              "is required when plinth:workloads.enabled is true: the tag of an image pushed to"
                  + " the "
                  + s.repository()
                  + " repository",
              s.imageTag()));
    } else if (!s.imageTag().isEmpty() && !TAG.matcher(s.imageTag()).matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".imageTag",
              "must be an image tag: letters, digits, _ . - (at most 128, not starting with . or"
                  + " -)",
              s.imageTag()));
    } else if (s.imageTag().equals("latest")) {
      problems.add(
          ConfigProblem.of(
              KEY + ".imageTag",
              "must name a release, not latest: the registry's tags are immutable and a rollout"
                  + " needs a new tag",
              s.imageTag()));
    }
    if (s.containerPort() < 1024 || s.containerPort() > 65535) {
      problems.add(
          ConfigProblem.of(
              KEY + ".containerPort",
              "must be between 1024 and 65535 (a non-root container cannot bind lower ports)",
              s.containerPort()));
    } else if (s.enabled() && s.containerPort() != config.edge().targetGroup().port()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".containerPort",
              "must equal plinth:edge.targetGroup.port ("
                  + config.edge().targetGroup().port()
                  + "), the port the load balancer sends traffic and health checks to",
              s.containerPort()));
    }
    if (s.runAsUser() < 1) {
      problems.add(
          ConfigProblem.of(
              KEY + ".runAsUser",
              "must be a non-root user id (1 or more): the pod runs as non-root",
              s.runAsUser()));
    }
    if (s.minReplicas() < 1) {
      problems.add(ConfigProblem.of(KEY + ".minReplicas", "must be at least 1", s.minReplicas()));
    }
    if (s.maxReplicas() < s.minReplicas()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".maxReplicas",
              "must be at least plinth:workloads.minReplicas (" + s.minReplicas() + ")",
              s.maxReplicas()));
    }
    if (s.maxUnavailable() < 1) {
      problems.add(
          ConfigProblem.of(
              KEY + ".maxUnavailable",
              "must be at least 1, or no node could ever be drained",
              s.maxUnavailable()));
    }
    probe(problems, "liveness", s.liveness());
    probe(problems, "readiness", s.readiness());
    autoscaling(problems, s.autoscaling());
    resources(problems, s);
    return problems;
  }

  private static void label(List<ConfigProblem> problems, String field, String value) {
    if (value == null || !DNS_LABEL.matcher(value).matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + "." + field,
              "must be a DNS label: lowercase letters, digits and -, at most 63, starting and"
                  + " ending with a letter or digit",
              value));
    }
  }

  private static void probe(List<ConfigProblem> problems, String field, Probe p) {
    String key = KEY + "." + field;
    if (p.path() == null || !p.path().startsWith("/")) {
      problems.add(ConfigProblem.of(key + ".path", "must be a path starting with /", p.path()));
    }
    if (p.initialDelaySeconds() < 0) {
      problems.add(
          ConfigProblem.of(
              key + ".initialDelaySeconds", "must be 0 or more", p.initialDelaySeconds()));
    }
    if (p.periodSeconds() < 1) {
      problems.add(
          ConfigProblem.of(key + ".periodSeconds", "must be at least 1", p.periodSeconds()));
    }
    if (p.timeoutSeconds() < 1 || p.timeoutSeconds() > p.periodSeconds()) {
      problems.add(
          ConfigProblem.of(
              key + ".timeoutSeconds",
              "must be between 1 and the period (" + p.periodSeconds() + ")",
              p.timeoutSeconds()));
    }
    if (p.failureThreshold() < 1) {
      problems.add(
          ConfigProblem.of(key + ".failureThreshold", "must be at least 1", p.failureThreshold()));
    }
  }

  private static void autoscaling(List<ConfigProblem> problems, WorkloadSettings.Autoscaling a) {
    String key = KEY + ".autoscaling";
    percent(problems, key + ".cpuPercent", a.cpuPercent());
    percent(problems, key + ".memoryPercent", a.memoryPercent());
    positive(problems, key + ".scaleUpPods", a.scaleUpPods());
    positive(problems, key + ".scaleDownPods", a.scaleDownPods());
    // autoscaling/v2 HPAScalingPolicy: periodSeconds in (0, 1800]; stabilization in [0, 3600].
    period(problems, key + ".scaleUpPeriodSeconds", a.scaleUpPeriodSeconds());
    period(problems, key + ".scaleDownPeriodSeconds", a.scaleDownPeriodSeconds());
    if (a.scaleDownStabilizationSeconds() < 0 || a.scaleDownStabilizationSeconds() > 3600) {
      problems.add(
          ConfigProblem.of(
              key + ".scaleDownStabilizationSeconds",
              "must be between 0 and 3600 (the autoscaling/v2 API's range)",
              a.scaleDownStabilizationSeconds()));
    }
  }

  private static void percent(List<ConfigProblem> problems, String key, int value) {
    if (value < 1 || value > 100) {
      problems.add(ConfigProblem.of(key, "must be a percentage between 1 and 100", value));
    }
  }

  private static void positive(List<ConfigProblem> problems, String key, int value) {
    if (value < 1) {
      problems.add(ConfigProblem.of(key, "must be at least 1", value));
    }
  }

  private static void period(List<ConfigProblem> problems, String key, int value) {
    if (value < 1 || value > 1800) {
      problems.add(
          ConfigProblem.of(
              key, "must be between 1 and 1800 seconds (the autoscaling/v2 API's range)", value));
    }
  }

  /**
   * Every quantity parses; requests are at most limits; one container fits the LimitRange; and the
   * most pods a rollout can run at once (the ceiling plus the one surge pod) fit the quota.
   */
  private static void resources(List<ConfigProblem> problems, WorkloadSettings s) {
    var r = s.resources();
    var q = s.quota();
    String res = KEY + ".resources";
    String quota = KEY + ".quota";
    var cpuRequest = quantity(problems, res + ".cpuRequest", r.cpuRequest());
    var memoryRequest = quantity(problems, res + ".memoryRequest", r.memoryRequest());
    var cpuLimit = quantity(problems, res + ".cpuLimit", r.cpuLimit());
    var memoryLimit = quantity(problems, res + ".memoryLimit", r.memoryLimit());
    var requestsCpu = quantity(problems, quota + ".requestsCpu", q.requestsCpu());
    var requestsMemory = quantity(problems, quota + ".requestsMemory", q.requestsMemory());
    var limitsCpu = quantity(problems, quota + ".limitsCpu", q.limitsCpu());
    var limitsMemory = quantity(problems, quota + ".limitsMemory", q.limitsMemory());
    var maxCpu = quantity(problems, quota + ".containerMaxCpu", q.containerMaxCpu());
    var maxMemory = quantity(problems, quota + ".containerMaxMemory", q.containerMaxMemory());
    if (q.persistentVolumeClaims() < 0) {
      problems.add(
          ConfigProblem.of(
              quota + ".persistentVolumeClaims", "must be 0 or more", q.persistentVolumeClaims()));
    }
    atMost(problems, res + ".cpuRequest", r.cpuRequest(), cpuRequest, cpuLimit, res + ".cpuLimit");
    atMost(
        problems,
        res + ".memoryRequest",
        r.memoryRequest(),
        memoryRequest,
        memoryLimit,
        res + ".memoryLimit");
    atMost(problems, res + ".cpuLimit", r.cpuLimit(), cpuLimit, maxCpu, quota + ".containerMaxCpu");
    atMost(
        problems,
        res + ".memoryLimit",
        r.memoryLimit(),
        memoryLimit,
        maxMemory,
        quota + ".containerMaxMemory");
    int pods = s.maxReplicas() + 1;
    fits(problems, quota + ".requestsCpu", q.requestsCpu(), requestsCpu, cpuRequest, pods);
    fits(
        problems,
        quota + ".requestsMemory",
        q.requestsMemory(),
        requestsMemory,
        memoryRequest,
        pods);
    fits(problems, quota + ".limitsCpu", q.limitsCpu(), limitsCpu, cpuLimit, pods);
    fits(problems, quota + ".limitsMemory", q.limitsMemory(), limitsMemory, memoryLimit, pods);
  }

  private static Optional<BigDecimal> quantity(
      List<ConfigProblem> problems, String key, String value) {
    Optional<BigDecimal> parsed = Quantities.parse(value);
    if (parsed.isEmpty()) {
      problems.add(
          ConfigProblem.of(key, "must be a Kubernetes quantity like 500m, 2, 512Mi or 2Gi", value));
    }
    return parsed;
  }

  private static void atMost(
      List<ConfigProblem> problems,
      String key,
      String value,
      Optional<BigDecimal> parsed,
      Optional<BigDecimal> bound,
      String boundKey) {
    if (parsed.isPresent() && bound.isPresent() && parsed.get().compareTo(bound.get()) > 0) {
      problems.add(ConfigProblem.of(key, "must be at most " + boundKey, value));
    }
  }

  private static void fits(
      List<ConfigProblem> problems,
      String key,
      String value,
      Optional<BigDecimal> total,
      Optional<BigDecimal> perPod,
      int pods) {
    if (total.isPresent()
        && perPod.isPresent()
        && total.get().compareTo(perPod.get().multiply(BigDecimal.valueOf(pods))) < 0) {
      problems.add(
          ConfigProblem.of(
              key,
              "must hold "
                  + pods
                  + " pods (plinth:workloads.maxReplicas plus one surge pod during a rollout)",
              value));
    }
  }
}
