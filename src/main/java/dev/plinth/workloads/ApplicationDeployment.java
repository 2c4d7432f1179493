package dev.plinth.workloads;

import static dev.plinth.workloads.Application.DEREGISTRATION_MARGIN_SECONDS;
import static dev.plinth.workloads.Application.SAFE_TO_EVICT_LOCAL_VOLUMES;
import static dev.plinth.workloads.Application.SHUTDOWN_SECONDS;
import static dev.plinth.workloads.Application.TMP_VOLUME;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapEnvSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvFromSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.Resource;
import dev.plinth.config.WorkloadSettings;
import java.util.List;
import java.util.Map;

/**
 * The application's Deployment: rolling updates that keep every pod serving, pods spread across
 * zones and nodes under a restricted security context, probes, requests and limits, and a pre-stop
 * sleep that outlasts the target group's deregistration delay.
 */
final class ApplicationDeployment {
  private ApplicationDeployment() {}

  static Deployment deployment(
      Application app, Output<String> image, ConfigMap config, List<Resource> dependsOn) {
    var args = app.args();
    WorkloadSettings s = args.settings();
    var spec = DeploymentSpecArgs.builder();
    if (s.minReplicas() == 0) {
      // A pilot-light standby: no pod and no autoscaler until failover scales it up.
      spec.replicas(0);
    }
    return new Deployment(
        app.childName("deployment"),
        DeploymentArgs.builder()
            .metadata(app.meta(s.name()))
            .spec(
                spec
                    // Otherwise no replicas: the autoscaler owns the count; Kubernetes starts one
                    // pod and the autoscaler raises it to the floor within its sync period.
                    .selector(LabelSelectorArgs.builder().matchLabels(app.selector()).build())
                    .revisionHistoryLimit(10)
                    .strategy(
                        DeploymentStrategyArgs.builder()
                            .type("RollingUpdate")
                            .rollingUpdate(
                                RollingUpdateDeploymentArgs.builder()
                                    .maxUnavailable(0)
                                    .maxSurge(1)
                                    .build())
                            .build())
                    .template(
                        PodTemplateSpecArgs.builder()
                            .metadata(
                                ObjectMetaArgs.builder()
                                    .labels(app.labels())
                                    .annotations(Map.of(SAFE_TO_EVICT_LOCAL_VOLUMES, TMP_VOLUME))
                                    .build())
                            .spec(
                                podSpec(
                                    s,
                                    app.selector(),
                                    image,
                                    config.metadata().applyValue(m -> m.name().orElseThrow()),
                                    args.targetGroup().deregistrationDelaySeconds()))
                            .build())
                    .build())
            .build(),
        app.inCluster(dependsOn));
  }

  private static PodSpecArgs podSpec(
      WorkloadSettings s,
      Map<String, String> selector,
      Output<String> image,
      Output<String> configMapName,
      int deregistrationDelaySeconds) {
    var r = s.resources();
    int preStop = preStopSeconds(deregistrationDelaySeconds);
    return PodSpecArgs.builder()
        // The pre-stop sleep counts against the grace period: the application keeps its 30 s
        // after SIGTERM.
        .terminationGracePeriodSeconds(preStop + SHUTDOWN_SECONDS)
        .serviceAccountName(s.name())
        // The service-account token stays mounted: EKS's IRSA webhook has been seen to leave pods
        // without their web identity when it is off. No RBAC binding names the service account.
        .securityContext(
            PodSecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser(s.runAsUser())
                .runAsGroup(s.runAsUser())
                .fsGroup(s.runAsUser())
                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                .build())
        .topologySpreadConstraints(
            spread("topology.kubernetes.io/zone", selector),
            spread("kubernetes.io/hostname", selector))
        .containers(
            ContainerArgs.builder()
                .name(s.name())
                .image(image)
                .imagePullPolicy("IfNotPresent")
                .ports(
                    ContainerPortArgs.builder()
                        .name("http")
                        .containerPort(s.containerPort())
                        .protocol("TCP")
                        .build())
                .envFrom(
                    EnvFromSourceArgs.builder()
                        .configMapRef(ConfigMapEnvSourceArgs.builder().name(configMapName).build())
                        .build())
                .resources(
                    ResourceRequirementsArgs.builder()
                        .requests(Map.of("cpu", r.cpuRequest(), "memory", r.memoryRequest()))
                        .limits(Map.of("cpu", r.cpuLimit(), "memory", r.memoryLimit()))
                        .build())
                .lifecycle(new PreStopSleep(preStop).asLifecycle())
                .livenessProbe(probe(s.liveness()))
                .readinessProbe(probe(s.readiness()))
                .securityContext(
                    SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .volumeMounts(VolumeMountArgs.builder().name(TMP_VOLUME).mountPath("/tmp").build())
                .build())
        // The root filesystem is read-only: /tmp is a size-limited emptyDir on the node's disk.
        .volumes(
            VolumeArgs.builder()
                .name(TMP_VOLUME)
                .emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("256Mi").build())
                .build())
        .build();
  }

  /**
   * How long a stopping pod keeps serving: while the endpoint goes, the controller deregisters the
   * target and the load balancer drains it for the deregistration delay (edge target group).
   */
  static int preStopSeconds(int deregistrationDelaySeconds) {
    return deregistrationDelaySeconds + DEREGISTRATION_MARGIN_SECONDS;
  }

  private static ProbeArgs probe(WorkloadSettings.Probe p) {
    return ProbeArgs.builder()
        .httpGet(HTTPGetActionArgs.builder().path(p.path()).port("http").build())
        .initialDelaySeconds(p.initialDelaySeconds())
        .periodSeconds(p.periodSeconds())
        .timeoutSeconds(p.timeoutSeconds())
        .failureThreshold(p.failureThreshold())
        .build();
  }

  private static TopologySpreadConstraintArgs spread(String key, Map<String, String> selector) {
    return TopologySpreadConstraintArgs.builder()
        .topologyKey(key)
        .maxSkew(1)
        .whenUnsatisfiable("ScheduleAnyway")
        .labelSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
        .build();
  }
}
