package dev.autonomy.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.planner.schema.Schemas;
import dev.autonomy.planner.tools.Tool;
import dev.autonomy.planner.tools.ToolResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A test tool: answers {@code echo: <text>} (or what {@code behaviour} says) and records its inputs. */
public final class EchoTool implements Tool {
  private final String name;
  private final Function<JsonNode, ToolResult> behaviour;
  public final List<JsonNode> inputs = new CopyOnWriteArrayList<>();

  public EchoTool(String name) {
    this(name, in -> ToolResult.ok("echo: " + in.path("text").asText()));
  }

  public EchoTool(String name, Function<JsonNode, ToolResult> behaviour) {
    this.name = name;
    this.behaviour = behaviour;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "echoes its text; input {text}";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode s = Schemas.object();
    s.putObject("properties").set("text", Schemas.string(1, 100));
    Schemas.required(s, "text");
    return s;
  }

  @Override
  public ToolResult execute(JsonNode input) {
    inputs.add(input);
    return behaviour.apply(input);
  }
}
