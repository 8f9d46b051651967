package dev.autonomy.planner.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the planner's JSON schemas (the subset it writes: object, array, string, enum, boolean,
 * integer, number) into LangChain4j's schema elements for providers with native structured output.
 */
public final class JsonSchemaElements {
  private JsonSchemaElements() {}

  public static JsonSchemaElement from(JsonNode schema) {
    String description = schema.path("description").isTextual() ? schema.get("description").asText() : null;
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.get("enum").forEach(v -> values.add(v.asText()));
      return JsonEnumSchema.builder().enumValues(values).description(description).build();
    }
    String type = schema.path("type").asText("object");
    switch (type) {
      case "object": {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder().description(description);
        schema.path("properties").fields().forEachRemaining(e -> b.addProperty(e.getKey(), from(e.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (!required.isEmpty()) {
          b.required(required);
        }
        if (schema.has("additionalProperties") && schema.get("additionalProperties").isBoolean()) {
          b.additionalProperties(schema.get("additionalProperties").asBoolean());
        }
        return b.build();
      }
      case "array":
        return JsonArraySchema.builder().description(description)
            .items(schema.has("items") ? from(schema.get("items")) : JsonStringSchema.builder().build()).build();
      case "boolean":
        return JsonBooleanSchema.builder().description(description).build();
      case "integer":
        return JsonIntegerSchema.builder().description(description).build();
      case "number":
        return JsonNumberSchema.builder().description(description).build();
      default:
        return JsonStringSchema.builder().description(description).build();
    }
  }
}
