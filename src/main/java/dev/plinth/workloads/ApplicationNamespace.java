package dev.plinth.workloads;

import static dev.plinth.workloads.Application.READINESS_GATE_LABEL;

import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.config.WorkloadSettings;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application's namespace, under the restricted Pod Security Standard of the cluster's version
 * and with the Load Balancer Controller's readiness gate, and what bounds it: the resource quota
 * and the containers' default and maximum requests and limits.
 */
final class ApplicationNamespace {
  private ApplicationNamespace() {}

  static Namespace namespace(Application app) {
    var args = app.args();
    WorkloadSettings s = args.settings();
    return new Namespace(
        app.childName("namespace"),
        NamespaceArgs.builder()
            .metadata(
                ObjectMetaArgs.builder()
                    .name(s.namespace())
                    .labels(
                        with(
                            app.labels(),
                            Map.of(
                                "pod-security.kubernetes.io/enforce",
                                "restricted",
                                "pod-security.kubernetes.io/enforce-version",
                                "v" + args.cluster().version(),
                                READINESS_GATE_LABEL,
                                "enabled")))
                    .build())
            .build(),
        app.inCluster());
  }

  static void quotaAndLimits(Application app, CustomResourceOptions inNamespace) {
    WorkloadSettings s = app.args().settings();
    var q = s.quota();
    var r = s.resources();
    new ResourceQuota(
        app.childName("quota"),
        ResourceQuotaArgs.builder()
            .metadata(app.meta("quota"))
            .spec(
                ResourceQuotaSpecArgs.builder()
                    .hard(
                        Map.of(
                            "requests.cpu", q.requestsCpu(),
                            "requests.memory", q.requestsMemory(),
                            "limits.cpu", q.limitsCpu(),
                            "limits.memory", q.limitsMemory(),
                            "persistentvolumeclaims", String.valueOf(q.persistentVolumeClaims())))
                    .build())
            .build(),
        inNamespace);
    new LimitRange(
        app.childName("limits"),
        LimitRangeArgs.builder()
            .metadata(app.meta("limits"))
            .spec(
                LimitRangeSpecArgs.builder()
                    .limits(
                        LimitRangeItemArgs.builder()
                            .type("Container")
                            .defaultRequest(
                                Map.of("cpu", r.cpuRequest(), "memory", r.memoryRequest()))
                            .default_(Map.of("cpu", r.cpuLimit(), "memory", r.memoryLimit()))
                            .max(
                                Map.of(
                                    "cpu", q.containerMaxCpu(), "memory", q.containerMaxMemory()))
                            .build())
                    .build())
            .build(),
        inNamespace);
  }

  private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new TreeMap<>(a);
    all.putAll(b);
    return all;
  }
}
