package dev.plinth.edge;

import com.pulumi.aws.Provider;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.config.Environment;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.Keys;
import dev.plinth.keys.LogStorage;
import java.util.Map;

/**
 * The logs key of a stack whose region is not CloudFront's: the edge web ACL lives in {@value
 * CdnValidation#CLOUDFRONT_REGION} and logs to a log group there, and the stack's own logs key
 * admits only its own region's CloudWatch Logs ({@code KeyDomain.LOGS}: the principal {@code
 * logs.<region>.amazonaws.com}, and an encryption context of that region's log groups). One key
 * there, with the logs domain's policy for that region and the alias {@code
 * alias/plinth/<stack>/logs-edge}.
 */
public final class EdgeLogKey extends Component {
  public static final String TYPE = "plinth:edge:EdgeLogKey";

  private final LogStorage logs;

  /**
   * @param aws the account, with the CloudFront region's provider and region
   * @param provider the provider of {@value CdnValidation#CLOUDFRONT_REGION}
   * @param stackLogs the stack's log storage, whose retention the edge's log group keeps
   */
  public EdgeLogKey(
      String name,
      Environment environment,
      AwsContext aws,
      Provider provider,
      LogStorage stackLogs,
      ComponentResourceOptions options) {
    super(TYPE, name, options);
    var key =
        Keys.inRegion(
            child("key"),
            KeyDomain.LOGS,
            "Plinth " + environment.key() + ": edge web ACL logs in " + aws.region(),
            new Keys.DrPlacement(environment, aws, aws.region(), this, provider),
            "-edge");
    logs =
        new LogStorage(key.arn(), stackLogs.retentionDays(), stackLogs.applicationRetentionDays());
    registerOutputs(Map.of("keyArn", key.arn()));
  }

  /** Log storage in the CloudFront region: this key, the stack's retention. */
  public LogStorage logs() {
    return logs;
  }
}
