package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {
  private static final ClientVpnSettings OFF = ClientVpnSettings.preset(Environment.PROD);

  private static List<String> messages(AccessSettings access) {
    return AccessSettings.validate(access).stream().map(ConfigProblem::message).toList();
  }

  @Test
  void presetsAreOnInStagingAndProdWithPreferencesOwnedByProdAndValid() {
    for (Environment env : Environment.values()) {
      AccessSettings access = AccessSettings.preset(env);
      assertThat(access.enabled()).as("%s enabled", env).isEqualTo(env != Environment.DEV);
      assertThat(access.sessionPreferences())
          .as("%s owns the preferences", env)
          .isEqualTo(env == Environment.PROD);
      assertThat(access.interfaceEndpoints()).as("%s endpoints (NAT serves)", env).isFalse();
      assertThat(access.clientVpn().enabled()).as("%s client VPN", env).isFalse();
      assertThat(messages(access)).as("%s preset problems", env).isEmpty();
    }
  }

  @Test
  void badValuesAreReportedWithKeyValueAndWhatIsAllowed() {
    var bad =
        new AccessSettings(false, "nano", 4, true, true, ClientVpnSettings.preset(Environment.DEV));

    assertThat(messages(bad))
        .containsExactly(
            "plinth:access.instanceType must be an EC2 instance type, family dot size (such as"
                + " t4g.nano) (got nano)",
            "plinth:access.rootVolumeGb must be between 8 and 100 GiB (got 4)",
            "plinth:access.sessionPreferences needs plinth:access.enabled: true (the preferences"
                + " name the session log group and bucket the operator access builds) (got true)",
            "plinth:access.interfaceEndpoints needs plinth:access.enabled: true (the endpoints"
                + " serve the operator instance) (got true)");
  }

  @Test
  void gravitonFamiliesTakeTheArm64Image() {
    for (String type : List.of("t4g.nano", "m7g.large", "c6gn.xlarge", "r8gd.medium")) {
      assertThat(new AccessSettings(true, type, 20, false, false, OFF).architecture())
          .as(type)
          .isEqualTo("arm64");
    }
    for (String type : List.of("t3.micro", "m6i.large", "g5.xlarge", "m7a.large")) {
      assertThat(new AccessSettings(true, type, 20, false, false, OFF).architecture())
          .as(type)
          .isEqualTo("x86_64");
    }
  }
}
