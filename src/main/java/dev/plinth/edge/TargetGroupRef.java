package dev.plinth.edge;

import com.pulumi.core.Output;

/**
 * The load balancer's target group, for what registers targets in it (the application's
 * TargetGroupBinding) and what watches it (alarms on its ARN suffix).
 *
 * @param arn the target group's ARN
 * @param arnSuffix the {@code targetgroup/...} part CloudWatch's {@code TargetGroup} dimension
 *     takes
 * @param deregistrationDelaySeconds how long it drains a target before removing it; the pods' grace
 *     period must outlast it
 */
public record TargetGroupRef(
    Output<String> arn, Output<String> arnSuffix, int deregistrationDelaySeconds) {}
