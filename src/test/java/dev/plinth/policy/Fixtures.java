package dev.plinth.policy;

import dev.plinth.testing.GraphBuilder;

/**
 * A compliant platform as a synthetic graph: one of each resource Plinth creates or will create
 * (network, edge, data, backups, cluster, registry, audit), every rule satisfied. Rule tests change
 * one property of it and expect exactly that rule to fail on that resource.
 */
final class Fixtures {
  /**
   * The baseline cluster's Kubernetes minor: the stacks' (1.35), whose autoscaler chart 9.55.1 is
   * in {@code compute.Charts}. EKS-04 fails the baseline once it leaves standard support
   * (2027-03-27 in {@code EksVersions}), and that failure is the reminder to move both.
   */
  static final String FIXTURE_EKS_VERSION = "1.35";

  private Fixtures() {}

  static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1";
  static final String KEY_POLICY =
      "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
          + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}'";

  /**
   * The CloudTrail key's policy (a JSON object, so that cases can change one statement): the
   * required elements for trails, the bucket key's Decrypt included.
   */
  static final String AUDIT_KEY_POLICY =
      "{Version: '2012-10-17', Statement: ["
          + "{Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::123456789012:root'}, Action: 'kms:*',"
          + " Resource: '*'},"
          + "{Sid: 'Encrypt', Effect: 'Allow', Principal: {Service: 'cloudtrail.amazonaws.com'},"
          + " Action: 'kms:GenerateDataKey*', Resource: '*', Condition: {StringLike:"
          + " {'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:123456789012:trail/*'}}},"
          + "{Sid: 'Describe', Effect: 'Allow', Principal: {Service: 'cloudtrail.amazonaws.com'},"
          + " Action: 'kms:DescribeKey', Resource: '*'},"
          + "{Sid: 'Decrypt', Effect: 'Allow', Principal: {Service: 'cloudtrail.amazonaws.com'},"
          + " Action: 'kms:Decrypt', Resource: '*'}]}";

  /**
   * The app role's inline policy: read-only actions on any resource (one of each verb IAM-02 reads
   * as read-only: Describe, Get, List) and a Deny guard on IAM and on everything outside us-east-1.
   * A Deny grants nothing: rules that judge grants must tell it from an Allow.
   */
  static final String IRSA_INLINE_POLICY = inlinePolicy("Deny");

  static String inlinePolicy(String guardEffect) {
    return "'{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":[\"logs:DescribeLogGroups\","
        + "\"cloudwatch:GetMetricData\",\"cloudwatch:ListMetrics\"],\"Resource\":\"*\"},"
        + "{\"Sid\":\"NoIam\",\"Effect\":\""
        + guardEffect
        + "\",\"Action\":\"iam:*\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"HomeRegion\",\"Effect\":\""
        + guardEffect
        + "\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":"
        + "{\"aws:RequestedRegion\":\"us-east-1\"}}}]}'";
  }

  static String tlsOnlyPolicy(String bucket) {
    return tlsOnlyPolicy(bucket, "Deny");
  }

  static String tlsOnlyPolicy(String bucket, String effect) {
    return "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TlsOnly\",\"Effect\":\""
        + effect
        + "\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::"
        + bucket
        + "\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}'";
  }

  /** A role a service assumes, with one managed policy attached. */
  static void serviceRole(GraphBuilder g, String name, String service, String policy) {
    g.add(
        Types.ROLE,
        name,
        "{assumeRolePolicy: '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\""
            + service
            + "\"},\"Action\":\"sts:AssumeRole\"}]}'}");
    g.add(
        Types.ROLE_POLICY_ATTACHMENT,
        name + "-" + policy,
        "{policyArn: 'arn:aws:iam::aws:policy/" + policy + "'}",
        name);
  }

  /**
   * A bucket and its configuration resources, all compliant (KMS unless {@code sseS3}): protected
   * in prod, emptied on destroy in dev.
   */
  static void bucket(GraphBuilder g, String name, boolean sseS3, boolean logging) {
    String env = name.substring(0, name.indexOf('-'));
    g.add(Types.BUCKET, name, "{bucket: '" + name + "', forceDestroy: " + env.equals("dev") + "}")
        .protect(name, env.equals("prod"));
    g.add(
        Types.BUCKET_OWNERSHIP,
        name + "-ownership",
        "{rule: {objectOwnership: 'BucketOwnerEnforced'}}",
        name);
    g.add(
        Types.BUCKET_PUBLIC_ACCESS,
        name + "-public-access",
        "{blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true}",
        name);
    g.add(
        Types.BUCKET_SSE,
        name + "-encryption",
        sseS3
            ? "{rules: [{applyServerSideEncryptionByDefault: {sseAlgorithm: 'AES256'}}]}"
            : "{rules: [{applyServerSideEncryptionByDefault: {sseAlgorithm: 'aws:kms', kmsMasterKeyId: '"
                + KEY
                + "'}, bucketKeyEnabled: true}]}",
        name);
    g.add(
        Types.BUCKET_VERSIONING,
        name + "-versioning",
        "{versioningConfiguration: {status: 'Enabled'}}",
        name);
    g.add(
        Types.BUCKET_LIFECYCLE,
        name + "-lifecycle",
        "{rules: [{id: 'tiers', status: 'Enabled', transitions: [{days: 30, storageClass: 'STANDARD_IA'},"
            + " {days: 90, storageClass: 'GLACIER'}], expiration: {days: 365},"
            + " noncurrentVersionExpiration: {noncurrentDays: 30},"
            + " abortIncompleteMultipartUpload: {daysAfterInitiation: 7}}]}",
        name);
    g.add(Types.BUCKET_POLICY, name + "-policy", "{policy: " + tlsOnlyPolicy(name) + "}", name);
    if (logging) {
      g.add(
          Types.BUCKET_LOGGING,
          name + "-logging",
          "{targetBucket: 'access-logs', targetPrefix: '" + name + "/'}",
          name);
    }
  }

  /**
   * Staging's edge as {@code plinth:edge.cdn} builds it: a CloudFront distribution in front of the
   * load balancer, whose security group then admits only CloudFront's prefix list and whose HTTPS
   * listener answers 403 unless a rule finds the origin header (the regional ACL stays, as with
   * {@code keepRegionalFirewall}).
   */
  static void cdn(GraphBuilder g, String p) {
    g.remove(p + "edge-lb-sg-in-443", "cidrIpv4");
    g.set(p + "edge-lb-sg-in-443", "prefixListId", "'pl-1'");
    g.set(
        p + "edge-lb-https",
        "defaultActions",
        "[{type: 'fixed-response', fixedResponse: {contentType: 'text/plain', statusCode: '403'}}]");
    g.add(
        Types.LISTENER_RULE,
        p + "edge-lb-https-from-cdn",
        "{priority: 1, conditions: [{httpHeader: {httpHeaderName: 'X-Origin-Verify', values:"
            + " ['[secret]']}}], actions: [{type: 'forward'}]}",
        p + "edge-lb-https",
        p + "edge-lb-app-tg");
    g.component("plinth:edge:Cdn", p + "edge-cdn");
    String behaviour =
        "targetOriginId: 'load-balancer', viewerProtocolPolicy: 'redirect-to-https',"
            + " allowedMethods: ['GET', 'HEAD'], cachedMethods: ['GET', 'HEAD'], compress: true";
    g.add(
        Types.DISTRIBUTION,
        p + "edge-cdn-distribution",
        "{enabled: true, aliases: ['staging.app.example.com'],"
            + " webAclId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1',"
            + " viewerCertificate: {acmCertificateArn:"
            + " 'arn:aws:acm:us-east-1:123456789012:certificate/1', sslSupportMethod: 'sni-only',"
            + " minimumProtocolVersion: 'TLSv1.2_2021'},"
            + " loggingConfig: {bucket: 'cdn-logs.s3.amazonaws.com', includeCookies: false},"
            + " origins: [{originId: 'load-balancer', domainName: 'alb.example.com',"
            + " customOriginConfig: {httpPort: 80, httpsPort: 443, originProtocolPolicy:"
            + " 'https-only', originSslProtocols: ['TLSv1.2']}}],"
            + " defaultCacheBehavior: {"
            + behaviour
            + "}, orderedCacheBehaviors: [{pathPattern: '/api/*', "
            + behaviour
            + "}, {pathPattern: '/static/*', "
            + behaviour
            + "}]}",
        p + "edge-lb-alb");
  }

  /** A log publishing option of the search domain, to an encrypted log group of its own. */
  static String searchLog(String type) {
    return "{logType: '"
        + type
        + "', enabled: true, cloudwatchLogGroupArn:"
        + " 'arn:aws:logs:us-east-1:123456789012:log-group:/plinth/search/"
        + type
        + "'}";
  }

  static GraphBuilder compliant(String env) {
    GraphBuilder g = new GraphBuilder(env);
    String p = env + "-";

    g.component("plinth:network:Network", p + "network");
    g.add(Types.VPC, p + "network-vpc", "{cidrBlock: '10.0.0.0/16'}");
    g.add(
        Types.LOG_GROUP,
        p + "network-flow-logs",
        "{name: '/plinth/"
            + env
            + "/vpc-flow-logs', retentionInDays: 365, kmsKeyId: '"
            + KEY
            + "'}");
    g.add(
        Types.FLOW_LOG,
        p + "network-flow-log",
        "{trafficType: 'ALL'}",
        p + "network-vpc",
        p + "network-flow-logs");
    g.add(Types.DEFAULT_SG, p + "network-default-sg", "{}", p + "network-vpc");
    g.add(
        Types.SG,
        p + "network-app-sg",
        "{description: 'application pods', egress: [{description: 'out', protocol: '-1', fromPort: 0,"
            + " toPort: 0, cidrBlocks: ['0.0.0.0/0']}]}",
        p + "network-vpc");
    for (String z : new String[] {"a", "b"}) {
      g.add(
          Types.SUBNET,
          p + "network-private-" + z,
          "{availabilityZoneId: 'use1-az"
              + (z.equals("a") ? 1 : 2)
              + "', mapPublicIpOnLaunch: false, tags: {'plinth:tier': 'private'}}",
          p + "network-vpc");
      g.add(Types.EIP, p + "network-nat-eip-" + z, "{domain: 'vpc'}");
      g.add(
          Types.NAT,
          p + "network-nat-" + z,
          "{connectivityType: 'public'}",
          p + "network-nat-eip-" + z);
    }
    g.add(
        Types.SUBNET,
        p + "network-database-a",
        "{availabilityZoneId: 'use1-az1', cidrBlock: '10.0.21.0/24', mapPublicIpOnLaunch: false,"
            + " tags: {'plinth:tier': 'database'}}",
        p + "network-vpc");
    g.add(
        Types.NACL,
        p + "network-private-nacl",
        "{ingress: [{ruleNo: 100, protocol: '-1', action: 'allow', cidrBlock: '10.0.0.0/16', fromPort: 0, toPort: 0}],"
            + " egress: [{ruleNo: 100, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 0, toPort: 0}]}",
        p + "network-vpc");

    g.component("plinth:edge:LoadBalancer", p + "edge-lb");
    g.add(Types.SG, p + "edge-lb-sg", "{description: 'internet-facing load balancer'}");
    g.add(
        Types.SG_INGRESS,
        p + "edge-lb-sg-in-443",
        "{description: 'HTTPS from anywhere', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0'}",
        p + "edge-lb-sg");
    bucket(g, p + "edge-lb-logs", true, false);
    g.add(
        Types.LB,
        p + "edge-lb-alb",
        "{loadBalancerType: 'application', internal: false, subnets: ['subnet-1', 'subnet-2'],"
            + " dropInvalidHeaderFields: true, desyncMitigationMode: 'strictest', idleTimeout: 60,"
            + " enableDeletionProtection: true, accessLogs: {bucket: '"
            + p
            + "edge-lb-logs-id', enabled: true}}",
        p + "edge-lb-sg",
        p + "edge-lb-logs");
    g.add(
        Types.TARGET_GROUP,
        p + "edge-lb-app-tg",
        "{port: 3000, protocol: 'HTTP', targetType: 'ip', deregistrationDelay: 30, healthCheck: {enabled: true,"
            + " path: '/api/health/ready', interval: 30, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3}}");
    g.add(
        Types.LISTENER,
        p + "edge-lb-https",
        "{protocol: 'HTTPS', port: 443, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/1',"
            + " sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',"
            + " routingHttpResponseStrictTransportSecurityHeaderValue: 'max-age=31536000',"
            + " defaultActions: [{type: 'forward'}]}",
        p + "edge-lb-alb",
        p + "edge-lb-app-tg");
    g.add(
        Types.LISTENER,
        p + "edge-lb-http",
        "{protocol: 'HTTP', port: 80, defaultActions: [{type: 'redirect', redirect: {protocol: 'HTTPS',"
            + " port: '443', statusCode: 'HTTP_301'}}]}",
        p + "edge-lb-alb");

    g.component("plinth:edge:Firewall", p + "edge-waf");
    String visible =
        "visibilityConfig: {cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'm'}";
    g.add(
        Types.WEB_ACL,
        p + "edge-waf-acl",
        "{scope: 'REGIONAL', defaultAction: {allow: {}}, "
            + visible
            + ", rules: ["
            + "{name: 'rate-limit', priority: 1, action: {block: {}}, statement: {rateBasedStatement: {limit: 2000,"
            + " evaluationWindowSec: 300, aggregateKeyType: 'IP'}}, "
            + visible
            + "},"
            + "{name: 'known-bad-inputs', priority: 2, overrideAction: {none: {}}, statement: {managedRuleGroupStatement:"
            + " {vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet'}}, "
            + visible
            + "},"
            + "{name: 'sqli', priority: 3, overrideAction: {none: {}}, statement: {managedRuleGroupStatement:"
            + " {vendorName: 'AWS', name: 'AWSManagedRulesSQLiRuleSet'}}, "
            + visible
            + "}]}");
    g.add(
        Types.WEB_ACL_ASSOCIATION,
        p + "edge-waf-association",
        "{}",
        p + "edge-waf-acl",
        p + "edge-lb-alb");
    g.add(
        Types.LOG_GROUP,
        p + "edge-waf-logs",
        "{name: 'aws-waf-logs-" + env + "', retentionInDays: 30, kmsKeyId: '" + KEY + "'}");
    g.add(
        Types.WEB_ACL_LOGGING,
        p + "edge-waf-logging",
        "{}",
        p + "edge-waf-acl",
        p + "edge-waf-logs");

    if (env.equals("staging")) {
      cdn(g, p);
    }

    g.component("plinth:data:Keys", p + "keys");
    g.add(
            Types.KMS_KEY,
            p + "keys-data",
            "{enableKeyRotation: true, deletionWindowInDays: 30, policy: " + KEY_POLICY + "}")
        .protect(p + "keys-data", true);
    g.add(
            Types.KMS_KEY,
            p + "keys-audit",
            "{enableKeyRotation: true, deletionWindowInDays: 30, policy: " + AUDIT_KEY_POLICY + "}")
        .protect(p + "keys-audit", true);

    g.component("plinth:data:Database", p + "db");
    g.add(
        Types.RDS_PARAMETERS,
        p + "db-params",
        "{family: 'postgres16', parameters: [{name: 'rds.force_ssl', value: '1'}]}");
    String common =
        "storageEncrypted: true, publiclyAccessible: false,"
            + " deletionProtection: true, iamDatabaseAuthenticationEnabled: true,"
            + " enabledCloudwatchLogsExports: ['postgresql', 'upgrade'], performanceInsightsEnabled: true,"
            + " performanceInsightsKmsKeyId: '"
            + KEY
            + "', monitoringInterval: 60,"
            + " monitoringRoleArn: 'arn:aws:iam::123456789012:role/monitoring', autoMinorVersionUpgrade: true,"
            + " engine: 'postgres', engineVersion: '16.4', instanceClass: 'db.r6g.large',"
            + " allocatedStorage: 100, maxAllocatedStorage: 1000, parameterGroupName: '"
            + p
            + "db-params-id'";
    for (String instance : new String[] {"primary", "replica-1"}) {
      for (String log : new String[] {"postgresql", "upgrade"}) {
        g.add(
            Types.LOG_GROUP,
            p + "db-" + instance + "-logs-" + log,
            "{name: '/aws/rds/instance/"
                + p
                + "db-"
                + instance
                + "/"
                + log
                + "', retentionInDays: 30, kmsKeyId: '"
                + KEY
                + "'}");
      }
    }
    g.add(
            Types.RDS,
            p + "db-primary",
            "{"
                + common
                + ", identifier: '"
                + p
                + "db-primary', kmsKeyId: '"
                + KEY
                + "', multiAz: true, backupRetentionPeriod: 30, copyTagsToSnapshot: true, port: 5432,"
                + " username: 'plinth_admin', backupWindow: '03:00-04:00', maintenanceWindow: 'sun:04:00-sun:05:00',"
                + " skipFinalSnapshot: false, finalSnapshotIdentifier: '"
                + p
                + "db-final'}",
            p + "db-params",
            p + "db-primary-logs-postgresql",
            p + "db-primary-logs-upgrade")
        .protect(p + "db-primary", true);
    g.add(
            Types.RDS,
            p + "db-replica-1",
            "{"
                + common
                + ", identifier: '"
                + p
                + "db-replica-1', multiAz: false, replicateSourceDb: '"
                + p
                + "db-primary'}",
            p + "db-params",
            p + "db-primary",
            p + "db-replica-1-logs-postgresql",
            p + "db-replica-1-logs-upgrade")
        .protect(p + "db-replica-1", true);
    g.add(
        Types.RDS_BACKUP_REPLICATION,
        p + "db-backup-replication",
        "{sourceDbInstanceArn: 'arn:aws:rds:us-east-1:123456789012:db:"
            + p
            + "db-primary', retentionPeriod: 30,"
            + " kmsKeyId: 'arn:aws:kms:us-west-2:123456789012:key/dr'}",
        p + "db-primary");

    g.add(
        Types.RDS_PROXY,
        p + "db-proxy",
        "{name: '"
            + p
            + "db-proxy', engineFamily: 'POSTGRESQL', requireTls: true, idleClientTimeout: 1800,"
            + " auths: [{authScheme: 'SECRETS', iamAuth: 'REQUIRED', secretArn:"
            + " 'arn:aws:secretsmanager:us-east-1:123456789012:secret:plinth/db-master'}]}");

    g.component("plinth:data:Cache", p + "cache");
    g.add(
        Types.CACHE_PARAMETERS,
        p + "cache-params",
        "{family: 'redis7', parameters: [{name: 'cluster-enabled', value: 'yes'}]}");
    g.add(
            Types.CACHE,
            p + "cache-redis",
            "{engine: 'redis', engineVersion: '7.1', nodeType: 'cache.r6g.large', numNodeGroups: 1,"
                + " replicasPerNodeGroup: 2, parameterGroupName: '"
                + p
                + "cache-params-id', maintenanceWindow: 'sun:06:00-sun:07:00',"
                + " snapshotWindow: '05:00-06:00',"
                + " atRestEncryptionEnabled: true, kmsKeyId: '"
                + KEY
                + "', transitEncryptionEnabled: true,"
                + " authToken: '[secret]', automaticFailoverEnabled: true, multiAzEnabled: true,"
                + " snapshotRetentionLimit: 7, autoMinorVersionUpgrade: true, subnetGroupName: '"
                + env
                + "-network-cache-subnets', port: 6379, finalSnapshotIdentifier: '"
                + p
                + "cache-final'}")
        .protect(p + "cache-redis", true);

    g.component("plinth:search:SearchDomain", p + "search");
    g.add(
            Types.SEARCH_DOMAIN,
            p + "search-domain",
            "{domainName: 'plinth-"
                + env
                + "-search', engineVersion: 'OpenSearch_3.3', clusterConfig: {instanceType:"
                + " 'm6g.2xlarge.search', instanceCount: 3, zoneAwarenessEnabled: true,"
                + " zoneAwarenessConfig: {availabilityZoneCount: 3}, dedicatedMasterEnabled: true,"
                + " dedicatedMasterType: 'm6g.large.search', dedicatedMasterCount: 3},"
                + " ebsOptions: {ebsEnabled: true, volumeType: 'gp3', volumeSize: 100},"
                + " encryptAtRest: {enabled: true, kmsKeyId: '"
                + KEY
                + "'}, nodeToNodeEncryption: {enabled: true}, domainEndpointOptions:"
                + " {enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10'},"
                + " advancedSecurityOptions: {enabled: true, anonymousAuthEnabled: false,"
                + " internalUserDatabaseEnabled: false, masterUserOptions: {masterUserArn:"
                + " 'arn:aws:iam::123456789012:role/search-admin'}}, vpcOptions: {subnetIds:"
                + " ['subnet-a', 'subnet-b', 'subnet-c'], securityGroupIds: ['sg-search']},"
                + " logPublishingOptions: ["
                + searchLog("ES_APPLICATION_LOGS")
                + ", "
                + searchLog("AUDIT_LOGS")
                + ", "
                + searchLog("INDEX_SLOW_LOGS")
                + ", "
                + searchLog("SEARCH_SLOW_LOGS")
                + "]}")
        .protect(p + "search-domain", true);

    g.component("plinth:data:Secrets", p + "secrets");
    g.add(Types.SECRET, p + "secrets-db", "{kmsKeyId: '" + KEY + "', recoveryWindowInDays: 30}")
        .protect(p + "secrets-db", true);
    g.add(
        Types.SECRET_ROTATION,
        p + "secrets-db-rotation",
        "{rotationRules: {automaticallyAfterDays: 30}}",
        p + "secrets-db");

    g.component("plinth:backup:Backups", p + "backup");
    g.add(Types.BACKUP_VAULT, p + "backup-vault", "{kmsKeyArn: '" + KEY + "'}")
        .protect(p + "backup-vault", true);
    g.add(
        Types.BACKUP_PLAN,
        p + "backup-plan",
        "{rules: [{ruleName: 'daily', targetVaultName: 'v', schedule: 'cron(0 3 * * ? *)', lifecycle: {deleteAfter: 30},"
            + " copyActions: [{destinationVaultArn: 'arn:aws:backup:us-west-2:123456789012:backup-vault:dr'}]}]}",
        p + "backup-vault");
    bucket(g, p + "backup-bucket", false, true);
    g.add(
        Types.BUCKET_REPLICATION,
        p + "backup-bucket-replication",
        "{rules: [{status: 'Enabled'}]}",
        p + "backup-bucket");
    g.add(
        Types.ROLE,
        p + "backup-role",
        "{assumeRolePolicy: '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"backup.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}'}");
    g.add(
        Types.ROLE_POLICY_ATTACHMENT,
        p + "backup-role-policy",
        "{policyArn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup'}",
        p + "backup-role");

    g.component("plinth:compute:Cluster", p + "cluster");
    serviceRole(g, p + "cluster-role", "eks.amazonaws.com", "AmazonEKSClusterPolicy");
    g.add(
        Types.EKS,
        p + "cluster-eks",
        "{version: '"
            + FIXTURE_EKS_VERSION
            + "', roleArn: 'arn:aws:iam::123456789012:role/"
            + p
            + "cluster-role',"
            + " vpcConfig: {endpointPublicAccess: false, endpointPrivateAccess: true},"
            + " accessConfig: {authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false},"
            + " encryptionConfig: {resources: ['secrets'], provider: {keyArn: '"
            + KEY
            + "'}},"
            + " enabledClusterLogTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']}",
        p + "cluster-role",
        p + "cluster-role-AmazonEKSClusterPolicy");
    for (String admin : new String[] {"plinth-deploy", "plinth-preview"}) {
      g.add(
          Types.ACCESS_ENTRY,
          p + "cluster-" + admin,
          "{clusterName: 'plinth-"
              + env
              + "', principalArn: 'arn:aws:iam::123456789012:role/"
              + admin
              + "'}",
          p + "cluster-eks");
      g.add(
          Types.ACCESS_POLICY_ASSOCIATION,
          p + "cluster-" + admin + "-policy",
          "{clusterName: 'plinth-"
              + env
              + "', principalArn: 'arn:aws:iam::123456789012:role/"
              + admin
              + "', policyArn:"
              + " 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',"
              + " accessScope: {type: 'cluster'}}",
          p + "cluster-eks",
          p + "cluster-" + admin);
    }
    g.add(
        Types.LAUNCH_TEMPLATE,
        p + "cluster-nodes-lt",
        "{metadataOptions: {httpTokens: 'required', httpPutResponseHopLimit: 2},"
            + " blockDeviceMappings: [{deviceName: '/dev/xvda', ebs: {encrypted: 'true', volumeSize: 50}}],"
            + " tagSpecifications: [{resourceType: 'instance', tags: {Environment: '"
            + env
            + "'}}, {resourceType: 'volume', tags: {Environment: '"
            + env
            + "'}}, {resourceType: 'network-interface', tags: {Environment: '"
            + env
            + "'}}]}");
    serviceRole(g, p + "cluster-node-role", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy");
    g.add(
        Types.NODE_GROUP,
        p + "cluster-nodes",
        "{clusterName: 'plinth-"
            + env
            + "', instanceTypes: ['m6i.large'], capacityType: 'ON_DEMAND', scalingConfig: {desiredSize: 3, minSize: 2,"
            + " maxSize: 10}, launchTemplate: {id: '"
            + p
            + "cluster-nodes-lt-id', version: '1'}}",
        p + "cluster-eks",
        p + "cluster-nodes-lt",
        p + "cluster-node-role",
        p + "cluster-node-role-AmazonEKSWorkerNodePolicy");
    g.ignoreChanges(p + "cluster-nodes", "scalingConfig.desiredSize");
    g.add(
        Types.KUBERNETES_PROVIDER,
        p + "cluster-k8s",
        "{}",
        p + "cluster-eks",
        p + "cluster-nodes",
        p + "cluster-plinth-deploy",
        p + "cluster-plinth-deploy-policy",
        p + "cluster-plinth-preview",
        p + "cluster-plinth-preview-policy");
    g.add(
        Types.ROLE,
        p + "cluster-irsa",
        "{assumeRolePolicy: '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/oidc.eks\"},\"Action\":"
            + "\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"oidc.eks:sub\":"
            + "\"system:serviceaccount:app:app\",\"oidc.eks:aud\":\"sts.amazonaws.com\"}}}]}',"
            + " inlinePolicies: [{name: 'guard', policy: "
            + IRSA_INLINE_POLICY
            + "}]}");
    g.add(
        Types.ROLE_POLICY,
        p + "cluster-irsa-policy",
        "{policy: '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
            + "\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::uploads/*\"}]}'}",
        p + "cluster-irsa");

    addons(g, p);

    g.component("plinth:compute:Registry", p + "registry");
    g.add(
        Types.ECR,
        p + "registry-app",
        "{name: 'plinth/"
            + env
            + "/app', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: {scanOnPush: true},"
            + " encryptionConfigurations: [{encryptionType: 'KMS', kmsKey: '"
            + KEY
            + "'}]}");
    g.add(
        Types.ECR_LIFECYCLE,
        p + "registry-app-lifecycle",
        "{policy: '{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"untagged\",\"countType\":"
            + "\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7},\"action\":{\"type\":\"expire\"}},"
            + "{\"rulePriority\":2,\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\","
            + "\"countNumber\":10},\"action\":{\"type\":\"expire\"}}]}'}",
        p + "registry-app");
    g.add(
        Types.ECR_POLICY,
        p + "registry-app-policy",
        "{policy: '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::123456789012:root\"},\"Action\":[\"ecr:BatchGetImage\"]}]}'}",
        p + "registry-app");

    g.component("plinth:workloads:Application", p + "app");
    g.add(
        Types.CONFIG_MAP,
        p + "app-config",
        "{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'api-1', namespace: 'app'},"
            + " data: {DATABASE_HOST: 'db.example.com', DATABASE_SECRET_ARN:"
            + " 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db'}}");
    g.add(
        AddonDeployRules.NAMESPACE,
        p + "app-namespace",
        "{metadata: {name: 'app', labels: {'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled'}}}");
    g.add(
        AddonDeployRules.SERVICE,
        p + "app-service",
        "{metadata: {name: 'api', namespace: 'app'}, spec: {type: 'ClusterIP', selector: {app:"
            + " 'api'}, ports: [{port: 80, targetPort: 'http'}]}}",
        p + "app-namespace");
    g.add(
        AddonDeployRules.TARGET_GROUP_BINDING,
        p + "app-target-group-binding",
        "{metadata: {name: 'api', namespace: 'app'}, spec: {targetGroupARN:"
            + " 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1',"
            + " targetType: 'ip', serviceRef: {name: 'api', port: 80}}}",
        p + "app-service",
        p + "cluster-addons-aws-load-balancer-controller");
    g.add(
        Types.DEPLOYMENT,
        p + "app-deployment",
        "{apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'api', namespace: 'app'},"
            + " spec: {selector: {matchLabels: {app: 'api'}}, template: {metadata: {labels: {app:"
            + " 'api', tier: 'web'}, annotations:"
            + " {'cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes': 'tmp'}}, spec:"
            + " {volumes: [{name: 'tmp', emptyDir: {sizeLimit: '256Mi'}}], securityContext:"
            + " {runAsNonRoot: true, seccompProfile:"
            + " {type: 'RuntimeDefault'}}, containers: [{name: 'api', image:"
            + " '123456789012.dkr.ecr.us-east-1.amazonaws.com/app-api:v1.0.0', env: [{name:"
            + " 'LOG_LEVEL', value: 'info'}], resources: {requests: {cpu: '500m', memory: '512Mi'},"
            + " limits: {cpu: '2', memory: '2Gi'}}, livenessProbe: {httpGet: {path: '/api/health',"
            + " port: 3000}}, readinessProbe: {httpGet: {path: '/api/ready', port: 3000}},"
            + " securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,"
            + " capabilities: {drop: ['ALL']}}}]}}}}",
        p + "app-config",
        p + "app-target-group-binding");
    g.add(
        Types.HPA,
        p + "app-autoscaler",
        "{metadata: {name: 'api', namespace: 'app'}, spec: {scaleTargetRef: {apiVersion: 'apps/v1',"
            + " kind: 'Deployment', name: 'api'}, minReplicas: 2, maxReplicas: 20}}",
        p + "app-deployment");
    g.add(
        Types.PDB,
        p + "app-disruption-budget",
        "{metadata: {name: 'api', namespace: 'app'}, spec: {maxUnavailable: 1, selector:"
            + " {matchLabels: {app: 'api'}}}}");

    g.component("plinth:observability:AuditTrail", p + "audit");
    bucket(g, p + "audit-bucket", false, true);
    g.set(p + "audit-bucket", "objectLockEnabled", "true");
    g.add(
        Types.BUCKET_OBJECT_LOCK,
        p + "audit-bucket-lock",
        "{rule: {defaultRetention: {mode: '"
            + (env.equals("prod") ? "COMPLIANCE" : "GOVERNANCE")
            + "', days: 365}}}",
        p + "audit-bucket");
    g.add(
        Types.LOG_GROUP,
        p + "audit-trail-logs",
        "{name: '/plinth/" + env + "/cloudtrail', retentionInDays: 365, kmsKeyId: '" + KEY + "'}");
    g.add(
        Types.TRAIL,
        p + "audit-trail",
        "{isMultiRegionTrail: true, enableLogging: true, enableLogFileValidation: true, kmsKeyId:"
            + " 'arn:aws:kms:us-east-1:123456789012:key/"
            + p
            + "keys-audit-id', cloudWatchLogsGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:trail:*',"
            + " cloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/trail'}",
        p + "audit-bucket",
        p + "audit-trail-logs");
    g.add(
        Types.ALARM,
        p + "audit-alarm-5xx",
        "{actionsEnabled: true, alarmActions: ['arn:aws:sns:us-east-1:123456789012:alerts']}");
    access(g, p);
    clientVpn(g, env);
    accountSingletons(g, env);
    return g;
  }

  /** A text as a JSON string literal, for {@link GraphBuilder#set} of a string input. */
  static String quoted(String text) {
    try {
      return dev.plinth.Json.MAPPER.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The preferences document's content: both destinations, both encrypted, a session key. */
  static final String SESSION_PREFERENCES =
      "{\"schemaVersion\":\"1.0\",\"sessionType\":\"Standard_Stream\",\"inputs\":{"
          + "\"s3BucketName\":\"plinth-ssm-sessions-1\",\"s3KeyPrefix\":\"sessions/\","
          + "\"s3EncryptionEnabled\":true,\"cloudWatchLogGroupName\":\"/plinth/ssm-sessions\","
          + "\"cloudWatchEncryptionEnabled\":true,\"cloudWatchStreamingEnabled\":true,"
          + "\"kmsKeyId\":\""
          + KEY
          + "\",\"runAsEnabled\":false}}";

  /**
   * The operator access: an instance with IMDSv2, no key pair, no public address and an encrypted
   * root, its security group with no ingress (the database admits it), and the preferences.
   */
  static void access(GraphBuilder g, String p) {
    g.component("plinth:access:OperatorAccess", p + "access");
    g.add(Types.SG, p + "access-sg", "{description: 'operator instance, no inbound rule'}");
    g.add(
        Types.SG_EGRESS,
        p + "access-egress-https",
        "{description: 'HTTPS out', ipProtocol: 'tcp', fromPort: 443, toPort: 443,"
            + " cidrIpv4: '0.0.0.0/0', securityGroupId: '"
            + p
            + "access-sg-id'}",
        p + "access-sg");
    g.add(
        Types.SG_INGRESS,
        p + "access-to-db",
        "{description: 'db from the operator', ipProtocol: 'tcp', fromPort: 5432, toPort: 5432,"
            + " securityGroupId: '"
            + p
            + "db-sg-id', referencedSecurityGroupId: '"
            + p
            + "access-sg-id'}",
        p + "access-sg");
    g.add(
        Types.INSTANCE,
        p + "access-instance",
        "{ami: 'ami-1', instanceType: 't4g.nano', subnetId: '"
            + p
            + "network-private-a-id', vpcSecurityGroupIds: ['"
            + p
            + "access-sg-id'], associatePublicIpAddress: false, metadataOptions: {httpEndpoint:"
            + " 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1}, rootBlockDevice:"
            + " {encrypted: true, kmsKeyId: '"
            + KEY
            + "', volumeType: 'gp3', volumeSize: 20}}",
        p + "access-sg",
        p + "network-private-a");
    g.add(
        Types.SSM_DOCUMENT,
        p + "access-preferences",
        "{name: 'SSM-SessionManagerRunShell', documentType: 'Session', documentFormat: 'JSON'}");
    g.set(p + "access-preferences", "content", quoted(SESSION_PREFERENCES));
  }

  /**
   * The Client VPN: split tunnel, portal off, connections logged to an encrypted group, a security
   * group of its own with no ingress and egress to the stores' groups on their ports only, one
   * authorization rule for a database subnet.
   */
  static void clientVpn(GraphBuilder g, String env) {
    String p = env + "-vpn-";
    g.component("plinth:access:ClientVpn", env + "-vpn");
    g.add(Types.SG, p + "sg", "{description: 'Client VPN: PostgreSQL and Redis only'}");
    for (String[] store : new String[][] {{"db", "5432"}, {"cache", "6379"}}) {
      g.add(
          Types.SG_EGRESS,
          p + "egress-" + store[0],
          "{description: 'to the store', ipProtocol: 'tcp', fromPort: "
              + store[1]
              + ", toPort: "
              + store[1]
              + ", securityGroupId: '"
              + p
              + "sg-id', referencedSecurityGroupId: '"
              + env
              + "-"
              + store[0]
              + "-sg-id'}",
          p + "sg");
    }
    g.add(
        Types.LOG_GROUP,
        p + "connections",
        "{name: '/plinth/" + env + "/client-vpn', retentionInDays: 365, kmsKeyId: '" + KEY + "'}");
    g.add(
        Types.CLIENT_VPN,
        p + "endpoint",
        "{clientCidrBlock: '172.16.0.0/22', serverCertificateArn:"
            + " 'arn:aws:acm:us-east-1:123456789012:certificate/server', authenticationOptions:"
            + " [{type: 'certificate-authentication', rootCertificateChainArn:"
            + " 'arn:aws:acm:us-east-1:123456789012:certificate/root'}], connectionLogOptions:"
            + " {enabled: true, cloudwatchLogGroup: '/plinth/"
            + env
            + "/client-vpn'}, splitTunnel: true, selfServicePortal: 'disabled',"
            + " sessionTimeoutHours: 8, securityGroupIds: ['"
            + p
            + "sg-id'], vpcId: '"
            + env
            + "-network-vpc-id'}",
        p + "sg",
        p + "connections");
    g.add(
        Types.CLIENT_VPN_ASSOCIATION,
        p + "association-0",
        "{clientVpnEndpointId: '"
            + p
            + "endpoint-id', subnetId: '"
            + env
            + "-network-private-a-id'}",
        p + "endpoint");
    g.add(
        Types.CLIENT_VPN_AUTHORIZATION,
        p + "authorize-0",
        "{clientVpnEndpointId: '"
            + p
            + "endpoint-id', targetNetworkCidr: '10.0.21.0/24', authorizeAllGroups: true}",
        p + "endpoint");
  }

  /** The upstream controller policy Plinth holds, as a relaxed-JSON string value. */
  static String controllerPolicy() {
    try {
      return dev.plinth.Json.MAPPER.writeValueAsString(
          dev.plinth.compute.Charts.loadBalancerControllerPolicy("v2.13.2").orElseThrow());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The Helm add-ons on a 1.35 cluster: each waits for the node group; the autoscaler's chart
   * deploys v1.35.0; the controller runs with upstream's v2.13.2 policy and no Service webhook.
   */
  static void addons(GraphBuilder g, String p) {
    g.component("plinth:compute:ClusterAddons", p + "cluster-addons");
    g.add(
        AddonDeployRules.HELM_RELEASE,
        p + "cluster-addons-metrics-server",
        "{chart: 'metrics-server', version: '3.12.2', namespace: 'kube-system'}",
        p + "cluster-nodes");
    g.add(
        AddonDeployRules.HELM_RELEASE,
        p + "cluster-addons-cluster-autoscaler",
        "{chart: 'cluster-autoscaler', version: '9.55.1', namespace: 'kube-system'}",
        p + "cluster-nodes");
    g.add(
        Types.ROLE,
        p + "cluster-addons-lb-controller-role",
        "{assumeRolePolicy: '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/oidc.eks\"},"
            + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":"
            + "{\"oidc.eks:sub\":\"system:serviceaccount:kube-system:aws-load-balancer-controller\","
            + "\"oidc.eks:aud\":\"sts.amazonaws.com\"}}}]}'}");
    g.add(
        Types.ROLE_POLICY,
        p + "cluster-addons-lb-controller-role-policy",
        "{policy: " + controllerPolicy() + "}",
        p + "cluster-addons-lb-controller-role");
    g.add(
        AddonDeployRules.HELM_RELEASE,
        p + "cluster-addons-aws-load-balancer-controller",
        "{chart: 'aws-load-balancer-controller', version: '1.13.2', namespace: 'kube-system',"
            + " values: {enableServiceMutatorWebhook: false, serviceAccount: {name:"
            + " 'aws-load-balancer-controller'}}}",
        p + "cluster-nodes",
        p + "cluster-addons-lb-controller-role");
  }

  /**
   * The account singletons this stack owns (declared in the accountSingletons output, as Platform
   * exports it), the budget on its activated tag and the alert topic with its subscription.
   */
  static void accountSingletons(GraphBuilder g, String env) {
    String p = env + "-";
    g.output("accountSingletons", "{guardDuty: 'create', costAllocationTag: 'activate'}");
    g.output(
        "disasterRecovery",
        env.equals("prod")
            ? "{role: 'primary', standbyStack: 'prod-dr', rpoMinutes: 5, apiRtoMinutes: 15,"
                + " databaseRtoMinutes: 60}"
            : "{role: 'primary', standbyStack: '', rpoMinutes: 0, apiRtoMinutes: 0,"
                + " databaseRtoMinutes: 0}");
    g.add(
        Types.GUARDDUTY,
        p + "audit-guardduty",
        "{enable: true, tags: {'plinth:account-singleton': 'guardduty-detector'}}");
    g.component("plinth:observability:Monitoring", p + "monitoring");
    g.add(Types.TOPIC, p + "monitoring-alerts", "{kmsMasterKeyId: '" + KEY + "'}");
    g.add(
        Types.TOPIC_SUBSCRIPTION,
        p + "monitoring-alerts-email-0",
        "{protocol: 'email', endpoint: 'oncall@plinth.dev'}",
        p + "monitoring-alerts");
    g.component("plinth:observability:Budget", p + "budget");
    g.add(
        Types.COST_ALLOCATION_TAG,
        p + "budget-environment-tag",
        "{tagKey: 'Environment', status: 'Active'}");
    g.add(
        Types.BUDGET,
        p + "budget-monthly",
        "{budgetType: 'COST', timeUnit: 'MONTHLY', limitUnit: 'USD', limitAmount: '"
            + (env.equals("prod") ? "4000.00" : "1000.00")
            + "', costFilters: [{name: 'TagKeyValue', values: ['user:Environment$"
            + env
            + "']}]}",
        p + "budget-environment-tag");
  }
}
