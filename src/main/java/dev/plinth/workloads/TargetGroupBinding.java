package dev.plinth.workloads;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * The AWS Load Balancer Controller's {@code TargetGroupBinding} (elbv2.k8s.aws/v1beta1): it keeps
 * the pods behind a Service registered in a target group that Pulumi owns. {@code
 * com.pulumi:kubernetes} 4.0.0 has no generic custom-resource class, so this is our own typed
 * binding: the Kubernetes provider accepts {@code kubernetes:<group>/<version>:<Kind>} for any CRD.
 * The fields are those of the controller's CRD that Plinth sets.
 */
@ResourceType(type = TargetGroupBinding.TYPE)
public final class TargetGroupBinding extends CustomResource {
  public static final String TYPE = "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding";
  public static final String API_VERSION = "elbv2.k8s.aws/v1beta1";
  public static final String KIND = "TargetGroupBinding";

  public TargetGroupBinding(String name, Args args, CustomResourceOptions options) {
    super(TYPE, name, args, options);
  }

  /** The object: apiVersion and kind fixed, metadata and spec from the caller. */
  public static final class Args extends ResourceArgs {
    @Import(name = "apiVersion")
    private final Output<String> apiVersion = Output.of(API_VERSION);

    @Import(name = "kind")
    private final Output<String> kind = Output.of(KIND);

    @Import(name = "metadata")
    private final ObjectMetaArgs metadata;

    @Import(name = "spec", required = true)
    private final Spec spec;

    public Args(ObjectMetaArgs metadata, Spec spec) {
      this.metadata = metadata;
      this.spec = spec;
    }
  }

  /**
   * {@code spec}: the target group, how its targets are addressed ({@code ip}: pod IPs, as the
   * target group was created), and the Service whose endpoints are registered.
   */
  public static final class Spec extends ResourceArgs {
    @Import(name = "targetGroupARN", required = true)
    private final Output<String> targetGroupArn;

    @Import(name = "targetType")
    private final Output<String> targetType;

    @Import(name = "serviceRef", required = true)
    private final ServiceReference serviceRef;

    public Spec(Output<String> targetGroupArn, String targetType, ServiceReference serviceRef) {
      this.targetGroupArn = targetGroupArn;
      this.targetType = Output.of(targetType);
      this.serviceRef = serviceRef;
    }
  }

  /** {@code spec.serviceRef}: a Service in the binding's namespace and one of its ports. */
  public static final class ServiceReference extends ResourceArgs {
    @Import(name = "name", required = true)
    private final Output<String> name;

    @Import(name = "port", required = true)
    private final Output<Integer> port;

    public ServiceReference(String name, int port) {
      this.name = Output.of(name);
      this.port = Output.of(port);
    }
  }
}
