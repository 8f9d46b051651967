package dev.autonomy.controllers.policy.ray;

import dev.autonomy.api.v1alpha1.policy.Policy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixture: the example Ray Policy (examples/ray/policy.yaml) in namespace "team", generation 3. */
final class RayPolicies {
  static final Path EXAMPLE = Path.of("..", "examples", "ray", "policy.yaml");

  private RayPolicies() {}

  static Policy example() {
    try {
      Policy policy = Serialization.unmarshal(Files.readString(EXAMPLE), Policy.class);
      policy.getMetadata().setNamespace("team");
      policy.getMetadata().setGeneration(3L);
      return policy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
