package dev.autonomy.planner.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/**
 * One model call: what it is for ({@code purpose}, e.g. {@code plan}), the messages, and the JSON schema
 * the answer must match (null for free text). The schema is sent in the provider's structured-output
 * form; the answer is validated against it by the caller in any case.
 */
public record ModelRequest(String purpose, List<ChatMessage> messages, JsonNode schema) {
  public ModelRequest {
    messages = List.copyOf(messages);
  }
}
