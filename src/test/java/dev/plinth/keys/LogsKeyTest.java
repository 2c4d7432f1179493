package dev.plinth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.plan.RecordedResource;
import dev.plinth.testing.Plans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogsKeyTest {

  @ParameterizedTest
  // dev shares one key across domains (plinth:keys.layout shared; KeysTest)
  @CsvSource({"staging, false, 30", "prod, true, 30"})
  void theLogsKeyRotatesIsProtectedInProdAndLetsOnlyCloudWatchLogsUseIt(
      String env, boolean protect, int deletionWindow) throws Exception {
    RecordedResource key = Plans.ofStack(env).get("aws:kms/key:Key", env + "-keys-logs");

    assertThat(key.input("enableKeyRotation").orElseThrow().asBoolean())
        .as("rotation of %s", key)
        .isTrue();
    assertThat(key.protect()).as("protect of %s", key).isEqualTo(protect);
    assertThat(key.input("deletionWindowInDays").orElseThrow().asInt()).isEqualTo(deletionWindow);

    JsonNode policy = new ObjectMapper().readTree(key.text("policy"));
    JsonNode service = policy.at("/Statement/1");
    assertThat(policy.at("/Statement/0/Principal/AWS").asText())
        .isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(service.at("/Principal/Service").asText()).isEqualTo("logs.us-east-1.amazonaws.com");
    assertThat(service.at("/Condition/ArnLike/kms:EncryptionContext:aws:logs:arn").asText())
        .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:*");
    assertThat(policy.get("Statement")).as("statements of %s", key).hasSize(2);
  }
}
