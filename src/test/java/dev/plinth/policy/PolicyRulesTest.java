package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Environment;
import dev.plinth.testing.GraphBuilder;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules tested as checkov, trivy and cdk-nag test theirs: a compliant baseline passes, and one
 * change per case makes exactly the named rule fail on exactly the named resource.
 */
class PolicyRulesTest {

  /**
   * What the fixtures' stacks are taken to cost a month, for the budget rules (the fixtures'
   * budgets are $1,000, and $4,000 in prod).
   */
  static final double FIXTURE_ESTIMATE = 500;

  static PolicyReport evaluate(GraphBuilder g, String env) {
    return Policy.evaluate(
        g.build(),
        Environment.valueOf(env.toUpperCase(java.util.Locale.ROOT)),
        java.util.OptionalDouble.of(FIXTURE_ESTIMATE));
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void theCompliantBaselineFailsNoRule(Environment env) {
    PolicyReport report = evaluate(Fixtures.compliant(env.key()), env.key());

    assertThat(report.failures())
        .as("failures of the compliant %s baseline", env)
        .extracting(f -> f.ruleId() + " " + f.resourceName() + ": " + f.messages())
        .isEmpty();
  }

  @Test
  void everyRuleChecksSomethingInABaselineWhereItApplies() {
    // In prod's baseline, or for a rule that does not apply in prod (COST-01) in staging's.
    Set<String> checked =
        Stream.of("prod", "staging")
            .flatMap(env -> evaluate(Fixtures.compliant(env), env).findings().stream())
            .filter(f -> f.verdict() == Verdict.PASS || f.verdict() == Verdict.EXCEPTED)
            .filter(
                f ->
                    f.rule().appliesTo(Environment.PROD) || f.resourceName().startsWith("staging-"))
            .map(Finding::ruleId)
            .collect(Collectors.toSet());

    assertThat(Policy.rules())
        .extracting(Rule::id)
        .allSatisfy(
            id -> assertThat(checked).as("rule %s passes on some resource", id).contains(id));
  }

  @Test
  void everyRuleHasAFailingCase() {
    Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());

    assertThat(Policy.rules())
        .extracting(Rule::id)
        .allSatisfy(id -> assertThat(tested).as("cases").contains(id));
  }

  @Test
  void ruleIdsAreUniqueAndTheCatalogueIsCovered() {
    List<String> ids = Policy.rules().stream().map(Rule::id).toList();

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids.stream().filter(id -> !id.startsWith("PL-")).count()).isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest(name = "{0} fails on {2} when {3}")
  @MethodSource("cases")
  void oneChangeFailsTheRuleOnTheResource(
      String ruleId, String env, String resource, String change, Consumer<GraphBuilder> mutation) {
    GraphBuilder g = Fixtures.compliant(env);
    assertThat(evaluate(g, env).verdict(ruleId, resource))
        .as("%s on %s in the baseline", ruleId, resource)
        .hasValueSatisfying(f -> assertThat(f.verdict()).isIn(Verdict.PASS, Verdict.EXCEPTED));

    mutation.accept(g);
    PolicyReport report = evaluate(g, env);

    assertThat(report.failures())
        .as("failures after: %s", change)
        .anySatisfy(
            f -> {
              assertThat(f.ruleId()).isEqualTo(ruleId);
              assertThat(f.resourceName()).isEqualTo(resource);
              assertThat(f.messages())
                  .allSatisfy(m -> assertThat(m).startsWith(resource + ": ").contains("fix: "));
            });
  }

  @Test
  void aLoadBalancerThatAdmitsOnlyCloudFrontIsFilteredByTheEdgeAclWithoutOneOfItsOwn() {
    GraphBuilder g = Fixtures.compliant("staging");
    g.drop("staging-edge-waf-association");

    assertThat(evaluate(g, "staging").verdict("WAF-01", "staging-edge-lb-alb"))
        .as("WAF-01 on staging-edge-lb-alb behind a distribution with a web ACL")
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
  }

  static Arguments c(
      String rule, String env, String resource, String change, Consumer<GraphBuilder> m) {
    return Arguments.of(rule, env, resource, change, m);
  }

  static Arguments c(String rule, String resource, String change, Consumer<GraphBuilder> m) {
    return c(rule, "prod", resource, change, m);
  }

  static final String DB = "prod-db-primary";
  static final String PROXY = "prod-db-proxy";
  static final String REDIS = "prod-cache-redis";
  static final String SEARCH = "prod-search-domain";
  static final String ALB = "prod-edge-lb-alb";
  static final String ACL = "prod-edge-waf-acl";
  static final String CDN = "staging-edge-cdn-distribution";
  static final String EKS = "prod-cluster-eks";
  static final String ECR = "prod-registry-app";
  static final String BACKUPS = "prod-backup-bucket";
  static final String TRAIL = "prod-audit-trail";

  static final String APP = "prod-app-deployment";

  static Stream<Arguments> cases() {
    return Stream.of(
            baseCases(),
            DataDeployCases.cases(),
            ComputeDeployCases.cases(),
            AddonDeployCases.cases(),
            NetworkDeployCases.cases(),
            AccessCases.cases(),
            ClientVpnCases.cases())
        .flatMap(s -> s);
  }

  static Stream<Arguments> baseCases() {
    return Stream.of(
        // budgets
        c(
            "COST-01",
            "staging",
            "staging-budget-monthly",
            "the estimate ($500) is over the budget",
            g -> g.set("staging-budget-monthly", "limitAmount", "'450.00'")),
        c(
            "COST-02",
            "prod-budget-monthly",
            "prod's estimate ($500) is over its budget",
            g -> g.set("prod-budget-monthly", "limitAmount", "'400.00'")),
        // office hours
        c(
            "SCHED-01",
            DB,
            "an office-hours schedule stops the database every evening",
            g ->
                g.add(
                    Types.SCHEDULE,
                    "prod-office-hours-db-stop",
                    "{target: {arn: 'arn:aws:scheduler:::aws-sdk:rds:stopDBInstance', input:"
                        + " '{\"DbInstanceIdentifier\":\"prod-db-primary\"}'}}")),
        c(
            "SCHED-01",
            "prod-cluster-nodes",
            "an office-hours schedule scales the node group to zero",
            g ->
                g.add(
                    Types.SCHEDULE,
                    "prod-office-hours-nodes-stop",
                    "{target: {arn: 'arn:aws:scheduler:::aws-sdk:eks:updateNodegroupConfig', input:"
                        + " '{\"ClusterName\":\"plinth-prod\",\"NodegroupName\":\"n\","
                        + "\"ScalingConfig\":{\"MinSize\":0,\"MaxSize\":10,\"DesiredSize\":0}}'}}")),
        // workloads
        c(
            "PL-24",
            APP,
            "the container may escalate privileges",
            g ->
                g.set(
                    APP,
                    "spec.template.spec.containers.0.securityContext.allowPrivilegeEscalation",
                    "true")),
        c(
            "PL-24",
            APP,
            "the pod may run as root",
            g -> g.remove(APP, "spec.template.spec.securityContext.runAsNonRoot")),
        c(
            "PL-24",
            APP,
            "the container keeps its capabilities",
            g -> g.remove(APP, "spec.template.spec.containers.0.securityContext.capabilities")),
        c(
            "PL-24",
            APP,
            "the root filesystem is writable",
            g ->
                g.set(
                    APP,
                    "spec.template.spec.containers.0.securityContext.readOnlyRootFilesystem",
                    "false")),
        c(
            "PL-24",
            APP,
            "no seccomp profile",
            g -> g.remove(APP, "spec.template.spec.securityContext.seccompProfile")),
        c(
            "PL-25",
            APP,
            "no memory limit",
            g -> g.remove(APP, "spec.template.spec.containers.0.resources.limits.memory")),
        c(
            "PL-26",
            APP,
            "no readiness probe",
            g -> g.remove(APP, "spec.template.spec.containers.0.readinessProbe")),
        c("PL-27", APP, "no autoscaler", g -> g.drop("prod-app-autoscaler")),
        c(
            "PL-27",
            APP,
            "the disruption budget selects other pods",
            g -> g.set("prod-app-disruption-budget", "spec.selector.matchLabels.app", "'worker'")),
        c(
            "PL-27",
            APP,
            "prod may run a single replica",
            g -> g.set("prod-app-autoscaler", "spec.minReplicas", "1")),
        c(
            "PL-28",
            APP,
            "a password in an environment variable",
            g ->
                g.set(
                    APP,
                    "spec.template.spec.containers.0.env",
                    "[{name: 'DATABASE_PASSWORD', value: 'hunter2'}]")),
        c(
            "PL-28",
            "prod-app-config",
            "a token in the ConfigMap",
            g -> g.set("prod-app-config", "data.REDIS_AUTH_TOKEN", "'abc'")),
        c(
            "PL-28",
            "prod-app-config",
            "a Pulumi secret flows into the ConfigMap",
            g -> g.set("prod-app-config", "data.DATABASE_URL", "'[secret]'")),
        c(
            "PL-29",
            APP,
            "the image is latest",
            g ->
                g.set(
                    APP,
                    "spec.template.spec.containers.0.image",
                    "'123456789012.dkr.ecr.us-east-1.amazonaws.com/app-api:latest'")),

        // network
        c(
            "NET-01",
            "prod-network-vpc",
            "the flow log is dropped",
            g -> g.drop("prod-network-flow-log")),
        c(
            "NET-02",
            "prod-network-default-sg",
            "the default group gets a rule",
            g ->
                g.set(
                    "prod-network-default-sg",
                    "ingress",
                    "[{protocol: '-1', fromPort: 0, toPort: 0, self: true}]")),
        c(
            "NET-03",
            "prod-network-app-sg",
            "the app group admits SSH from anywhere",
            g ->
                g.set(
                    "prod-network-app-sg",
                    "ingress",
                    "[{description: 'ssh', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0']}]")),
        c(
            "NET-03",
            "prod-edge-lb-sg-in-443",
            "the ALB group's rule opens 8080 instead of 443",
            g ->
                g.set("prod-edge-lb-sg-in-443", "fromPort", "8080")
                    .set("prod-edge-lb-sg-in-443", "toPort", "8080")),
        c(
            "NET-03",
            "prod-edge-lb-sg-in-443",
            "the ALB group's rule opens 443 to ::/0 too... via IPv6 on 22",
            g ->
                g.set("prod-edge-lb-sg-in-443", "cidrIpv6", "'::/0'")
                    .set("prod-edge-lb-sg-in-443", "fromPort", "22")
                    .set("prod-edge-lb-sg-in-443", "toPort", "22")),
        c(
            "NET-04",
            "prod-network-app-sg",
            "an inline rule loses its description",
            g -> g.set("prod-network-app-sg", "egress.0.description", "''")),
        c(
            "NET-04",
            "prod-edge-lb-sg-in-443",
            "a rule has no description",
            g -> g.remove("prod-edge-lb-sg-in-443", "description")),
        c(
            "NET-05",
            "prod-network-private-nacl",
            "the NACL admits RDP from anywhere",
            g ->
                g.set(
                    "prod-network-private-nacl",
                    "ingress.0",
                    "{ruleNo: 100, protocol: 'tcp', action: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 3389, toPort: 3389}")),
        c(
            "NET-05",
            "prod-network-private-nacl",
            "the NACL admits every protocol from anywhere",
            g -> g.set("prod-network-private-nacl", "ingress.0.cidrBlock", "'0.0.0.0/0'")),
        c(
            "NET-06",
            "prod-network-private-a",
            "a private subnet maps public IPs",
            g -> g.set("prod-network-private-a", "mapPublicIpOnLaunch", "true")),
        c(
            "PL-01",
            "prod-network-vpc",
            "prod shares one NAT gateway",
            g -> g.drop("prod-network-nat-b")),
        // edge
        c("ALB-01", ALB, "the HTTPS listener is gone", g -> g.drop("prod-edge-lb-https")),
        c(
            "ALB-01",
            ALB,
            "the HTTPS listener has no certificate",
            g -> g.remove("prod-edge-lb-https", "certificateArn")),
        c(
            "ALB-02",
            "prod-edge-lb-http",
            "port 80 forwards to the app",
            g -> g.set("prod-edge-lb-http", "defaultActions", "[{type: 'forward'}]")),
        c(
            "ALB-03",
            "prod-edge-lb-https",
            "the listener takes the 2016 policy",
            g -> g.set("prod-edge-lb-https", "sslPolicy", "'ELBSecurityPolicy-2016-08'")),
        c(
            "ALB-03",
            "prod-edge-lb-https",
            "the listener has no policy",
            g -> g.remove("prod-edge-lb-https", "sslPolicy")),
        c(
            "ALB-04",
            ALB,
            "invalid headers pass",
            g -> g.set(ALB, "dropInvalidHeaderFields", "false")),
        c(
            "ALB-04",
            ALB,
            "desync mitigation only monitors",
            g -> g.set(ALB, "desyncMitigationMode", "'monitor'")),
        c("ALB-05", ALB, "access logs are off", g -> g.set(ALB, "accessLogs.enabled", "false")),
        c(
            "ALB-06",
            ALB,
            "deletion protection is off",
            g -> g.set(ALB, "enableDeletionProtection", "false")),
        c(
            "ALB-06",
            "staging",
            "staging-edge-lb-alb",
            "staging turns off deletion protection",
            g -> g.set("staging-edge-lb-alb", "enableDeletionProtection", "false")),
        c(
            "PL-02",
            "prod-edge-lb-app-tg",
            "health checks every 10 s",
            g -> g.set("prod-edge-lb-app-tg", "healthCheck.interval", "10")),
        c(
            "PL-02",
            "prod-edge-lb-app-tg",
            "5 failures before unhealthy",
            g -> g.set("prod-edge-lb-app-tg", "healthCheck.unhealthyThreshold", "5")),
        c(
            "PL-02",
            "prod-edge-lb-app-tg",
            "a health check times out after 10 s",
            g -> g.set("prod-edge-lb-app-tg", "healthCheck.timeout", "10")),
        c(
            "PL-02",
            "prod-edge-lb-app-tg",
            "5 successes before healthy",
            g -> g.set("prod-edge-lb-app-tg", "healthCheck.healthyThreshold", "5")),
        c(
            "PL-02",
            "prod-edge-lb-app-tg",
            "health checks off",
            g -> g.set("prod-edge-lb-app-tg", "healthCheck.enabled", "false")),
        c(
            "PL-02",
            "prod-edge-lb-app-tg",
            "no health-check path",
            g -> g.remove("prod-edge-lb-app-tg", "healthCheck.path")),
        c("PL-03", ALB, "idle timeout 300 s", g -> g.set(ALB, "idleTimeout", "300")),
        c(
            "PL-03",
            "prod-edge-lb-app-tg",
            "draining takes AWS's default 300 s",
            g -> g.remove("prod-edge-lb-app-tg", "deregistrationDelay")),
        c(
            "PL-04",
            "prod-edge-lb-https",
            "no HSTS header",
            g ->
                g.remove(
                    "prod-edge-lb-https", "routingHttpResponseStrictTransportSecurityHeaderValue")),
        c("WAF-01", ALB, "the ACL is not associated", g -> g.drop("prod-edge-waf-association")),
        c("WAF-02", ACL, "a rule has no action", g -> g.remove(ACL, "rules.0.action")),
        c("WAF-02", ACL, "the known-bad-inputs group is gone", g -> g.remove(ACL, "rules.1")),
        c(
            "WAF-02",
            ACL,
            "a rule's metrics are off",
            g -> g.set(ACL, "rules.2.visibilityConfig.cloudwatchMetricsEnabled", "false")),
        c("WAF-03", ACL, "the ACL logs nowhere", g -> g.drop("prod-edge-waf-logging")),
        c(
            "PL-05",
            ACL,
            "the rate limit allows 10000 per 5 minutes",
            g -> g.set(ACL, "rules.0.statement.rateBasedStatement.limit", "10000")),
        c("PL-05", ACL, "the rate limit rule is gone", g -> g.remove(ACL, "rules.0")),
        c("PL-06", ACL, "the SQLi group is gone", g -> g.remove(ACL, "rules.2")),
        c(
            "PL-06",
            ACL,
            "the SQLi group only counts in prod",
            g -> g.set(ACL, "rules.2.overrideAction", "{count: {}}")),
        // CDN (staging's baseline has one)
        c(
            "CDN-01",
            "staging",
            CDN,
            "the distribution has no web ACL",
            g -> g.remove(CDN, "webAclId")),
        c(
            "CDN-02",
            "staging",
            CDN,
            "viewers may use TLS 1.0",
            g -> g.set(CDN, "viewerCertificate.minimumProtocolVersion", "'TLSv1'")),
        c(
            "CDN-02",
            "staging",
            CDN,
            "the default certificate is served",
            g -> g.set(CDN, "viewerCertificate", "{cloudfrontDefaultCertificate: true}")),
        c("CDN-03", "staging", CDN, "no access logs", g -> g.remove(CDN, "loggingConfig")),
        c(
            "CDN-04",
            "staging",
            CDN,
            "the default behaviour allows plain HTTP",
            g -> g.set(CDN, "defaultCacheBehavior.viewerProtocolPolicy", "'allow-all'")),
        c(
            "CDN-04",
            "staging",
            CDN,
            "the cached paths allow plain HTTP",
            g -> g.set(CDN, "orderedCacheBehaviors.1.viewerProtocolPolicy", "'allow-all'")),
        c(
            "CDN-05",
            "staging",
            CDN,
            "the origin is reached over HTTP",
            g -> g.set(CDN, "origins.0.customOriginConfig.originProtocolPolicy", "'match-viewer'")),
        c(
            "CDN-05",
            "staging",
            CDN,
            "the origin accepts TLS 1.0",
            g ->
                g.set(
                    CDN,
                    "origins.0.customOriginConfig.originSslProtocols",
                    "['TLSv1', 'TLSv1.2']")),
        c(
            "CDN-06",
            "staging",
            "staging-edge-lb-alb",
            "the load balancer admits the internet besides CloudFront",
            g -> g.set("staging-edge-lb-sg-in-443", "cidrIpv4", "'0.0.0.0/0'")),
        c(
            "CDN-06",
            "staging",
            "staging-edge-lb-alb",
            "the HTTPS listener serves requests without the origin header",
            g -> g.set("staging-edge-lb-https", "defaultActions", "[{type: 'forward'}]")),
        c(
            "WAF-01",
            "staging",
            "staging-edge-lb-alb",
            "no regional ACL and the load balancer admits the internet around the edge ACL",
            g -> {
              g.drop("staging-edge-waf-association");
              g.set("staging-edge-lb-sg-in-443", "cidrIpv4", "'0.0.0.0/0'");
            }),
        // database
        c("RDS-01", DB, "storage is unencrypted", g -> g.set(DB, "storageEncrypted", "false")),
        c(
            "RDS-01",
            "prod-db-replica-1",
            "a cross-region replica (source by ARN) names no key of its region",
            g ->
                g.set(
                    "prod-db-replica-1",
                    "replicateSourceDb",
                    "'arn:aws:rds:us-west-2:123456789012:db:prod-db-primary'")),
        c("RDS-02", DB, "the database is public", g -> g.set(DB, "publiclyAccessible", "true")),
        c("RDS-03", DB, "prod's database is single-AZ", g -> g.set(DB, "multiAz", "false")),
        c("RDS-04", DB, "backups kept 1 day", g -> g.set(DB, "backupRetentionPeriod", "1")),
        c("RDS-04", DB, "tags are not copied", g -> g.set(DB, "copyTagsToSnapshot", "false")),
        c(
            "RDS-05",
            DB,
            "deletion protection is off",
            g -> g.set(DB, "deletionProtection", "false")),
        c(
            "RDS-06",
            DB,
            "IAM authentication is off",
            g -> g.remove(DB, "iamDatabaseAuthenticationEnabled")),
        c(
            "RDS-07",
            DB,
            "only postgresql logs are exported",
            g -> g.set(DB, "enabledCloudwatchLogsExports", "['postgresql']")),
        c(
            "RDS-08",
            DB,
            "Performance Insights has no key",
            g -> g.remove(DB, "performanceInsightsKmsKeyId")),
        c("RDS-09", DB, "enhanced monitoring is off", g -> g.set(DB, "monitoringInterval", "0")),
        c(
            "RDS-09",
            DB,
            "enhanced monitoring every 5 minutes... not allowed; 60 s max",
            g -> g.set(DB, "monitoringInterval", "120")),
        c(
            "RDS-10",
            DB,
            "minor upgrades are off",
            g -> g.set(DB, "autoMinorVersionUpgrade", "false")),
        c(
            "RDS-11",
            DB,
            "the parameter group does not force SSL",
            g -> g.set("prod-db-params", "parameters", "[{name: 'rds.force_ssl', value: '0'}]")),
        c(
            "RDS-11",
            DB,
            "the database uses the default parameter group",
            g ->
                g.drop("prod-db-params")
                    .remove(DB, "parameterGroupName")
                    .remove("prod-db-replica-1", "parameterGroupName")),
        c("RDS-12", DB, "the master user is postgres", g -> g.set(DB, "username", "'postgres'")),
        c(
            "PL-46",
            PROXY,
            "the proxy takes clients without TLS",
            g -> g.set(PROXY, "requireTls", "false")),
        c(
            "PL-47",
            PROXY,
            "the proxy lets clients in with a password",
            g -> g.set(PROXY, "auths.0.iamAuth", "'DISABLED'")),
        c(
            "PL-47",
            PROXY,
            "the proxy has no secret to log in with",
            g -> g.remove(PROXY, "auths.0.secretArn")),
        c("PL-07", DB, "prod keeps backups 7 days", g -> g.set(DB, "backupRetentionPeriod", "7")),
        c(
            "PL-07",
            "dev",
            "dev-db-primary",
            "dev keeps backups 3 days",
            g -> g.set("dev-db-primary", "backupRetentionPeriod", "3")),
        c("PL-08", DB, "backups run at noon", g -> g.set(DB, "backupWindow", "'12:00-13:00'")),
        c("PL-09", DB, "storage cannot grow", g -> g.remove(DB, "maxAllocatedStorage")),
        c("PL-10", DB, "no final snapshot", g -> g.set(DB, "skipFinalSnapshot", "true")),
        c(
            "PL-10",
            REDIS,
            "Redis has no final snapshot",
            g -> g.remove(REDIS, "finalSnapshotIdentifier")),
        c("PL-11", DB, "PostgreSQL 13", g -> g.set(DB, "engineVersion", "'13.12'")),
        c(
            "PL-11",
            "prod-db-replica-1",
            "a replica that sets no version follows a PostgreSQL 13 source",
            g ->
                g.remove("prod-db-replica-1", "engineVersion").set(DB, "engineVersion", "'13.12'")),
        c("PL-12", DB, "prod has no read replica", g -> g.drop("prod-db-replica-1")),
        // cache
        c(
            "EC-01",
            REDIS,
            "at-rest encryption is off",
            g -> g.set(REDIS, "atRestEncryptionEnabled", "false")),
        c(
            "EC-02",
            REDIS,
            "in-transit encryption is off",
            g -> g.set(REDIS, "transitEncryptionEnabled", "false")),
        c("EC-03", REDIS, "no AUTH token", g -> g.remove(REDIS, "authToken")),
        c("EC-04", REDIS, "no Multi-AZ", g -> g.set(REDIS, "multiAzEnabled", "false")),
        c("EC-05", REDIS, "no snapshots", g -> g.set(REDIS, "snapshotRetentionLimit", "0")),
        c(
            "EC-06",
            REDIS,
            "minor upgrades are off",
            g -> g.set(REDIS, "autoMinorVersionUpgrade", "false")),
        c("EC-07", REDIS, "the default subnet group", g -> g.remove(REDIS, "subnetGroupName")),
        c("PL-13", REDIS, "Redis 6", g -> g.set(REDIS, "engineVersion", "'6.2'")),
        c("PL-14", REDIS, "two nodes in prod", g -> g.set(REDIS, "numCacheClusters", "2")),
        // search
        c(
            "OS-01",
            SEARCH,
            "no customer-managed key",
            g -> g.remove(SEARCH, "encryptAtRest.kmsKeyId")),
        c(
            "OS-02",
            SEARCH,
            "node-to-node encryption is off",
            g -> g.set(SEARCH, "nodeToNodeEncryption.enabled", "false")),
        c("OS-03", SEARCH, "the domain is outside the VPC", g -> g.remove(SEARCH, "vpcOptions")),
        c(
            "OS-04",
            SEARCH,
            "the TLS 1.0 policy",
            g ->
                g.set(
                    SEARCH,
                    "domainEndpointOptions.tlsSecurityPolicy",
                    "'Policy-Min-TLS-1-0-2019-07'")),
        c(
            "OS-04",
            SEARCH,
            "HTTPS is not enforced",
            g -> g.set(SEARCH, "domainEndpointOptions.enforceHttps", "false")),
        c(
            "OS-05",
            SEARCH,
            "no audit log",
            g ->
                g.set(
                    SEARCH,
                    "logPublishingOptions",
                    "["
                        + Fixtures.searchLog("ES_APPLICATION_LOGS")
                        + ", "
                        + Fixtures.searchLog("INDEX_SLOW_LOGS")
                        + ", "
                        + Fixtures.searchLog("SEARCH_SLOW_LOGS")
                        + "]")),
        c(
            "OS-06",
            SEARCH,
            "one zone",
            g -> g.set(SEARCH, "clusterConfig.zoneAwarenessEnabled", "false")),
        c(
            "OS-06",
            SEARCH,
            "no dedicated masters",
            g -> g.set(SEARCH, "clusterConfig.dedicatedMasterEnabled", "false")),
        c(
            "OS-07",
            SEARCH,
            "anonymous access",
            g -> g.set(SEARCH, "advancedSecurityOptions.anonymousAuthEnabled", "true")),
        // storage
        c(
            "S3-01",
            BACKUPS,
            "a public-access block is off",
            g -> g.set(BACKUPS + "-public-access", "restrictPublicBuckets", "false")),
        c(
            "S3-01",
            BACKUPS,
            "the policy allows anyone",
            g ->
                g.set(
                    BACKUPS + "-policy",
                    "policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}'")),
        c(
            "S3-02",
            BACKUPS,
            "SSE-S3 instead of KMS",
            g ->
                g.set(
                    BACKUPS + "-encryption",
                    "rules.0.applyServerSideEncryptionByDefault",
                    "{sseAlgorithm: 'AES256'}")),
        c("S3-03", BACKUPS, "the policy is gone", g -> g.drop(BACKUPS + "-policy")),
        c(
            "S3-03",
            BACKUPS,
            "the TLS statement allows instead of denying",
            g -> g.set(BACKUPS + "-policy", "policy", Fixtures.tlsOnlyPolicy(BACKUPS, "Allow"))),
        c(
            "S3-04",
            BACKUPS,
            "versioning suspended",
            g -> g.set(BACKUPS + "-versioning", "versioningConfiguration.status", "'Suspended'")),
        c("S3-05", BACKUPS, "access logging is gone", g -> g.drop(BACKUPS + "-logging")),
        c(
            "S3-06",
            BACKUPS,
            "multipart uploads never aborted",
            g -> g.remove(BACKUPS + "-lifecycle", "rules.0.abortIncompleteMultipartUpload")),
        c("S3-06", "prod-edge-lb-logs", "no lifecycle", g -> g.drop("prod-edge-lb-logs-lifecycle")),
        c(
            "S3-06",
            BACKUPS,
            "its only lifecycle rule is disabled",
            g -> g.set(BACKUPS + "-lifecycle", "rules.0.status", "'Disabled'")),
        c(
            "S3-07",
            BACKUPS,
            "ObjectWriter ownership",
            g -> g.set(BACKUPS + "-ownership", "rule.objectOwnership", "'ObjectWriter'")),
        c(
            "S3-08",
            "prod-audit-bucket",
            "the audit bucket has no Object Lock",
            g -> g.drop("prod-audit-bucket-lock").remove("prod-audit-bucket", "objectLockEnabled")),
        c(
            "S3-09",
            BACKUPS,
            "the backups bucket is not replicated",
            g -> g.drop(BACKUPS + "-replication")),
        c(
            "PL-15",
            "prod-edge-lb-logs",
            "objects go to Glacier at 180 days",
            g -> g.set("prod-edge-lb-logs-lifecycle", "rules.0.transitions.1.days", "180")),
        c(
            "PL-15",
            BACKUPS,
            "objects expire after 90 days",
            g -> g.set(BACKUPS + "-lifecycle", "rules.0.expiration.days", "90")),
        // compute
        c(
            "EKS-01",
            EKS,
            "the endpoint is public to the world",
            g -> g.set(EKS, "vpcConfig.endpointPublicAccess", "true")),
        c(
            "EKS-01",
            EKS,
            "the endpoint is public to 0.0.0.0/0",
            g ->
                g.set(EKS, "vpcConfig.endpointPublicAccess", "true")
                    .set(EKS, "vpcConfig.publicAccessCidrs", "['0.0.0.0/0']")),
        c("EKS-02", EKS, "secrets are not encrypted", g -> g.remove(EKS, "encryptionConfig")),
        c(
            "EKS-03",
            EKS,
            "the scheduler log is off",
            g ->
                g.set(
                    EKS,
                    "enabledClusterLogTypes",
                    "['api', 'audit', 'authenticator', 'controllerManager']")),
        c("EKS-04", EKS, "Kubernetes 1.27", g -> g.set(EKS, "version", "'1.27'")),
        c("EKS-04", EKS, "the version is unpinned", g -> g.remove(EKS, "version")),
        c(
            "EKS-04",
            EKS,
            "Kubernetes 1.34, past its end of standard support (2026-12-02)",
            g -> g.set(EKS, "version", "'1.34'")),
        c(
            "EKS-05",
            "prod-cluster-nodes",
            "SSH open to the world",
            g -> g.set("prod-cluster-nodes", "remoteAccess", "{ec2SshKey: 'ops'}")),
        c(
            "EKS-06",
            "prod-cluster-nodes-lt",
            "IMDSv1 allowed",
            g -> g.set("prod-cluster-nodes-lt", "metadataOptions.httpTokens", "'optional'")),
        c(
            "EKS-06",
            "prod-cluster-nodes-lt",
            "an unencrypted volume",
            g -> g.set("prod-cluster-nodes-lt", "blockDeviceMappings.0.ebs.encrypted", "'false'")),
        c(
            "EKS-06",
            "prod-cluster-nodes",
            "the node group has no launch template",
            g -> g.remove("prod-cluster-nodes", "launchTemplate")),
        c(
            "PL-16",
            "prod-cluster-nodes",
            "prod may scale to one node",
            g -> g.set("prod-cluster-nodes", "scalingConfig.minSize", "1")),
        c(
            "ECR-01",
            ECR,
            "no scan on push",
            g -> g.set(ECR, "imageScanningConfiguration.scanOnPush", "false")),
        c("ECR-02", ECR, "mutable tags", g -> g.set(ECR, "imageTagMutability", "'MUTABLE'")),
        c(
            "ECR-03",
            ECR,
            "AES256 encryption",
            g -> g.set(ECR, "encryptionConfigurations", "[{encryptionType: 'AES256'}]")),
        c("ECR-03", ECR, "no lifecycle policy", g -> g.drop(ECR + "-lifecycle")),
        c(
            "ECR-04",
            ECR + "-policy",
            "anyone may pull",
            g ->
                g.set(
                    ECR + "-policy",
                    "policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\"}]}'")),
        c(
            "PL-17",
            ECR + "-lifecycle",
            "untagged images kept 30 days",
            g ->
                g.set(
                    ECR + "-lifecycle",
                    "policy",
                    "'{\"rules\":[{\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countNumber\":30}},"
                        + "{\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":10}}]}'")),
        // security
        c(
            "KMS-01",
            "prod-keys-data",
            "rotation off",
            g -> g.set("prod-keys-data", "enableKeyRotation", "false")),
        c("KMS-02", "prod-keys-data", "no key policy", g -> g.remove("prod-keys-data", "policy")),
        c(
            "KMS-02",
            "prod-keys-data",
            "anyone may use the key",
            g ->
                g.set(
                    "prod-keys-data",
                    "policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}'")),
        c(
            "SM-01",
            "prod-secrets-db",
            "the AWS-managed key",
            g -> g.remove("prod-secrets-db", "kmsKeyId")),
        c(
            "SM-02",
            "prod-secrets-db",
            "rotation every 180 days",
            g -> g.set("prod-secrets-db-rotation", "rotationRules.automaticallyAfterDays", "180")),
        c(
            "IAM-01",
            "prod-cluster-irsa-policy",
            "the role may do anything",
            g ->
                g.set(
                    "prod-cluster-irsa-policy",
                    "policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}'")),
        c(
            "IAM-02",
            "prod-cluster-irsa-policy",
            "writes on any bucket",
            g ->
                g.set(
                    "prod-cluster-irsa-policy",
                    "policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:PutObject\"],\"Resource\":\"*\"}]}'")),
        c(
            "IAM-02",
            "prod-cluster-irsa-policy",
            "iam:PassRole on any role",
            g ->
                g.set(
                    "prod-cluster-irsa-policy",
                    "policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"a\":\"b\"}}}]}'")),
        c(
            "IAM-03",
            "prod-cluster-irsa",
            "any service account may assume it",
            g ->
                g.set(
                    "prod-cluster-irsa",
                    "assumeRolePolicy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:oidc\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                        + "\"Condition\":{\"StringLike\":{\"oidc.eks:sub\":\"system:serviceaccount:*\"}}}]}'")),
        c(
            "IAM-03",
            "prod-backup-role",
            "anyone may assume it",
            g ->
                g.set(
                    "prod-backup-role",
                    "assumeRolePolicy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}'")),
        c(
            "IAM-04",
            "prod-backup-role-policy",
            "AdministratorAccess attached",
            g ->
                g.set(
                    "prod-backup-role-policy",
                    "policyArn",
                    "'arn:aws:iam::aws:policy/AdministratorAccess'")),
        c(
            "IAM-04",
            "prod-cluster-irsa-policy",
            "an inline iam:* grant",
            g ->
                g.set(
                    "prod-cluster-irsa-policy",
                    "policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"arn:aws:iam::1:role/x\"}]}'")),
        c(
            "IAM-01",
            "prod-cluster-irsa",
            "the role's inline policy allows * on * unconditioned",
            g ->
                g.set(
                    "prod-cluster-irsa",
                    "inlinePolicies.0.policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}'")),
        c(
            "IAM-04",
            "prod-cluster-irsa",
            "the role's Deny guards become Allows",
            g ->
                g.set(
                    "prod-cluster-irsa",
                    "inlinePolicies.0.policy",
                    Fixtures.inlinePolicy("Allow"))),
        c(
            "IAM-02",
            "prod-cluster-irsa",
            "a write action joins the role's read-only actions on any resource",
            g ->
                g.set(
                    "prod-cluster-irsa",
                    "inlinePolicies.0.policy",
                    "'{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:DescribeLogGroups\","
                        + "\"logs:PutRetentionPolicy\"],\"Resource\":\"*\"}]}'")),
        // observability
        c(
            "CW-01",
            "prod-edge-waf-logs",
            "no KMS key",
            g -> g.remove("prod-edge-waf-logs", "kmsKeyId")),
        c(
            "CW-02",
            "prod-edge-waf-logs",
            "logs kept forever",
            g -> g.remove("prod-edge-waf-logs", "retentionInDays")),
        c(
            "PL-18",
            "prod-network-flow-logs",
            "prod flow logs kept 30 days",
            g -> g.set("prod-network-flow-logs", "retentionInDays", "30")),
        c(
            "CW-03",
            "prod-audit-alarm-5xx",
            "the alarm notifies no one",
            g -> g.remove("prod-audit-alarm-5xx", "alarmActions")),
        c(
            "CW-03",
            "prod-audit-alarm-5xx",
            "actions disabled",
            g -> g.set("prod-audit-alarm-5xx", "actionsEnabled", "false")),
        c(
            "CT-01",
            TRAIL,
            "a single-region trail",
            g -> g.set(TRAIL, "isMultiRegionTrail", "false")),
        c(
            "CT-02",
            TRAIL,
            "no log file validation",
            g -> g.remove(TRAIL, "enableLogFileValidation")),
        c("CT-03", TRAIL, "no KMS key", g -> g.remove(TRAIL, "kmsKeyId")),
        c(
            "CT-04",
            TRAIL,
            "no CloudWatch Logs delivery",
            g -> g.remove(TRAIL, "cloudWatchLogsGroupArn")),
        // resilience
        c(
            "PL-19",
            "prod-backup-plan",
            "prod keeps recovery points 14 days",
            g -> g.set("prod-backup-plan", "rules.0.lifecycle.deleteAfter", "14")),
        c(
            "PL-20",
            "prod-backup-vault",
            "the vault uses the AWS key",
            g -> g.remove("prod-backup-vault", "kmsKeyArn")),
        c(
            "PL-21",
            "prod-backup-plan",
            "no copy to the DR region",
            g -> g.remove("prod-backup-plan", "rules.0.copyActions")),
        c(
            "PL-23",
            DB,
            "the primary's automated backups are not replicated",
            g -> g.drop("prod-db-backup-replication")),
        c(
            "PL-30",
            DB,
            "prod keeps its recovery targets and names no standby",
            g ->
                g.output("disasterRecovery", "{role: 'primary', standbyStack: '', rpoMinutes: 5}")),
        c(
            "PL-23",
            DB,
            "the replicated backups have no key in the DR region",
            g -> g.remove("prod-db-backup-replication", "kmsKeyId")),
        c("PL-22", DB, "the database is not protected", g -> g.protect(DB, false)),
        c(
            "PL-22",
            "prod-keys-data",
            "the key is not protected",
            g -> g.protect("prod-keys-data", false)),
        // disaster recovery
        c(
            "DR-01",
            "plinth-prod",
            "the stack is a standby of a primary in its own region (us-east-1)",
            g ->
                g.output("drRole", "'standby'")
                    .output("primaryRegion", "'us-east-1'")
                    .output("region", "'us-east-1'")));
  }
}
