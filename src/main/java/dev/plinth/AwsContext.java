package dev.plinth;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

/**
 * What every component needs to know about the AWS account it deploys into, asked once: the account
 * id and partition (invokes, answered by the mocks offline) and the region (config), plus the
 * explicit provider that carries the region and default tags, and the stack whose name the
 * account-wide and region-wide physical names carry ({@link #name}).
 *
 * @param stack the Pulumi stack name: {@code prod} for prod, {@code prod-dr} for its standby, so
 *     that two stacks of one environment in one account share no physical name (issue 17); for dev,
 *     staging and prod the stack name is the environment's, so their names are unchanged
 */
public record AwsContext(
    Provider provider,
    String region,
    String stack,
    Output<String> accountId,
    Output<String> partition) {

  /**
   * A physical name unique to this stack in the account: {@code plinth-<stack><suffix>} ({@code
   * plinth-prod-monthly}).
   */
  public String name(String suffix) {
    return "plinth-" + stack + suffix;
  }

  public static AwsContext of(Provider provider, String region, String stack) {
    InvokeOptions invoke = new InvokeOptions(null, provider, null);
    Output<String> accountId =
        AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke)
            .applyValue(GetCallerIdentityResult::accountId);
    Output<String> partition =
        AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke)
            .applyValue(GetPartitionResult::partition);
    return new AwsContext(provider, region, stack, accountId, partition);
  }

  public InvokeOptions invokeOptions() {
    return new InvokeOptions(null, provider, null);
  }
}
