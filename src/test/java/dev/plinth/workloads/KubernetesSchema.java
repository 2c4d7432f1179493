package dev.plinth.workloads;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.plinth.plan.RecordedResource;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Checks a manifest against the Kubernetes API schema of the cluster's version, through the models
 * the official Java client generates from that version's OpenAPI document ({@code
 * io.kubernetes:client-java-api} 26.x, Kubernetes 1.35). Each model's {@code validateJsonElement}
 * refuses a field the schema does not define, a missing required field and a value of the wrong
 * JSON type, all the way down; a group, version or kind the schema does not serve has no model.
 */
final class KubernetesSchema {
  static final String MODELS = "io.kubernetes.client.openapi.models.";

  private KubernetesSchema() {}

  /** What is wrong with a manifest; empty when the schema accepts it. */
  static Optional<String> problem(String apiVersion, String kind, String manifestJson) {
    Optional<Class<?>> model = model(apiVersion, kind);
    if (model.isEmpty()) {
      return Optional.of(apiVersion + " " + kind + " is not served by Kubernetes 1.35");
    }
    JsonElement json = JsonParser.parseString(manifestJson);
    if (!apiVersion.equals(json.getAsJsonObject().get("apiVersion").getAsString())
        || !kind.equals(json.getAsJsonObject().get("kind").getAsString())) {
      return Optional.of("apiVersion and kind do not match " + apiVersion + " " + kind);
    }
    try {
      Method validate = model.get().getMethod("validateJsonElement", JsonElement.class);
      validate.invoke(null, json);
      return Optional.empty();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException || cause instanceof IOException) {
        return Optional.of(cause.getMessage());
      }
      throw new IllegalStateException(cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A recorded Kubernetes resource's problem, from its type token and inputs. */
  static Optional<String> problem(RecordedResource r) {
    String[] token = r.type().split(":");
    String groupVersion = token[1];
    String kind = token[2];
    String apiVersion =
        groupVersion.startsWith("core/") ? groupVersion.substring("core/".length()) : groupVersion;
    return problem(apiVersion, kind, r.inputs().toString());
  }

  /**
   * The model of a group/version/kind: {@code V1Deployment} for apps/v1 Deployment, {@code
   * V2HorizontalPodAutoscaler} for autoscaling/v2, {@code V1beta1...} for a beta version.
   */
  static Optional<Class<?>> model(String apiVersion, String kind) {
    String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
    String name = "V" + version.substring(1) + kind;
    try {
      Class<?> model = Class.forName(MODELS + name);
      // The model names no group: check that this kind lives in this group.
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      return servedIn(model, group) ? Optional.of(model) : Optional.empty();
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether this group's API creates the model: {@code AppsV1Api} for apps/v1, {@code CoreV1Api}
   * for v1, {@code AutoscalingV2Api}, {@code PolicyV1Api}.
   */
  private static boolean servedIn(Class<?> model, String group) {
    String version = model.getSimpleName().replaceFirst("^V(\\d+(?:alpha\\d+|beta\\d+)?).*", "$1");
    String api = (group.isEmpty() ? "Core" : apiName(group)) + "V" + version + "Api";
    try {
      Class<?> apiClass = Class.forName("io.kubernetes.client.openapi.apis." + api);
      for (Method m : apiClass.getMethods()) {
        if (m.getName().startsWith("create")
            && java.util.Arrays.asList(m.getParameterTypes()).contains(model)) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** {@code apps} → {@code Apps}, {@code rbac.authorization.k8s.io} → {@code RbacAuthorization}. */
  private static String apiName(String group) {
    String base = group.endsWith(".k8s.io") ? group.substring(0, group.length() - 7) : group;
    StringBuilder name = new StringBuilder();
    for (String part : base.split("\\.")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }
}
