package dev.plinth.policy;

import static dev.plinth.policy.PolicyRulesTest.c;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Failing cases of the operator-access rules, in the form of {@link PolicyRulesTest#c}: each is the
 * baseline's operator instance (or preferences) with its key security property lost.
 */
final class AccessCases {
  private AccessCases() {}

  static final String OPERATOR = "prod-access-instance";
  static final String PREFERENCES = "prod-access-preferences";

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "PL-40",
            OPERATOR,
            "the instance accepts IMDSv1",
            g -> g.set(OPERATOR, "metadataOptions.httpTokens", "'optional'")),
        c(
            "PL-40",
            OPERATOR,
            "the IMDSv2 token may travel two hops",
            g -> g.set(OPERATOR, "metadataOptions.httpPutResponseHopLimit", "2")),
        c(
            "PL-41",
            OPERATOR,
            "the instance gets a public IP",
            g -> g.set(OPERATOR, "associatePublicIpAddress", "true")),
        c(
            "PL-41",
            OPERATOR,
            "the instance is launched in a subnet that maps public IPs",
            g ->
                g.add(
                        Types.SUBNET,
                        "prod-network-public-a",
                        "{availabilityZoneId: 'use1-az1', mapPublicIpOnLaunch: true}",
                        "prod-network-vpc")
                    .set(OPERATOR, "subnetId", "'prod-network-public-a-id'")
                    .dependOn(OPERATOR, "prod-network-public-a")),
        c(
            "PL-42",
            OPERATOR,
            "the instance has a key pair",
            g -> g.set(OPERATOR, "keyName", "'operators'")),
        c(
            "PL-43",
            OPERATOR,
            "the instance's security group admits SSH",
            g ->
                g.add(
                    Types.SG_INGRESS,
                    "prod-access-sg-ssh",
                    "{description: 'SSH from the VPC', ipProtocol: 'tcp', fromPort: 22, toPort:"
                        + " 22, cidrIpv4: '10.0.0.0/16', securityGroupId: 'prod-access-sg-id'}",
                    "prod-access-sg")),
        c(
            "PL-43",
            OPERATOR,
            "the instance's security group has an inline ingress rule",
            g ->
                g.set(
                    "prod-access-sg",
                    "ingress",
                    "[{description: 'SSH', protocol: 'tcp', fromPort: 22, toPort: 22,"
                        + " cidrBlocks: ['10.0.0.0/16']}]")),
        c(
            "PL-44",
            OPERATOR,
            "the root volume is not encrypted",
            g -> g.set(OPERATOR, "rootBlockDevice.encrypted", "false")),
        c(
            "PL-44",
            OPERATOR,
            "the root volume has no customer-managed key",
            g -> g.remove(OPERATOR, "rootBlockDevice.kmsKeyId")),
        c(
            "PL-45",
            PREFERENCES,
            "session logs to S3 are not encrypted",
            g ->
                g.set(
                    PREFERENCES,
                    "content",
                    Fixtures.quoted(
                        Fixtures.SESSION_PREFERENCES.replace(
                            "\"s3EncryptionEnabled\":true", "\"s3EncryptionEnabled\":false")))),
        c(
            "PL-45",
            PREFERENCES,
            "sessions are not logged to CloudWatch",
            g ->
                g.set(
                    PREFERENCES,
                    "content",
                    Fixtures.quoted(
                        Fixtures.SESSION_PREFERENCES.replace(
                            "\"cloudWatchLogGroupName\":\"/plinth/ssm-sessions\"",
                            "\"cloudWatchLogGroupName\":\"\"")))));
  }
}
