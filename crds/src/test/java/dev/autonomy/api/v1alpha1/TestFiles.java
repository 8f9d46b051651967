package dev.autonomy.api.v1alpha1;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locations of the CRDs and examples, and a strict YAML mapper, for the tests of this module. */
final class TestFiles {

  /** Fails on unknown properties, so a typo in an example or a renamed field is caught. */
  static final ObjectMapper STRICT_YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private TestFiles() {
  }

  /** Freshly generated CRDs (target/classes/META-INF/fabric8). */
  static Path generatedCrds() {
    return dir("crds.generated", "target/classes/META-INF/fabric8");
  }

  /** The committed CRDs: the top level of the crds module. */
  static Path committedCrds() {
    return dir("crds.committed", ".");
  }

  /** The repository's examples/ folder. */
  static Path examples() {
    return dir("examples.dir", "../examples");
  }

  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readYaml(Path file) {
    try {
      return STRICT_YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The openAPIV3Schema of the single version of a generated CRD, e.g. {@code agents}. */
  static JsonNode schema(String plural) {
    JsonNode crd = readYaml(generatedCrds().resolve(plural + ".autonomy.dev-v1.yml"));
    return crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
  }

  private static Path dir(String property, String fallback) {
    return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
  }
}
