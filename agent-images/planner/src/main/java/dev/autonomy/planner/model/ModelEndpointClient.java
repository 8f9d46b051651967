package dev.autonomy.planner.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.api.v1alpha1.agent.ModelProvider;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.net.URI;
import java.util.Map;

/** One configured model (primary or fallback): its LangChain4j model and how schemas reach it. */
public final class ModelEndpointClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String role;
  private final ModelEndpoint spec;
  private final ChatModel model;
  private volatile StructuredOutput mode;

  public ModelEndpointClient(String role, ModelEndpoint spec, ChatModel model, StructuredOutput mode) {
    this.role = role;
    this.spec = spec;
    this.model = model;
    this.mode = mode;
  }

  /** The structured-output mode a provider starts with. */
  public static StructuredOutput defaultMode(ModelEndpoint spec) {
    if (spec.getProvider() == ModelProvider.OPENAI_COMPATIBLE) {
      String host = spec.getEndpoint() == null ? "" : String.valueOf(URI.create(spec.getEndpoint()).getHost());
      return host.endsWith("api.openai.com") ? StructuredOutput.NATIVE_SCHEMA : StructuredOutput.JSON_OBJECT_WITH_SCHEMA;
    }
    return StructuredOutput.NATIVE_SCHEMA;
  }

  /** {@code primary} or {@code fallback}. */
  public String role() {
    return role;
  }

  public ModelEndpoint spec() {
    return spec;
  }

  /** For metrics and steps: provider/model, e.g. {@code openai-compatible/smollm2}. */
  public String label() {
    return spec.getProvider() + "/" + spec.getModelName();
  }

  public int maxRetries() {
    return spec.getMaxRetries() == null ? 2 : spec.getMaxRetries();
  }

  public StructuredOutput mode() {
    return mode;
  }

  /** Steps down after the server refused the structured-output parameters; false when nothing is left. */
  public synchronized boolean downgrade() {
    StructuredOutput next = switch (mode) {
      case JSON_OBJECT_WITH_SCHEMA -> spec.getProvider() == ModelProvider.OPENAI_COMPATIBLE
          ? StructuredOutput.PROMPT_ONLY : StructuredOutput.NATIVE_SCHEMA;
      case NATIVE_SCHEMA -> StructuredOutput.PROMPT_ONLY;
      case PROMPT_ONLY -> null;
    };
    if (next == null) {
      return false;
    }
    mode = next;
    return true;
  }

  public ChatResponse call(ModelRequest request) {
    return model.chat(toChatRequest(request));
  }

  /** A one-token answer: the cheap readiness check. */
  public void ping() {
    model.chat(ChatRequest.builder().messages(UserMessage.from("Reply with OK.")).maxOutputTokens(1).build());
  }

  ChatRequest toChatRequest(ModelRequest request) {
    ChatRequest.Builder b = ChatRequest.builder().messages(request.messages());
    if (request.schema() == null) {
      return b.build();
    }
    switch (mode) {
      case JSON_OBJECT_WITH_SCHEMA -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = JSON.convertValue(request.schema(), Map.class);
        b.parameters(OpenAiChatRequestParameters.builder()
            .customParameters(Map.of("response_format", Map.of("type", "json_object", "schema", schema)))
            .build());
      }
      case NATIVE_SCHEMA -> b.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
          .jsonSchema(JsonSchema.builder().name(request.purpose())
              .rootElement(JsonSchemaElements.from(request.schema())).build())
          .build());
      case PROMPT_ONLY -> {
        java.util.List<dev.langchain4j.data.message.ChatMessage> messages = new java.util.ArrayList<>(request.messages());
        messages.add(UserMessage.from("Answer with only a JSON object that matches this JSON schema: "
            + request.schema()));
        b.messages(messages);
      }
    }
    return b.build();
  }
}
