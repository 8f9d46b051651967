package dev.autonomy.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.league.League;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.policy.Policy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples read into the Java model without unknown fields and write back the same values; the
 * invalid examples each state the error they expect. (The API server checks both in CrdValidationIT.)
 */
class ExamplesTest {

  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of("Agent", Agent.class, "Policy", Policy.class, "League", League.class, "MemoryStore", MemoryStore.class);

  static Stream<Path> customResourceExamples() {
    return Stream.concat(TestFiles.yamlFiles(TestFiles.examples()).stream(),
            TestFiles.yamlFiles(TestFiles.examples().resolve("ray")).stream())
        .filter(p -> KINDS.containsKey(TestFiles.readYaml(p).path("kind").asText()));
  }

  @Test
  void thereIsAnExampleOfEveryKind() {
    List<String> kinds = new ArrayList<>();
    TestFiles.yamlFiles(TestFiles.examples()).forEach(p -> kinds.add(TestFiles.readYaml(p).path("kind").asText()));
    assertThat(kinds).contains("Agent", "Policy", "League", "MemoryStore", "Secret");
  }

  @ParameterizedTest
  @MethodSource("customResourceExamples")
  void exampleRoundTripsThroughTheModel(Path example) throws IOException {
    JsonNode original = TestFiles.readYaml(example);
    HasMetadata typed = TestFiles.STRICT_YAML.treeToValue(original, KINDS.get(original.path("kind").asText()));
    JsonNode written = TestFiles.STRICT_YAML.valueToTree(typed);

    List<String> lost = new ArrayList<>();
    containsAll(original.path("spec"), written.path("spec"), "spec", lost);
    assertThat(lost).as("values of %s lost in the round trip", example.getFileName()).isEmpty();
    assertThat(written.path("apiVersion").asText()).isEqualTo(Api.API_VERSION);
    assertThat(written.has("status")).as("no status written for a new object").isFalse();
  }

  @Test
  void everyInvalidExampleStatesItsExpectedError() throws IOException {
    List<Path> invalid = TestFiles.yamlFiles(TestFiles.examples().resolve("invalid"));
    assertThat(invalid).hasSizeGreaterThanOrEqualTo(24);
    for (Path file : invalid) {
      assertThat(file.getFileName().toString()).matches("\\d\\d-[a-z0-9-]+\\.yaml");
      String first = Files.readAllLines(file).get(0);
      if (!first.startsWith("# expect: ") || first.length() < "# expect: spec.x".length()) {
        fail(file + " must start with '# expect: <part of the API server's error message>'");
      }
      assertThat(first).as(file.toString()).contains("spec");
      assertThat(KINDS).containsKey(TestFiles.readYaml(file).path("kind").asText());
    }
  }

  /** Every value in {@code expected} is in {@code actual} (numbers by value); extra values are fine. */
  private static void containsAll(JsonNode expected, JsonNode actual, String path, List<String> lost) {
    if (expected.isObject()) {
      expected.fields().forEachRemaining(e ->
          containsAll(e.getValue(), actual.path(e.getKey()), path + "." + e.getKey(), lost));
    } else if (expected.isArray()) {
      if (actual.size() != expected.size()) {
        lost.add(path + ": " + expected + " became " + actual);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        containsAll(expected.get(i), actual.get(i), path + "[" + i + "]", lost);
      }
    } else if (!DefaultsConsistencyTest.sameValue(expected, actual.isMissingNode() ? null : actual)
        && !expected.asText().equals(actual.asText())) {
      lost.add(path + ": " + expected + " became " + actual);
    }
  }
}
