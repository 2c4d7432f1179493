package dev.plinth.search;

import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.SearchSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Pure checks of {@code plinth:search}, and of what it needs from {@code plinth:network}. */
public final class SearchValidation {
  static final String KEY = "plinth:search";

  /** The rules of plinth:search as one check of the loader; dev.plinth.Checks lists it. */
  public static final ConfigCheck CHECK =
      config -> {
        List<ConfigProblem> problems =
            new ArrayList<>(validate(config.search(), config.network().azCount()));
        problems.addAll(forTier(config.search(), config.tier()));
        return problems;
      };

  /** The zones the large tier's domain needs: three (issue 21: zone awareness across three). */
  static final int LARGE_TIER_ZONES = 3;

  /**
   * A domain of prod's large tier spreads over {@link #LARGE_TIER_ZONES} zones: seed 001's large
   * tier runs across availability zones, and two zones leave a third of the nodes without a place
   * when one zone is lost.
   */
  static List<ConfigProblem> forTier(SearchSettings s, dev.plinth.config.Tier tier) {
    if (s.enabled() && tier == dev.plinth.config.Tier.LARGE && s.zoneCount() < LARGE_TIER_ZONES) {
      return List.of(
          ConfigProblem.of(
              KEY + ".zoneCount",
              "must be "
                  + LARGE_TIER_ZONES
                  + " for plinth:tier large (the large tier's domain spreads over three zones)",
              s.zoneCount()));
    }
    return List.of();
  }

  /**
   * An OpenSearch engine version: the opensearch 2021-01-01 model's VersionString pattern, its
   * OpenSearch half (Elasticsearch engines lack features Plinth relies on, such as audit logs).
   */
  static final Pattern ENGINE = Pattern.compile("OpenSearch_[0-9]{1,2}\\.[0-9]{1,2}");

  /**
   * The form of an OpenSearch Service instance type ({@code m6g.2xlarge.search}). Only the form:
   * the model's OpenSearchPartitionInstanceType enum (botocore 1.43.11, and the AWS SDK for Java
   * 2.59.1 alike) lacks types AWS sells, such as m7g and r7g, so a list from it would refuse them.
   */
  static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9]*\\.[a-z0-9]+\\.search");

  private SearchValidation() {}

  /**
   * @param azCount the zones the network spreads over ({@code plinth:network.azCount}): the domain
   *     needs one private subnet per zone it uses
   */
  public static List<ConfigProblem> validate(SearchSettings s, int azCount) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!ENGINE.matcher(s.engineVersion()).matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".engineVersion",
              "must be an OpenSearch engine version such as OpenSearch_3.3",
              s.engineVersion()));
    }
    type(problems, KEY + ".instanceType", s.instanceType());
    type(problems, KEY + ".dedicatedMasterType", s.dedicatedMasterType());
    // ZoneAwarenessConfig.AvailabilityZoneCount: "Valid values are 2 and 3" (opensearch
    // 2021-01-01); 1 is a domain without zone awareness, which Plinth does not build.
    if (s.zoneCount() < 2 || s.zoneCount() > 3) {
      problems.add(
          ConfigProblem.of(
              KEY + ".zoneCount", "must be 2 or 3 (OpenSearch zone awareness)", s.zoneCount()));
    } else if (s.enabled() && s.zoneCount() > azCount) {
      problems.add(
          ConfigProblem.of(
              KEY + ".zoneCount",
              "must not exceed plinth:network.azCount ("
                  + azCount
                  + "): in a VPC the domain takes one private subnet per zone",
              s.zoneCount()));
    }
    if (s.instanceCount() < s.zoneCount() || s.instanceCount() % Math.max(1, s.zoneCount()) != 0) {
      problems.add(
          ConfigProblem.of(
              KEY + ".instanceCount",
              "must be a multiple of plinth:search.zoneCount ("
                  + s.zoneCount()
                  + ") and at least that many, so that every zone holds as many data nodes",
              s.instanceCount()));
    }
    // ClusterConfig.DedicatedMasterCount: "must be greater than 2 and not 4" (opensearch
    // 2021-01-01); AWS recommends an odd number, 3 or 5.
    if (s.dedicatedMasterCount() != 3 && s.dedicatedMasterCount() != 5) {
      problems.add(
          ConfigProblem.of(
              KEY + ".dedicatedMasterCount",
              "must be 3 or 5 (OpenSearch: more than 2 and not 4)",
              s.dedicatedMasterCount()));
    }
    // Plinth's floor, not AWS's: the per-type EBS limits ("EBS volume size quotas", Developer
    // Guide) depend on the instance type and are left to the API.
    if (s.volumeGb() < 10) {
      problems.add(ConfigProblem.of(KEY + ".volumeGb", "must be at least 10 (GB)", s.volumeGb()));
    }
    return problems;
  }

  private static void type(List<ConfigProblem> problems, String key, String value) {
    if (value == null || !INSTANCE_TYPE.matcher(value).matches()) {
      problems.add(
          ConfigProblem.of(
              key,
              "must be an OpenSearch Service instance type such as m6g.2xlarge.search",
              value));
    }
  }
}
