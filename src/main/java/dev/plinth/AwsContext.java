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
 * explicit provider that carries the region and default tags.
 */
public record AwsContext(
    Provider provider, String region, Output<String> accountId, Output<String> partition) {

  public static AwsContext of(Provider provider, String region) {
    InvokeOptions invoke = new InvokeOptions(null, provider, null);
    Output<String> accountId =
        AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke)
            .applyValue(GetCallerIdentityResult::accountId);
    Output<String> partition =
        AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke)
            .applyValue(GetPartitionResult::partition);
    return new AwsContext(provider, region, accountId, partition);
  }

  public InvokeOptions invokeOptions() {
    return new InvokeOptions(null, provider, null);
  }
}
