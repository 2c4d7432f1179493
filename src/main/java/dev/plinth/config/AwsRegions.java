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
 * other partitions (China, GovCloud, the isolated ones) exist but are refused with their own
 * message: Plinth writes {@code arn:aws:} ARNs (AWS-managed policies, service-linked roles), which
 * those partitions do not have. The partition of a region comes from the same module's endpoints
 * metadata ({@code software/amazon/awssdk/regions/internal/region/endpoints.json}: {@code
 * partitions[].partition} and its {@code regions}, else the partition whose {@code regionRegex}
 * matches), read only for a region outside the common few.
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

  /**
   * Regions known to be in the standard partition without reading the metadata: those whose id
   * starts with none of the other partitions' prefixes is not enough (a new partition may come), so
   * this is only a fast path for the regions the stacks use; every other id is looked up.
   */
  private static final Set<String> STANDARD = Set.of("us-east-1", "us-east-2", "us-west-2");

  /** Where a user finds the regions their account can use. */
  static final String WHERE =
      "`aws account list-regions` lists the regions of your account (Account Management API"
          + " ListRegions)";

  /** The only partition Plinth deploys to: its ARNs are {@code arn:aws:...}. */
  static final String PARTITION = "aws";

  private static final String ENDPOINTS =
      "/software/amazon/awssdk/regions/internal/region/endpoints.json";

  private AwsRegions() {}

  /**
   * The partition a region belongs to, from the SDK's endpoints metadata; empty if none names it.
   */
  static Optional<String> partition(String region) {
    try (var in = Region.class.getResourceAsStream(ENDPOINTS)) {
      if (in == null) {
        throw new IllegalStateException(
            "the AWS SDK's endpoints metadata " + ENDPOINTS + " is missing");
      }
      JsonNode partitions = dev.plinth.Json.MAPPER.readTree(in).path("partitions");
      for (JsonNode p : partitions) {
        if (p.path("regions").has(region)) {
          return Optional.of(p.path("partition").asText());
        }
      }
      // A region newer than the metadata's list (the SDK knows me-west-1 before its endpoints
      // list does): the partition whose regionRegex, from the same metadata, matches it.
      for (JsonNode p : partitions) {
        if (java.util.regex.Pattern.matches(p.path("regionRegex").asText("(?!)"), region)) {
          return Optional.of(p.path("partition").asText());
        }
      }
      return Optional.empty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The problem with {@code node} as the region setting {@code key}, if any. */
  public static Optional<ConfigProblem> check(String key, JsonNode node) {
    if (node.isTextual() && IDS.contains(node.asText())) {
      String region = node.asText();
      // The SDK's Region constants of the standard partition are the common case: only another
      // partition's region pays for reading the metadata.
      if (STANDARD.contains(region)) {
        return Optional.empty();
      }
      String partition = partition(region).orElse("(none)");
      if (partition.equals(PARTITION)) {
        return Optional.empty();
      }
      return Optional.of(
          ConfigProblem.of(
              key,
              "is a region of the "
                  + partition
                  + " partition; Plinth deploys to the aws partition only (its IAM policy and"
                  + " role ARNs are arn:aws:...)",
              region));
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
