package dev.plinth.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RDS Proxy in front of the primary (plinth:database.proxy), built alone and in the stacks. */
class DatabaseProxyTest {
  static final String PROXY = "aws:rds/proxy:Proxy";
  static final String GROUP = "aws:ec2/securityGroup:SecurityGroup";
  static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"staging", "prod"})
  void theProxyRequiresTlsAndIamAuthAndLogsInWithTheMasterSecret(String env) {
    ResourceGraph graph = DataAlone.database(env, Map.of());
    RecordedResource proxy = graph.get(PROXY, "test-db-proxy");
    RecordedResource secret =
        graph.get("aws:secretsmanager/secret:Secret", "test-db-master-secret");

    assertThat(proxy.input("requireTls").map(JsonNode::asBoolean))
        .as("requireTls of %s", proxy)
        .contains(true);
    assertThat(proxy.text("engineFamily")).as("engine of %s", proxy).isEqualTo("POSTGRESQL");
    JsonNode auths = proxy.input("auths").orElseThrow();
    assertThat(auths.size()).as("auths of %s", proxy).isEqualTo(1);
    assertThat(auths.get(0).get("iamAuth").asText())
        .as("iamAuth of %s", proxy)
        .isEqualTo("REQUIRED");
    assertThat(auths.get(0).get("authScheme").asText()).isEqualTo("SECRETS");
    assertThat(auths.get(0).get("secretArn").asText())
        .as("the secret %s logs in with", proxy)
        .startsWith("arn:aws:secretsmanager:")
        .endsWith(secret.id());
    assertThat(secret.text("name")).endsWith("/db-master");
    assertThat(proxy.input("vpcSubnetIds").orElseThrow())
        .as("subnets of %s: the database tier's", proxy)
        .containsExactly(
            JSON.getNodeFactory().textNode("db-subnet-a"),
            JSON.getNodeFactory().textNode("db-subnet-b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "prod"})
  void theProxyOfEveryRealStackRequiresTls(String stack) {
    ResourceGraph plan = Plans.ofStack(stack);
    List<RecordedResource> proxies = plan.ofType(PROXY);

    assertThat(proxies).as("proxies of %s", stack).hasSize(1);
    for (RecordedResource proxy : proxies) {
      assertThat(proxy.input("requireTls").map(JsonNode::asBoolean))
          .as("requireTls of %s", proxy)
          .contains(true);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "prod"})
  void theProxysGroupAdmitsOnlyTheApplicationTierOn5432AndReachesOnlyTheDatabase(String env) {
    ResourceGraph graph = DataAlone.database(env, Map.of());
    RecordedResource group = graph.get(GROUP, "test-db-proxy-sg");
    RecordedResource database = graph.get(GROUP, "test-db-sg");

    assertThat(group.input("ingress").map(JsonNode::size).orElse(0))
        .as("inline ingress of %s", group)
        .isZero();
    List<RecordedResource> in =
        graph.where(r -> r.type().equals(INGRESS) && r.text("securityGroupId").equals(group.id()));
    assertThat(in).as("ingress rules of %s", group).hasSize(1);
    RecordedResource rule = in.get(0);
    assertThat(rule.text("referencedSecurityGroupId"))
        .as("source of %s", rule)
        .isEqualTo(Handles.APP_SECURITY_GROUP);
    assertThat(rule.input("cidrIpv4")).as("CIDR of %s", rule).isEmpty();
    assertThat(rule.input("cidrIpv6")).as("IPv6 CIDR of %s", rule).isEmpty();
    assertThat(rule.input("prefixListId")).as("prefix list of %s", rule).isEmpty();
    assertThat(rule.input("fromPort").orElseThrow().asInt()).as("from of %s", rule).isEqualTo(5432);
    assertThat(rule.input("toPort").orElseThrow().asInt()).as("to of %s", rule).isEqualTo(5432);
    List<RecordedResource> out =
        graph.where(r -> r.type().equals(EGRESS) && r.text("securityGroupId").equals(group.id()));
    assertThat(out).as("egress rules of %s", group).hasSize(1);
    assertThat(out.get(0).text("referencedSecurityGroupId"))
        .as("destination of %s", out.get(0))
        .isEqualTo(database.id());
    RecordedResource fromProxy = graph.get(INGRESS, "test-db-sg-from-proxy");
    assertThat(fromProxy.text("securityGroupId")).isEqualTo(database.id());
    assertThat(fromProxy.text("referencedSecurityGroupId"))
        .as("source of %s", fromProxy)
        .isEqualTo(group.id());
  }

  @Test
  void theProxysRoleMayOnlyReadTheMasterSecretAndDecryptWithItsKeyThroughSecretsManager()
      throws Exception {
    ResourceGraph graph = DataAlone.database("prod", Map.of());
    RecordedResource secret =
        graph.get("aws:secretsmanager/secret:Secret", "test-db-master-secret");
    RecordedResource policy =
        graph.get("aws:iam/rolePolicy:RolePolicy", "test-db-proxy-role-policy");
    RecordedResource role = graph.get("aws:iam/role:Role", "test-db-proxy-role");

    assertThat(role.text("assumeRolePolicy")).contains("rds.amazonaws.com");
    JsonNode statements = JSON.readTree(policy.text("policy")).get("Statement");
    assertThat(statements.size()).as("statements of %s", policy).isEqualTo(2);
    assertThat(statements.get(0).get("Action").asText()).isEqualTo("secretsmanager:GetSecretValue");
    assertThat(statements.get(0).get("Resource").asText())
        .as("what %s may read", policy)
        .startsWith("arn:aws:secretsmanager:")
        .endsWith(secret.id());
    assertThat(statements.get(1).get("Action").asText()).isEqualTo("kms:Decrypt");
    assertThat(statements.get(1).get("Resource").asText())
        .as("the key %s may decrypt with", policy)
        .isEqualTo(Handles.keyArn("secrets"));
    assertThat(statements.get(1).at("/Condition/StringEquals/kms:ViaService").asText())
        .isEqualTo("secretsmanager.us-east-1.amazonaws.com");
  }

  @Test
  void thePoolTakesItsSettingsAndTargetsThePrimary() {
    ResourceGraph graph =
        DataAlone.database(
            "prod",
            Map.of(
                "plinth:database",
                Map.of(
                    "proxy",
                    Map.of("idleClientTimeoutSeconds", 600, "maxConnectionsPercent", 75))));
    RecordedResource proxy = graph.get(PROXY, "test-db-proxy");
    RecordedResource pool =
        graph.get("aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup", "test-db-proxy-pool");
    RecordedResource target = graph.get("aws:rds/proxyTarget:ProxyTarget", "test-db-proxy-target");
    RecordedResource primary = graph.get("aws:rds/instance:Instance", "test-db-primary");

    assertThat(proxy.input("idleClientTimeout").orElseThrow().asInt()).isEqualTo(600);
    assertThat(pool.input("connectionPoolConfig.maxConnectionsPercent").orElseThrow().asInt())
        .as("pool of %s", pool)
        .isEqualTo(75);
    assertThat(target.text("dbInstanceIdentifier"))
        .as("target of %s", target)
        .isEqualTo(primary.text("identifier"));
    assertThat(target.text("dbProxyName")).isEqualTo(proxy.text("name"));
    assertThat(target.text("targetGroupName")).isEqualTo("default");
  }

  @Test
  void devHasNoProxyAndAStackThatTurnsItOffHasNone() {
    assertThat(DataAlone.database("dev", Map.of()).ofType(PROXY)).as("proxies of dev").isEmpty();
    assertThat(
            DataAlone.database(
                    "prod", Map.of("plinth:database", Map.of("proxy", Map.of("enabled", false))))
                .ofType(PROXY))
        .as("proxies of prod with plinth:database.proxy.enabled false")
        .isEmpty();
  }

  @Test
  void theApplicationConnectsThroughTheProxyWithIamAsTheMasterUser() throws Exception {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource proxy = plan.get(PROXY, "prod-db-proxy");
    JsonNode data = plan.get("kubernetes:core/v1:ConfigMap", "prod-app-config").input("data").get();
    RecordedResource policy = plan.get("aws:iam/rolePolicy:RolePolicy", "prod-app-role-policy");

    assertThat(data.get("DATABASE_HOST").asText())
        .as("DATABASE_HOST of prod-app-config")
        .isEqualTo(plan.outputs().get("dbProxyEndpoint").asText())
        .startsWith(proxy.text("name") + ".proxy-");
    assertThat(data.get("DATABASE_AUTH").asText()).isEqualTo("iam");
    assertThat(data.get("DATABASE_USER").asText()).isEqualTo("plinth_admin");
    JsonNode statements = JSON.readTree(policy.text("policy")).get("Statement");
    JsonNode connect = statements.get(statements.size() - 1);
    assertThat(connect.get("Action").asText())
        .as("last statement of %s", policy)
        .isEqualTo("rds-db:connect");
    assertThat(connect.get("Resource").asText())
        .as("the user %s may connect as", policy)
        .matches("arn:aws:rds-db:us-east-1:123456789012:dbuser:prx-[0-9a-f]{17}/plinth_admin");
  }

  @Test
  void aProxyArnBecomesTheDbUserResourceOfItsResourceId() {
    assertThat(
            DatabaseProxy.dbUserArn(
                "arn:aws:rds:us-east-2:123456789012:db-proxy:prx-0598e841e18ad8e62", "app"))
        .isEqualTo("arn:aws:rds-db:us-east-2:123456789012:dbuser:prx-0598e841e18ad8e62/app");
    assertThatThrownBy(
            () -> DatabaseProxy.dbUserArn("arn:aws:rds:us-east-2:123456789012:db:prod-db", "app"))
        .hasMessageContaining("not an RDS Proxy ARN");
  }
}
