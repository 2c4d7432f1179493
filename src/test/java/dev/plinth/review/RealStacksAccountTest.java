package dev.plinth.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.review.AccountCheck.Failure;
import dev.plinth.review.AccountCheck.Stack;
import dev.plinth.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three real stack files, deployed into one account as docs/deploy.md has it. */
public class RealStacksAccountTest {

  static AccountCheck.Result realStacks() {
    return AccountCheck.check(
        List.of("dev", "staging", "prod").stream()
            .map(s -> Stack.of(Plans.stackFile(s), Plans.ofStack(s)))
            .toList());
  }

  @Test
  void theRealStacksShareOneAccountWithoutCollidingOnNamesSingletonsOrQuotas() {
    var result = realStacks();

    assertThat(result.stacks())
        .extracting(Stack::account, Stack::region)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("default", "us-east-1"));
    assertThat(result.failures())
        .as("account check failures of the real stacks")
        .extracting(Failure::message)
        .isEmpty();
    assertThat(result.passes()).isTrue();
  }

  @Test
  void withTheDefaultElasticIpQuotaTheThreeStacksWouldFillTheRegion() {
    // What the stack files' plinth:quotas.elasticIps declares (docs/deploy.md, step 1): without
    // the raised quota, dev 1 + staging 1 + prod 3 addresses reach AWS's default of 5, and a
    // NAT gateway could no longer be replaced (Pulumi creates the new one first).
    var defaults =
        AccountCheck.check(
            realStacks().stacks().stream()
                .map(s -> new Stack(s.name(), s.account(), s.region(), s.graph()))
                .toList());

    assertThat(defaults.failures())
        .extracting(Failure::message)
        .singleElement()
        .asString()
        .startsWith(
            "Elastic IP addresses in account default, us-east-1: dev 1 + staging 1 + prod 3 = 5,"
                + " which reaches the default quota of 5 per Region");
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
