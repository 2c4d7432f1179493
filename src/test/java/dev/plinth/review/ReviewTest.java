package dev.plinth.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.policy.FixturesAccess;
import dev.plinth.policy.PolicyMode;
import dev.plinth.testing.GraphBuilder;
import dev.plinth.testing.Plans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The gates over a whole platform: what {@code plan} prints and its exit code. */
class ReviewTest {

  static String print(Review review) {
    var bytes = new ByteArrayOutputStream();
    review.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSingleAzDatabaseInProdExitsThreeNamingRuleAndResource() {
    GraphBuilder platform = FixturesAccess.compliant("prod");
    platform.set("prod-db-primary", "multiAz", "false");
    Review review = Review.of(platform.build(), Plans.config("prod"), PolicyMode.ENFORCE);

    assertThat(review.exitCode()).isEqualTo(Review.POLICY_VIOLATIONS);
    assertThat(print(review))
        .contains("FAIL mandatory RDS-03 (Multi-AZ)")
        .contains("prod-db-primary: is a single-AZ database in prod; fix: set multiAz true");
  }

  @Test
  void theSameDatabaseUnderAdvisoryExitsZero() {
    GraphBuilder platform = FixturesAccess.compliant("prod");
    platform.set("prod-db-primary", "multiAz", "false");
    Review review = Review.of(platform.build(), Plans.config("prod"), PolicyMode.ADVISORY);

    assertThat(review.exitCode()).isZero();
    assertThat(print(review)).contains("FAIL mandatory RDS-03");
  }

  @Test
  void theCompliantPlatformPrintsEveryComponentsCost() {
    Review review =
        Review.of(
            FixturesAccess.compliant("prod").build(), Plans.config("prod"), PolicyMode.ENFORCE);

    assertThat(review.exitCode()).isZero();
    assertThat(print(review))
        .contains("prod-cluster")
        .contains("prod-db")
        .contains("prod-cache")
        .contains("prod-edge-lb")
        .contains("prod-edge-waf")
        .contains("within the budget of $4,000.00");
  }
}
