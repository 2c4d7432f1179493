package dev.plinth.edge;

import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.Component;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTPS listener's certificate: either an existing ACM certificate named by ARN (nothing is
 * created), or a new ACM certificate for the domain, validated by DNS records in the given Route 53
 * zone, with a {@code CertificateValidation} that completes once ACM has issued it. ACM renews a
 * DNS-validated certificate by itself while the records stay (seed 004: auto-renewal).
 */
public final class Certificate extends Component {
  public static final String TYPE = "plinth:edge:Certificate";

  /**
   * What the component needs: an existing certificate's ARN, or a domain (with further names) and
   * the zone to validate it in, and whether this stack owns the validation records.
   *
   * <p>A disaster-recovery standby requests a certificate for the same names in the same account
   * and zone as its primary, and ACM gives it the same validation record: "Since the CNAME
   * validation token works for any AWS Region, you can re-create the same certificate in multiple
   * Regions", and "you can request additional ACM certificates for your fully qualified domain name
   * (FQDN) for as long as the CNAME record remains in place" (ACM User Guide, "DNS validation",
   * docs.aws.amazon.com/acm/latest/userguide/dns-validation.html, read 2026-12-02). Two stacks must
   * not both own that record (with {@code allowOverwrite} either would take it over, and destroying
   * either would delete the record the other renews with), so the standby validates through the
   * primary's record and creates none ({@code ownsValidationRecords} false).
   */
  public record Args(
      String existingArn,
      String domain,
      List<String> alternativeNames,
      String hostedZoneId,
      boolean ownsValidationRecords) {

    public static Args existing(String arn) {
      return new Args(arn, null, List.of(), null, false);
    }

    public static Args requested(String domain, List<String> alternativeNames, String zoneId) {
      return new Args(null, domain, List.copyOf(alternativeNames), zoneId, true);
    }

    /**
     * A certificate whose validation records another certificate's validation writes, issued once
     * ACM finds them: a standby's (its primary creates them), or CloudFront's copy in us-east-1 of
     * a stack in another region (this stack's own certificate creates them).
     */
    public static Args validatedByRecordsElsewhere(String domain, List<String> alternativeNames) {
      return new Args(null, domain, List.copyOf(alternativeNames), null, false);
    }
  }

  private final Output<String> arn;

  public Certificate(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    if (args.existingArn() != null) {
      arn = Output.of(args.existingArn());
    } else {
      arn = request(args);
    }
    registerOutputs(Map.of("certificateArn", arn));
  }

  private Output<String> request(Args args) {
    var certificate =
        new com.pulumi.aws.acm.Certificate(
            child("cert"),
            CertificateArgs.builder()
                .domainName(args.domain())
                .subjectAlternativeNames(args.alternativeNames())
                .validationMethod("DNS")
                .keyAlgorithm("RSA_2048")
                .tags(Map.of("Name", args.domain()))
                .build(),
            childOptions());
    CertificateValidationArgs.Builder validation =
        CertificateValidationArgs.builder().certificateArn(certificate.arn());
    if (args.ownsValidationRecords()) {
      validation.validationRecordFqdns(Output.all(validationRecords(args, certificate)));
    }
    return new CertificateValidation(child("validation"), validation.build(), childOptions())
        .certificateArn();
  }

  /** One validation record per distinct name: a wildcard and its base name share one record. */
  private List<Output<String>> validationRecords(
      Args args, com.pulumi.aws.acm.Certificate certificate) {
    List<Output<String>> fqdns = new ArrayList<>();
    int index = 0;
    // Without a zone (a standby's certificate) no record: the primary's validation records
    // validate it, "Since the CNAME validation token works for any AWS Region, you can re-create
    // the same certificate in multiple Regions" (ACM User Guide, "DNS validation").
    for (String validated : args.hostedZoneId() == null ? Set.<String>of() : validatedNames(args)) {
      Output<CertificateDomainValidationOption> option =
          certificate
              .domainValidationOptions()
              .applyValue(
                  options ->
                      options.stream()
                          .filter(o -> o.domainName().orElse("").equals(validated))
                          .findFirst()
                          .orElseThrow(
                              () ->
                                  new IllegalStateException(
                                      "ACM returned no validation record for " + validated)));
      var record =
          new Record(
              child("validation-" + index++),
              RecordArgs.builder()
                  .zoneId(args.hostedZoneId())
                  .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                  .type(
                      option.applyValue(
                          o ->
                              Either.<String, RecordType>ofLeft(
                                  o.resourceRecordType().orElseThrow())))
                  .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                  .ttl(300)
                  .allowOverwrite(true)
                  .build(),
              childOptions());
      fqdns.add(record.fqdn());
    }
    return fqdns;
  }

  /** The names ACM validates separately: the domain and each further name, wildcards folded. */
  static Set<String> validatedNames(Args args) {
    Set<String> names = new LinkedHashSet<>();
    names.add(args.domain());
    for (String name : args.alternativeNames()) {
      String base = name.startsWith("*.") ? name.substring(2) : name;
      if (!names.contains(base) && !names.contains("*." + base)) {
        names.add(name);
      }
    }
    return names;
  }

  /** The certificate's ARN; for a new certificate, available once it is validated. */
  public Output<String> arn() {
    return arn;
  }
}
