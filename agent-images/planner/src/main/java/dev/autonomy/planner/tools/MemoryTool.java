package dev.autonomy.planner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.memory.ScoredMemory;
import dev.autonomy.planner.memory.PlannerMemory;
import dev.autonomy.planner.schema.Schemas;
import java.util.List;
import java.util.Locale;

/** Recall (episodes and lessons, best first) and remember (a lesson) in the Agent's memory. */
public final class MemoryTool implements Tool {
  private final PlannerMemory memory;
  private final int topK;

  public MemoryTool(PlannerMemory memory, int topK) {
    this.memory = memory;
    this.topK = topK;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String description() {
    return "Recall past episodes and lessons, or remember a lesson; input {op: recall|remember, text}";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode s = Schemas.object();
    ObjectNode p = s.putObject("properties");
    p.set("op", Schemas.enumOf(List.of("recall", "remember")));
    p.set("text", Schemas.string(1, 4000));
    Schemas.required(s, "op", "text");
    return s;
  }

  @Override
  public ToolResult execute(JsonNode input) {
    String op = input.path("op").asText("recall").toLowerCase(Locale.ROOT);
    String text = input.path("text").asText("").strip();
    if (text.isEmpty()) {
      return ToolResult.failed("text is empty");
    }
    if (op.equals("remember")) {
      return memory.lesson(null, text, 0.5).map(id -> ToolResult.ok("remembered as " + id))
          .orElseGet(() -> ToolResult.failed("the memory store is unavailable"));
    }
    List<ScoredMemory> found = memory.recall(text, topK);
    if (found.isEmpty()) {
      return ToolResult.ok("nothing relevant remembered");
    }
    StringBuilder out = new StringBuilder();
    for (ScoredMemory m : found) {
      out.append("- [").append(m.record().kind().value()).append(String.format(Locale.ROOT, " %.2f] ", m.score()))
          .append(m.record().text()).append('\n');
    }
    return ToolResult.ok(out.toString().strip());
  }
}
