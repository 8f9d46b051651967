package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import dev.autonomy.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A language model: where it is served, which one, and how it is called. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelEndpoint {

  @JsonPropertyDescription("API the model is served with: openai-compatible, anthropic, gemini or ollama.")
  @Required
  private ModelProvider provider;

  @JsonPropertyDescription("Base URL of the model API, e.g. http://vllm.models:8000/v1. Required for openai-compatible "
      + "and ollama; anthropic and gemini default to their public endpoints.")
  @Pattern(Patterns.HTTP_URL)
  @Size(max = 2048)
  private String endpoint;

  @JsonPropertyDescription("Name of the model at the provider, e.g. smollm2, claude-sonnet-4-5, gemini-2.5-flash.")
  @Required
  @Size(min = 1, max = 256)
  private String modelName;

  @JsonPropertyDescription("Secret key holding the API key, mounted into the planner; required for anthropic and "
      + "gemini.")
  private SecretKeyRef apiKeySecretRef;

  @JsonPropertyDescription("Sampling temperature, 0 to 2 (at most 1 for anthropic).")
  @Min(0)
  @Max(2)
  @Default("0.2")
  private Double temperature = 0.2;

  @JsonPropertyDescription("Maximum number of tokens the model may generate per call.")
  @Min(1)
  @Max(1000000)
  @Default("1024")
  private Integer maxTokens = 1024;

  @JsonPropertyDescription("Timeout of one model call (Go duration).")
  @Pattern(Patterns.DURATION)
  @Default("60s")
  private String timeout = "60s";

  @JsonPropertyDescription("Retries of a failed call (HTTP 429/5xx, timeouts), with exponential backoff.")
  @Min(0)
  @Max(10)
  @Default("2")
  private Integer maxRetries = 2;

  public ModelProvider getProvider() {
    return provider;
  }

  public void setProvider(ModelProvider provider) {
    this.provider = provider;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getModelName() {
    return modelName;
  }

  public void setModelName(String modelName) {
    this.modelName = modelName;
  }

  public SecretKeyRef getApiKeySecretRef() {
    return apiKeySecretRef;
  }

  public void setApiKeySecretRef(SecretKeyRef apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
  }

  public Double getTemperature() {
    return temperature;
  }

  public void setTemperature(Double temperature) {
    this.temperature = temperature;
  }

  public Integer getMaxTokens() {
    return maxTokens;
  }

  public void setMaxTokens(Integer maxTokens) {
    this.maxTokens = maxTokens;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }
}
