package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The API a model is served with. */
public enum ModelProvider {
  /** Any OpenAI-compatible endpoint: vLLM, TGI, llama.cpp, Ollama's /v1, OpenAI. */
  @JsonProperty("openai-compatible")
  OPENAI_COMPATIBLE("openai-compatible"),

  /** Anthropic's Messages API. */
  @JsonProperty("anthropic")
  ANTHROPIC("anthropic"),

  /** Google's Gemini API. */
  @JsonProperty("gemini")
  GEMINI("gemini"),

  /** Ollama's native API. */
  @JsonProperty("ollama")
  OLLAMA("ollama");

  private final String value;

  ModelProvider(String value) {
    this.value = value;
  }

  /** The value as written in a manifest. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
