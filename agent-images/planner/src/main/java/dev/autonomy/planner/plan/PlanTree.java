package dev.autonomy.planner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A goal's plan: a tree of tasks. Thread-safe: the runner changes it while the API reads snapshots.
 */
public final class PlanTree {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Task> tasks;

  public PlanTree(List<Task> tasks) {
    this.tasks = new ArrayList<>(tasks);
  }

  /**
   * Tasks from a schema-valid plan answer, with ids prefixed by {@code parentId} (null at the top)
   * and repairs applied where the answer is valid but inconsistent: empty or duplicate ids renamed,
   * dependencies on unknown ids or on the task itself dropped, dependency cycles broken. Each repair
   * is added to {@code repairs}. Tool names outside {@code tools} become {@code none}.
   */
  public static List<Task> tasksFrom(JsonNode answer, String parentId, int depth, Set<String> tools,
      List<String> repairs) {
    List<Task> out = new ArrayList<>();
    Map<String, String> idMap = new HashMap<>();
    Set<String> used = new HashSet<>();
    Set<String> written = new HashSet<>();
    answer.path("tasks").forEach(t -> written.add(t.path("id").asText("").strip()));
    int n = 0;
    for (JsonNode t : answer.path("tasks")) {
      n++;
      String raw = t.path("id").asText("").strip();
      String local = raw.replaceAll("[^A-Za-z0-9_-]", "");
      if (local.isEmpty() || used.contains(local)) {
        String renamed = "t" + n;
        while (used.contains(renamed) || written.contains(renamed)) {
          renamed = renamed + "x";
        }
        repairs.add("task id '" + raw + "' renamed to '" + renamed + "'");
        local = renamed;
      }
      used.add(local);
      if (!idMap.containsKey(raw)) {
        idMap.put(raw, local);
      }
      Task task = new Task();
      task.id = parentId == null ? local : parentId + "." + local;
      task.title = t.path("title").asText();
      String tool = t.path("tool").asText("none");
      task.tool = tools.contains(tool) ? tool : "none";
      task.successCriteria = t.path("successCriteria").asText("").strip();
      if (task.successCriteria.isEmpty()) {
        task.successCriteria = "The result accomplishes: " + task.title;
        repairs.add("task '" + task.id + "': empty success criterion replaced by its title");
      }
      task.complex = t.path("complex").asBoolean(false);
      task.depth = depth;
      out.add(task);
    }
    int i = 0;
    for (JsonNode t : answer.path("tasks")) {
      Task task = out.get(i++);
      Set<String> deps = new LinkedHashSet<>();
      for (JsonNode d : t.path("dependsOn")) {
        String local = idMap.get(d.asText().strip());
        String dep = local == null ? null : parentId == null ? local : parentId + "." + local;
        if (dep == null || dep.equals(task.id)) {
          repairs.add("task '" + task.id + "': dependency '" + d.asText() + "' dropped (unknown or itself)");
        } else {
          deps.add(dep);
        }
      }
      task.dependsOn = new ArrayList<>(deps);
    }
    breakCycles(out, repairs);
    return out;
  }

  private static void breakCycles(List<Task> siblings, List<String> repairs) {
    Map<String, Task> byId = new LinkedHashMap<>();
    siblings.forEach(t -> byId.put(t.id, t));
    Map<String, Integer> state = new HashMap<>();
    for (Task t : siblings) {
      visit(t, byId, state, repairs);
    }
  }

  private static void visit(Task t, Map<String, Task> byId, Map<String, Integer> state, List<String> repairs) {
    Integer s = state.get(t.id);
    if (s != null) {
      return;
    }
    state.put(t.id, 1);
    for (String dep : new ArrayList<>(t.dependsOn)) {
      Integer ds = state.get(dep);
      if (ds != null && ds == 1) {
        t.dependsOn.remove(dep);
        repairs.add("task '" + t.id + "': dependency '" + dep + "' dropped (cycle)");
      } else if (ds == null) {
        visit(byId.get(dep), byId, state, repairs);
      }
    }
    state.put(t.id, 2);
  }

  public synchronized List<Task> tasks() {
    return List.copyOf(tasks);
  }

  /** The next leaf to run: pending, and every dependency of it and of its ancestors done. */
  public synchronized Optional<Task> nextReady() {
    return nextReady(tasks, Map.of());
  }

  private Optional<Task> nextReady(List<Task> level, Map<String, Task> unused) {
    Map<String, Task> byId = new HashMap<>();
    level.forEach(t -> byId.put(t.id, t));
    for (Task t : level) {
      if (status(t) != TaskStatus.PENDING && status(t) != TaskStatus.RUNNING) {
        continue;
      }
      boolean ready = t.dependsOn.stream().allMatch(d -> byId.get(d) == null || status(byId.get(d)) == TaskStatus.DONE);
      if (!ready) {
        continue;
      }
      if (t.isLeaf()) {
        if (t.status == TaskStatus.PENDING) {
          return Optional.of(t);
        }
      } else {
        Optional<Task> inner = nextReady(t.subtasks, Map.of());
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /** A parent's status follows its subtasks: done when all are, failed when one is. */
  public static TaskStatus status(Task t) {
    if (t.isLeaf()) {
      return t.status;
    }
    boolean allDone = true;
    boolean anyStarted = false;
    for (Task s : t.subtasks) {
      TaskStatus st = status(s);
      if (st == TaskStatus.FAILED) {
        return TaskStatus.FAILED;
      }
      if (st != TaskStatus.DONE && st != TaskStatus.SKIPPED) {
        allDone = false;
      }
      if (st != TaskStatus.PENDING) {
        anyStarted = true;
      }
    }
    return allDone ? TaskStatus.DONE : anyStarted ? TaskStatus.RUNNING : TaskStatus.PENDING;
  }

  public synchronized boolean complete() {
    return tasks.stream().allMatch(t -> status(t) == TaskStatus.DONE || status(t) == TaskStatus.SKIPPED);
  }

  /** Every leaf, depth first. */
  public synchronized List<Task> leaves() {
    List<Task> out = new ArrayList<>();
    collectLeaves(tasks, out);
    return out;
  }

  private static void collectLeaves(List<Task> level, List<Task> out) {
    for (Task t : level) {
      if (t.isLeaf()) {
        out.add(t);
      } else {
        collectLeaves(t.subtasks, out);
      }
    }
  }

  public synchronized Optional<Task> find(String id) {
    return find(tasks, id);
  }

  private static Optional<Task> find(List<Task> level, String id) {
    for (Task t : level) {
      if (t.id.equals(id)) {
        return Optional.of(t);
      }
      Optional<Task> inner = find(t.subtasks, id);
      if (inner.isPresent()) {
        return inner;
      }
    }
    return Optional.empty();
  }

  /** Sets a complex task's subtasks (decomposition). */
  public synchronized void decompose(Task parent, List<Task> subtasks) {
    parent.subtasks = new ArrayList<>(subtasks);
  }

  /**
   * Re-planning: tasks not yet done are replaced by {@code replacement} (top-level ids must not clash
   * with kept tasks; the caller prefixes them). Done tasks and their results stay.
   */
  public synchronized void replaceUnfinished(List<Task> replacement) {
    tasks.removeIf(t -> status(t) != TaskStatus.DONE);
    Set<String> kept = new HashSet<>();
    tasks.forEach(t -> kept.add(t.id));
    for (Task t : replacement) {
      t.dependsOn.removeIf(d -> !kept.contains(d) && replacement.stream().noneMatch(r -> r.id.equals(d)));
      tasks.add(t);
    }
  }

  public synchronized int size() {
    return count(tasks);
  }

  private static int count(List<Task> level) {
    int n = 0;
    for (Task t : level) {
      n += 1 + count(t.subtasks);
    }
    return n;
  }

  /** A snapshot for the API and for plan memory. */
  public synchronized ArrayNode toJson() {
    ArrayNode a = JSON.createArrayNode();
    for (Task t : tasks) {
      ObjectNode node = JSON.valueToTree(t);
      node.put("status", status(t).name());
      a.add(node);
    }
    return a;
  }

  /** A plan stored by plan memory, with execution state cleared. */
  public static PlanTree fromStored(JsonNode stored) {
    List<Task> tasks = new ArrayList<>();
    for (JsonNode n : stored) {
      tasks.add(JSON.convertValue(n, Task.class).freshCopy());
    }
    return new PlanTree(tasks);
  }
}
