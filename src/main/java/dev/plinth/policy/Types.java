package dev.plinth.policy;

/** The Pulumi AWS provider's type tokens (com.pulumi:aws 6.83.0, each class's @ResourceType). */
public final class Types {
  private Types() {}

  public static final String VPC = "aws:ec2/vpc:Vpc";
  public static final String SUBNET = "aws:ec2/subnet:Subnet";
  public static final String FLOW_LOG = "aws:ec2/flowLog:FlowLog";
  public static final String DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
  public static final String SG = "aws:ec2/securityGroup:SecurityGroup";
  public static final String SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
  public static final String SG_INGRESS =
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  public static final String SG_EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
  public static final String NACL = "aws:ec2/networkAcl:NetworkAcl";
  public static final String NACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";
  public static final String NAT = "aws:ec2/natGateway:NatGateway";
  public static final String EIP = "aws:ec2/eip:Eip";
  public static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
  public static final String INSTANCE = "aws:ec2/instance:Instance";
  public static final String VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
  public static final String CLIENT_VPN = "aws:ec2clientvpn/endpoint:Endpoint";
  public static final String CLIENT_VPN_ASSOCIATION =
      "aws:ec2clientvpn/networkAssociation:NetworkAssociation";
  public static final String CLIENT_VPN_AUTHORIZATION =
      "aws:ec2clientvpn/authorizationRule:AuthorizationRule";
  public static final String SSM_DOCUMENT = "aws:ssm/document:Document";

  public static final String LB = "aws:lb/loadBalancer:LoadBalancer";
  public static final String LISTENER = "aws:lb/listener:Listener";
  public static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
  public static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";
  public static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
  public static final String RECORD = "aws:route53/record:Record";
  public static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
  public static final String LISTENER_RULE = "aws:lb/listenerRule:ListenerRule";
  public static final String WEB_ACL_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
  public static final String WEB_ACL_LOGGING =
      "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

  public static final String RDS = "aws:rds/instance:Instance";
  public static final String RDS_BACKUP_REPLICATION =
      "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
  public static final String RDS_PARAMETERS = "aws:rds/parameterGroup:ParameterGroup";
  public static final String RDS_PROXY = "aws:rds/proxy:Proxy";
  public static final String RDS_PROXY_TARGET_GROUP =
      "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup";
  public static final String RDS_PROXY_TARGET = "aws:rds/proxyTarget:ProxyTarget";
  public static final String CACHE = "aws:elasticache/replicationGroup:ReplicationGroup";
  public static final String GLOBAL_CACHE =
      "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";
  public static final String SEARCH_DOMAIN = "aws:opensearch/domain:Domain";
  public static final String CACHE_PARAMETERS = "aws:elasticache/parameterGroup:ParameterGroup";

  public static final String BUCKET = "aws:s3/bucketV2:BucketV2";
  public static final String LEGACY_BUCKET = "aws:s3/bucket:Bucket";
  public static final String BUCKET_SSE =
      "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
  public static final String BUCKET_PUBLIC_ACCESS =
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
  public static final String BUCKET_VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
  public static final String BUCKET_LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";
  public static final String BUCKET_LIFECYCLE =
      "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
  public static final String BUCKET_OWNERSHIP =
      "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
  public static final String BUCKET_OBJECT_LOCK =
      "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2";
  public static final String BUCKET_REPLICATION =
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
  public static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

  public static final String EKS = "aws:eks/cluster:Cluster";
  public static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
  public static final String ACCESS_ENTRY = "aws:eks/accessEntry:AccessEntry";
  public static final String ACCESS_POLICY_ASSOCIATION =
      "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";

  /** The Pulumi Kubernetes provider's own registration. */
  public static final String KUBERNETES_PROVIDER = "pulumi:providers:kubernetes";

  public static final String ECR = "aws:ecr/repository:Repository";

  /** The Pulumi Kubernetes provider's type tokens (com.pulumi:kubernetes 4.0.0). */
  public static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";

  public static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
  public static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
  public static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
  public static final String ECR_LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
  public static final String ECR_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";

  public static final String KMS_KEY = "aws:kms/key:Key";
  public static final String SECRET = "aws:secretsmanager/secret:Secret";
  public static final String SERVERLESS_APPLICATION =
      "aws:serverlessrepository/cloudFormationStack:CloudFormationStack";
  public static final String SECRET_ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
  public static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
  public static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
  public static final String TRAIL = "aws:cloudtrail/trail:Trail";
  public static final String GUARDDUTY = "aws:guardduty/detector:Detector";
  public static final String BUDGET = "aws:budgets/budget:Budget";
  public static final String COST_ALLOCATION_TAG =
      "aws:costexplorer/costAllocationTag:CostAllocationTag";
  public static final String TOPIC = "aws:sns/topic:Topic";
  public static final String TOPIC_SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";

  public static final String ROLE = "aws:iam/role:Role";
  public static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
  public static final String POLICY = "aws:iam/policy:Policy";
  public static final String ROLE_POLICY_ATTACHMENT =
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

  public static final String BACKUP_PLAN = "aws:backup/plan:Plan";
  public static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
  public static final String BACKUP_VAULT = "aws:backup/vault:Vault";
  public static final String BACKUP_SELECTION = "aws:backup/selection:Selection";
}
