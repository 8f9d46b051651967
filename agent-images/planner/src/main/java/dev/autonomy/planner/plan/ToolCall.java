package dev.autonomy.planner.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool action as executed: kept in a solved plan so that plan memory can replay it without a model. */
public record ToolCall(String tool, JsonNode input) {}
