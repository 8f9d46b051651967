package dev.autonomy.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.league.LeagueSpec;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreSpec;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java field initialisers of the spec classes must equal the CRD's {@code default}s (from
 * {@code @Default}), so an object built in Java means the same as one defaulted by the API server.
 * A field has a Java default exactly when its schema has one.
 */
class DefaultsConsistencyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("agents", AgentSpec.class),
        Arguments.of("policies", PolicySpec.class),
        Arguments.of("leagues", LeagueSpec.class),
        Arguments.of("memorystores", MemoryStoreSpec.class));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void javaDefaultsEqualSchemaDefaults(String plural, Class<?> specClass) {
    List<String> mismatches = new ArrayList<>();
    check(JSON.constructType(specClass), TestFiles.schema(plural).path("properties").path("spec"), "spec",
        mismatches);
    assertThat(mismatches).isEmpty();
  }

  private void check(JavaType type, JsonNode schema, String path, List<String> mismatches) {
    Class<?> raw = type.getRawClass();
    if (!raw.getPackageName().startsWith(Api.class.getPackageName()) || raw.isEnum()) {
      return;
    }
    JsonNode instance = JSON.valueToTree(newInstance(raw));
    BeanDescription bean = JSON.getSerializationConfig().introspect(type);
    for (BeanPropertyDefinition property : bean.findProperties()) {
      String name = property.getName();
      JsonNode propertySchema = schema.path("properties").path(name);
      String at = path + "." + name;
      if (propertySchema.isMissingNode()) {
        mismatches.add(at + ": property missing from the schema");
        continue;
      }
      JsonNode javaDefault = instance.get(name);
      JsonNode schemaDefault = propertySchema.get("default");
      if (schemaDefault == null && javaDefault != null) {
        mismatches.add(at + ": Java default " + javaDefault + " but no @Default");
      } else if (schemaDefault != null && !sameValue(schemaDefault, javaDefault)) {
        mismatches.add(at + ": @Default " + schemaDefault + " but Java default " + javaDefault);
      }
      JavaType propertyType = property.getPrimaryType();
      if (propertyType.isCollectionLikeType()) {
        check(propertyType.getContentType(), propertySchema.path("items"), at + "[]", mismatches);
      } else if (!propertyType.isMapLikeType()) {
        check(propertyType, propertySchema, at, mismatches);
      }
    }
  }

  /** Equal as JSON, numbers compared by value (the CRD may say 32 where Java has 32.0). */
  static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (actual == null) {
      return false;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      var fields = expected.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if (!sameValue(field.getValue(), actual.get(field.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!sameValue(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private static Object newInstance(Class<?> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no default constructor: " + type, e);
    }
  }
}
