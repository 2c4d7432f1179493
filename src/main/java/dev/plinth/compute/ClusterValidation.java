package dev.plinth.compute;

import dev.plinth.config.ClusterSettings;
import dev.plinth.config.ConfigProblem;
import dev.plinth.network.Cidrs;
import java.util.ArrayList;
import java.util.List;

/** Pure checks of {@code plinth:cluster}. */
public final class ClusterValidation {
  static final String KEY = "plinth:cluster";

  private ClusterValidation() {}

  public static List<ConfigProblem> validate(ClusterSettings s) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!s.version().matches("1\\.\\d{2}")) {
      problems.add(
          ConfigProblem.of(
              KEY + ".version", "must be a Kubernetes minor version like 1.35", s.version()));
    }
    if (s.endpointPublicAccess() && s.publicAccessCidrs().isEmpty()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".publicAccessCidrs",
              "must name the CIDRs allowed to reach the public endpoint when endpointPublicAccess is true",
              "[]"));
    }
    for (int i = 0; i < s.publicAccessCidrs().size(); i++) {
      String cidr = s.publicAccessCidrs().get(i);
      if (Cidrs.parse(cidr).isEmpty()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".publicAccessCidrs[" + i + "]",
                "must be an IPv4 CIDR block like 203.0.113.0/24",
                cidr));
      } else if (Cidrs.parse(cidr).get().getNetworkPrefixLength() == 0) {
        problems.add(
            ConfigProblem.of(
                KEY + ".publicAccessCidrs[" + i + "]",
                "must not open the API endpoint to the whole internet; name your offices' or VPN's CIDRs",
                cidr));
      }
    }
    var n = s.nodes();
    String nodes = KEY + ".nodes";
    if (n.minSize() < 1) {
      problems.add(ConfigProblem.of(nodes + ".minSize", "must be at least 1", n.minSize()));
    }
    if (n.maxSize() < n.minSize()) {
      problems.add(
          ConfigProblem.of(
              nodes + ".maxSize", "must be at least minSize (" + n.minSize() + ")", n.maxSize()));
    }
    if (n.desiredSize() < n.minSize() || n.desiredSize() > n.maxSize()) {
      problems.add(
          ConfigProblem.of(
              nodes + ".desiredSize",
              "must be between minSize (" + n.minSize() + ") and maxSize (" + n.maxSize() + ")",
              n.desiredSize()));
    }
    if (n.instanceTypes().isEmpty()) {
      problems.add(
          ConfigProblem.of(nodes + ".instanceTypes", "must name at least one instance type", "[]"));
    }
    if (n.diskGb() < 20 || n.diskGb() > 16384) {
      problems.add(ConfigProblem.of(nodes + ".diskGb", "must be between 20 and 16384", n.diskGb()));
    }
    for (int i = 0; i < n.taints().size(); i++) {
      String effect = n.taints().get(i).effect();
      if (!List.of("NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE").contains(effect)) {
        problems.add(
            ConfigProblem.of(
                nodes + ".taints[" + i + "].effect",
                "must be one of NO_SCHEDULE, NO_EXECUTE, PREFER_NO_SCHEDULE",
                effect));
      }
    }
    for (var addon : s.addonVersions().entrySet()) {
      if (!ClusterSettings.ADDONS.contains(addon.getKey())) {
        problems.add(
            ConfigProblem.of(
                KEY + ".addonVersions." + addon.getKey(),
                "is not an add-on Plinth manages ("
                    + String.join(", ", ClusterSettings.ADDONS)
                    + ")",
                addon.getKey()));
      } else if (addon.getKey().equals(ClusterSettings.CLOUDWATCH_ADDON)
          && !s.containerInsights()
          && !addon.getValue().isBlank()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".addonVersions." + addon.getKey(),
                "pins an add-on that is not installed: containerInsights is false (set it true, or"
                    + " remove the pin)",
                addon.getValue()));
      }
    }
    problems.addAll(Charts.validate(s));
    return problems;
  }
}
