package dev.plinth.compute;

import dev.plinth.config.ClusterSettings;
import dev.plinth.config.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each Helm chart version Plinth knows ships: the chart's {@code appVersion} (Chart.yaml) and
 * the image tag its values.yaml deploys by default, each read from the chart at its release tag on
 * 2026-12-02. A version not listed here cannot be checked, so it is refused.
 *
 * <p>The Cluster Autoscaler is meant for the control plane's Kubernetes minor, its versions
 * matching Kubernetes minors exactly (kubernetes/autoscaler cluster-autoscaler/README.md, Releases,
 * at cluster-autoscaler-chart-9.55.1; no cross-version testing), so its chart must be one whose
 * default image has the cluster's minor. Its ClusterRole must also match the image: from 1.35 the
 * autoscaler always handles DRA objects ({@code --enable-dynamic-resource-allocation} "locked to
 * true", cluster-autoscaler/FAQ.md at cluster-autoscaler-1.35.2) and the chart grants {@code
 * resource.k8s.io} only from 9.54.0; a chart whose default image is the cluster's minor carries the
 * RBAC that image needs, which is why the image is not overridden on an older chart.
 */
public final class Charts {
  private Charts() {}

  public static final String METRICS_SERVER = "metrics-server";
  public static final String CLUSTER_AUTOSCALER = "cluster-autoscaler";
  public static final String LOAD_BALANCER_CONTROLLER = "aws-load-balancer-controller";

  /**
   * A chart version and what it ships.
   *
   * @param appVersion Chart.yaml {@code appVersion}
   * @param imageTag the image tag values.yaml deploys ({@code image.tag}; metrics-server leaves it
   *     empty and its template uses {@code v<appVersion>})
   * @param source repository, path and tag the two were read from
   */
  public record Chart(
      String name, String version, String appVersion, String imageTag, String source) {}

  private static final String AUTOSCALER_SOURCE =
      "kubernetes/autoscaler %s/Chart.yaml appVersion and values.yaml image.tag at tag"
          + " cluster-autoscaler-chart-%s, read 2026-12-02";

  private static Chart autoscaler(String version, String appVersion, String imageTag, String dir) {
    return new Chart(
        CLUSTER_AUTOSCALER,
        version,
        appVersion,
        imageTag,
        String.format(AUTOSCALER_SOURCE, dir, version));
  }

  /** The chart versions Plinth knows. */
  public static final List<Chart> KNOWN =
      List.of(
          new Chart(
              METRICS_SERVER,
              "3.12.2",
              "0.7.2",
              "v0.7.2",
              "kubernetes-sigs/metrics-server charts/metrics-server/Chart.yaml and values.yaml at"
                  + " tag metrics-server-helm-chart-3.12.2, read 2026-12-02"),
          autoscaler("9.46.6", "1.32.0", "v1.32.0", "charts/cluster-autoscaler"),
          autoscaler("9.51.0", "1.33.0", "v1.33.0", "charts/cluster-autoscaler"),
          autoscaler("9.53.0", "1.34.2", "v1.34.2", "cluster-autoscaler/charts/cluster-autoscaler"),
          // 9.54.0 to 9.55.0 say appVersion 1.35.0 but still deploy v1.34.2: the image is what
          // runs.
          autoscaler("9.55.0", "1.35.0", "v1.34.2", "cluster-autoscaler/charts/cluster-autoscaler"),
          autoscaler("9.55.1", "1.35.0", "v1.35.0", "cluster-autoscaler/charts/cluster-autoscaler"),
          new Chart(
              LOAD_BALANCER_CONTROLLER,
              "1.13.2",
              "v2.13.2",
              "v2.13.2",
              "aws/eks-charts stable/aws-load-balancer-controller/Chart.yaml at a4b8061 (\"v2.13.2"
                  + " (#1218)\") and kubernetes-sigs/aws-load-balancer-controller"
                  + " helm/aws-load-balancer-controller/Chart.yaml at tag v2.13.2, read"
                  + " 2026-12-02"));

  /** The charts whose application must have the cluster's Kubernetes minor. */
  public static final List<String> FOLLOWS_KUBERNETES_MINOR = List.of(CLUSTER_AUTOSCALER);

  /**
   * The AWS Load Balancer Controller's IAM policy as upstream publishes it for a release: {@code
   * docs/install/iam_policy.json} of kubernetes-sigs/aws-load-balancer-controller at the release's
   * tag, stored unchanged under src/main/resources/dev/plinth/compute (read 2026-12-02).
   */
  static final Map<String, String> LOAD_BALANCER_CONTROLLER_POLICIES =
      Map.of("v2.13.2", "aws-load-balancer-controller-iam-policy-v2.13.2.json");

  public static Optional<Chart> find(String name, String version) {
    return KNOWN.stream()
        .filter(c -> c.name().equals(name) && c.version().equals(version))
        .findFirst();
  }

  /** The minor of a version: {@code 1.35} of {@code v1.35.2}, of {@code 1.35.0} or of 1.35. */
  public static String minor(String version) {
    String v = version.startsWith("v") ? version.substring(1) : version;
    String[] parts = v.split("\\.");
    return parts.length < 2 ? v : parts[0] + "." + parts[1];
  }

  /** Upstream's published IAM policy for a controller release, if Plinth holds it. */
  public static Optional<String> loadBalancerControllerPolicy(String appVersion) {
    String file = LOAD_BALANCER_CONTROLLER_POLICIES.get(appVersion);
    if (file == null) {
      return Optional.empty();
    }
    try (InputStream in = Charts.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("resource " + file + " is missing from the build");
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Chart versions Plinth cannot vouch for: unknown ones, a Cluster Autoscaler whose image is not
   * the cluster's minor, a Load Balancer Controller whose upstream policy Plinth does not hold.
   */
  public static List<ConfigProblem> validate(ClusterSettings s) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (String name : List.of(METRICS_SERVER, CLUSTER_AUTOSCALER, LOAD_BALANCER_CONTROLLER)) {
      String key = "plinth:cluster.chartVersions." + name;
      String version = s.chartVersions().get(name);
      List<String> known =
          KNOWN.stream().filter(c -> c.name().equals(name)).map(Chart::version).toList();
      Optional<Chart> chart = version == null ? Optional.empty() : find(name, version);
      if (chart.isEmpty()) {
        problems.add(
            ConfigProblem.of(
                key, "must be a chart version Plinth knows: " + String.join(", ", known), version));
        continue;
      }
      if (FOLLOWS_KUBERNETES_MINOR.contains(name)
          && !minor(chart.get().imageTag()).equals(minor(s.version()))) {
        List<String> matching =
            KNOWN.stream()
                .filter(c -> c.name().equals(name))
                .filter(c -> minor(c.imageTag()).equals(minor(s.version())))
                .map(Chart::version)
                .toList();
        problems.add(
            ConfigProblem.of(
                key,
                "deploys "
                    + name
                    + " "
                    + chart.get().imageTag()
                    + ", which does not support Kubernetes "
                    + s.version()
                    + (matching.isEmpty()
                        ? "; Plinth knows no chart for that minor"
                        : "; use " + String.join(" or ", matching)),
                version));
      }
    }
    return problems;
  }
}
