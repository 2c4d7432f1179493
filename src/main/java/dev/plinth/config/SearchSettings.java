package dev.plinth.config;

/**
 * Search and analytics on Amazon OpenSearch Service ({@code plinth:search}): seed 001 gives the
 * large production tier (10,000+ concurrent users) an Elasticsearch cluster of 3 nodes of 8 vCPU
 * and 32 GB "for search and analytics"; seed 003 lists Elasticsearch among the platform's services.
 * Off in every preset; prod's large tier turns it on ({@link Tier#overlay}), and a stack file may
 * still turn it off or on.
 *
 * @param enabled build the domain; false in every environment, true in prod with {@code
 *     plinth:tier: large} (seed 001: the large tier only)
 * @param engineVersion {@code OpenSearch_3.3}: AWS's "Features by engine version in Amazon
 *     OpenSearch Service" (Developer Guide, read 2026-12-02) lists features needing 3.3, the newest
 *     engine it names; the form is the opensearch 2021-01-01 model's VersionString pattern
 * @param instanceType data nodes: m6g.2xlarge.search, 8 vCPU and 32 GiB (seed 001 large: 8 vCPUs,
 *     32 GB RAM; the type is in the opensearch model's OpenSearchPartitionInstanceType enum)
 * @param instanceCount data nodes: 3 (seed 001 large: 3 instances), a multiple of {@code zoneCount}
 *     so that each zone holds as many
 * @param zoneCount availability zones the domain spreads over: 3 (seed 001: multi-AZ; the model's
 *     ZoneAwarenessConfig allows 2 or 3, and inside a VPC one subnet per zone)
 * @param dedicatedMasterType dedicated master nodes: m6g.large.search, 2 vCPU and 8 GiB (the
 *     smallest general-purpose Graviton type of the model's enum; masters hold no data)
 * @param dedicatedMasterCount 3 (the model's ClusterConfig.DedicatedMasterCount: "greater than 2
 *     and not 4"; checkov CKV_AWS_318: at least three dedicated masters)
 * @param volumeGb gp3 storage per data node: 100 GB (assumption: the seeds give no index size)
 */
public record SearchSettings(
    boolean enabled,
    String engineVersion,
    String instanceType,
    int instanceCount,
    int zoneCount,
    String dedicatedMasterType,
    int dedicatedMasterCount,
    int volumeGb) {

  /** The same settings, the domain built or not. */
  public SearchSettings withEnabled(boolean on) {
    return new SearchSettings(
        on,
        engineVersion,
        instanceType,
        instanceCount,
        zoneCount,
        dedicatedMasterType,
        dedicatedMasterCount,
        volumeGb);
  }

  /** The documented defaults of each environment: the same everywhere, off. */
  public static SearchSettings preset(Environment env) {
    return new SearchSettings(
        false, "OpenSearch_3.3", "m6g.2xlarge.search", 3, 3, "m6g.large.search", 3, 100);
  }
}
