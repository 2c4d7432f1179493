package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of seed 001's scaling formulas and of the tier a load picks. */
class CapacityProperties {

  @Property
  void appReplicasAreTheSmallestCountWhoseFiveHundredsCoverTheLoad(
      @ForAll @IntRange(min = 1, max = 2_000_000) int users) {
    int replicas = Capacity.appReplicas(users);

    assertThat((long) replicas * 500)
        .as("%d replicas serve %d users", replicas, users)
        .isGreaterThanOrEqualTo(users);
    assertThat((long) (replicas - 1) * 500).as("one fewer does not").isLessThan(users);
  }

  @Property
  void connectionsAreOneAndAHalfPerUserRoundedUp(
      @ForAll @IntRange(min = 1, max = 2_000_000) int users) {
    long connections = Capacity.dbConnections(users);

    assertThat(connections * 2).isGreaterThanOrEqualTo(users * 3L);
    assertThat((connections - 1) * 2).isLessThan(users * 3L);
  }

  @Property
  void redisMemoryIsATenthOfAMegabytePerUser(
      @ForAll @IntRange(min = 1, max = 2_000_000) int users) {
    assertThat(Capacity.redisBytes(users)).isEqualTo(users * 100_000L);
  }

  @Property
  void theTierALoadPicksCoversIt(@ForAll @IntRange(min = 1, max = 2_000_000) int users) {
    Tier tier = Tier.forUsers(users);

    assertThat(tier)
        .as("%d users", users)
        .isEqualTo(users <= 1_000 ? Tier.SMALL : users <= 10_000 ? Tier.MEDIUM : Tier.LARGE);
    assertThat(Tier.resolve(null, users, Tier.MEDIUM).tier()).isEqualTo(tier);
    assertThat(Tier.resolve(tier, users, null).problem())
        .as("a tier agreeing with its load")
        .isEmpty();
  }

  @Property
  void moreUsersNeverPickASmallerTier(
      @ForAll @IntRange(min = 1, max = 1_000_000) int users,
      @ForAll @IntRange(min = 0, max = 1_000_000) int more) {
    assertThat(Tier.forUsers(users + more).ordinal())
        .isGreaterThanOrEqualTo(Tier.forUsers(users).ordinal());
  }

  @Property
  void maxConnectionsNeverExceedsRdsCeilingAndGrowsWithMemory(
      @ForAll("classes") String instanceClass) {
    int max = InstanceMemory.maxConnections(instanceClass).getAsInt();
    int gib = InstanceMemory.rdsGib(instanceClass).getAsInt();

    assertThat(max).isBetween(1, 5000);
    assertThat(max).isEqualTo((int) Math.min(5000, gib * 1024L * 1024 * 1024 / 9_531_392L));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> classes() {
    return net.jqwik.api.Arbitraries.of(InstanceMemory.rdsClasses());
  }
}
