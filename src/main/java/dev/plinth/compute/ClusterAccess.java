package dev.plinth.compute;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * What a component that runs on the cluster needs of it ({@link Cluster#access}): its name and
 * Kubernetes version, its OIDC identity (to make IRSA roles), the Kubernetes provider, and what
 * must be ready before Kubernetes objects are created.
 *
 * @param name the EKS cluster's name
 * @param version its Kubernetes version ({@code plinth:cluster.version})
 * @param oidcProviderArn the IAM OIDC provider that IRSA roles trust
 * @param oidcIssuer the cluster's issuer URL, whose host names the subject in those trusts
 * @param kubernetes the provider that talks to the cluster's API
 * @param readyAfter resources the Kubernetes objects wait for (nodes, add-ons)
 */
public record ClusterAccess(
    Output<String> name,
    String version,
    Output<String> oidcProviderArn,
    Output<String> oidcIssuer,
    com.pulumi.kubernetes.Provider kubernetes,
    List<Resource> readyAfter) {
  public ClusterAccess {
    readyAfter = List.copyOf(readyAfter);
  }

  /** The same access, for objects that must also wait for these (the add-ons, say). */
  public ClusterAccess after(List<? extends Resource> more) {
    return new ClusterAccess(
        name, version, oidcProviderArn, oidcIssuer, kubernetes, List.copyOf(more));
  }
}
