package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load balancer built alone, from hand-made public tier, application tier and certificate. */
class LoadBalancerAloneTest {
  static final String LISTENER = "aws:lb/listener:Listener";
  static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

  @Test
  void theHttpsListenerServesTheGivenCertificateAndPlainHttpIsRedirected() {
    // prod's settings without the CDN (behind one, a load balancer has no HTTP listener).
    ResourceGraph graph =
        EdgeAlone.loadBalancer(
            "prod", Map.of("plinth:edge", EdgeAlone.noCdn("app.example.com")), true);
    RecordedResource https = graph.get(LISTENER, "test-lb-https");
    RecordedResource http = graph.get(LISTENER, "test-lb-http");

    assertThat(https.text("certificateArn"))
        .as("certificate of %s", https)
        .isEqualTo(EdgeAlone.CERTIFICATE);
    assertThat(https.input("port").orElseThrow().asInt()).as("port of %s", https).isEqualTo(443);
    assertThat(http.text("defaultActions.0.type")).as("action of %s", http).isEqualTo("redirect");
    assertThat(graph.where(r -> r.name().equals("test-lb-sg-in-443")))
        .as("the load balancer's group admits HTTPS")
        .hasSize(1);
  }

  @Test
  void withoutACertificateThereIsNoHttpsListenerNoPort443AndHttpForwards() {
    ResourceGraph graph = EdgeAlone.loadBalancer("dev", Map.of(), false);
    RecordedResource http = graph.get(LISTENER, "test-lb-http");

    assertThat(graph.ofType(LISTENER)).as("listeners without a certificate").hasSize(1);
    assertThat(http.text("defaultActions.0.type")).as("action of %s", http).isEqualTo("forward");
    assertThat(graph.where(r -> r.type().equals(INGRESS) && r.name().contains("443")))
        .as("rules for 443 without a certificate")
        .isEmpty();
    assertThat(graph.where(r -> r.inputs().toString().contains("certificate/")))
        .as("resources naming a certificate")
        .isEmpty();
  }

  @Test
  void theAlbSitsInTheGivenPublicSubnetsAndItsGroupAndTargetGroupInTheGivenVpc() {
    ResourceGraph graph = EdgeAlone.loadBalancer("prod", Map.of(), true);
    RecordedResource alb = graph.get("aws:lb/loadBalancer:LoadBalancer", "test-lb-alb");
    List<String> subnets = new ArrayList<>();
    alb.input("subnets").orElseThrow().forEach(s -> subnets.add(s.asText()));

    assertThat(subnets)
        .as("subnets of %s", alb)
        .containsExactly("subnet-public-a", "subnet-public-b", "subnet-public-c");
    for (RecordedResource r :
        List.of(
            graph.get("aws:ec2/securityGroup:SecurityGroup", "test-lb-sg"),
            graph.get("aws:lb/targetGroup:TargetGroup", "test-lb-app-tg"))) {
      assertThat(r.text("vpcId")).as("VPC of %s", r).isEqualTo(Handles.VPC);
    }
  }

  @Test
  void theAlbSendsOnlyToTheAppTierWhichAdmitsItOnlyOnTheAppPort() {
    ResourceGraph graph = EdgeAlone.loadBalancer("prod", Map.of(), true);
    String albGroup = graph.get("aws:ec2/securityGroup:SecurityGroup", "test-lb-sg").id();
    RecordedResource out = graph.get(EGRESS, "test-lb-sg-out-app");
    RecordedResource in = graph.get(INGRESS, "test-lb-app-in");
    int appPort =
        graph
            .get("aws:lb/targetGroup:TargetGroup", "test-lb-app-tg")
            .input("port")
            .orElseThrow()
            .asInt();

    assertThat(graph.ofType(EGRESS)).as("egress rules of the load balancer").containsExactly(out);
    assertThat(out.text("referencedSecurityGroupId"))
        .as("destination of %s", out)
        .isEqualTo(Handles.APP_SECURITY_GROUP);
    assertThat(in.text("securityGroupId"))
        .as("group of %s", in)
        .isEqualTo(Handles.APP_SECURITY_GROUP);
    assertThat(in.text("referencedSecurityGroupId")).as("source of %s", in).isEqualTo(albGroup);
    for (RecordedResource rule : List.of(out, in)) {
      assertThat(rule.input("fromPort").orElseThrow().asInt())
          .as("from of %s", rule)
          .isEqualTo(appPort);
      assertThat(rule.input("toPort").orElseThrow().asInt())
          .as("to of %s", rule)
          .isEqualTo(appPort);
    }
    assertThat(
            graph.where(
                r ->
                    r.type().equals(INGRESS)
                        && r.text("securityGroupId").equals(Handles.APP_SECURITY_GROUP)))
        .as("rules the load balancer adds to the app tier's group")
        .containsExactly(in);
  }

  @Test
  void theWorkloadsHandleCarriesTheTargetGroupAndItsDeregistrationDelay() {
    ResourceGraph graph =
        EdgeAlone.loadBalancer(
            "dev",
            Map.of(
                "plinth:edge",
                Map.of("httpOnly", true, "targetGroup", Map.of("deregistrationDelaySeconds", 45))),
            false);
    RecordedResource tg = graph.get("aws:lb/targetGroup:TargetGroup", "test-lb-app-tg");

    assertThat(tg.input("deregistrationDelay").orElseThrow().asInt())
        .as("deregistration delay of %s", tg)
        .isEqualTo(45);
  }
}
