package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped pair behind the CDN, judged by the rules that lock an origin: prod's load balancer is
 * fronted through the pair's origin record by prod's distribution, prod-dr's by its origin record
 * (the distribution is prod's), so CDN-06 judges both and WAF-01 accepts them only while they are
 * locked to CloudFront.
 */
class CdnPairPolicyTest {
  static final String LB = "aws:lb/loadBalancer:LoadBalancer";
  static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

  @Test
  void bothLoadBalancersOfThePairAreJudgedAsFrontedAndPassTheOriginLockAndTheWafRule() {
    for (String stack : List.of("prod", "prod-dr")) {
      ResourceGraph plan = Plans.ofStack(stack);
      PolicyContext ctx = new PolicyContext(plan, Environment.PROD);
      RecordedResource lb = plan.get(LB, stack + "-edge-lb-alb");

      assertThat(CdnRules.fronted(lb, ctx)).as("CDN-06 applies to %s", lb).isTrue();
      assertThat(CdnRules.originLocked().check().problems(lb, ctx))
          .as("CDN-06 on %s", lb)
          .isEmpty();
      assertThat(EdgeRules.wafAssociated().check().problems(lb, ctx))
          .as("WAF-01 on %s", lb)
          .isEmpty();
    }
  }

  @Test
  void prodsDistributionIsFoundThroughTheOriginRecordAndProdDrHasNone() {
    ResourceGraph prod = Plans.ofStack("prod");
    RecordedResource lb = prod.get(LB, "prod-edge-lb-alb");
    List<RecordedResource> fronting =
        CdnRules.frontingDistributions(lb, new PolicyContext(prod, Environment.PROD));

    assertThat(fronting)
        .extracting(RecordedResource::name)
        .containsExactly("prod-edge-cdn-distribution");
    assertThat(fronting.get(0).text("origins.0.domainName")).isEqualTo("origin.app.example.com");
    assertThat(Plans.ofStack("prod-dr").ofType(DISTRIBUTION))
        .as("distributions of the standby (its primary's serves the pair)")
        .isEmpty();
  }

  @Test
  void aStandbysLoadBalancerOpenToTheInternetIsNotBehindTheCdn() {
    ResourceGraph plan = Plans.ofStack("staging");
    // staging stands alone: no pair's origin record, so only its own distribution fronts it.
    RecordedResource lb = plan.get(LB, "staging-edge-lb-alb");
    PolicyContext ctx = new PolicyContext(plan, Environment.STAGING);
    assertThat(CdnRules.originRecords(lb, ctx)).isEmpty();
    assertThat(CdnRules.fronted(lb, ctx)).isTrue();
  }
}
