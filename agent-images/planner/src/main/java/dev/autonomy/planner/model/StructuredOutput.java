package dev.autonomy.planner.model;

/**
 * How a JSON schema reaches a provider. Every answer is validated against the schema whatever the
 * mode: small models drift, and some servers ignore what they do not support.
 */
public enum StructuredOutput {
  /**
   * {@code response_format: {"type": "json_object", "schema": …}} as a custom parameter: llama.cpp's
   * server (which refuses OpenAI's {@code json_schema} type with HTTP 500) and others that accept it.
   */
  JSON_OBJECT_WITH_SCHEMA,
  /** LangChain4j's {@code ResponseFormat} with a JSON schema: OpenAI, Anthropic, Gemini, Ollama. */
  NATIVE_SCHEMA,
  /** Only the instructions in the prompt: for a server that refused both. */
  PROMPT_ONLY
}
