package dev.autonomy.planner.engine;

import dev.autonomy.memory.ScoredMemory;
import dev.autonomy.planner.plan.Task;
import dev.autonomy.planner.tools.Tool;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The planner's prompts. Short on purpose: small local models have small contexts (llama.cpp's
 * server defaults to 2,048 tokens), and the answer's shape is enforced by the schema, not by prose.
 */
final class Prompts {
  static final int OBSERVATION_CHARS = 1200;

  private final String system;
  private final String toolList;
  private final List<String> toolNames;

  Prompts(String role, String systemPrompt, Collection<Tool> tools) {
    String base = systemPrompt == null || systemPrompt.isBlank()
        ? "You are a careful autonomous agent. Work in small, verifiable steps." : systemPrompt.strip();
    this.system = role == null || role.isBlank() ? base : base + "\nYour role: " + role.strip() + ".";
    StringBuilder b = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (Tool t : tools) {
      b.append("- ").append(t.name()).append(": ").append(t.description()).append('\n');
      names.add(t.name());
    }
    this.toolList = b.length() == 0 ? "(no tools)\n" : b.toString();
    this.toolNames = names;
  }

  List<ChatMessage> plan(String goal, String criteria, List<ScoredMemory> memories, int maxTasks) {
    StringBuilder u = goalBlock(goal, criteria);
    memories(u, memories);
    u.append("Tools:\n").append(toolList);
    u.append("Break the goal into 1 to ").append(maxTasks).append(" tasks. ").append(taskFormat());
    return List.of(SystemMessage.from(system), UserMessage.from(u.toString()));
  }

  List<ChatMessage> decompose(String goal, Task task, int maxTasks) {
    StringBuilder u = goalBlock(goal, null);
    u.append("Task ").append(task.id).append(": ").append(task.title).append("\nIts success criterion: ")
        .append(task.successCriteria).append('\n');
    u.append("Tools:\n").append(toolList);
    u.append("Split this task into 2 to ").append(maxTasks).append(" smaller tasks. ").append(taskFormat());
    return List.of(SystemMessage.from(system), UserMessage.from(u.toString()));
  }

  List<ChatMessage> replan(String goal, String criteria, List<Task> done, Task failed, String why,
      List<String> lessons, int maxTasks) {
    StringBuilder u = goalBlock(goal, criteria);
    if (!done.isEmpty()) {
      u.append("Done:\n");
      done.forEach(t -> u.append("- ").append(t.title).append(": ").append(abbreviate(t.result, 200)).append('\n'));
    }
    u.append("Failed: ").append(failed.title).append(" (").append(abbreviate(why, 300)).append(")\n");
    lessons(u, lessons);
    u.append("Tools:\n").append(toolList);
    u.append("Plan the remaining work as 1 to ").append(maxTasks).append(" new tasks. ").append(taskFormat());
    return List.of(SystemMessage.from(system), UserMessage.from(u.toString()));
  }

  List<ChatMessage> act(String goal, Task task, List<Task> done, List<String> lessons, List<String> observations,
      List<String> actions) {
    StringBuilder u = goalBlock(goal, null);
    u.append("Current task ").append(task.id).append(": ").append(task.title).append("\nSuccess criterion: ")
        .append(task.successCriteria).append('\n');
    if (!done.isEmpty()) {
      u.append("Done so far:\n");
      done.subList(Math.max(0, done.size() - 3), done.size()).forEach(t -> u.append("- ").append(t.title).append(": ")
          .append(abbreviate(t.result, 200)).append('\n'));
    }
    lessons(u, lessons);
    u.append("Tools:\n").append(toolList);
    if (!observations.isEmpty()) {
      u.append("Observations:\n");
      int from = Math.max(0, observations.size() - 3);
      for (int i = from; i < observations.size(); i++) {
        u.append(i + 1).append(". ").append(abbreviate(observations.get(i), OBSERVATION_CHARS)).append('\n');
      }
    }
    if (actions.size() == 1 && !actions.get(0).equals("finish")) {
      u.append("Use the ").append(actions.get(0)).append(" tool now. Answer with a JSON object {\"action\", "
          + "\"input\"}.");
    } else if (actions.size() == 1) {
      u.append("Finish now: give the task's result. Answer with a JSON object {\"action\": \"finish\", "
          + "\"answer\"}.");
    } else {
      u.append("Choose the next action: a tool (with its input), or finish with the result in answer. Answer with "
          + "a JSON object {\"thought\", \"action\", \"input\", \"answer\"}.");
    }
    return List.of(SystemMessage.from(system), UserMessage.from(u.toString()));
  }

  List<ChatMessage> evaluate(Task task, String answer, List<String> observations) {
    StringBuilder u = new StringBuilder();
    u.append("Task: ").append(task.title).append("\nSuccess criterion: ").append(task.successCriteria).append('\n');
    if (!observations.isEmpty()) {
      u.append("Observations:\n");
      observations.subList(Math.max(0, observations.size() - 2), observations.size())
          .forEach(o -> u.append("- ").append(abbreviate(o, OBSERVATION_CHARS)).append('\n'));
    }
    u.append("Result: ").append(abbreviate(answer, 1500)).append('\n');
    u.append("Does the result meet the success criterion? Answer with a JSON object {\"success\": true or false, "
        + "\"reason\"}.");
    return List.of(SystemMessage.from("You judge whether a task's result meets its success criterion."),
        UserMessage.from(u.toString()));
  }

  List<ChatMessage> reflect(String goal, Task task, String answer, String evaluation) {
    StringBuilder u = goalBlock(goal, null);
    u.append("Task: ").append(task.title).append("\nSuccess criterion: ").append(task.successCriteria)
        .append("\nResult: ").append(abbreviate(answer, 800)).append("\nWhy it was judged a failure: ")
        .append(abbreviate(evaluation, 400)).append('\n');
    u.append("Reflect: why did it fail, what lesson should be remembered, and should the task be retried, "
        + "re-planned or given up? Answer with a JSON object {\"diagnosis\", \"lesson\", \"next\": \"retry\" or "
        + "\"replan\" or \"give_up\"}.");
    return List.of(SystemMessage.from(system), UserMessage.from(u.toString()));
  }

  List<String> toolNames() {
    return toolNames;
  }

  private static String taskFormat() {
    return "Each task has: id (short, like t1), title, tool (the tool it needs, or none), dependsOn (ids of tasks "
        + "it needs first), successCriteria (how to check it), complex (true only if it needs several steps and "
        + "must be split). Answer with a JSON object {\"tasks\": [...]}.";
  }

  private static StringBuilder goalBlock(String goal, String criteria) {
    StringBuilder u = new StringBuilder("Goal: ").append(goal.strip()).append('\n');
    if (criteria != null && !criteria.isBlank()) {
      u.append("Goal success criteria: ").append(criteria.strip()).append('\n');
    }
    return u;
  }

  private static void memories(StringBuilder u, List<ScoredMemory> memories) {
    if (memories.isEmpty()) {
      return;
    }
    u.append("Relevant memories:\n");
    memories.forEach(m -> u.append("- ").append(m.record().kind().value()).append(": ")
        .append(abbreviate(m.record().text(), 300)).append('\n'));
  }

  private static void lessons(StringBuilder u, List<String> lessons) {
    if (lessons.isEmpty()) {
      return;
    }
    u.append("Lessons:\n");
    lessons.subList(Math.max(0, lessons.size() - 3), lessons.size())
        .forEach(l -> u.append("- ").append(abbreviate(l, 300)).append('\n'));
  }

  static String abbreviate(String s, int max) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    return t.length() <= max ? t : t.substring(0, max) + "…";
  }
}
