package dev.autonomy.planner.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.autonomy.planner.model.ModelGateway;
import dev.autonomy.planner.model.ModelReply;
import dev.autonomy.planner.model.ModelRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Asks for an answer matching a JSON schema and validates every answer: JSON syntax, the schema,
 * then the caller's own checks (e.g. a plan's dependencies). An invalid answer is never used: the
 * model is told what was wrong and asked again, up to {@code maxAttempts}.
 */
public final class StructuredCaller {
  /**
   * Lenient about syntax only: grammar-constrained servers (llama.cpp) let raw newlines and tabs into
   * strings, which strict JSON forbids. What the JSON says is still validated against the schema.
   */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .build();

  /** Sees every reply (tokens, time) and may stop before an attempt (budgets). */
  public interface Observer {
    default void beforeAttempt(int attempt) {}

    default void onReply(ModelReply reply) {}

    default void onInvalid(String purpose, List<String> errors) {}
  }

  /** A valid answer and what it cost over all attempts. */
  public record Answer(JsonNode value, String raw, int attempts, long inputTokens, long outputTokens, long modelNanos,
      String model, boolean fallback, List<String> rejected) {
    public long tokens() {
      return inputTokens + outputTokens;
    }
  }

  private final ModelGateway model;
  private final SchemaValidator validator;
  private final int maxAttempts;

  public StructuredCaller(ModelGateway model, SchemaValidator validator, int maxAttempts) {
    this.model = model;
    this.validator = validator;
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  public Answer call(String purpose, List<ChatMessage> messages, JsonNode schema,
      Function<JsonNode, List<String>> check, Observer observer) {
    List<ChatMessage> conversation = new ArrayList<>(messages);
    JsonNode modelSchema = Schemas.forModel(schema);
    long in = 0;
    long out = 0;
    long nanos = 0;
    List<String> rejected = new ArrayList<>();
    List<String> errors = List.of();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      observer.beforeAttempt(attempt);
      ModelReply reply = model.chat(new ModelRequest(purpose, conversation, modelSchema));
      observer.onReply(reply);
      in += reply.inputTokens();
      out += reply.outputTokens();
      nanos += reply.modelNanos();
      JsonNode value = null;
      try {
        value = parse(reply.text());
        errors = validator.validate(schema, value);
      } catch (JsonProcessingException e) {
        errors = List.of(e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")
            // A small model that loops inside a string runs into the token limit.
            ? "the JSON was cut off at the token limit: keep every text to a few words"
            : "not JSON: " + e.getOriginalMessage());
      }
      if (errors.isEmpty() && check != null) {
        errors = check.apply(value);
      }
      if (errors.isEmpty()) {
        return new Answer(value, reply.text(), attempt, in, out, nanos, reply.model(), reply.fallback(), rejected);
      }
      observer.onInvalid(purpose, errors);
      rejected.add(abbreviate(reply.text(), 500) + " -> " + String.join("; ", errors));
      conversation.add(AiMessage.from(reply.text().isEmpty() ? "(empty)" : abbreviate(reply.text(), 2000)));
      conversation.add(UserMessage.from("That answer is invalid: " + String.join("; ", errors)
          + ". Answer again with only a JSON object that matches the schema."));
    }
    throw new InvalidAnswerException(purpose, errors, maxAttempts);
  }

  /** The JSON object in a reply, tolerating code fences or text around it. */
  static JsonNode parse(String text) throws JsonProcessingException {
    String s = text == null ? "" : text.strip();
    int start = s.indexOf('{');
    int end = s.lastIndexOf('}');
    if (start > 0 || (end >= 0 && end < s.length() - 1)) {
      if (start >= 0 && end > start) {
        s = s.substring(start, end + 1);
      }
    }
    return JSON.readTree(s.isEmpty() ? "null" : s);
  }

  static String abbreviate(String text, int max) {
    return text == null ? "" : text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
