package dev.plinth.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.review.AccountCheck.Failure;
import dev.plinth.review.AccountCheck.Stack;
import dev.plinth.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three real stack files, deployed into one account as docs/deploy.md has it. */
public class RealStacksAccountTest {

  /**
   * What the account check finds in the three stacks today, each as the start of its message. Issue
   * 14 items 4, 5 and 15 fix these in the program (compute/Registry.java, observability/
   * AuditTrail.java, network/*); when those fixes land, this list MUST become empty: the real
   * stacks then pass the account check, which is what this test is for.
   */
  public static final List<String> KNOWN_TODAY =
      List.of(
          "ECR repository app-api (aws:ecr/repository:Repository name) is created by dev"
              + " (dev-registry-app-api) and staging (staging-registry-app-api) and prod"
              + " (prod-registry-app-api) in account default, us-east-1",
          "ECR repository app-worker (aws:ecr/repository:Repository name) is created by dev"
              + " (dev-registry-app-worker) and staging (staging-registry-app-worker) and prod"
              + " (prod-registry-app-worker) in account default, us-east-1",
          "GuardDuty detector is created by staging (staging-audit-guardduty) and prod"
              + " (prod-audit-guardduty) in account default, us-east-1",
          "Elastic IP addresses in account default, us-east-1: dev 1 + staging 1 + prod 3 = 5,"
              + " which reaches the default quota of 5 per Region");

  static AccountCheck.Result realStacks() {
    return AccountCheck.check(
        List.of("dev", "staging", "prod").stream()
            .map(s -> Stack.of(Plans.stackFile(s), Plans.ofStack(s)))
            .toList());
  }

  @Test
  void theRealStacksShareOneAccountAndCollideOnlyWhereIssue14StillHasToFixThem() {
    var result = realStacks();

    assertThat(result.stacks())
        .extracting(Stack::account, Stack::region)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("default", "us-east-1"));
    List<String> found = result.failures().stream().map(Failure::message).toList();
    assertThat(found).as("account check failures of the real stacks").hasSize(KNOWN_TODAY.size());
    for (int i = 0; i < KNOWN_TODAY.size(); i++) {
      assertThat(found.get(i)).startsWith(KNOWN_TODAY.get(i));
    }
    assertThat(result.passes()).isEqualTo(KNOWN_TODAY.isEmpty());
  }

  @Test
  void prodsDisasterRecoveryVaultCountsInTheDrRegionNotTheStacksRegion() {
    Stack prod = Stack.of(Plans.stackFile("prod"), Plans.ofStack("prod"));
    java.util.function.Function<String, Stack> vaultIn =
        region ->
            new Stack(
                "other",
                "default",
                region,
                new dev.plinth.testing.GraphBuilder("other")
                    .component("plinth:test:Component", "other-c")
                    .add(
                        dev.plinth.policy.Types.BACKUP_VAULT,
                        "other-vault",
                        "{name: 'plinth-prod-dr'}")
                    .build());

    assertThat(AccountCheck.check(List.of(prod, vaultIn.apply("us-west-2"))).failures())
        .extracting(Failure::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("backup vault plinth-prod-dr")
                    .contains("prod (prod-backups-dr-vault) and other (other-vault)")
                    .contains("in account default, us-west-2"));
    assertThat(AccountCheck.check(List.of(prod, vaultIn.apply("us-east-1"))).failures())
        .extracting(Failure::message)
        .noneMatch(m -> m.startsWith("backup vault"));
  }

  @Test
  void theRealStacksNamesThatAreNotKnownCollisionsAreUniquePerAccount() {
    // Every name the real stacks set and the check knows, apart from the known collisions,
    // exists once: the table covers what the program names (budgets, dashboards, trails, log
    // groups, secrets, KMS aliases, EKS clusters, backup vaults, alarms) and finds it distinct.
    var result = realStacks();
    long namedChecks =
        AccountCheck.NAMES.stream()
            .filter(
                n ->
                    result.stacks().stream()
                        .anyMatch(
                            s ->
                                s.graph().ofType(n.type()).stream()
                                    .anyMatch(r -> r.input(n.input()).isPresent())))
            .count();
    assertThat(namedChecks).as("kinds of explicit name the real stacks set").isGreaterThan(10);
    assertThat(result.failures())
        .filteredOn(f -> f.check().equals("unique name"))
        .allSatisfy(f -> assertThat(f.message()).startsWith("ECR repository"));
  }
}
