package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The image registry built alone, from a hand-made key. */
class RegistryTest {
  static final String REPOSITORY = "aws:ecr/repository:Repository";
  static final String LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";

  static Registry registry(boolean protect) {
    return new Registry(
        "test-registry",
        "staging",
        List.of("app-api", "worker"),
        Output.of(Handles.keyArn("cluster")),
        protect,
        ComponentResourceOptions.builder().build());
  }

  @Test
  void anUnknownRepositoryFailsNamingTheRepositoriesThereAre() {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Handles.build(
        ctx -> {
          Registry registry = registry(false);
          try {
            registry.repository("app-web");
          } catch (IllegalArgumentException e) {
            thrown.set(e);
          }
        });

    assertThat(thrown.get())
        .as("asking test-registry for app-web")
        .isNotNull()
        .hasMessage("no ECR repository named app-web in test-registry: there are app-api, worker");
  }

  @Test
  void aKnownRepositoryIsHandedOutWithoutFailing() {
    AtomicReference<Output<String>> url = new AtomicReference<>();
    Handles.build(ctx -> url.set(registry(false).repository("worker")));

    assertThat(url.get()).as("handle to test-registry's worker").isNotNull();
  }

  @Test
  void everyRepositoryIsImmutableScannedOnPushAndEncryptedWithTheGivenKey() {
    ResourceGraph graph = Handles.build(ctx -> registry(false));

    List<RecordedResource> repositories = graph.ofType(REPOSITORY);
    assertThat(repositories)
        .extracting(RecordedResource::name)
        .containsExactlyInAnyOrder("test-registry-app-api", "test-registry-worker");
    for (RecordedResource repository : repositories) {
      assertThat(repository.text("imageTagMutability"))
          .as("tag mutability of %s", repository)
          .isEqualTo("IMMUTABLE");
      assertThat(
              repository.input("imageScanningConfiguration.scanOnPush").orElseThrow().asBoolean())
          .as("scan on push of %s", repository)
          .isTrue();
      assertThat(repository.text("encryptionConfigurations.0.kmsKey"))
          .as("key of %s", repository)
          .isEqualTo(Handles.keyArn("cluster"));
    }
  }

  @Test
  void repositoriesAreNamedUnderPlinthAndTheEnvironment() {
    ResourceGraph graph = Handles.build(ctx -> registry(false));

    assertThat(graph.get(REPOSITORY, "test-registry-app-api").text("name"))
        .isEqualTo("plinth/staging/app-api");
    assertThat(graph.get(REPOSITORY, "test-registry-worker").text("name"))
        .isEqualTo("plinth/staging/worker");
  }

  @Test
  void repositoriesAreProtectedExactlyWhenAskedAndEachHasALifecyclePolicy() {
    for (boolean protect : List.of(true, false)) {
      ResourceGraph graph = Handles.build(ctx -> registry(protect));
      for (RecordedResource repository : graph.ofType(REPOSITORY)) {
        assertThat(repository.protect())
            .as("protect of %s when asked %s", repository, protect)
            .isEqualTo(protect);
        RecordedResource lifecycle = graph.get(LIFECYCLE, repository.name() + "-lifecycle");
        assertThat(lifecycle.text("repository"))
            .as("repository of %s", lifecycle)
            .isEqualTo(repository.text("name"));
        assertThat(lifecycle.text("policy"))
            .as("policy of %s", lifecycle)
            .contains("\"countNumber\":" + Registry.KEEP_TAGGED);
      }
    }
  }
}
