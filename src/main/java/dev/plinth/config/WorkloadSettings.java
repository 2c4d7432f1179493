package dev.plinth.config;

/**
 * The application on the cluster ({@code plinth:workloads}): its namespace, Deployment, Service,
 * TargetGroupBinding, autoscaler and disruption budget, all through the cluster's Kubernetes
 * provider.
 *
 * @param enabled deploy the application: off by default, so that a first {@code pulumi up} builds
 *     the platform before any image exists; turn it on once an image is in the registry
 * @param namespace the application's namespace: {@code app}
 * @param name the Deployment, Service and service account name: {@code app-api} (seed 003's API
 *     service)
 * @param repository the ECR repository the image comes from: {@code app-api}, one of {@code
 *     plinth:cluster.repositories}
 * @param imageTag the image tag to run: no default; required when enabled (the registry's tags are
 *     immutable, so a new tag is a new rollout; {@code latest} is refused)
 * @param containerPort the port the application listens on: 3000 (seeds 001, 003); it must equal
 *     {@code plinth:edge.targetGroup.port}, where the load balancer sends traffic
 * @param runAsUser the numeric user the container runs as: 1000 (the {@code node} user of the
 *     official Node.js images the seeds' application is built on); never 0
 * @param minReplicas the autoscaler's floor: 1 in dev, 1 in staging (seed 000: staging 1-3), 3 in
 *     prod (seed 001 medium: 3 app servers; seeds 000, 003, 004 ask at least 2; prod's preset is
 *     the medium tier, {@link Tier}); with {@code plinth:capacity.concurrentUsers}, at least
 *     ceil(users / 500) (seed 001)
 * @param maxReplicas the autoscaler's ceiling: 2 in dev, 3 in staging (seed 000), 20 in prod (seed
 *     004: at most 20 containers, cost control)
 * @param resources the container's requests and limits: 500m / 512Mi to 2 CPU / 2Gi in every
 *     environment (seed 003's Deployment)
 * @param quota the namespace's ResourceQuota and LimitRange
 * @param liveness the liveness probe: {@code /api/health}, 30 s initial delay, every 10 s (seed
 *     001), 5 s timeout, 3 failures
 * @param readiness the readiness probe: {@code /api/ready}, 5 s initial delay, every 5 s (seed
 *     001), 3 s timeout, 3 failures
 * @param autoscaling the HorizontalPodAutoscaler's targets and behaviour
 * @param maxUnavailable pods a voluntary disruption (a node drain) may take at once: 1, so drains
 *     proceed one pod at a time and prod's floor of 3 keeps two serving
 */
public record WorkloadSettings(
    boolean enabled,
    String namespace,
    String name,
    String repository,
    String imageTag,
    int containerPort,
    int runAsUser,
    int minReplicas,
    int maxReplicas,
    Resources resources,
    Quota quota,
    Probe liveness,
    Probe readiness,
    Autoscaling autoscaling,
    int maxUnavailable) {

  /**
   * These settings with no pod running: a pilot-light standby's application (docs/dr.md). The
   * Deployment gets 0 replicas and no autoscaler, since a HorizontalPodAutoscaler's minReplicas is
   * at least 1 unless the alpha feature gate HPAScaleToZero is on (Kubernetes API reference,
   * HorizontalPodAutoscalerSpec v2 minReplicas).
   */
  public WorkloadSettings scaledToZero() {
    return new WorkloadSettings(
        enabled,
        namespace,
        name,
        repository,
        imageTag,
        containerPort,
        runAsUser,
        0,
        maxReplicas,
        resources,
        quota,
        liveness,
        readiness,
        autoscaling,
        maxUnavailable);
  }

  /**
   * Container requests and limits, as Kubernetes quantities ({@code 500m}, {@code 2}, {@code
   * 512Mi}, {@code 2Gi}).
   */
  public record Resources(
      String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {}

  /**
   * The namespace's ResourceQuota (totals) and LimitRange (per container).
   *
   * @param requestsCpu total CPU requests: 100 in prod (seed 001), 10 in staging, 4 in dev
   * @param requestsMemory total memory requests: 200Gi in prod (seed 001), 20Gi staging, 8Gi dev
   * @param limitsCpu total CPU limits: 200 in prod (seed 001), 20 in staging, 8 in dev
   * @param limitsMemory total memory limits: 400Gi in prod (seed 001), 40Gi staging, 16Gi dev
   * @param persistentVolumeClaims claims: 10 in prod (seed 001), 5 in staging, 2 in dev
   * @param containerMaxCpu the most one container may ask: 4 in prod (seed 001's largest
   *     container), 2 in dev and staging
   * @param containerMaxMemory the most memory one container may ask: 8Gi in prod (seed 001), 4Gi in
   *     dev and staging
   */
  public record Quota(
      String requestsCpu,
      String requestsMemory,
      String limitsCpu,
      String limitsMemory,
      int persistentVolumeClaims,
      String containerMaxCpu,
      String containerMaxMemory) {}

  /** An HTTP probe on the container port. */
  public record Probe(
      String path,
      int initialDelaySeconds,
      int periodSeconds,
      int timeoutSeconds,
      int failureThreshold) {}

  /**
   * The autoscaler (autoscaling/v2), from seeds 000, 003 and 004.
   *
   * @param cpuPercent average CPU utilisation target: 70
   * @param memoryPercent average memory utilisation target: 80
   * @param scaleUpPods pods added at most per scale-up period: 2 (seed 003: 2 pods a minute)
   * @param scaleUpPeriodSeconds 60
   * @param scaleDownPods pods removed at most per scale-down period: 1 (seed 003: 1 pod per 5
   *     minutes)
   * @param scaleDownPeriodSeconds 300
   * @param scaleDownStabilizationSeconds how long load must stay low before scaling down: 600 (seed
   *     003: 10-minute scale-down cooldown)
   */
  public record Autoscaling(
      int cpuPercent,
      int memoryPercent,
      int scaleUpPods,
      int scaleUpPeriodSeconds,
      int scaleDownPods,
      int scaleDownPeriodSeconds,
      int scaleDownStabilizationSeconds) {}

  public static WorkloadSettings preset(Environment env) {
    Quota quota =
        switch (env) {
          case DEV -> new Quota("4", "8Gi", "8", "16Gi", 2, "2", "4Gi");
          case STAGING -> new Quota("10", "20Gi", "20", "40Gi", 5, "2", "4Gi");
          case PROD -> new Quota("100", "200Gi", "200", "400Gi", 10, "4", "8Gi");
        };
    return new WorkloadSettings(
        false,
        "app",
        "app-api",
        "app-api",
        "",
        3000,
        1000,
        env == Environment.PROD ? 3 : 1,
        switch (env) {
          case DEV -> 2;
          case STAGING -> 3;
          case PROD -> 20;
        },
        new Resources("500m", "512Mi", "2", "2Gi"),
        quota,
        new Probe("/api/health", 30, 10, 5, 3),
        new Probe("/api/ready", 5, 5, 3, 3),
        new Autoscaling(70, 80, 2, 60, 1, 300, 600),
        1);
  }
}
