package dev.autonomy.planner.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON schemas of every model answer. What is validated is the full schema; what is sent to the
 * model ({@link #forModel}) drops {@code pattern}, {@code format} and string lengths: llama.cpp turns
 * a schema into a grammar, and an escaped {@code pattern} made its server (llama-cpp-python 0.3.36)
 * exit, while a {@code maxLength} becomes a huge grammar.
 */
public final class Schemas {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** Tasks per level of a plan. */
  public static final int MAX_TASKS = 8;
  public static final String NO_TOOL = "none";
  public static final String FINISH = "finish";
  private static final Set<String> MODEL_UNSAFE = Set.of("pattern", "format", "minLength", "maxLength", "$schema");

  private Schemas() {}

  /**
   * A plan: tasks with ids, the tool each mostly needs, the ids it depends on, a success criterion
   * and whether it is too large for one ReAct loop ({@code complex}: decomposed again).
   */
  public static ObjectNode plan(Collection<String> tools) {
    ObjectNode task = object();
    ObjectNode p = task.putObject("properties");
    p.set("id", string(1, 64));
    p.set("title", string(1, 500));
    p.set("tool", enumOf(withFirst(tools, NO_TOOL, false)));
    ObjectNode deps = p.putObject("dependsOn");
    deps.put("type", "array").put("maxItems", MAX_TASKS);
    deps.set("items", string(1, 64));
    // May be empty: small models often leave it so; the plan then gets a default criterion (a repair).
    p.set("successCriteria", string(0, 1000));
    p.putObject("complex").put("type", "boolean");
    required(task, "id", "title", "tool", "dependsOn", "successCriteria", "complex");

    ObjectNode root = object();
    ObjectNode tasks = root.putObject("properties").putObject("tasks");
    tasks.put("type", "array").put("minItems", 1).put("maxItems", MAX_TASKS);
    tasks.set("items", task);
    required(root, "tasks");
    return root;
  }

  /**
   * One ReAct turn: the action ({@code finish} or a tool), the tool's input and, when finishing, the
   * answer; with a choice to make, a thought first. A turn with one allowed action asks only for what
   * it needs (fewer tokens for a model to write): a tool turn {@code {action, input}}, a finishing turn
   * {@code {action, answer}}. {@code input} is checked again against the chosen tool's own schema.
   */
  public static ObjectNode action(List<String> actions, JsonNode inputSchema) {
    ObjectNode root = object();
    ObjectNode p = root.putObject("properties");
    boolean onlyFinish = actions.size() == 1 && actions.get(0).equals(FINISH);
    boolean onlyTool = actions.size() == 1 && !onlyFinish;
    if (!onlyFinish && !onlyTool) {
      p.set("thought", string(0, 2000));
    }
    p.set("action", enumOf(actions));
    if (!onlyFinish) {
      p.set("input", inputSchema == null ? object() : inputSchema);
    }
    if (!onlyTool) {
      p.set("answer", string(0, 4000));
    }
    if (onlyFinish) {
      required(root, "action", "answer");
    } else if (onlyTool) {
      required(root, "action", "input");
    } else {
      required(root, "thought", "action", "input", "answer");
    }
    return root;
  }

  /** Whether a task's result meets its success criterion, and why. */
  public static ObjectNode evaluation() {
    ObjectNode root = object();
    ObjectNode p = root.putObject("properties");
    p.putObject("success").put("type", "boolean");
    p.set("reason", string(1, 1000));
    required(root, "success", "reason");
    return root;
  }

  /** Why a task failed, the lesson to remember, and what to do next. */
  public static ObjectNode reflection() {
    ObjectNode root = object();
    ObjectNode p = root.putObject("properties");
    p.set("diagnosis", string(1, 1000));
    p.set("lesson", string(1, 1000));
    p.set("next", enumOf(List.of("retry", "replan", "give_up")));
    required(root, "diagnosis", "lesson", "next");
    return root;
  }

  /** The schema as sent to a model: without the keywords a grammar-constrained server mishandles. */
  public static JsonNode forModel(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove(MODEL_UNSAFE);
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        strip(it.next().getValue());
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(Schemas::strip);
    }
  }

  public static ObjectNode object() {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "object");
    return o;
  }

  public static ObjectNode string(int min, int max) {
    ObjectNode s = JSON.createObjectNode().put("type", "string");
    if (min > 0) {
      s.put("minLength", min);
    }
    return s.put("maxLength", max);
  }

  public static ObjectNode enumOf(Collection<String> values) {
    ObjectNode e = JSON.createObjectNode().put("type", "string");
    ArrayNode a = e.putArray("enum");
    values.forEach(a::add);
    return e;
  }

  public static void required(ObjectNode schema, String... names) {
    ArrayNode r = schema.putArray("required");
    for (String n : names) {
      r.add(n);
    }
  }

  private static List<String> withFirst(Collection<String> values, String extra, boolean first) {
    java.util.List<String> all = new java.util.ArrayList<>(values);
    all.remove(extra);
    if (first) {
      all.add(0, extra);
    } else {
      all.add(extra);
    }
    return all;
  }
}
