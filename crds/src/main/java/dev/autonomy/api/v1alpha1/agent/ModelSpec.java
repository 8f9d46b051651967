package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The Agent's language model, with an optional fallback used when it fails. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelSpec extends ModelEndpoint {

  @JsonPropertyDescription("A model of the same shape used when the primary fails (after its retries) or is "
      + "unavailable.")
  @ValidationRule(value = "!(self.provider in ['openai-compatible', 'ollama']) || has(self.endpoint)",
      message = "spec.model.fallback.endpoint is required for providers openai-compatible and ollama", fieldPath = ".endpoint")
  @ValidationRule(value = "!(self.provider in ['anthropic', 'gemini']) || has(self.apiKeySecretRef)",
      message = "spec.model.fallback.apiKeySecretRef is required for providers anthropic and gemini", fieldPath = ".apiKeySecretRef")
  @ValidationRule(value = "self.provider != 'anthropic' || self.temperature <= 1.0",
      message = "spec.model.fallback.temperature must be <= 1 for provider anthropic", fieldPath = ".temperature")
  private ModelEndpoint fallback;

  public ModelEndpoint getFallback() {
    return fallback;
  }

  public void setFallback(ModelEndpoint fallback) {
    this.fallback = fallback;
  }
}
