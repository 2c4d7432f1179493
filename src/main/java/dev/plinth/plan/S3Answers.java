package dev.plinth.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** S3's answers: a bucket's id is its name; its ARN and domain names follow from it. */
final class S3Answers {
  private S3Answers() {}

  static final Set<String> BUCKETS = Set.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket");

  /**
   * The bucket's id: the name given, or Pulumi's auto-name (lower case, as S3 wants); written back
   * as the state's {@code bucket}.
   */
  static String bucketId(String name, Map<String, Object> state) {
    String id =
        String.valueOf(
            state.getOrDefault("bucket", MockValues.generatedName(name).toLowerCase(Locale.ROOT)));
    state.put("bucket", id);
    return id;
  }

  static void bucket(String region, String id, Map<String, Object> state) {
    state.put("arn", "arn:aws:s3:::" + id);
    state.put("bucketDomainName", id + ".s3.amazonaws.com");
    state.put("bucketRegionalDomainName", id + ".s3." + region + ".amazonaws.com");
    state.put("region", region);
  }
}
