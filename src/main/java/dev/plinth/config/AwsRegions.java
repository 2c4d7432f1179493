package dev.plinth.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS regions that exist, from the AWS SDK for Java v2's generated region list ({@code
 * software.amazon.awssdk:regions}, version from the BOM {@code software.amazon.awssdk:bom:2.59.1},
 * pom.xml; {@code Region.regions()}, generated from the SDK's endpoints metadata at each release).
 * Its pseudo-regions for global endpoints ({@code aws-global}, {@code aws-cn-global}, ...: {@code
 * Region.isGlobalRegion()}) are not regions a stack can live in and are left out. Regions of the
 * other partitions (China, GovCloud, the isolated ones) exist and are accepted.
 *
 * <p>Only {@code Region} is used: {@code RegionMetadata} and {@code PartitionMetadata} load the
 * SDK's metadata loader, which needs SLF4J; the region ids are all a check needs.
 */
public final class AwsRegions {
  /** Every region id a stack may name, sorted. */
  public static final Set<String> IDS =
      Region.regions().stream()
          .filter(r -> !r.isGlobalRegion())
          .map(Region::id)
          .collect(Collectors.toCollection(TreeSet::new));

  /** Where a user finds the regions their account can use. */
  static final String WHERE =
      "`aws account list-regions` lists the regions of your account (Account Management API"
          + " ListRegions)";

  private AwsRegions() {}

  /** The problem with {@code node} as the region setting {@code key}, if any. */
  public static Optional<ConfigProblem> check(String key, JsonNode node) {
    if (node.isTextual() && IDS.contains(node.asText())) {
      return Optional.empty();
    }
    String value = node.isTextual() ? node.asText() : node.toString();
    List<String> near = near(value);
    String rule =
        near.isEmpty()
            ? "must be an AWS region such as us-east-1 or eu-west-1; " + WHERE
            : "must be an AWS region; did you mean " + or(near) + "?";
    return Optional.of(ConfigProblem.of(key, rule, node.isTextual() ? value : node));
  }

  private static String or(List<String> names) {
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1);
  }

  /**
   * The region ids nearest to {@code value} (ignoring case), if within two edits: those at the
   * smallest distance, at most three, by name.
   */
  static List<String> near(String value) {
    LevenshteinDistance distance = new LevenshteinDistance(2);
    String lower = value.strip().toLowerCase(Locale.ROOT);
    record Near(String id, int edits) {}
    List<Near> within =
        IDS.stream()
            .map(id -> new Near(id, distance.apply(lower, id)))
            .filter(n -> n.edits() >= 0)
            .toList();
    int best = within.stream().mapToInt(Near::edits).min().orElse(-1);
    return within.stream().filter(n -> n.edits() == best).map(Near::id).sorted().limit(3).toList();
  }
}
