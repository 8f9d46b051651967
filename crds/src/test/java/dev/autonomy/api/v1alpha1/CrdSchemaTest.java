package dev.autonomy.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Checks the generated CRDs against the API conventions we promise (no cluster needed). */
class CrdSchemaTest {

  private static final Map<String, String> SHORT_NAMES =
      Map.of("agents", "ag", "policies", "pol", "leagues", "lg", "memorystores", "ms");

  @ParameterizedTest
  @ValueSource(strings = {"agents", "policies", "leagues", "memorystores"})
  void namesCategoryAndSubresources(String plural) {
    JsonNode crd = TestFiles.readYaml(TestFiles.generatedCrds().resolve(plural + ".autonomy.dev-v1.yml"));
    JsonNode spec = crd.path("spec");
    assertThat(spec.path("group").asText()).isEqualTo(Api.GROUP);
    assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
    assertThat(spec.path("names").path("plural").asText()).isEqualTo(plural);
    assertThat(texts(spec.path("names").path("shortNames"))).containsExactly(SHORT_NAMES.get(plural));
    assertThat(texts(spec.path("names").path("categories"))).containsExactly(Api.CATEGORY);

    JsonNode version = spec.path("versions").get(0);
    assertThat(version.path("name").asText()).isEqualTo(Api.VERSION);
    assertThat(version.path("subresources").has("status")).isTrue();
    List<String> columns = new ArrayList<>();
    version.path("additionalPrinterColumns").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).contains("Phase", "Age");
  }

  @Test
  void agentHasScaleSubresource() {
    JsonNode crd = TestFiles.readYaml(TestFiles.generatedCrds().resolve("agents.autonomy.dev-v1.yml"));
    JsonNode scale = crd.path("spec").path("versions").get(0).path("subresources").path("scale");
    assertThat(scale.path("specReplicasPath").asText()).isEqualTo(".spec.replicas");
    assertThat(scale.path("statusReplicasPath").asText()).isEqualTo(".status.replicas");
    assertThat(scale.path("labelSelectorPath").asText()).isEqualTo(".status.selector");
  }

  @ParameterizedTest
  @ValueSource(strings = {"agents", "policies", "leagues", "memorystores"})
  void everyFieldIsDescribed(String plural) {
    List<String> undocumented = new ArrayList<>();
    walk(TestFiles.schema(plural), "", (path, node) -> {
      if (node.path("description").asText().isBlank()) {
        undocumented.add(path);
      }
    });
    assertThat(undocumented).as("fields without description in " + plural).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"agents", "policies", "leagues", "memorystores"})
  void statusFollowsApiConventions(String plural) {
    JsonNode status = TestFiles.schema(plural).path("properties").path("status").path("properties");
    assertThat(status.path("observedGeneration").path("type").asText()).isEqualTo("integer");
    assertThat(texts(status.path("phase").path("enum"))).contains("Pending", "Failed");
    JsonNode condition = status.path("conditions").path("items");
    assertThat(condition.path("properties").fieldNames()).toIterable()
        .contains("type", "status", "reason", "message", "lastTransitionTime", "observedGeneration");
    assertThat(condition.path("properties").path("status").path("pattern").asText())
        .isEqualTo("^(True|False|Unknown)$");
    assertThat(texts(condition.path("required"))).contains("type", "status");
  }

  @ParameterizedTest
  @ValueSource(strings = {"agents", "policies", "leagues", "memorystores"})
  void everyCelRuleHasAMessageNamingTheField(String plural) {
    List<String> rules = new ArrayList<>();
    walk(TestFiles.schema(plural), "", (path, node) -> node.path("x-kubernetes-validations").forEach(rule -> {
      rules.add(rule.path("rule").asText());
      assertThat(rule.path("message").asText()).as("message of rule %s at %s", rule.path("rule"), path)
          .startsWith("spec.");
    }));
    assertThat(rules).isNotEmpty();
  }

  /** Visits every property (not the root), descending into objects, array items and map values. */
  static void walk(JsonNode schema, String path, BiConsumer<String, JsonNode> visitor) {
    schema.path("properties").fields().forEachRemaining(e -> {
      String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      visitor.accept(child, e.getValue());
      walk(e.getValue(), child, visitor);
    });
    if (schema.has("items")) {
      walk(schema.get("items"), path + "[]", visitor);
    }
    if (schema.path("additionalProperties").isObject()) {
      walk(schema.get("additionalProperties"), path + "{}", visitor);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
