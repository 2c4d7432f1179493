package dev.plinth.edge;

import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.EdgeSettings.AccessLogs;
import dev.plinth.config.EdgeSettings.Firewall;
import dev.plinth.config.EdgeSettings.LoadBalancer;
import dev.plinth.config.EdgeSettings.TargetGroup;
import dev.plinth.config.Environment;
import dev.plinth.network.Cidrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure checks of {@code plinth:edge}; each problem names the key, the value and what is allowed.
 */
public final class EdgeValidation {
  static final String KEY = "plinth:edge";

  /**
   * The rules of the edge settings (plinth:edge), as one check of the loader; dev.plinth.Checks
   * lists it with the others.
   */
  public static final ConfigCheck CHECK =
      config -> validate(config.edge(), config.environment(), config.region());

  private static final Pattern HOST =
      Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  /**
   * An ACM certificate's ARN, its region in group 1 (ACM names certificates by a UUID: lower-case
   * hexadecimal digits and hyphens).
   */
  public static final Pattern CERTIFICATE_ARN =
      Pattern.compile("arn:aws[a-z-]*:acm:([a-z0-9-]+):\\d{12}:certificate/[0-9a-f-]+");

  private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");

  /** ELB security policies that negotiate TLS 1.2 or newer only. */
  private static final Pattern TLS12_POLICY =
      Pattern.compile("ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-[A-Za-z0-9-]+");

  private static final Pattern MATCHER = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** The evaluation windows WAF's rate-based rules accept, in seconds. */
  static final Set<Integer> RATE_WINDOWS = Set.of(60, 120, 300, 600);

  private EdgeValidation() {}

  /** The message when an HTTPS stack names no certificate; the tests quote it. */
  static String missingCertificate(String region) {
    return KEY
        + ".domain is not set, and neither is "
        + KEY
        + ".certificateArn: the HTTPS listener needs a certificate. Set "
        + KEY
        + ".domain and "
        + KEY
        + ".hostedZoneId (Plinth requests an ACM certificate for the domain and validates it with"
        + " DNS records in that Route 53 zone), or "
        + KEY
        + ".certificateArn (an existing ACM certificate in "
        // No region when aws:region itself was refused (reported on its own).
        + (region == null ? "the stack's region" : region)
        + "). Only dev may set "
        + KEY
        + ".httpOnly: true instead.";
  }

  /**
   * The hosted zone id the staging and prod stack files carry so that {@code plan} runs offline; it
   * names no real zone.
   */
  public static final String PLACEHOLDER_ZONE_ID = "Z00000000PLACEHOLDER";

  /**
   * Checks that only matter when deploying: a stack file's placeholder zone must be replaced before
   * {@code pulumi up}, or ACM would wait in vain for validation records in a zone that does not
   * exist. The offline plan accepts the placeholder.
   */
  public static List<ConfigProblem> forDeployment(EdgeSettings edge) {
    if (PLACEHOLDER_ZONE_ID.equals(edge.hostedZoneId())) {
      return List.of(
          ConfigProblem.of(
              KEY + ".hostedZoneId",
              "is the stack file's placeholder: before pulumi up, set the id of the Route 53 hosted"
                  + " zone that holds "
                  + edge.domain()
                  + ", or set "
                  + KEY
                  + ".certificateArn instead (docs/settings.md, plinth:edge)",
              edge.hostedZoneId()));
    }
    return List.of();
  }

  public static List<ConfigProblem> validate(
      EdgeSettings edge, Environment environment, String region) {
    List<ConfigProblem> problems = new ArrayList<>();
    certificate(edge, environment, region, problems);
    loadBalancer(edge.loadBalancer(), problems);
    targetGroup(edge.targetGroup(), problems);
    accessLogs(edge.accessLogs(), problems);
    firewall(edge.firewall(), problems);
    return problems;
  }

  private static void certificate(
      EdgeSettings edge, Environment environment, String region, List<ConfigProblem> problems) {
    if (edge.httpOnly() && environment != Environment.DEV) {
      problems.add(
          ConfigProblem.of(
              KEY + ".httpOnly",
              "may be true only in dev; " + environment.key() + " must serve HTTPS",
              true));
    }
    if (edge.httpOnly() && edge.certificateArn() != null) {
      problems.add(
          ConfigProblem.of(
              KEY + ".httpOnly",
              "must be false when " + KEY + ".certificateArn is set (a certificate means HTTPS)",
              true));
    }
    if (edge.domain() != null && !HOST.matcher(edge.domain()).matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".domain",
              "must be a lower-case DNS name like app.example.com",
              edge.domain()));
    }
    for (int i = 0; i < edge.alternativeNames().size(); i++) {
      String name = edge.alternativeNames().get(i);
      String host = name.startsWith("*.") ? name.substring(2) : name;
      if (!HOST.matcher(host).matches()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".alternativeNames[" + i + "]",
                "must be a lower-case DNS name like www.example.com or *.example.com",
                name));
      }
    }
    if (!edge.alternativeNames().isEmpty()
        && (edge.domain() == null || edge.certificateArn() != null)) {
      problems.add(
          ConfigProblem.of(
              KEY + ".alternativeNames",
              "apply only to a certificate Plinth requests, so need "
                  + KEY
                  + ".domain and no "
                  + KEY
                  + ".certificateArn",
              String.join(", ", edge.alternativeNames())));
    }
    if (edge.hostedZoneId() != null && !ZONE_ID.matcher(edge.hostedZoneId()).matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".hostedZoneId",
              "must be a Route 53 hosted zone id like Z0123456789ABCDEFGHIJ",
              edge.hostedZoneId()));
    }
    if (edge.certificateArn() != null) {
      Matcher arn = CERTIFICATE_ARN.matcher(edge.certificateArn());
      if (!arn.matches()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".certificateArn",
                "must be an ACM certificate ARN like arn:aws:acm:"
                    + region
                    + ":123456789012:certificate/<id>",
                edge.certificateArn()));
      } else if (region != null && !arn.group(1).equals(region)) {
        problems.add(
            ConfigProblem.of(
                KEY + ".certificateArn",
                "must be a certificate in the stack's region "
                    + region
                    + " (a load balancer serves only certificates of its own region)",
                edge.certificateArn()));
      }
      return;
    }
    if (edge.httpOnly()) {
      return;
    }
    if (edge.domain() == null) {
      problems.add(new ConfigProblem(KEY + ".domain", missingCertificate(region)));
    } else if (edge.hostedZoneId() == null) {
      problems.add(
          new ConfigProblem(
              KEY + ".hostedZoneId",
              KEY
                  + ".hostedZoneId is required to validate a new certificate for "
                  + edge.domain()
                  + " by DNS: the id of the Route 53 hosted zone that holds the domain (or set "
                  + KEY
                  + ".certificateArn to serve an existing certificate)"));
    }
  }

  private static void loadBalancer(LoadBalancer lb, List<ConfigProblem> problems) {
    String key = KEY + ".loadBalancer";
    if (lb.ingressCidrs().isEmpty()) {
      problems.add(
          ConfigProblem.of(
              key + ".ingressCidrs",
              "must name at least one IPv4 CIDR block (0.0.0.0/0 for the internet)",
              "an empty list"));
    }
    cidrs(key + ".ingressCidrs", lb.ingressCidrs(), problems);
    if (lb.tlsPolicy() == null || !TLS12_POLICY.matcher(lb.tlsPolicy()).matches()) {
      problems.add(
          ConfigProblem.of(
              key + ".tlsPolicy",
              "must be an ELB security policy that allows only TLS 1.2 and newer"
                  + " (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-*)",
              lb.tlsPolicy()));
    }
    range(key + ".idleTimeoutSeconds", lb.idleTimeoutSeconds(), 1, 4000, problems);
    range(key + ".hstsMaxAgeSeconds", lb.hstsMaxAgeSeconds(), 0, 63_072_000, problems);
  }

  private static void targetGroup(TargetGroup tg, List<ConfigProblem> problems) {
    String key = KEY + ".targetGroup";
    range(key + ".port", tg.port(), 1, 65535, problems);
    if (tg.healthCheckPath() == null || !tg.healthCheckPath().startsWith("/")) {
      problems.add(
          ConfigProblem.of(
              key + ".healthCheckPath", "must be a path starting with /", tg.healthCheckPath()));
    }
    range(key + ".healthCheckIntervalSeconds", tg.healthCheckIntervalSeconds(), 5, 300, problems);
    range(key + ".healthCheckTimeoutSeconds", tg.healthCheckTimeoutSeconds(), 2, 120, problems);
    if (tg.healthCheckTimeoutSeconds() >= tg.healthCheckIntervalSeconds()) {
      problems.add(
          ConfigProblem.of(
              key + ".healthCheckTimeoutSeconds",
              "must be shorter than healthCheckIntervalSeconds ("
                  + tg.healthCheckIntervalSeconds()
                  + ")",
              tg.healthCheckTimeoutSeconds()));
    }
    range(key + ".healthyThreshold", tg.healthyThreshold(), 2, 10, problems);
    range(key + ".unhealthyThreshold", tg.unhealthyThreshold(), 2, 10, problems);
    if (tg.healthCheckMatcher() == null || !MATCHER.matcher(tg.healthCheckMatcher()).matches()) {
      problems.add(
          ConfigProblem.of(
              key + ".healthCheckMatcher",
              "must be HTTP codes like 200, 200,204 or 200-299",
              tg.healthCheckMatcher()));
    }
    range(key + ".deregistrationDelaySeconds", tg.deregistrationDelaySeconds(), 0, 3600, problems);
    range(key + ".stickinessDurationSeconds", tg.stickinessDurationSeconds(), 1, 604_800, problems);
  }

  private static void accessLogs(AccessLogs logs, List<ConfigProblem> problems) {
    String key = KEY + ".accessLogs";
    range(key + ".expirationDays", logs.expirationDays(), 1, 36_500, problems);
    int ia = logs.transitionToIaDays();
    int glacier = logs.transitionToGlacierDays();
    if (ia != 0 && (ia < 30 || ia >= logs.expirationDays())) {
      problems.add(
          ConfigProblem.of(
              key + ".transitionToIaDays",
              "must be 0 (no transition) or at least 30 (S3's minimum for Standard-IA) and less"
                  + " than expirationDays ("
                  + logs.expirationDays()
                  + ")",
              ia));
    }
    if (glacier != 0
        && (glacier < 1 || glacier >= logs.expirationDays() || (ia != 0 && glacier < ia + 30))) {
      problems.add(
          ConfigProblem.of(
              key + ".transitionToGlacierDays",
              "must be 0 (no transition) or less than expirationDays ("
                  + logs.expirationDays()
                  + ") and, after Standard-IA, at least 30 days later than transitionToIaDays",
              glacier));
    }
  }

  private static void firewall(Firewall waf, List<ConfigProblem> problems) {
    String key = KEY + ".firewall";
    range(key + ".rateLimit.limit", waf.rateLimit().limit(), 10, 2_000_000_000, problems);
    if (!RATE_WINDOWS.contains(waf.rateLimit().windowSeconds())) {
      problems.add(
          ConfigProblem.of(
              key + ".rateLimit.windowSeconds",
              "must be one of the windows WAF evaluates: 60, 120, 300, 600",
              waf.rateLimit().windowSeconds()));
    }
    ipSet(key + ".allowedIps", waf.allowedIps(), problems);
    ipSet(key + ".blockedIps", waf.blockedIps(), problems);
    countries(key + ".allowedCountries", waf.allowedCountries(), problems);
    countries(key + ".blockedCountries", waf.blockedCountries(), problems);
    if (!waf.allowedCountries().isEmpty() && !waf.blockedCountries().isEmpty()) {
      problems.add(
          ConfigProblem.of(
              key + ".blockedCountries",
              "must be empty when " + key + ".allowedCountries is set (one or the other)",
              String.join(", ", waf.blockedCountries())));
    }
  }

  private static void cidrs(String key, List<String> cidrs, List<ConfigProblem> problems) {
    for (int i = 0; i < cidrs.size(); i++) {
      String cidr = cidrs.get(i);
      var parsed = Cidrs.parse(cidr);
      if (parsed.isEmpty() || !Cidrs.isNetworkAddress(parsed.get())) {
        problems.add(
            ConfigProblem.of(
                key + "[" + i + "]",
                "must be an IPv4 CIDR block with no host bits set, like 203.0.113.0/24",
                cidr));
      }
    }
  }

  /** A WAF IP set: CIDR blocks as anywhere, but not /0, which WAF refuses. */
  private static void ipSet(String key, List<String> cidrs, List<ConfigProblem> problems) {
    int before = problems.size();
    cidrs(key, cidrs, problems);
    if (problems.size() > before) {
      return;
    }
    for (int i = 0; i < cidrs.size(); i++) {
      if (Cidrs.parse(cidrs.get(i)).orElseThrow().getNetworkPrefixLength() == 0) {
        problems.add(
            ConfigProblem.of(
                key + "[" + i + "]",
                "must not be /0: WAF IP sets accept any block but the whole address space",
                cidrs.get(i)));
      }
    }
  }

  private static void countries(String key, List<String> codes, List<ConfigProblem> problems) {
    for (int i = 0; i < codes.size(); i++) {
      if (!COUNTRY.matcher(codes.get(i)).matches()) {
        problems.add(
            ConfigProblem.of(
                key + "[" + i + "]",
                "must be a two-letter ISO 3166 country code in capitals, like DE",
                codes.get(i)));
      }
    }
  }

  private static void range(String key, int value, int min, int max, List<ConfigProblem> problems) {
    if (value < min || value > max) {
      problems.add(ConfigProblem.of(key, "must be between " + min + " and " + max, value));
    }
  }
}
