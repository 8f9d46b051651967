package dev.autonomy.testsupport;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Installs the project's CRDs (the committed YAML under {@code crds/}) and waits until served. */
public final class Crds {
  private Crds() {}

  public static List<CustomResourceDefinition> install(KubernetesClient client) {
    Path dir = TestGround.repoRoot().resolve("crds");
    try (Stream<Path> files = Files.list(dir)) {
      List<CustomResourceDefinition> crds = files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted()
          .map(p -> load(client, p)).toList();
      for (CustomResourceDefinition crd : crds) {
        client.resource(crd).fieldManager("autonomy-tests").forceConflicts().serverSideApply();
      }
      for (CustomResourceDefinition crd : crds) {
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
            .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
      }
      return crds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CustomResourceDefinition load(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return client.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
