package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The certificate built alone: brought by ARN, or requested and validated by DNS. */
class CertificateTest {
  static final String RECORD = "aws:route53/record:Record";

  @Test
  void anExistingCertificateCreatesNothingInAws() {
    ResourceGraph graph = EdgeAlone.certificate(Certificate.Args.existing(EdgeAlone.CERTIFICATE));

    assertThat(graph.where(r -> r.type().startsWith("aws:")))
        .as("AWS resources for an existing certificate")
        .isEmpty();
  }

  @Test
  void aRequestedCertificateHasOneValidationRecordPerDistinctNameInTheGivenZone() {
    ResourceGraph graph =
        EdgeAlone.certificate(
            Certificate.Args.requested(
                "app.example.com", List.of("*.app.example.com", "api.example.com"), "ZTEST"));
    RecordedResource cert = graph.get("aws:acm/certificate:Certificate", "test-cert-cert");
    RecordedResource validation =
        graph.get("aws:acm/certificateValidation:CertificateValidation", "test-cert-validation");

    assertThat(cert.text("validationMethod")).as("validation of %s", cert).isEqualTo("DNS");
    assertThat(cert.text("domainName")).as("domain of %s", cert).isEqualTo("app.example.com");
    List<RecordedResource> records = graph.ofType(RECORD);
    assertThat(records).as("validation records (the wildcard shares its base's)").hasSize(2);
    for (RecordedResource record : records) {
      assertThat(record.text("zoneId")).as("zone of %s", record).isEqualTo("ZTEST");
    }
    assertThat(validation.input("validationRecordFqdns").orElseThrow().size())
        .as("records %s waits for", validation)
        .isEqualTo(2);
    assertThat(validation.text("certificateArn"))
        .as("certificate of %s", validation)
        .startsWith("arn:aws:acm:us-east-1:");
  }
}
