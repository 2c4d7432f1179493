package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;

import dev.plinth.config.Environment;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a rule legitimately does not hold, and why. Each entry names the rule, the resources (a
 * glob over names), the environments, the parts of the rule it covers and the reason; the report
 * shows every excepted verdict with its reason.
 */
public final class Exceptions {
  private Exceptions() {}

  public static final List<PolicyException> DEFAULT =
      List.of(
          new PolicyException(
              "NET-03",
              "*-edge-lb-sg*",
              ALL,
              Set.of("port 443", "port 80"),
              "the internet-facing ALB serves HTTPS to anyone (seed 004: 'allow inbound 443 from"
                  + " internet'); port 80 only redirects to HTTPS (ALB-02 checks it), except in dev with"
                  + " plinth:edge.httpOnly, where it serves the application"),
          new PolicyException(
              "NET-03",
              "*-edge-lb-sg-in-icmp-mtu*",
              ALL,
              Set.of("icmp 3/4"),
              "ICMP type 3 code 4 (fragmentation needed) only, no other ICMP and no port: path-MTU"
                  + " discovery (RFC 1191) needs it from wherever the clients are, or large"
                  + " responses stall on smaller-MTU paths (EC2 user guide, \"Network maximum"
                  + " transmission unit (MTU) for your EC2 instance\", Path MTU Discovery)"),
          new PolicyException(
              "NET-05",
              "*-network-public-nacl",
              ALL,
              Set.of("ephemeral range"),
              "NACLs are stateless: replies to the ALB's clients and to NAT'd connections return on"
                  + " ephemeral ports 1024-65535 from anywhere, a range that includes 3389; nothing"
                  + " listens on 3389 and no security group admits it"),
          new PolicyException(
              "NET-05",
              "*-network-private-nacl",
              ALL,
              Set.of("ephemeral range"),
              "NACLs are stateless: replies to outbound connections through the NAT gateway return"
                  + " on ephemeral ports 1024-65535 from anywhere, including 3389; nothing listens on"
                  + " 3389 and no security group admits it"),
          new PolicyException(
              "NET-06",
              "*-network-public-*",
              ALL,
              Set.of("public-ip"),
              "the public tier is where internet-facing resources live; nothing Plinth launches"
                  + " there takes an auto-assigned address (the ALB and the NAT gateways bring"
                  + " their own), the private and database tiers map none"),
          new PolicyException(
              "S3-02",
              "*-edge-lb-logs",
              ALL,
              Set.of("sse-kms"),
              "Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3"
                  + " (AES256), not SSE-KMS (ELB access-log documentation)"),
          new PolicyException(
              "S3-02",
              "*-backups-*access-logs",
              ALL,
              Set.of("sse-kms"),
              "S3 server access logs are delivered only to buckets encrypted with SSE-S3 (AES256),"
                  + " not SSE-KMS (S3 server access logging documentation)"),
          new PolicyException(
              "S3-05",
              "*-backups-*access-logs",
              ALL,
              Set.of(),
              "a log bucket: logging access to it would need yet another log bucket"),
          new PolicyException(
              "S3-09",
              "*-backups-*access-logs",
              ALL,
              Set.of(),
              "the access-log buckets (of the backups, replica and audit buckets) hold request logs,"
                  + " not backups; only the backups bucket itself is replicated"),
          new PolicyException(
              "S3-05",
              "*-edge-lb-logs",
              ALL,
              Set.of(),
              "a log bucket: logging access to it would need yet another log bucket"),
          new PolicyException(
              "IAM-02",
              "*-cluster-addons-lb-controller-role-policy",
              ALL,
              Set.of("wildcard"),
              "the AWS Load Balancer Controller's policy is upstream's iam_policy.json for the"
                  + " pinned release, unchanged (DEP-31 holds it to that file): it creates security"
                  + " groups, listeners and rules that have no ARN before they exist and manages"
                  + " WAF and Shield on the load balancers it runs; tagging stays conditioned"),
          new PolicyException(
              "RDS-12",
              "*",
              ALL,
              Set.of("port"),
              "seed 004 fixes PostgreSQL on 5432: the security groups and the database tier's NACL"
                  + " admit only 5432 and 6379; another port would be obscurity, not control"),
          new PolicyException(
              "EC-07",
              "*",
              ALL,
              Set.of("port"),
              "seed 004 fixes Redis on 6379: the security groups and the database tier's NACL admit"
                  + " only 5432 and 6379"),
          new PolicyException(
              "SM-02",
              "*-secrets-cache-auth-token",
              ALL,
              Set.of("rotation"),
              "AWS provides rotation functions for database credentials (the database's master"
                  + " secret uses its single-user PostgreSQL one) but none for an ElastiCache AUTH"
                  + " token; a schedule for it needs a rotation Lambda of our own calling"
                  + " ModifyReplicationGroup with AuthTokenUpdateStrategy ROTATE then SET"
                  + " (secretsmanager 2017-10-17 RotateSecret RotationLambdaARN; elasticache"
                  + " 2015-02-02 ModifyReplicationGroup AuthTokenUpdateStrategy), which Plinth does"
                  + " not have: the token is rotated on demand by replacing it (docs/runbooks.md,"
                  + " \"Rotate the credentials\")"),
          new PolicyException(
              "ALB-01",
              "*-edge-lb-alb",
              EnumSet.of(Environment.DEV),
              Set.of("https"),
              "dev may serve plain HTTP on the ALB's own DNS name (plinth:edge.httpOnly, refused"
                  + " outside dev): no domain, no certificate"),
          new PolicyException(
              "ALB-02",
              "*-edge-lb-http",
              EnumSet.of(Environment.DEV),
              Set.of("redirect"),
              "with plinth:edge.httpOnly (dev only) the HTTP listener serves the application"),
          new PolicyException(
              "S3-07",
              "*-edge-cdn-logs",
              ALL,
              Set.of("ownership"),
              "CloudFront's standard logs (legacy) are written through bucket ACLs: \"Your bucket"
                  + " must have access control list (ACL) enabled\" and not \"S3 Object Ownership"
                  + " set to bucket owner enforced\" (CloudFront Developer Guide, \"Configure"
                  + " standard logging (legacy)\"); BucketOwnerPreferred keeps the objects the"
                  + " bucket owner's, public access stays blocked"),
          new PolicyException(
              "S3-02",
              "*-edge-cdn-logs",
              ALL,
              Set.of("sse-kms"),
              "SSE-S3 (AES256): CloudFront's log delivery would need a grant in the logs key's"
                  + " policy, which the logs key does not give (docs/settings.md, \"The CDN\")"),
          new PolicyException(
              "S3-05",
              "*-edge-cdn-logs",
              ALL,
              Set.of(),
              "a log bucket: logging access to it would need yet another log bucket"),
          new PolicyException(
              "SM-02",
              "*-secrets-cdn-origin-header",
              ALL,
              Set.of("rotation"),
              "the origin header's value lives in CloudFront's origin and the load balancer's"
                  + " listener rule, both set by pulumi up; a rotation Lambda would have to change"
                  + " both, and the rule accept old and new values while CloudFront propagates. It"
                  + " is rotated on demand by replacing the password (docs/settings.md, \"The"
                  + " CDN\")"));
}
