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
import dev.plinth.config.ConfigProblem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ECR repositories (seed 003): scan on push, immutable tags, KMS encryption, and a lifecycle that
 * keeps the last 10 tagged images and expires untagged ones after 7 days.
 *
 * <p>A repository's name is unique per account and region (ecr 2015-09-21 CreateRepository answers
 * RepositoryAlreadyExistsException, "The specified repository already exists in the specified
 * registry"), and docs/deploy.md puts every stack in one account: each stack's repositories live
 * under its own namespace, {@code plinth/<environment>/<repository>} ({@link #repositoryName}). The
 * settings, the application and {@link #repositoryUrls()} keep the short name ({@code app-api}).
 */
public final class Registry extends Component {
  public static final String TYPE = "plinth:compute:Registry";

  /** Seed 003: keep the last 10 images. */
  static final int KEEP_TAGGED = 10;

  /** Seed 003: untagged images expire after 7 days. */
  static final int UNTAGGED_DAYS = 7;

  /** The namespace every stack's repositories sit under. */
  static final String NAMESPACE = "plinth";

  /**
   * ecr 2015-09-21 CreateRepository, repositoryName (shape RepositoryName): 2 to 256 characters,
   * lower-case alphanumeric components separated by {@code .}, {@code _}, {@code __} or dashes,
   * joined by {@code /}.
   */
  public static final java.util.regex.Pattern REPOSITORY_NAME =
      java.util.regex.Pattern.compile(
          "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(\\/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");

  static final int MAX_NAME = 256;

  private final Map<String, Output<String>> urls = new TreeMap<>();

  /**
   * The repository's name in the account: {@code plinth/<stack>/<repository>}, so the stacks that
   * share an account and region do not collide.
   */
  public static String repositoryName(String stack, String repository) {
    return NAMESPACE + "/" + stack + "/" + repository;
  }

  /**
   * Repositories whose full name ECR would refuse; checked with the configuration, before anything
   * is registered.
   */
  public static List<ConfigProblem> validateNames(String environment, List<String> repositories) {
    List<ConfigProblem> problems = new java.util.ArrayList<>();
    for (int i = 0; i < repositories.size(); i++) {
      String full = repositoryName(environment, repositories.get(i));
      if (full.length() > MAX_NAME || !REPOSITORY_NAME.matcher(full).matches()) {
        problems.add(
            ConfigProblem.of(
                "plinth:cluster.repositories[" + i + "]",
                "must give an ECR repository name ("
                    + full
                    + "): lower-case letters and digits, separated by . _ __ or dashes, at most "
                    + (MAX_NAME - repositoryName(environment, "").length())
                    + " characters (ECR CreateRepository repositoryName)",
                repositories.get(i)));
      }
    }
    return problems;
  }

  public Registry(
      String name,
      String stack,
      List<String> repositories,
      Output<String> keyArn,
      boolean protect,
      ComponentResourceOptions options) {
    super(TYPE, name, options);
    for (String repo : repositories) {
      String repositoryName = repositoryName(stack, repo);
      var repository =
          new Repository(
              child(repo),
              RepositoryArgs.builder()
                  .name(repositoryName)
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

  /**
   * The handle to one repository: its URL, without a tag. An unknown name fails here, while the
   * program is built, naming the repositories there are. (The URL is read from {@link
   * #repositoryUrls}, so what takes it waits for every repository, as it always has.)
   */
  public Output<String> repository(String repo) {
    if (!urls.containsKey(repo)) {
      throw new IllegalArgumentException(
          "no ECR repository named "
              + repo
              + " in "
              + name()
              + ": there are "
              + String.join(", ", urls.keySet()));
    }
    return repositoryUrls().applyValue(all -> all.get(repo));
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
