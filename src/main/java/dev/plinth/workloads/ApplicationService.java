package dev.plinth.workloads;

import static dev.plinth.workloads.Application.SERVICE_PORT;

import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.config.WorkloadSettings;

/**
 * How traffic reaches the pods: a ClusterIP Service, and a TargetGroupBinding through which the
 * Load Balancer Controller registers the pods (target type ip) in the load balancer's target group.
 */
final class ApplicationService {
  private ApplicationService() {}

  static Service service(Application app, CustomResourceOptions inNamespace) {
    WorkloadSettings s = app.args().settings();
    return new Service(
        app.childName("service"),
        ServiceArgs.builder()
            .metadata(app.meta(s.name()))
            .spec(
                ServiceSpecArgs.builder()
                    .type("ClusterIP")
                    .selector(app.selector())
                    .ports(
                        ServicePortArgs.builder()
                            .name("http")
                            .protocol("TCP")
                            .port(SERVICE_PORT)
                            .targetPort("http")
                            .build())
                    .build())
            .build(),
        inNamespace);
  }

  /** Waits for the Service and for the cluster's add-ons: the controller's webhook admits it. */
  static TargetGroupBinding targetGroupBinding(Application app, Service service) {
    var args = app.args();
    WorkloadSettings s = args.settings();
    return new TargetGroupBinding(
        app.childName("target-group-binding"),
        new TargetGroupBinding.Args(
            app.meta(s.name()),
            new TargetGroupBinding.Spec(
                args.targetGroup().arn(),
                "ip",
                new TargetGroupBinding.ServiceReference(s.name(), SERVICE_PORT))),
        app.inCluster(app.afterCluster(service)));
  }
}
