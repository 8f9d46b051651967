package dev.autonomy.planner.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates answers against JSON Schema (draft 2020-12) with networknt's validator; schemas are compiled once. */
public final class SchemaValidator {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<JsonNode, JsonSchema> compiled = new ConcurrentHashMap<>();

  /** The violations, empty when the value is valid; each names the failing location. */
  public List<String> validate(JsonNode schema, JsonNode value) {
    JsonSchema s = compiled.computeIfAbsent(schema, FACTORY::getSchema);
    return s.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
