package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.plan.PlanCommand;
import dev.plinth.testing.Plans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EdgeValidationTest {
  static final String MISSING_CERTIFICATE =
      "plinth:edge.domain is not set, and neither is plinth:edge.certificateArn: the HTTPS"
          + " listener needs a certificate. Set plinth:edge.domain and plinth:edge.hostedZoneId"
          + " (Plinth requests an ACM certificate for the domain and validates it with DNS records"
          + " in that Route 53 zone), or plinth:edge.certificateArn (an existing ACM certificate in"
          + " us-east-1). Only dev may set plinth:edge.httpOnly: true instead.";

  static final String ARN =
      "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

  /** A valid HTTPS edge (a domain in a zone) with these settings on top. */
  static Map<String, Object> https(Object... keysAndValues) {
    Map<String, Object> edge = new LinkedHashMap<>();
    edge.put("domain", "app.example.com");
    edge.put("hostedZoneId", "Z0123456789ABC");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      edge.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return edge;
  }

  static Stream<Arguments> badEdges() {
    return Stream.of(
        Arguments.of("prod", Map.of(), MISSING_CERTIFICATE),
        Arguments.of("staging", Map.of("alternativeNames", List.of()), MISSING_CERTIFICATE),
        Arguments.of(
            "staging",
            Map.of("httpOnly", true),
            "plinth:edge.httpOnly may be true only in dev; staging must serve HTTPS (got true)"),
        Arguments.of(
            "dev",
            Map.of("httpOnly", true, "certificateArn", ARN, "cdn", Map.of("enabled", false)),
            "plinth:edge.httpOnly must be false when plinth:edge.certificateArn is set (a"
                + " certificate means HTTPS) (got true)"),
        Arguments.of(
            "prod",
            Map.of("domain", "app.example.com"),
            "plinth:edge.hostedZoneId is required to validate a new certificate for"
                + " app.example.com by DNS: the id of the Route 53 hosted zone that holds the domain"
                + " (or set plinth:edge.certificateArn to serve an existing certificate)"),
        Arguments.of(
            "prod",
            https("domain", "App.Example.com"),
            "plinth:edge.domain must be a lower-case DNS name like app.example.com (got"
                + " App.Example.com)"),
        Arguments.of(
            "prod",
            https("hostedZoneId", "zone-1"),
            "plinth:edge.hostedZoneId must be a Route 53 hosted zone id like"
                + " Z0123456789ABCDEFGHIJ (got zone-1)"),
        Arguments.of(
            "prod",
            Map.of("cdn", Map.of("enabled", false), "certificateArn", "not-an-arn"),
            "plinth:edge.certificateArn must be an ACM certificate ARN like"
                + " arn:aws:acm:us-east-1:123456789012:certificate/<id> (got not-an-arn)"),
        Arguments.of(
            "prod",
            Map.of(
                "cdn",
                Map.of("enabled", false),
                "certificateArn",
                ARN.replace("us-east-1", "eu-west-1")),
            "plinth:edge.certificateArn must be a certificate in the stack's region us-east-1 (a"
                + " load balancer serves only certificates of its own region) (got "
                + ARN.replace("us-east-1", "eu-west-1")
                + ")"),
        Arguments.of(
            "prod",
            Map.of(
                "cdn",
                Map.of("enabled", false),
                "certificateArn",
                ARN,
                "alternativeNames",
                List.of("www.example.com")),
            "plinth:edge.alternativeNames apply only to a certificate Plinth requests, so need"
                + " plinth:edge.domain and no plinth:edge.certificateArn (got www.example.com)"),
        Arguments.of(
            "prod",
            https("alternativeNames", List.of("www.example.com", "bad name")),
            "plinth:edge.alternativeNames[1] must be a lower-case DNS name like www.example.com or"
                + " *.example.com (got bad name)"),
        Arguments.of(
            "prod",
            https("loadBalancer", Map.of("tlsPolicy", "ELBSecurityPolicy-2016-08")),
            "plinth:edge.loadBalancer.tlsPolicy must be an ELB security policy that allows only"
                + " TLS 1.2 and newer (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*,"
                + " -FS-1-2-*) (got ELBSecurityPolicy-2016-08)"),
        Arguments.of(
            "prod",
            https("loadBalancer", Map.of("ingressCidrs", List.of("10.0.0.1/16"))),
            "plinth:edge.loadBalancer.ingressCidrs[0] must be an IPv4 CIDR block with no host bits"
                + " set, like 203.0.113.0/24 (got 10.0.0.1/16)"),
        Arguments.of(
            "prod",
            https("loadBalancer", Map.of("ingressCidrs", List.of())),
            "plinth:edge.loadBalancer.ingressCidrs must name at least one IPv4 CIDR block"
                + " (0.0.0.0/0 for the internet) (got an empty list)"),
        Arguments.of(
            "prod",
            https("loadBalancer", Map.of("idleTimeoutSeconds", 0)),
            "plinth:edge.loadBalancer.idleTimeoutSeconds must be between 1 and 4000 (got 0)"),
        Arguments.of(
            "prod",
            https("targetGroup", Map.of("healthCheckTimeoutSeconds", 30)),
            "plinth:edge.targetGroup.healthCheckTimeoutSeconds must be shorter than"
                + " healthCheckIntervalSeconds (30) (got 30)"),
        Arguments.of(
            "prod",
            https("targetGroup", Map.of("healthCheckPath", "api/health/ready")),
            "plinth:edge.targetGroup.healthCheckPath must be a path starting with / (got"
                + " api/health/ready)"),
        Arguments.of(
            "prod",
            https("targetGroup", Map.of("healthCheckMatcher", "ok")),
            "plinth:edge.targetGroup.healthCheckMatcher must be HTTP codes like 200, 200,204 or"
                + " 200-299 (got ok)"),
        Arguments.of(
            "prod",
            https("targetGroup", Map.of("deregistrationDelaySeconds", 4000)),
            "plinth:edge.targetGroup.deregistrationDelaySeconds must be between 0 and 3600 (got"
                + " 4000)"),
        Arguments.of(
            "prod",
            https("targetGroup", Map.of("port", 70000)),
            "plinth:edge.targetGroup.port must be between 1 and 65535 (got 70000)"),
        Arguments.of(
            "prod",
            https("accessLogs", Map.of("transitionToIaDays", 10)),
            "plinth:edge.accessLogs.transitionToIaDays must be 0 (no transition) or at least 30"
                + " (S3's minimum for Standard-IA) and less than expirationDays (365) (got 10)"),
        Arguments.of(
            "prod",
            https("accessLogs", Map.of("transitionToGlacierDays", 45)),
            "plinth:edge.accessLogs.transitionToGlacierDays must be 0 (no transition) or less than"
                + " expirationDays (365) and, after Standard-IA, at least 30 days later than"
                + " transitionToIaDays (got 45)"),
        Arguments.of(
            "prod",
            https("firewall", Map.of("rateLimit", Map.of("windowSeconds", 90))),
            "plinth:edge.firewall.rateLimit.windowSeconds must be one of the windows WAF"
                + " evaluates: 60, 120, 300, 600 (got 90)"),
        Arguments.of(
            "prod",
            https("firewall", Map.of("rateLimit", Map.of("limit", 5))),
            "plinth:edge.firewall.rateLimit.limit must be between 10 and 2000000000 (got 5)"),
        Arguments.of(
            "prod",
            https("firewall", Map.of("blockedIps", List.of("203.0.113.300/32"))),
            "plinth:edge.firewall.blockedIps[0] must be an IPv4 CIDR block with no host bits set,"
                + " like 203.0.113.0/24 (got 203.0.113.300/32)"),
        Arguments.of(
            "prod",
            https("firewall", Map.of("allowedIps", List.of("0.0.0.0/0"))),
            "plinth:edge.firewall.allowedIps[0] must not be /0: WAF IP sets accept any block but"
                + " the whole address space (got 0.0.0.0/0)"),
        Arguments.of(
            "prod",
            https("firewall", Map.of("allowedCountries", List.of("de"))),
            "plinth:edge.firewall.allowedCountries[0] must be a two-letter ISO 3166 country code"
                + " in capitals, like DE (got de)"),
        Arguments.of(
            "prod",
            https(
                "firewall",
                Map.of("allowedCountries", List.of("DE"), "blockedCountries", List.of("KP"))),
            "plinth:edge.firewall.blockedCountries must be empty when"
                + " plinth:edge.firewall.allowedCountries is set (one or the other) (got KP)"),
        Arguments.of(
            "prod",
            https("firewall", Map.of("managedRules", Map.of("sqlInjection", "off"))),
            "plinth:edge.firewall.managedRules.sqlInjection must be one of block, count (got"
                + " off)"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badEdges")
  void aBadEdgeIsRefusedWithOneMessageNamingKeyValueAndRule(
      String env, Map<String, Object> edge, String message) {
    ConfigException error =
        catchThrowableOfType(
            () -> Plans.config(env, Map.of("plinth:edge", edge)), ConfigException.class);

    assertThat(error).as("configuration %s in %s", edge, env).isNotNull();
    assertThat(error.problems().stream().map(ConfigProblem::message)).containsExactly(message);
  }

  @Test
  void theStackFilesPlaceholderZonePlansOfflineButIsRefusedForDeployment() {
    var prod = Plans.stackFile("prod");
    var withRealZone =
        Plans.config(
            "prod",
            Map.of(
                "plinth:edge",
                Map.of("domain", "app.example.com", "hostedZoneId", "Z0123456789ABC")));

    assertThat(EdgeValidation.forDeployment(prod.edge()).stream().map(ConfigProblem::message))
        .containsExactly(
            "plinth:edge.hostedZoneId is the stack file's placeholder: before pulumi up, set the id"
                + " of the Route 53 hosted zone that holds app.example.com, or set"
                + " plinth:edge.certificateArn instead (docs/settings.md, plinth:edge) (got"
                + " Z00000000PLACEHOLDER)");
    assertThat(EdgeValidation.forDeployment(withRealZone.edge())).isEmpty();
    assertThat(EdgeValidation.forDeployment(Plans.stackFile("dev").edge())).isEmpty();
  }

  @Test
  void aDevStackMayBeHttpOnlyAndEveryStackAcceptsACertificateArnWithoutACdn() {
    assertThat(
            Plans.config("dev", Map.of("plinth:edge", Map.of("httpOnly", true))).edge().httpOnly())
        .isTrue();
    for (String env : List.of("dev", "staging", "prod")) {
      assertThat(
              Plans.config(
                      env,
                      Map.of(
                          "plinth:edge",
                          Map.of("certificateArn", ARN, "cdn", Map.of("enabled", false))))
                  .edge()
                  .certificateArn())
          .isEqualTo(ARN);
    }
  }

  @Test
  void planExitsWith2AndNamesTheMissingSettingWhenProdHasNoDomain(@TempDir Path dir)
      throws Exception {
    Path stack = dir.resolve("Pulumi.prod.yaml");
    Files.writeString(stack, "config:\n  aws:region: us-east-1\n  plinth:environment: prod\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        PlanCommand.execute(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "prod",
            "--config",
            stack.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo(MISSING_CERTIFICATE);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
