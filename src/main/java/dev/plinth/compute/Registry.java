package dev.plinth.compute;

import static dev.plinth.Json.obj;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.Component;
import dev.plinth.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ECR repositories (seed 003): scan on push, immutable tags, KMS encryption, and a lifecycle that
 * keeps the last 10 tagged images and expires untagged ones after 7 days.
 */
public final class Registry extends Component {
  public static final String TYPE = "plinth:compute:Registry";

  /** Seed 003: keep the last 10 images. */
  static final int KEEP_TAGGED = 10;

  /** Seed 003: untagged images expire after 7 days. */
  static final int UNTAGGED_DAYS = 7;

  private final Map<String, Output<String>> urls = new TreeMap<>();

  public Registry(
      String name,
      List<String> repositories,
      Output<String> keyArn,
      boolean protect,
      ComponentResourceOptions options) {
    super(TYPE, name, options);
    for (String repo : repositories) {
      var repository =
          new Repository(
              child(repo),
              RepositoryArgs.builder()
                  .name(repo)
                  .imageTagMutability("IMMUTABLE")
                  .imageScanningConfiguration(
                      RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                  .encryptionConfigurations(
                      RepositoryEncryptionConfigurationArgs.builder()
                          .encryptionType("KMS")
                          .kmsKey(keyArn)
                          .build())
                  .build(),
              statefulOptions(protect));
      new LifecyclePolicy(
          child(repo + "-lifecycle"),
          LifecyclePolicyArgs.builder()
              .repository(repository.name())
              .policy(lifecyclePolicy())
              .build(),
          childOptions());
      urls.put(repo, repository.repositoryUrl());
    }
    registerOutputs(Map.of("repositoryUrls", repositoryUrls()));
  }

  static String lifecyclePolicy() {
    return Json.write(
        obj(
            "rules",
            List.of(
                obj(
                    "rulePriority",
                    1,
                    "description",
                    "untagged images expire after " + UNTAGGED_DAYS + " days",
                    "selection",
                    obj(
                        "tagStatus", "untagged",
                        "countType", "sinceImagePushed",
                        "countUnit", "days",
                        "countNumber", UNTAGGED_DAYS),
                    "action",
                    obj("type", "expire")),
                obj(
                    "rulePriority",
                    2,
                    "description",
                    "keep the last " + KEEP_TAGGED + " tagged images",
                    "selection",
                    obj(
                        "tagStatus",
                        "tagged",
                        "tagPatternList",
                        List.of("*"),
                        "countType",
                        "imageCountMoreThan",
                        "countNumber",
                        KEEP_TAGGED),
                    "action",
                    obj("type", "expire")))));
  }

  /** Repository URLs by name. */
  public Output<Map<String, String>> repositoryUrls() {
    List<String> names = List.copyOf(urls.keySet());
    return Output.all(names.stream().map(urls::get).toList())
        .applyValue(
            values -> {
              Map<String, String> out = new TreeMap<>();
              for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), values.get(i));
              }
              return out;
            });
  }
}
