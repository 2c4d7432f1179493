package dev.plinth.recovery;

import dev.plinth.config.DrSettings;
import dev.plinth.config.DrSettings.CacheRecovery;
import dev.plinth.config.DrSettings.Mode;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.PlatformConfig;
import dev.plinth.edge.LoadBalancer;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected recovery of a primary and its standby after the primary's region is lost, per part
 * (DNS, API, database, cache, files and backups), against the primary's targets ({@code plinth:dr}:
 * seeds 002 and 003). Pure: it adds up the figures of {@link RecoveryFigures} by the pair's
 * settings (the standby's mode and cache, whether both stacks have a Route 53 hosted zone for the
 * domain) and the Route 53 health check {@link LoadBalancer} creates.
 *
 * <p>The sequence it models (docs/runbooks.md, "Fail over"): the primary's health check fails
 * (interval x threshold); Route 53 answers with the standby's record once that record is healthy (a
 * pilot-light standby only after someone decides to fail over and scales it up: nodes, then pods);
 * the change reaches resolvers after Route 53's propagation and the alias record's TTL. The
 * database is writable once the replica is promoted, after the decision. Without a hosted zone the
 * record is changed by hand.
 */
public final class RecoveryModel {
  private RecoveryModel() {}

  /** Minutes for the primary's health check to turn unhealthy: interval x failure threshold. */
  static final double DETECTION_MINUTES =
      LoadBalancer.HEALTH_CHECK_INTERVAL_SECONDS
          * LoadBalancer.HEALTH_CHECK_FAILURE_THRESHOLD
          / 60.0;

  /**
   * Minutes for a CDN-fronted primary's health check to turn unhealthy: its alarm's evaluation
   * periods x period ({@code LoadBalancer.createMetricHealthCheck}); the check follows the alarm's
   * state.
   */
  static final double ORIGIN_DETECTION_MINUTES =
      LoadBalancer.ORIGIN_ALARM_PERIOD_SECONDS * LoadBalancer.HEALTH_CHECK_FAILURE_THRESHOLD / 60.0;

  /**
   * Minutes for the primary's health check to turn unhealthy: behind the CDN its alarm's, otherwise
   * the HTTPS check's.
   */
  static double detectionMinutes(PlatformConfig primary) {
    return primary.edge().cdn().enabled() ? ORIGIN_DETECTION_MINUTES : DETECTION_MINUTES;
  }

  /** Whether Route 53 fails the domain over by itself: a zone, a domain and the alias record. */
  static boolean automaticDns(EdgeSettings edge) {
    return edge.hostedZoneId() != null && edge.domain() != null && edge.aliasRecord();
  }

  /** The pair's report: the primary's targets, the standby's mode and cache. */
  public static RecoveryReport report(
      PlatformConfig primary, PlatformConfig standby, RecoveryFigures f) {
    DrSettings targets = primary.dr();
    DrSettings pair = standby.dr();
    boolean zone = automaticDns(primary.edge()) && automaticDns(standby.edge());
    double decision = f.minutes("failover.decision");
    double toResolvers = f.minutes("route53.propagation") + f.minutes("route53.aliasTtl");
    double manualDns = f.minutes("dns.manualChange");
    double scaleUp =
        pair.mode() == Mode.WARM_STANDBY
            ? 0
            : f.minutes("eks.nodesReady") + f.minutes("app.podsReady");
    int api = targets.apiRtoMinutes();
    int rpo = targets.rpoMinutes();

    List<Part> parts = new ArrayList<>();
    double detection = detectionMinutes(primary);
    double dns = zone ? detection + toResolvers : decision + manualDns;
    parts.add(
        new Part(
            "DNS",
            Estimate.of(
                dns,
                api,
                zone
                    ? (primary.edge().cdn().enabled() ? "origin alarm " : "health check ")
                        + minutes(detection)
                        + " + propagation and TTL"
                    : "decision + manual record change (no hosted zone)"),
            Estimate.notApplicable("DNS holds no data")));
    double apiRto = apiRto(zone, pair.mode(), detection, decision, scaleUp, toResolvers, manualDns);
    parts.add(
        new Part(
            "API",
            Estimate.of(apiRto, api, apiBasis(zone, pair.mode())),
            Estimate.notApplicable("the API keeps no state")));
    parts.add(
        new Part(
            "database",
            Estimate.of(
                decision + f.minutes("rds.promoteReadReplica"),
                targets.databaseRtoMinutes(),
                "decision + promotion of the cross-Region replica"),
            Estimate.unknown(
                rpo, "the replica's lag at the failure (ReplicaLag); AWS gives no bound")));
    parts.add(cache(pair.cache(), decision, api, rpo, f));
    parts.add(
        new Part(
            "files/backups",
            Estimate.of(
                0, api, "the replica bucket and the vault copies are in the standby region"),
            Estimate.of(
                f.minutes("s3.crossRegionReplication"),
                rpo,
                "S3 cross-Region replication: most objects within 15 minutes, up to 48 hours")));

    List<String> notes = new ArrayList<>();
    if (!zone) {
      double automatic =
          apiRto(true, pair.mode(), detection, decision, scaleUp, toResolvers, manualDns);
      notes.add(
          "no Route 53 hosted zone for the domain in both stacks (plinth:edge.hostedZoneId,"
              + " plinth:edge.domain): DNS failover is manual, and the API's RTO grows by "
              + minutes(apiRto - automatic)
              + " (assumed "
              + minutes(manualDns)
              + " to change the record at the DNS provider by hand)");
    }
    if (zone && pair.mode() == Mode.PILOT_LIGHT) {
      notes.add(
          "pilot light: Route 53 answers with the standby's record only once its load balancer has"
              + " a healthy target, after the standby is scaled up (docs/runbooks.md)");
    }
    return new RecoveryReport(
        primary.stack(),
        standby.stack(),
        pair.mode().key(),
        pair.cache().key(),
        zone,
        parts,
        notes,
        f);
  }

  /**
   * The API serves from the standby when both its record answers and its pods are ready. With a
   * zone, the record turns once the primary's check fails and the standby is healthy; by hand, both
   * start at the decision.
   */
  static double apiRto(
      boolean zone,
      Mode mode,
      double detection,
      double decision,
      double scaleUp,
      double toResolvers,
      double manualDns) {
    double ready = mode == Mode.WARM_STANDBY ? 0 : decision + scaleUp;
    if (zone) {
      return Math.max(detection, ready) + toResolvers;
    }
    return decision + Math.max(manualDns, scaleUp);
  }

  private static String apiBasis(boolean zone, Mode mode) {
    String standby =
        mode == Mode.WARM_STANDBY
            ? "warm standby: pods already running"
            : "pilot light: decision + nodes + pods";
    return standby + (zone ? "; then propagation and TTL" : "; record changed by hand");
  }

  private static Part cache(
      CacheRecovery cache, double decision, int api, int rpo, RecoveryFigures f) {
    if (cache == CacheRecovery.GLOBAL_DATASTORE) {
      return new Part(
          "cache",
          Estimate.of(
              decision + f.minutes("elasticache.globalDatastorePromote"),
              api,
              "decision + promotion of the global datastore's secondary"),
          Estimate.of(
              f.minutes("elasticache.globalDatastoreLag"),
              rpo,
              "global datastore replication, generally under 1 second"));
    }
    return new Part(
        "cache",
        Estimate.of(
            0, api, "cold: the standby's empty cache serves at once, filled from the database"),
        Estimate.notApplicable("cold: the cache holds no data of record; it is rebuilt"));
  }

  static String minutes(double m) {
    return RecoveryReport.minutes(m);
  }

  /** One part's expected time to recover and data lost. */
  public record Part(String name, Estimate rto, Estimate rpo) {}
}
