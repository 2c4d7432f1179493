package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.pulumi.test.Mocks;
import dev.plinth.Platform;
import dev.plinth.config.PlatformConfig;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What the program asks the cloud, seen through a Mockito mock that hands every call on to the
 * {@link MockCloud} the plan uses: only the invokes it is meant to make, each through the stack's
 * explicit AWS provider; and how a plan reads when the account answers differently.
 */
class InvokesTest {
  private static final String CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";
  private static final String PARTITION = "aws:index/getPartition:getPartition";
  private static final String ZONES = "aws:index/getAvailabilityZones:getAvailabilityZones";
  private static final String PARAMETER = "aws:ssm/getParameter:getParameter";

  private static Mocks cloudOf(PlatformConfig config) {
    return mock(Mocks.class, delegatesTo(new MockCloud(config.region())));
  }

  private static ResourceGraph plan(PlatformConfig config, Mocks cloud) {
    return Recorder.run(config.stack(), cloud, ctx -> Platform.deploy(ctx, config));
  }

  private static Mocks.CallArgs invokeOf(String token) {
    return argThat(call -> call != null && call.token.equals(token));
  }

  /** The prod plan, run once against a delegating mock that the tests below inspect. */
  private static Mocks prodCloud;

  @BeforeAll
  static void planProd() {
    PlatformConfig prod = Plans.stackFile("prod");
    prodCloud = cloudOf(prod);
    plan(prod, prodCloud);
  }

  @Test
  void theProdPlanInvokesCallerIdentityPartitionZonesAndTheImageOnceEachAndNothingElse() {
    // AwsContext asks the account id and partition once; Network asks the zones once.
    verify(prodCloud, times(1)).callAsync(invokeOf(CALLER_IDENTITY));
    verify(prodCloud, times(1)).callAsync(invokeOf(PARTITION));
    verify(prodCloud, times(1)).callAsync(invokeOf(ZONES));
    // The operator access resolves its Amazon Linux 2023 image once, from the public parameter.
    verify(prodCloud, times(1)).callAsync(invokeOf(PARAMETER));
    verify(prodCloud, atLeastOnce()).newResourceAsync(any());
    // Any other invoke (a getPolicyDocument, a getAmi, getRegion...) is an interaction left over.
    verifyNoMoreInteractions(prodCloud);
  }

  @Test
  void everyInvokeOfTheProdPlanGoesThroughTheStacksExplicitAwsProvider() {
    ArgumentCaptor<Mocks.CallArgs> calls = ArgumentCaptor.forClass(Mocks.CallArgs.class);
    verify(prodCloud, atLeastOnce()).callAsync(calls.capture());
    assertThat(calls.getAllValues())
        .allSatisfy(
            call ->
                assertThat(call.provider)
                    .as("provider of invoke %s", call.token)
                    .startsWith("urn:pulumi:prod::")
                    .contains(MockCloud.AWS_PROVIDER + "::prod-aws::"));
  }

  @Test
  void anAccountWithTwoZonesFailsTheProdPlanNamingAzCountAndTheZonesItHas() {
    PlatformConfig prod = Plans.stackFile("prod");
    Mocks cloud = cloudOf(prod);
    Map<String, Object> twoZones =
        Map.of(
            "names", List.of("us-east-1a", "us-east-1b"),
            "zoneIds", List.of("use1-az1", "use1-az2"),
            "groupNames", List.of("us-east-1"),
            "id", "us-east-1");
    doReturn(CompletableFuture.completedFuture(twoZones)).when(cloud).callAsync(invokeOf(ZONES));

    assertThatThrownBy(() -> plan(prod, cloud))
        .isInstanceOf(Recorder.PlanFailure.class)
        .hasMessageContaining(
            "plinth:network.azCount is 3 but region us-east-1 has only 2 available zones EKS"
                + " supports: [use1-az1, use1-az2]");
  }
}
