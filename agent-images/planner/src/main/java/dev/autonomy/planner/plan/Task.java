package dev.autonomy.planner.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the plan tree. Leaves are executed; a task marked {@code complex} is decomposed into
 * {@code subtasks} (ids {@code <parent>.<n>}) while the depth allows. {@code dependsOn} names sibling
 * ids; an ancestor's dependencies hold for all its descendants. {@code recipe} holds the tool calls
 * that solved the task, for plan memory.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public class Task {
  public String id;
  public String title;
  public String tool;
  public List<String> dependsOn = new ArrayList<>();
  public String successCriteria;
  public boolean complex;
  public int depth = 1;
  public TaskStatus status = TaskStatus.PENDING;
  public int attempts;
  public String result;
  public String error;
  public List<Task> subtasks = new ArrayList<>();
  public List<ToolCall> recipe = new ArrayList<>();

  public boolean isLeaf() {
    return subtasks.isEmpty();
  }

  /** A copy with execution state cleared (status, attempts, result, error): what plan memory reuses. */
  public Task freshCopy() {
    Task t = new Task();
    t.id = id;
    t.title = title;
    t.tool = tool;
    t.dependsOn = new ArrayList<>(dependsOn);
    t.successCriteria = successCriteria;
    t.complex = complex;
    t.depth = depth;
    t.recipe = new ArrayList<>(recipe);
    t.result = recipe.isEmpty() ? result : null;
    for (Task s : subtasks) {
      t.subtasks.add(s.freshCopy());
    }
    return t;
  }
}
