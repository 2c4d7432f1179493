package dev.plinth.policy;

import static dev.plinth.policy.PolicyRulesTest.EKS;
import static dev.plinth.policy.PolicyRulesTest.c;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Failing cases of the deployability rules in this area, in the form of {@link PolicyRulesTest#c}.
 */
final class ComputeDeployCases {
  private ComputeDeployCases() {}

  static final String NODES = "prod-cluster-nodes";
  static final String TEMPLATE = "prod-cluster-nodes-lt";
  static final String DEPLOY = "prod-cluster-plinth-deploy";
  static final String PREVIEW = "prod-cluster-plinth-preview";

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "DEP-20",
            EKS,
            "the creator is bootstrapped as admin beside the listed access entries",
            g -> g.set(EKS, "accessConfig.bootstrapClusterCreatorAdminPermissions", "true")),
        c(
            "DEP-20",
            EKS,
            "bootstrapClusterCreatorAdminPermissions is left to its default, true",
            g -> g.remove(EKS, "accessConfig.bootstrapClusterCreatorAdminPermissions")),
        c(
            "DEP-21",
            PREVIEW,
            "two access entries name the deploy role",
            g -> g.set(PREVIEW, "principalArn", "'arn:aws:iam::123456789012:role/plinth-deploy'")),
        c(
            "DEP-21",
            DEPLOY,
            "an access entry names an STS session",
            g ->
                g.set(
                    DEPLOY,
                    "principalArn",
                    "'arn:aws:sts::123456789012:assumed-role/plinth-deploy/gh-1'")),
        c(
            "DEP-22",
            NODES,
            "desiredSize is not ignored after creation",
            g -> g.ignoreChanges(NODES)),
        c(
            "DEP-23",
            EKS,
            "the cluster does not wait for its role's policy",
            g -> g.undepend(EKS, "prod-cluster-role-AmazonEKSClusterPolicy")),
        c(
            "DEP-23",
            NODES,
            "the node group does not wait for its role's policy",
            g -> g.undepend(NODES, "prod-cluster-node-role-AmazonEKSWorkerNodePolicy")),
        c(
            "DEP-24",
            TEMPLATE,
            "the launch template tags no resource",
            g -> g.remove(TEMPLATE, "tagSpecifications")),
        c(
            "DEP-24",
            TEMPLATE,
            "the launch template tags instances but not volumes",
            g -> g.remove(TEMPLATE, "tagSpecifications.1")),
        c(
            "DEP-25",
            "prod-cluster-k8s",
            "the Kubernetes provider does not wait for the nodes",
            g -> g.undepend("prod-cluster-k8s", NODES)),
        c(
            "DEP-25",
            "prod-cluster-k8s",
            "the Kubernetes provider does not wait for the deployer's access policy association",
            g -> g.undepend("prod-cluster-k8s", "prod-cluster-plinth-deploy-policy")),
        c(
            "DEP-26",
            NODES,
            "desiredSize above maxSize",
            g -> g.set(NODES, "scalingConfig.desiredSize", "11")),
        c(
            "DEP-26",
            NODES,
            "maxSize 0",
            g ->
                g.set(NODES, "scalingConfig.maxSize", "0")
                    .set(NODES, "scalingConfig.minSize", "0")
                    .set(NODES, "scalingConfig.desiredSize", "0")),
        c(
            "DEP-27",
            NODES,
            "remoteAccess beside a launch template",
            g ->
                g.set(NODES, "remoteAccess", "{ec2SshKey: 'k', sourceSecurityGroupIds: ['sg-1']}")),
        c(
            "DEP-27",
            NODES,
            "diskSize beside a launch template",
            g -> g.set(NODES, "diskSize", "50")),
        c(
            "DEP-27",
            NODES,
            "instanceTypes while the launch template names one",
            g -> g.set(TEMPLATE, "instanceType", "'m6i.large'")),
        c(
            "DEP-28",
            TEMPLATE,
            "the launch template names an instance profile",
            g -> g.set(TEMPLATE, "iamInstanceProfile", "{name: 'nodes'}")),
        c(
            "DEP-28",
            TEMPLATE,
            "the launch template places the interface in a subnet",
            g -> g.set(TEMPLATE, "networkInterfaces", "[{subnetId: 'subnet-1'}]")),
        c(
            "DEP-28",
            TEMPLATE,
            "the launch template requests spot instances",
            g -> g.set(TEMPLATE, "instanceMarketOptions", "{marketType: 'spot'}")));
  }
}
