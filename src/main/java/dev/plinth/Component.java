package dev.plinth;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * Base of Plinth's component resources: every child is parented to the component and named with the
 * component's name as prefix ({@code prod-network-vpc}), so the preview tree reads like the
 * architecture.
 */
public abstract class Component extends ComponentResource {
  private final String name;

  protected Component(String type, String name, ComponentResourceOptions options) {
    super(type, name, options);
    this.name = name;
  }

  /** The component's name, the prefix of its children's names. */
  public String name() {
    return name;
  }

  /** A child's name: the component's name, a dash, the suffix. */
  protected String child(String suffix) {
    return name + "-" + suffix;
  }

  /** Options for a child: parented here. */
  protected CustomResourceOptions childOptions() {
    return CustomResourceOptions.builder().parent(this).build();
  }

  /** Options for a child that waits for other resources besides its inputs. */
  protected CustomResourceOptions childOptions(List<Resource> dependsOn) {
    return CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build();
  }

  /**
   * Options for a stateful child (key, bucket, database): parented here and, when {@code protect},
   * protected in Pulumi so that {@code pulumi destroy} or a replacement cannot delete it.
   */
  protected CustomResourceOptions statefulOptions(boolean protect) {
    return CustomResourceOptions.builder().parent(this).protect(protect).build();
  }
}
