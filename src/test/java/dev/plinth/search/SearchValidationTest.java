package dev.plinth.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.ConfigProblem;
import dev.plinth.config.Environment;
import dev.plinth.config.SearchSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchValidationTest {
  static final SearchSettings ON =
      new SearchSettings(
          true, "OpenSearch_3.3", "m6g.2xlarge.search", 3, 3, "m6g.large.search", 3, 100);

  static List<String> messages(SearchSettings s, int azCount) {
    return SearchValidation.validate(s, azCount).stream().map(ConfigProblem::message).toList();
  }

  /**
   * opensearch 2021-01-01 DomainName: 3 to 28 characters, {@code [a-z][a-z0-9\-]+}; the longest
   * stack name the stack name check admits must still give a valid domain name.
   */
  @Test
  void theLongestStackNameGivesADomainNameOfAtMost28Characters() {
    String stack = "s" + "x".repeat(dev.plinth.DrPair.MAX_STACK_NAME - 1);
    String name = SearchDomain.domainName(stack);
    assertThat(name).as("domain name of stack %s", stack).hasSizeLessThanOrEqualTo(28);
    assertThat(name).matches("[a-z][a-z0-9\\-]+");
  }

  @Test
  void everyPresetIsValidAndOffTheSeedsLargeTierSizesAreItsDefaults() {
    for (Environment env : Environment.values()) {
      SearchSettings s = SearchSettings.preset(env);
      assertThat(s.enabled()).as("%s: search is the large tier's, off in presets", env).isFalse();
      assertThat(messages(s, 2)).as("%s preset problems", env).isEmpty();
      // seed 001, Production Large: Elasticsearch, 8 vCPUs, 32 GB RAM, 3 instances.
      assertThat(s.instanceType()).isEqualTo("m6g.2xlarge.search");
      assertThat(s.instanceCount()).isEqualTo(3);
    }
    assertThat(messages(ON, 3)).isEmpty();
  }

  @Test
  void theLargeTiersDomainOnTwoZonesIsRefusedNamingTheKey() {
    var refused =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () ->
                dev.plinth.testing.Plans.config(
                    "prod",
                    java.util.Map.of(
                        "plinth:tier",
                        "large",
                        "plinth:search",
                        java.util.Map.of("zoneCount", 2, "instanceCount", 4))),
            dev.plinth.config.ConfigException.class);
    assertThat(refused.problems())
        .extracting(ConfigProblem::key)
        .as("problems of prod, large tier, search on two zones")
        .containsExactly("plinth:search.zoneCount");
    assertThat(
            SearchValidation.forTier(
                SearchSettings.preset(Environment.PROD).withEnabled(true),
                dev.plinth.config.Tier.LARGE))
        .as("the preset's three zones")
        .isEmpty();
    assertThat(
            SearchValidation.forTier(
                new SearchSettings(
                    true, "OpenSearch_3.3", "m6g.2xlarge.search", 2, 2, "m6g.large.search", 3, 100),
                dev.plinth.config.Tier.MEDIUM))
        .as("two zones outside the large tier")
        .isEmpty();
  }

  @Test
  void aDomainOnMoreZonesThanTheNetworkHasIsRefusedNamingBoth() {
    assertThat(messages(ON, 2))
        .containsExactly(
            "plinth:search.zoneCount must not exceed plinth:network.azCount (2): in a VPC the"
                + " domain takes one private subnet per zone (got 3)");
  }

  @Test
  void dataNodesMustFillEveryZoneAlike() {
    var uneven =
        new SearchSettings(
            true, "OpenSearch_3.3", "m6g.2xlarge.search", 4, 3, "m6g.large.search", 3, 100);
    assertThat(messages(uneven, 3))
        .containsExactly(
            "plinth:search.instanceCount must be a multiple of plinth:search.zoneCount (3) and at"
                + " least that many, so that every zone holds as many data nodes (got 4)");
  }

  @Test
  void badEngineTypesZonesAndMastersAreEachNamed() {
    var bad = new SearchSettings(true, "Elasticsearch_7.10", "m6g.2xlarge", 2, 4, "large", 4, 5);
    assertThat(SearchValidation.validate(bad, 3).stream().map(ConfigProblem::key).toList())
        .containsExactly(
            "plinth:search.engineVersion",
            "plinth:search.instanceType",
            "plinth:search.dedicatedMasterType",
            "plinth:search.zoneCount",
            "plinth:search.instanceCount",
            "plinth:search.dedicatedMasterCount",
            "plinth:search.volumeGb");
  }
}
