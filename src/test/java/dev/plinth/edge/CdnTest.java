package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.plan.PlanCommand;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CDN of {@code plinth:edge.cdn}, as staging's stack file builds it: CloudFront in front of a
 * load balancer that answers nobody else.
 */
class CdnTest {
  static final String SG = "aws:ec2/securityGroup:SecurityGroup";
  static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  static final String LISTENER = "aws:lb/listener:Listener";
  static final String LISTENER_RULE = "aws:lb/listenerRule:ListenerRule";
  static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
  static final String ACL = "aws:wafv2/webAcl:WebAcl";
  static final String RECORD = "aws:route53/record:Record";

  static ResourceGraph staging() {
    return Plans.ofStack("staging");
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void behindCloudFrontTheLoadBalancerAdmitsOnlyCloudFrontsPrefixListNeverAnAddressBlock() {
    ResourceGraph plan = staging();
    String albSg = plan.get(SG, "staging-edge-lb-sg").id();
    List<RecordedResource> ingress =
        plan.where(r -> r.type().equals(INGRESS) && r.text("securityGroupId").equals(albSg));

    assertThat(ingress).as("ingress rules of staging-edge-lb-sg").hasSize(1);
    RecordedResource rule = ingress.get(0);
    assertThat(rule.text("prefixListId")).as("prefix list of %s", rule).startsWith("pl-");
    assertThat(rule.input("cidrIpv4")).as("IPv4 block of %s", rule).isEmpty();
    assertThat(rule.input("cidrIpv6")).as("IPv6 block of %s", rule).isEmpty();
    assertThat(rule.input("fromPort").orElseThrow().asInt()).isEqualTo(443);
    assertThat(rule.input("toPort").orElseThrow().asInt()).isEqualTo(443);
    assertThat(
            plan.where(
                r ->
                    r.type().equals(INGRESS)
                        && (r.input("cidrIpv4").map(JsonNode::asText).orElse("").equals("0.0.0.0/0")
                            || r.input("cidrIpv6")
                                .map(JsonNode::asText)
                                .orElse("")
                                .equals("::/0"))))
        .as("ingress rules of staging open to the internet")
        .isEmpty();
  }

  @Test
  void theHttpsListenerAnswers403WithoutTheOriginHeaderAndForwardsOnlyWithIt() {
    ResourceGraph plan = staging();
    RecordedResource https = plan.get(LISTENER, "staging-edge-lb-https");
    RecordedResource rule = plan.get(LISTENER_RULE, "staging-edge-lb-https-from-cdn");

    assertThat(https.text("defaultActions.0.type"))
        .as("default action of %s", https)
        .isEqualTo("fixed-response");
    assertThat(https.text("defaultActions.0.fixedResponse.statusCode")).isEqualTo("403");
    assertThat(plan.ofType(LISTENER)).as("listeners of staging (no port 80)").hasSize(1);
    assertThat(plan.ofType(LISTENER_RULE)).as("listener rules of staging").hasSize(1);
    assertThat(rule.text("listenerArn"))
        .as("listener of %s", rule)
        .contains(":listener/app/staging-edge-lb-alb-");
    assertThat(rule.text("conditions.0.httpHeader.httpHeaderName"))
        .isEqualTo(LoadBalancer.ORIGIN_HEADER);
    assertThat(rule.text("actions.0.type")).isEqualTo("forward");
    assertThat(rule.text("actions.0.targetGroupArn"))
        .isEqualTo(plan.outputs().get("targetGroupArn").asText());
  }

  @Test
  void theOriginHeadersValueIsASecretKeptInSecretsManagerAndShownNowhere() {
    ResourceGraph plan = staging();
    RecordedResource rule = plan.get(LISTENER_RULE, "staging-edge-lb-https-from-cdn");
    RecordedResource distribution = plan.get(DISTRIBUTION, "staging-edge-cdn-distribution");

    assertThat(
            plan.get("aws:secretsmanager/secret:Secret", "staging-secrets-cdn-origin-header")
                .text("name"))
        .isEqualTo("plinth/staging/cdn-origin-header");
    assertThat(rule.input("conditions").orElseThrow().toString())
        .as("the rule's header value in the plan")
        .doesNotContain("offline-plan-");
    assertThat(distribution.input("origins").orElseThrow().toString())
        .as("the origin's header value in the plan")
        .doesNotContain("offline-plan-");
  }

  @Test
  void theDistributionServesTheDomainWithTls12AndReachesTheOriginOnlyOverHttpsWithTheHeader() {
    ResourceGraph plan = staging();
    RecordedResource d = plan.get(DISTRIBUTION, "staging-edge-cdn-distribution");

    assertThat(texts(d.input("aliases").orElseThrow())).containsExactly("staging.app.example.com");
    assertThat(d.text("viewerCertificate.acmCertificateArn"))
        .isEqualTo(plan.get(LISTENER, "staging-edge-lb-https").text("certificateArn"))
        .startsWith("arn:aws:acm:us-east-1:");
    assertThat(d.text("viewerCertificate.minimumProtocolVersion")).isEqualTo("TLSv1.2_2021");
    assertThat(d.text("viewerCertificate.sslSupportMethod")).isEqualTo("sni-only");
    assertThat(d.text("origins.0.domainName")).isEqualTo(plan.outputs().get("albDnsName").asText());
    assertThat(d.text("origins.0.customOriginConfig.originProtocolPolicy")).isEqualTo("https-only");
    assertThat(texts(d.input("origins.0.customOriginConfig.originSslProtocols").orElseThrow()))
        .containsExactly("TLSv1.2");
    assertThat(d.text("origins.0.customHeaders.0.name")).isEqualTo(LoadBalancer.ORIGIN_HEADER);
    assertThat(d.text("webAclId")).isEqualTo(plan.outputs().get("webAclArn").asText());
  }

  @Test
  void onlyTheStaticPathsAreCachedAndTheApiPassesThroughFirst() {
    RecordedResource d = staging().get(DISTRIBUTION, "staging-edge-cdn-distribution");
    JsonNode behaviours = d.input("orderedCacheBehaviors").orElseThrow();

    assertThat(behaviours.size()).as("ordered behaviours of %s", d).isEqualTo(3);
    assertThat(behaviours.get(0).path("pathPattern").asText()).isEqualTo("/api/*");
    assertThat(behaviours.get(0).path("cachePolicyId").asText()).isEqualTo(Cdn.CACHING_DISABLED);
    assertThat(behaviours.get(1).path("pathPattern").asText()).isEqualTo("/static/*");
    assertThat(behaviours.get(2).path("pathPattern").asText()).isEqualTo("/assets/*");
    for (JsonNode cached : List.of(behaviours.get(1), behaviours.get(2))) {
      assertThat(cached.path("cachePolicyId").asText()).isEqualTo(Cdn.CACHING_OPTIMIZED);
      assertThat(cached.path("compress").asBoolean()).isTrue();
    }
    assertThat(d.text("defaultCacheBehavior.cachePolicyId")).isEqualTo(Cdn.CACHING_DISABLED);
    Stream.concat(
            StreamSupport.stream(behaviours.spliterator(), false),
            Stream.of(d.input("defaultCacheBehavior").orElseThrow()))
        .forEach(
            b -> {
              assertThat(b.path("viewerProtocolPolicy").asText())
                  .as("viewers of %s", b.path("pathPattern"))
                  .isEqualTo("redirect-to-https");
              assertThat(b.path("originRequestPolicyId").asText()).isEqualTo(Cdn.ALL_VIEWER);
            });
  }

  @Test
  void theDomainPointsAtCloudFrontNotAtTheLoadBalancer() {
    ResourceGraph plan = staging();
    RecordedResource d = plan.get(DISTRIBUTION, "staging-edge-cdn-distribution");
    RecordedResource alias = plan.get(RECORD, "staging-edge-cdn-dns");

    assertThat(alias.text("name")).isEqualTo("staging.app.example.com");
    assertThat(alias.text("aliases.0.name"))
        .isEqualTo(plan.outputs().get("cdnDomainName").asText())
        .endsWith(".cloudfront.net");
    assertThat(alias.dependencies()).as("dependencies of %s", alias).contains(d.urn());
    assertThat(alias.text("aliases.0.zoneId")).isEqualTo("Z2FDTNDATAQYW2");
    assertThat(alias.input("aliases.0.evaluateTargetHealth").orElseThrow().asBoolean()).isFalse();
    assertThat(plan.where(r -> r.name().equals("staging-edge-lb-dns"))).isEmpty();
    assertThat(plan.outputs().get("url").asText()).isEqualTo("https://staging.app.example.com");
    assertThat(alias.dependencies()).as("dependencies of %s", alias).contains(d.urn());
  }

  @Test
  void theEdgeAclIsCloudFrontScopedInUsEast1AndReplacesTheRegionalOneUnlessKept() {
    ResourceGraph plan = staging();
    RecordedResource edge = plan.get(ACL, "staging-edge-cdn-waf-acl");

    assertThat(edge.text("scope")).isEqualTo("CLOUDFRONT");
    assertThat(plan.outputs().get("webAclArn").asText())
        .startsWith("arn:aws:wafv2:us-east-1:123456789012:global/webacl/");
    assertThat(plan.ofType(ACL)).as("web ACLs of staging").hasSize(1);
    assertThat(plan.ofType("aws:wafv2/webAclAssociation:WebAclAssociation")).isEmpty();

    ResourceGraph kept =
        Plans.of(
            Plans.config(
                "staging",
                Map.of(
                    "plinth:edge",
                    Map.of(
                        "domain",
                        "staging.app.example.com",
                        "hostedZoneId",
                        "Z0123456789ABC",
                        "cdn",
                        Map.of("keepRegionalFirewall", true)))));
    assertThat(kept.get(ACL, "staging-edge-waf-acl").text("scope")).isEqualTo("REGIONAL");
    assertThat(kept.get(ACL, "staging-edge-cdn-waf-acl").text("scope")).isEqualTo("CLOUDFRONT");
  }

  @Test
  void standardLogsGoToABucketWhoseAclsCloudFrontCanWriteThroughWithPublicAccessBlocked() {
    ResourceGraph plan = staging();
    RecordedResource d = plan.get(DISTRIBUTION, "staging-edge-cdn-distribution");
    RecordedResource bucket = plan.get("aws:s3/bucketV2:BucketV2", "staging-edge-cdn-logs");

    assertThat(d.text("loggingConfig.bucket")).isEqualTo(bucket.id() + ".s3.amazonaws.com");
    assertThat(
            plan.get(
                    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                    "staging-edge-cdn-logs-ownership")
                .text("rule.objectOwnership"))
        .isEqualTo("BucketOwnerPreferred");
    RecordedResource block =
        plan.get(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "staging-edge-cdn-logs-public-access");
    for (String key :
        List.of(
            "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
      assertThat(block.input(key).orElseThrow().asBoolean()).as(key).isTrue();
    }
  }

  @Test
  void devHasNoCdnAndTheFailoverPairHasOneDistributionThePrimarys() {
    ResourceGraph dev = Plans.ofStack("dev");
    assertThat(dev.ofType(DISTRIBUTION)).as("distributions of dev").isEmpty();
    assertThat(dev.ofType(LISTENER_RULE)).as("listener rules of dev").isEmpty();
    assertThat(Plans.ofStack("prod").ofType(DISTRIBUTION))
        .as("distributions of prod")
        .extracting(d -> d.text("origins.0.domainName"))
        .containsExactly("origin.app.example.com");
    ResourceGraph standby = Plans.ofStack("prod-dr");
    assertThat(standby.ofType(DISTRIBUTION)).as("distributions of prod-dr").isEmpty();
    assertThat(standby.ofType(LISTENER_RULE))
        .as("listener rules of prod-dr: the origin header's")
        .hasSize(1);
  }

  static final String PAIR_WITHOUT_ZONE =
      "plinth:edge.cdn.enabled must be false in a disaster-recovery failover pair without"
          + " plinth:edge.hostedZoneId and plinth:edge.aliasRecord: the pair's CloudFront origin is"
          + " the failover record origin.<plinth:edge.domain> that each stack writes in that zone."
          + " Set both, or set plinth:edge.cdn.enabled: false in both stacks of the pair (got true)";

  static Stream<Arguments> badCdns() {
    String arn =
        "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    Map<String, Object> https =
        Map.of("domain", "app.example.com", "hostedZoneId", "Z0123456789ABC");
    return Stream.of(
        Arguments.of(
            "staging",
            Map.of("plinth:edge", Map.of("certificateArn", arn)),
            "plinth:edge.cdn.enabled is true but plinth:edge.domain is not set: CloudFront serves"
                + " the application under the domain, with its certificate. Set"
                + " plinth:edge.domain (and plinth:edge.hostedZoneId), or set"
                + " plinth:edge.cdn.enabled: false"),
        Arguments.of(
            "dev",
            Map.of("plinth:edge", Map.of("httpOnly", true, "cdn", Map.of("enabled", true))),
            "plinth:edge.cdn.enabled must be false when plinth:edge.httpOnly is true: CloudFront"
                + " reaches the load balancer over HTTPS only (got true)"),
        Arguments.of(
            "prod",
            Map.of(
                "plinth:edge",
                with(https, "aliasRecord", false),
                "plinth:dr",
                Map.of("standbyStack", "prod-dr")),
            PAIR_WITHOUT_ZONE),
        Arguments.of(
            "staging",
            Map.of(
                "aws:region",
                "us-west-2",
                "plinth:edge",
                Map.of(
                    "domain",
                    "staging.app.example.com",
                    "certificateArn",
                    arn.replace("us-east-1", "us-west-2"))),
            "plinth:edge.cdn.enabled must be false with plinth:edge.certificateArn outside us-east-1"
                + " (aws:region is us-west-2): CloudFront takes its certificate from us-east-1, and"
                + " Plinth requests one there only for a certificate it requests itself. Set"
                + " plinth:edge.domain and plinth:edge.hostedZoneId instead of"
                + " plinth:edge.certificateArn, or set plinth:edge.cdn.enabled: false (got true)"),
        Arguments.of(
            "staging",
            Map.of(
                "plinth:edge", with(https, "cdn", Map.of("minimumProtocolVersion", "TLSv1_2016"))),
            "plinth:edge.cdn.minimumProtocolVersion must be a CloudFront security policy of TLS"
                + " 1.2 or newer: TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021, TLSv1.2_2025,"
                + " TLSv1.3_2025 (got TLSv1_2016)"),
        Arguments.of(
            "staging",
            Map.of("plinth:edge", with(https, "cdn", Map.of("priceClass", "PriceClass_Cheap"))),
            "plinth:edge.cdn.priceClass must be one of PriceClass_100, PriceClass_200,"
                + " PriceClass_All (got PriceClass_Cheap)"),
        Arguments.of(
            "staging",
            Map.of("plinth:edge", with(https, "cdn", Map.of("cachedPaths", List.of("/api/*")))),
            "plinth:edge.cdn.cachedPaths[0] must not cover the API: /api/* always passes through"
                + " uncached (got /api/*)"),
        Arguments.of(
            "staging",
            Map.of("plinth:edge", with(https, "cdn", Map.of("cachedPaths", List.of("/*")))),
            "plinth:edge.cdn.cachedPaths[0] must not be every path: only static paths are cached"
                + " (the default behaviour passes the rest through uncached) (got /*)"),
        Arguments.of(
            "staging",
            Map.of("plinth:edge", with(https, "cdn", Map.of("cachedPaths", List.of("static/*")))),
            "plinth:edge.cdn.cachedPaths[0] must be a CloudFront path pattern starting with /,"
                + " like /static/* (got static/*)"));
  }

  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    var map = new java.util.LinkedHashMap<String, Object>(base);
    map.put(key, value);
    return map;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badCdns")
  void aBadCdnIsRefusedWithOneMessageNamingKeyValueAndRule(
      String env, Map<String, Object> values, String message) {
    ConfigException error =
        catchThrowableOfType(() -> Plans.config(env, values), ConfigException.class);

    assertThat(error).as("configuration %s in %s", values, env).isNotNull();
    assertThat(error.problems().stream().map(ConfigProblem::message)).containsExactly(message);
  }

  @Test
  void planExitsWith2NamingTheKeyWhenOnlyOneStackOfThePairTurnsItsCdnOff(@TempDir Path dir)
      throws Exception {
    Path stack = dir.resolve("Pulumi.prod.yaml");
    Files.writeString(
        stack,
        Files.readString(Path.of("Pulumi.prod.yaml"))
            .replace(
                "    hostedZoneId: Z00000000PLACEHOLDER\n",
                "    hostedZoneId: Z00000000PLACEHOLDER\n    cdn:\n      enabled: false\n"));
    Files.copy(Path.of("Pulumi.prod-dr.yaml"), dir.resolve("Pulumi.prod-dr.yaml"));
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
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "plinth:edge.cdn.enabled must be the same on both stacks of the pair: prod-dr (the"
                + " standby of prod) has true; the primary's CloudFront distribution fronts both"
                + " load balancers (got false)");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aStackOutsideUsEast1GetsCloudFrontsCertificateAndItsEdgeLogKeyInUsEast1() {
    ResourceGraph plan = Plans.of(Plans.config("staging", Map.of("aws:region", "eu-west-1")));
    RecordedResource distribution = plan.ofType(DISTRIBUTION).get(0);
    RecordedResource edgeLogs =
        plan.get("aws:cloudwatch/logGroup:LogGroup", "staging-edge-cdn-waf-logs");

    // cloudfront model ViewerCertificate.ACMCertificateArn: "CloudFront only supports ACM
    // certificates in the US East (N. Virginia) Region".
    assertThat(distribution.text("viewerCertificate.acmCertificateArn"))
        .as("certificate of %s", distribution)
        .startsWith("arn:aws:acm:us-east-1:");
    assertThat(edgeLogs.text("kmsKeyId"))
        .as("key of %s, a log group in us-east-1", edgeLogs)
        .startsWith("arn:aws:kms:us-east-1:");
    assertThat(plan.get("aws:lb/listener:Listener", "staging-edge-lb-https").text("certificateArn"))
        .as("the load balancer's certificate, in the stack's region")
        .startsWith("arn:aws:acm:eu-west-1:");
  }
}
