package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoadBalancerTest {
  static final String ALB = "aws:lb/loadBalancer:LoadBalancer";
  static final String LISTENER = "aws:lb/listener:Listener";
  static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
  static final String SG = "aws:ec2/securityGroup:SecurityGroup";
  static final String DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
  static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
  static final String LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
  static final String CERTIFICATE = "aws:acm/certificate:Certificate";
  static final String RECORD = "aws:route53/record:Record";
  static final String INTERNET = "0.0.0.0/0";
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Each environment with HTTPS: dev's stack file is HTTP-only, so dev gets a domain here; prod's
   * stands behind CloudFront, so prod is its preset alone without the CDN ({@link #withoutCdn}).
   */
  static ResourceGraph httpsPlan(String env) {
    if (env.equals("prod")) {
      return withoutCdn(env);
    }
    if (!env.equals("dev")) {
      return Plans.ofStack(env);
    }
    return Plans.of(
        Plans.config(
            "dev",
            Map.of(
                "plinth:edge",
                Map.of("domain", "dev.app.example.com", "hostedZoneId", "Z0123456789ABC"))));
  }

  /**
   * A load balancer open to the internet: dev's stack, or prod's preset alone with {@code
   * plinth:edge.cdn.enabled: false} (staging and prod stand behind CloudFront: CdnTest and
   * CdnFailoverTest check their load balancers).
   */
  static ResourceGraph withoutCdn(String env) {
    if (env.equals("dev")) {
      return Plans.ofStack(env);
    }
    return Plans.of(Plans.config(env, Map.of("plinth:edge", EdgeAlone.noCdn("app.example.com"))));
  }

  @ParameterizedTest
  // staging stands behind CloudFront: CdnTest checks its load balancer.
  @ValueSource(strings = {"dev", "prod"})
  void theHttpsListenerNegotiatesOnlyTls12AndNewerAndSendsHsts(String env) {
    ResourceGraph plan = httpsPlan(env);
    RecordedResource https = plan.get(LISTENER, env + "-edge-lb-https");

    assertThat(https.text("protocol")).isEqualTo("HTTPS");
    assertThat(https.input("port").orElseThrow().asInt()).isEqualTo(443);
    assertThat(https.text("sslPolicy"))
        .as("TLS policy of %s", https)
        .isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
    assertThat(https.text("routingHttpResponseStrictTransportSecurityHeaderValue"))
        .as("HSTS header of %s", https)
        .isEqualTo("max-age=31536000");
    assertThat(https.text("certificateArn")).startsWith("arn:aws:acm:us-east-1:");
    assertThat(https.text("defaultActions.0.type")).isEqualTo("forward");
    assertThat(https.text("defaultActions.0.targetGroupArn")).isEqualTo(targetGroupArn(plan, env));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | false | ",
        "63072000 | true | max-age=63072000; includeSubDomains",
        "86400 | false | max-age=86400"
      })
  void theHstsHeaderFollowsItsSettingsAndZeroTurnsItOff(
      int maxAge, boolean subDomains, String header) {
    RecordedResource https =
        EdgeAlone.loadBalancer(
                Plans.config(
                    "prod",
                    Map.of(
                        "plinth:edge",
                        Map.of(
                            "domain",
                            "app.example.com",
                            "hostedZoneId",
                            "Z0123456789ABC",
                            "loadBalancer",
                            Map.of(
                                "hstsMaxAgeSeconds",
                                maxAge,
                                "hstsIncludeSubDomains",
                                subDomains)))))
            .get(LISTENER, "prod-edge-lb-https");

    assertThat(
            https
                .input("routingHttpResponseStrictTransportSecurityHeaderValue")
                .map(JsonNode::asText)
                .orElse(null))
        .as("HSTS header of %s", https)
        .isEqualTo(header);
  }

  @ParameterizedTest
  // staging stands behind CloudFront: CdnTest checks its load balancer.
  @ValueSource(strings = {"dev", "prod"})
  void plainHttpIsRedirectedPermanentlyToHttps(String env) {
    RecordedResource http = httpsPlan(env).get(LISTENER, env + "-edge-lb-http");

    assertThat(http.input("port").orElseThrow().asInt()).isEqualTo(80);
    assertThat(http.input("defaultActions").orElseThrow()).as("actions of %s", http).hasSize(1);
    assertThat(http.text("defaultActions.0.type")).isEqualTo("redirect");
    assertThat(http.text("defaultActions.0.redirect.protocol")).isEqualTo("HTTPS");
    assertThat(http.text("defaultActions.0.redirect.port")).isEqualTo("443");
    assertThat(http.text("defaultActions.0.redirect.statusCode"))
        .as("redirect of %s is permanent", http)
        .isEqualTo("HTTP_301");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theTargetGroupChecksSeed004sReadinessEndpoint(String env) {
    RecordedResource tg = Plans.ofStack(env).get(TARGET_GROUP, env + "-edge-lb-app-tg");

    assertThat(tg.text("targetType")).as("target type of %s", tg).isEqualTo("ip");
    assertThat(tg.input("port").orElseThrow().asInt()).isEqualTo(3000);
    assertThat(tg.text("healthCheck.path")).isEqualTo("/api/health/ready");
    assertThat(tg.input("healthCheck.interval").orElseThrow().asInt()).isEqualTo(30);
    assertThat(tg.input("healthCheck.timeout").orElseThrow().asInt()).isEqualTo(5);
    assertThat(tg.input("healthCheck.healthyThreshold").orElseThrow().asInt()).isEqualTo(2);
    assertThat(tg.input("healthCheck.unhealthyThreshold").orElseThrow().asInt()).isEqualTo(3);
    assertThat(tg.text("healthCheck.matcher")).isEqualTo("200");
    assertThat(tg.input("deregistrationDelay").orElseThrow().asInt())
        .as("connection draining of %s (seed 004: 30-60 s)", tg)
        .isBetween(30, 60);
    assertThat(tg.input("stickiness.enabled").orElseThrow().asBoolean()).isFalse();
  }

  @Test
  void stickinessIsAnOption() {
    RecordedResource tg =
        EdgeAlone.loadBalancer(
                Plans.config(
                    "dev",
                    Map.of(
                        "plinth:edge",
                        Map.of(
                            "httpOnly",
                            true,
                            "targetGroup",
                            Map.of("stickiness", true, "stickinessDurationSeconds", 3600)))))
            .get(TARGET_GROUP, "dev-edge-lb-app-tg");

    assertThat(tg.text("stickiness.type")).isEqualTo("lb_cookie");
    assertThat(tg.input("stickiness.enabled").orElseThrow().asBoolean()).isTrue();
    assertThat(tg.input("stickiness.cookieDuration").orElseThrow().asInt()).isEqualTo(3600);
  }

  @ParameterizedTest
  @CsvSource({"dev, false, defensive", "staging, true, strictest", "prod, true, strictest"})
  void theAlbIsInternetFacingInThePublicSubnetsAndHardened(
      String env, boolean deletionProtection, String desync) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource alb = plan.get(ALB, env + "-edge-lb-alb");
    List<String> publicSubnets =
        plan
            .where(
                r ->
                    r.type().equals("aws:ec2/subnet:Subnet")
                        && r.text("tags.plinth:tier").equals("public"))
            .stream()
            .map(RecordedResource::id)
            .toList();

    assertThat(alb.input("internal").orElseThrow().asBoolean()).isFalse();
    assertThat(alb.text("loadBalancerType")).isEqualTo("application");
    assertThat(strings(alb.input("subnets").orElseThrow()))
        .as("subnets of %s", alb)
        .containsExactlyInAnyOrderElementsOf(publicSubnets);
    assertThat(strings(alb.input("securityGroups").orElseThrow()))
        .containsExactly(plan.get(SG, env + "-edge-lb-sg").id());
    assertThat(alb.input("enableHttp2").orElseThrow().asBoolean()).isTrue();
    assertThat(alb.input("enableCrossZoneLoadBalancing").orElseThrow().asBoolean()).isTrue();
    assertThat(alb.input("dropInvalidHeaderFields").orElseThrow().asBoolean()).isTrue();
    assertThat(alb.input("idleTimeout").orElseThrow().asInt()).isEqualTo(60);
    assertThat(alb.text("desyncMitigationMode")).isEqualTo(desync);
    assertThat(alb.input("enableDeletionProtection").orElseThrow().asBoolean())
        .as("deletion protection of %s", alb)
        .isEqualTo(deletionProtection);
  }

  @ParameterizedTest
  // staging stands behind CloudFront: CdnTest checks its load balancer.
  @ValueSource(strings = {"dev", "prod"})
  void theAlbsSecurityGroupIsTheOnlyOneOpenToTheInternet(String env) {
    ResourceGraph plan = withoutCdn(env);

    assertThat(groupsOpenToTheInternet(plan))
        .as("security groups admitting %s in %s", INTERNET, env)
        .containsExactly(plan.get(SG, env + "-edge-lb-sg").id());
  }

  @Test
  void theScanOfOpenSecurityGroupsSeesIngressRulesOnAnyGroup() {
    ResourceGraph plan =
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
                        "loadBalancer",
                        Map.of("ingressCidrs", List.of("198.51.100.0/24"))))));

    assertThat(groupsOpenToTheInternet(plan))
        .as("with ingressCidrs restricted nothing is open to %s", INTERNET)
        .isEmpty();
  }

  @ParameterizedTest
  // staging admits only CloudFront (CdnTest).
  @ValueSource(strings = {"prod"})
  void theAlbAdmitsOnly443And80AndSendsOnlyToTheAppPort(String env) {
    ResourceGraph plan = withoutCdn(env);
    String albSg = plan.get(SG, env + "-edge-lb-sg").id();
    String appSg = plan.get(SG, env + "-network-app-sg").id();

    List<RecordedResource> ingress =
        plan.where(
            r ->
                r.type().equals(INGRESS)
                    && r.text("securityGroupId").equals(albSg)
                    && !r.text("ipProtocol").equals("icmp"));
    assertThat(ingress.stream().map(r -> r.input("fromPort").orElseThrow().asInt()))
        .containsExactlyInAnyOrder(443, 80);
    assertThat(ingress)
        .allSatisfy(
            r -> {
              assertThat(r.text("ipProtocol")).isEqualTo("tcp");
              assertThat(r.input("toPort").orElseThrow().asInt())
                  .isEqualTo(r.input("fromPort").orElseThrow().asInt());
            });
    List<RecordedResource> egress =
        plan.where(r -> r.type().equals(EGRESS) && r.text("securityGroupId").equals(albSg));
    assertThat(egress).as("egress rules of the ALB's group").hasSize(1);
    assertThat(egress.get(0).text("referencedSecurityGroupId")).isEqualTo(appSg);
    assertThat(egress.get(0).input("fromPort").orElseThrow().asInt()).isEqualTo(3000);
    assertThat(egress.get(0).input("toPort").orElseThrow().asInt()).isEqualTo(3000);
    assertThat(plan.get(SG, env + "-edge-lb-sg").input("egress"))
        .as("the ALB's group has no inline egress (no allow-all)")
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theAppSecurityGroupAdmitsTheAlbOnTheAppPort(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource rule = plan.get(INGRESS, env + "-edge-lb-app-in");

    assertThat(rule.text("securityGroupId")).isEqualTo(plan.get(SG, env + "-network-app-sg").id());
    assertThat(rule.text("referencedSecurityGroupId"))
        .isEqualTo(plan.get(SG, env + "-edge-lb-sg").id());
    assertThat(rule.input("fromPort").orElseThrow().asInt()).isEqualTo(3000);
    assertThat(rule.input("toPort").orElseThrow().asInt()).isEqualTo(3000);
  }

  @Test
  void anHttpOnlyDevStackForwardsPlainHttpAndHasNoCertificate() {
    ResourceGraph plan = Plans.ofStack("dev");
    RecordedResource http = plan.get(LISTENER, "dev-edge-lb-http");

    assertThat(http.text("defaultActions.0.type")).isEqualTo("forward");
    assertThat(http.text("defaultActions.0.targetGroupArn")).isEqualTo(targetGroupArn(plan, "dev"));
    assertThat(plan.ofType(LISTENER)).as("listeners of dev").hasSize(1);
    assertThat(plan.ofType(CERTIFICATE)).isEmpty();
    assertThat(plan.where(r -> r.type().equals("plinth:edge:Certificate"))).isEmpty();
    String albSg = plan.get(SG, "dev-edge-lb-sg").id();
    assertThat(
            plan
                .where(
                    r ->
                        r.type().equals(INGRESS)
                            && r.text("securityGroupId").equals(albSg)
                            && r.text("ipProtocol").equals("tcp"))
                .stream()
                .map(r -> r.input("fromPort").orElseThrow().asInt()))
        .as("ports open on an HTTP-only load balancer")
        .containsExactly(80);
    assertThat(plan.outputs().get("url").asText())
        .startsWith("http://dev-edge-lb-alb-")
        .endsWith(".us-east-1.elb.amazonaws.com");
  }

  @Test
  void aNewCertificateIsValidatedByDnsInTheConfiguredZone() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "staging",
                Map.of(
                    "plinth:edge",
                    Map.of(
                        "domain",
                        "example.org",
                        "alternativeNames",
                        List.of("*.example.org", "api.example.net"),
                        "hostedZoneId",
                        "Z0123456789ABC",
                        "cdn",
                        Map.of("enabled", false)))));
    RecordedResource cert = plan.get(CERTIFICATE, "staging-edge-certificate-cert");
    List<RecordedResource> validations =
        plan.where(
            r ->
                r.type().equals(RECORD)
                    && r.name().startsWith("staging-edge-certificate-validation-"));
    RecordedResource validation =
        plan.get(
            "aws:acm/certificateValidation:CertificateValidation",
            "staging-edge-certificate-validation");

    assertThat(cert.text("validationMethod")).isEqualTo("DNS");
    assertThat(cert.text("domainName")).isEqualTo("example.org");
    assertThat(validations)
        .as("one record per name, the wildcard sharing example.org's")
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.text("zoneId")).isEqualTo("Z0123456789ABC");
              assertThat(r.text("type")).isEqualTo("CNAME");
              assertThat(r.text("records.0")).endsWith(".acm-validations.aws.");
            });
    assertThat(strings(validation.input("validationRecordFqdns").orElseThrow()))
        .containsExactlyInAnyOrderElementsOf(
            validations.stream().map(r -> r.text("name").replaceAll("\\.$", "")).toList());
    assertThat(plan.get(LISTENER, "staging-edge-lb-https").text("certificateArn"))
        .isEqualTo(validation.text("certificateArn"));
    RecordedResource alias = plan.get(RECORD, "staging-edge-lb-dns");
    assertThat(alias.text("name")).isEqualTo("example.org");
    assertThat(alias.text("type")).isEqualTo("A");
    assertThat(alias.text("aliases.0.zoneId")).isEqualTo("Z35SXDOTRQ7X7K");
    assertThat(plan.outputs().get("url").asText()).isEqualTo("https://example.org");
  }

  @Test
  void anExistingCertificateIsServedAsIs() {
    String arn =
        "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "prod",
                Map.of(
                    "plinth:edge",
                    Map.of("certificateArn", arn, "cdn", Map.of("enabled", false)))));

    assertThat(plan.ofType(CERTIFICATE)).isEmpty();
    assertThat(plan.ofType(RECORD)).as("no domain, so no DNS records").isEmpty();
    assertThat(plan.get(LISTENER, "prod-edge-lb-https").text("certificateArn")).isEqualTo(arn);
    assertThat(plan.outputs().get("url").asText())
        .startsWith("https://prod-edge-lb-alb-")
        .endsWith(".elb.amazonaws.com");
  }

  @ParameterizedTest
  @CsvSource({"dev, 0, 0, 30", "staging, 30, 0, 90", "prod, 30, 90, 365"})
  void accessLogsGoToALockedDownSseS3BucketWithALifecycle(
      String env, int ia, int glacier, int expiration) throws Exception {
    ResourceGraph plan = Plans.ofStack(env);
    String prefix = env + "-edge-lb-logs";
    RecordedResource bucket = plan.get("aws:s3/bucketV2:BucketV2", prefix);
    RecordedResource alb = plan.get(ALB, env + "-edge-lb-alb");

    assertThat(alb.text("accessLogs.bucket")).isEqualTo(bucket.id());
    assertThat(alb.input("accessLogs.enabled").orElseThrow().asBoolean()).isTrue();
    assertThat(bucket.protect()).as("%s protected", bucket).isEqualTo(env.equals("prod"));
    assertThat(
            plan.get(
                    "aws:s3/bucketServerSideEncryptionConfigurationV2:"
                        + "BucketServerSideEncryptionConfigurationV2",
                    prefix + "-encryption")
                .text("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"))
        .as("ALB log delivery supports SSE-S3 only")
        .isEqualTo("AES256");
    RecordedResource block =
        plan.get(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", prefix + "-public-access");
    for (String flag :
        List.of(
            "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
      assertThat(block.input(flag).orElseThrow().asBoolean()).as("%s of %s", flag, block).isTrue();
    }
    assertThat(
            plan.get(
                    "aws:s3/bucketOwnershipControls:BucketOwnershipControls", prefix + "-ownership")
                .text("rule.objectOwnership"))
        .isEqualTo("BucketOwnerEnforced");
    RecordedResource lifecycle =
        plan.get(
            "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
            prefix + "-lifecycle");
    assertThat(lifecycle.input("rules.0.expiration.days").orElseThrow().asInt())
        .isEqualTo(expiration);
    List<String> transitions = new ArrayList<>();
    lifecycle
        .input("rules.0.transitions")
        .ifPresent(
            list ->
                list.forEach(
                    t ->
                        transitions.add(
                            t.get("storageClass").asText() + "@" + t.get("days").asInt())));
    List<String> expected = new ArrayList<>();
    if (ia > 0) {
      expected.add("STANDARD_IA@" + ia);
    }
    if (glacier > 0) {
      expected.add("GLACIER@" + glacier);
    }
    assertThat(transitions).as("transitions of %s", lifecycle).isEqualTo(expected);
  }

  @Test
  void withAccessLogsOffThereIsNoLogBucket() {
    ResourceGraph plan =
        EdgeAlone.loadBalancer(
            Plans.config(
                "dev",
                Map.of(
                    "plinth:edge",
                    Map.of("httpOnly", true, "accessLogs", Map.of("enabled", false)))));

    assertThat(plan.where(r -> r.type().startsWith("aws:s3/") && r.name().startsWith("dev-edge-")))
        .isEmpty();
    assertThat(plan.get(ALB, "dev-edge-lb-alb").input("accessLogs")).isEmpty();
  }

  @Test
  void theLogBucketPolicyLetsOnlyTheRegionsElbAccountWriteAndRefusesPlainHttp() throws Exception {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource bucket = plan.get("aws:s3/bucketV2:BucketV2", "prod-edge-lb-logs");
    JsonNode policy =
        JSON.readTree(
            plan.get("aws:s3/bucketPolicy:BucketPolicy", "prod-edge-lb-logs-policy")
                .text("policy"));

    JsonNode write = policy.get("Statement").get(0);
    assertThat(write.get("Effect").asText()).isEqualTo("Allow");
    assertThat(write.get("Principal").get("AWS").asText())
        .as("us-east-1's Elastic Load Balancing account")
        .isEqualTo("arn:aws:iam::127311923021:root");
    assertThat(write.get("Action").asText()).isEqualTo("s3:PutObject");
    assertThat(write.get("Resource").asText())
        .isEqualTo("arn:aws:s3:::" + bucket.id() + "/AWSLogs/123456789012/*");
    JsonNode deny = policy.get("Statement").get(1);
    assertThat(deny.get("Effect").asText()).isEqualTo("Deny");
    assertThat(deny.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
  }

  @Test
  void inARegionOpenedSinceAugust2022TheLogDeliveryServicePrincipalWrites() throws Exception {
    String policy =
        LoadBalancer.logBucketPolicy("arn:aws:s3:::logs", "123456789012", "aws", "eu-central-2");
    JsonNode write = JSON.readTree(policy).get("Statement").get(0);

    assertThat(write.get("Principal").get("Service").asText())
        .isEqualTo("logdelivery.elasticloadbalancing.amazonaws.com");
    assertThat(write.get("Principal").has("AWS")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theStackExportsWhatUsersAndTheWorkloadsNeed(String env) {
    ResourceGraph plan = Plans.ofStack(env);

    assertThat(plan.outputs().get("albDnsName").asText()).endsWith(".elb.amazonaws.com");
    targetGroupArn(plan, env);
    assertThat(plan.outputs().get("albSecurityGroupId").asText())
        .isEqualTo(plan.get(SG, env + "-edge-lb-sg").id());
    // Behind CloudFront (staging, prod), the web ACL is the edge's, of scope CLOUDFRONT.
    assertThat(plan.outputs().get("webAclArn").asText())
        .startsWith(
            "arn:aws:wafv2:us-east-1:123456789012:"
                + (env.equals("dev") ? "regional" : "global")
                + "/webacl/");
    assertThat(plan.outputs().get("url").asText()).isNotBlank();
  }

  @Test
  void prodIsReachedAtItsDomainOverHttps() {
    assertThat(Plans.ofStack("prod").outputs().get("url").asText())
        .isEqualTo("https://app.example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyChildOfTheEdgeIsParentedAndPrefixed(String env) {
    ResourceGraph plan = httpsPlan(env);
    for (String component :
        List.of("plinth:edge:LoadBalancer", "plinth:edge:Firewall", "plinth:edge:Certificate")) {
      RecordedResource parent =
          plan.where(r -> r.type().equals(component)).stream().findFirst().orElseThrow();
      List<RecordedResource> children = plan.children(parent.urn());
      assertThat(children).as("children of %s", parent).isNotEmpty();
      assertThat(children)
          .allSatisfy(
              c -> assertThat(c.name()).as("name of %s", c).startsWith(parent.name() + "-"));
    }
  }

  /**
   * Ids of the security groups that admit 0.0.0.0/0, from inline ingress, separate ingress rules
   * (both resource types) and default security groups.
   */
  static Set<String> groupsOpenToTheInternet(ResourceGraph plan) {
    Set<String> open = new HashSet<>();
    for (RecordedResource sg :
        plan.where(r -> r.type().equals(SG) || r.type().equals(DEFAULT_SG))) {
      sg.input("ingress")
          .ifPresent(
              rules ->
                  rules.forEach(
                      rule -> {
                        if (strings(rule.path("cidrBlocks")).contains(INTERNET)) {
                          open.add(sg.id());
                        }
                      }));
    }
    for (RecordedResource rule : plan.ofType(INGRESS)) {
      if (rule.input("cidrIpv4").map(JsonNode::asText).orElse("").equals(INTERNET)) {
        open.add(rule.text("securityGroupId"));
      }
    }
    for (RecordedResource rule : plan.ofType(LEGACY_RULE)) {
      if (rule.text("type").equals("ingress")
          && strings(rule.input("cidrBlocks").orElse(JSON.createArrayNode())).contains(INTERNET)) {
        open.add(rule.text("securityGroupId"));
      }
    }
    return open;
  }

  static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /**
   * The application target group's ARN: the stack's {@code targetGroupArn} output, checked to be
   * the ARN of the target group by that name.
   */
  static String targetGroupArn(ResourceGraph plan, String env) {
    plan.get(TARGET_GROUP, env + "-edge-lb-app-tg");
    String arn = plan.outputs().get("targetGroupArn").asText();
    assertThat(arn)
        .as("targetGroupArn output of %s", env)
        .startsWith(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/"
                + env
                + "-edge-lb-app-tg-");
    return arn;
  }
}
