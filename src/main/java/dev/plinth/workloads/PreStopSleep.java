package dev.plinth.workloads;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleArgs;
import com.pulumi.resources.ResourceArgs;

/**
 * A container's {@code lifecycle} whose {@code preStop} hook is the kubelet's sleep action (core/v1
 * LifecycleHandler.sleep, SleepAction.seconds; KEP-3960, stable in Kubernetes 1.34): the container
 * keeps serving while the load balancer stops sending to it, without needing a {@code sleep} binary
 * in the image. {@code com.pulumi:kubernetes} 4.0.0's LifecycleHandlerArgs predates the sleep
 * action (it has exec, httpGet and tcpSocket only), so this is our own input type, as {@link
 * TargetGroupBinding} is: the SDK serialises inputs by their {@code @Import} fields, and the schema
 * test validates the result against the Kubernetes models.
 */
final class PreStopSleep extends ResourceArgs {
  @Import(name = "preStop")
  private final Handler preStop;

  PreStopSleep(int seconds) {
    this.preStop = new Handler(seconds);
  }

  /** {@code preStop}: only the sleep action. */
  static final class Handler extends ResourceArgs {
    @Import(name = "sleep")
    private final Sleep sleep;

    Handler(int seconds) {
      this.sleep = new Sleep(seconds);
    }
  }

  /** {@code preStop.sleep}. */
  static final class Sleep extends ResourceArgs {
    @Import(name = "seconds", required = true)
    private final Output<Integer> seconds;

    Sleep(int seconds) {
      this.seconds = Output.of(seconds);
    }
  }

  /**
   * As the container builder's {@code lifecycle} input. The cast only changes the static type: the
   * SDK serialises the value it holds.
   */
  @SuppressWarnings("unchecked")
  Output<LifecycleArgs> asLifecycle() {
    return (Output<LifecycleArgs>) (Output<?>) Output.of(this);
  }
}
