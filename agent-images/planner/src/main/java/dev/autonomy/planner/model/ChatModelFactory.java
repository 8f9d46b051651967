package dev.autonomy.planner.model;

import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.planner.config.GoDurations;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;

/**
 * Builds the LangChain4j model for an Agent's {@code spec.model} (or its fallback). LangChain4j's own
 * retries are off: {@link ResilientModel} retries, so that backoff, fallback and metrics are ours.
 * Keys are passed to the client and never logged (request/response logging stays off).
 */
public final class ChatModelFactory {
  /** Sent to OpenAI-compatible servers that need no key (llama.cpp, vLLM without --api-key). */
  static final String NO_KEY = "no-key";

  private ChatModelFactory() {}

  public static ChatModel create(ModelEndpoint spec, String apiKey) {
    Duration timeout = GoDurations.parse(spec.getTimeout(), Duration.ofSeconds(60));
    Double temperature = spec.getTemperature();
    Integer maxTokens = spec.getMaxTokens();
    return switch (spec.getProvider()) {
      case OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
          .baseUrl(required(spec.getEndpoint(), "endpoint"))
          .apiKey(apiKey == null ? NO_KEY : apiKey)
          .modelName(spec.getModelName())
          .temperature(temperature)
          .maxTokens(maxTokens)
          .timeout(timeout)
          .maxRetries(0)
          .build();
      case ANTHROPIC -> {
        AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder()
            .apiKey(required(apiKey, "API key"))
            .modelName(spec.getModelName())
            .temperature(temperature)
            .maxTokens(maxTokens)
            .timeout(timeout)
            .maxRetries(0);
        if (spec.getEndpoint() != null) {
          b.baseUrl(spec.getEndpoint());
        }
        yield b.build();
      }
      case GEMINI -> {
        GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder b = GoogleAiGeminiChatModel.builder()
            .apiKey(required(apiKey, "API key"))
            .modelName(spec.getModelName())
            .temperature(temperature)
            .maxOutputTokens(maxTokens)
            .timeout(timeout)
            .maxRetries(0);
        if (spec.getEndpoint() != null) {
          b.baseUrl(spec.getEndpoint());
        }
        yield b.build();
      }
      case OLLAMA -> OllamaChatModel.builder()
          .baseUrl(required(spec.getEndpoint(), "endpoint"))
          .modelName(spec.getModelName())
          .temperature(temperature)
          .numPredict(maxTokens)
          .timeout(timeout)
          .maxRetries(0)
          .build();
    };
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the model needs its " + what);
    }
    return value;
  }
}
