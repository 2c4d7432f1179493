package dev.plinth.edge;

import static dev.plinth.Json.obj;

import dev.plinth.Json;
import java.util.Map;

/**
 * Who writes an Application Load Balancer's access logs into S3, per region. In the regions that
 * existed before August 2022, Elastic Load Balancing writes as an AWS account of its own in that
 * region, which the bucket policy must name; in regions opened since, it writes as the service
 * principal {@code logdelivery.elasticloadbalancing.amazonaws.com}. The account ids are AWS's
 * published table ("Enable access logs for your Application Load Balancer", step 2).
 */
final class ElbLogDelivery {
  static final String SERVICE_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

  static final Map<String, String> REGION_ACCOUNTS =
      Map.ofEntries(
          Map.entry("us-east-1", "127311923021"),
          Map.entry("us-east-2", "033677994240"),
          Map.entry("us-west-1", "027434742980"),
          Map.entry("us-west-2", "797873946194"),
          Map.entry("af-south-1", "098369216593"),
          Map.entry("ap-east-1", "754344448648"),
          Map.entry("ap-southeast-3", "589379963580"),
          Map.entry("ap-south-1", "718504428378"),
          Map.entry("ap-northeast-3", "383597477331"),
          Map.entry("ap-northeast-2", "600734575887"),
          Map.entry("ap-southeast-1", "114774131450"),
          Map.entry("ap-southeast-2", "783225319266"),
          Map.entry("ap-northeast-1", "582318560864"),
          Map.entry("ca-central-1", "985666609251"),
          Map.entry("eu-central-1", "054676820928"),
          Map.entry("eu-west-1", "156460612806"),
          Map.entry("eu-west-2", "652711504416"),
          Map.entry("eu-south-1", "635631232127"),
          Map.entry("eu-west-3", "009996457667"),
          Map.entry("eu-north-1", "897822967062"),
          Map.entry("me-south-1", "076674570225"),
          Map.entry("sa-east-1", "507241528517"),
          Map.entry("us-gov-west-1", "048591011584"),
          Map.entry("us-gov-east-1", "190560391635"),
          Map.entry("cn-north-1", "638102146993"),
          Map.entry("cn-northwest-1", "037604701340"));

  private ElbLogDelivery() {}

  /** The {@code Principal} of the bucket policy statement that lets the ALB write its logs. */
  static Map<String, Object> principal(String region, String partition) {
    String account = REGION_ACCOUNTS.get(region);
    if (account == null) {
      return obj("Service", SERVICE_PRINCIPAL);
    }
    return Json.accountPrincipal(partition, account);
  }
}
