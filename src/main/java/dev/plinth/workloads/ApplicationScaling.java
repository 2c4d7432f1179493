package dev.plinth.workloads;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HPAScalingPolicyArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HPAScalingRulesArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerBehaviorArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.config.WorkloadSettings;

/**
 * How many pods run: the horizontal autoscaler between the environment's bounds on CPU and memory
 * use, with the seed's scaling behaviour, and the disruption budget that bounds voluntary
 * evictions.
 */
final class ApplicationScaling {
  private ApplicationScaling() {}

  /** Waits for the Deployment and for the cluster's add-ons: metrics-server feeds it. */
  static HorizontalPodAutoscaler autoscaler(Application app, Deployment deployment) {
    WorkloadSettings s = app.args().settings();
    var a = s.autoscaling();
    return new HorizontalPodAutoscaler(
        app.childName("autoscaler"),
        HorizontalPodAutoscalerArgs.builder()
            .metadata(app.meta(s.name()))
            .spec(
                HorizontalPodAutoscalerSpecArgs.builder()
                    .scaleTargetRef(
                        CrossVersionObjectReferenceArgs.builder()
                            .apiVersion("apps/v1")
                            .kind("Deployment")
                            .name(s.name())
                            .build())
                    .minReplicas(s.minReplicas())
                    .maxReplicas(s.maxReplicas())
                    .metrics(
                        utilisation("cpu", a.cpuPercent()),
                        utilisation("memory", a.memoryPercent()))
                    .behavior(
                        HorizontalPodAutoscalerBehaviorArgs.builder()
                            .scaleUp(
                                HPAScalingRulesArgs.builder()
                                    .stabilizationWindowSeconds(0)
                                    .selectPolicy("Max")
                                    .policies(
                                        HPAScalingPolicyArgs.builder()
                                            .type("Pods")
                                            .value(a.scaleUpPods())
                                            .periodSeconds(a.scaleUpPeriodSeconds())
                                            .build())
                                    .build())
                            .scaleDown(
                                HPAScalingRulesArgs.builder()
                                    .stabilizationWindowSeconds(a.scaleDownStabilizationSeconds())
                                    .selectPolicy("Max")
                                    .policies(
                                        HPAScalingPolicyArgs.builder()
                                            .type("Pods")
                                            .value(a.scaleDownPods())
                                            .periodSeconds(a.scaleDownPeriodSeconds())
                                            .build())
                                    .build())
                            .build())
                    .build())
            .build(),
        app.inCluster(app.afterCluster(deployment)));
  }

  static PodDisruptionBudget disruptionBudget(Application app, CustomResourceOptions inNamespace) {
    WorkloadSettings s = app.args().settings();
    return new PodDisruptionBudget(
        app.childName("disruption-budget"),
        PodDisruptionBudgetArgs.builder()
            .metadata(app.meta(s.name()))
            .spec(
                PodDisruptionBudgetSpecArgs.builder()
                    .maxUnavailable(s.maxUnavailable())
                    .selector(LabelSelectorArgs.builder().matchLabels(app.selector()).build())
                    .build())
            .build(),
        inNamespace);
  }

  private static MetricSpecArgs utilisation(String resource, int percent) {
    return MetricSpecArgs.builder()
        .type("Resource")
        .resource(
            ResourceMetricSourceArgs.builder()
                .name(resource)
                .target(
                    MetricTargetArgs.builder()
                        .type("Utilization")
                        .averageUtilization(percent)
                        .build())
                .build())
        .build();
  }
}
