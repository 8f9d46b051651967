package dev.autonomy.planner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A tool the planner can act with. Allow-lists are enforced here, whatever the model asked for. */
public interface Tool {

  /** The name the model uses, e.g. {@code http}; the Agent spec's tool names. */
  String name();

  /** One line for the prompt. */
  String description();

  /** The input's JSON schema; inputs are validated against it before {@link #execute}. */
  ObjectNode inputSchema();

  /** Runs the tool. Failures and refusals are results, not exceptions, so the model can observe them. */
  ToolResult execute(JsonNode input);
}
