package dev.autonomy.planner.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.memory.ScoredMemory;
import dev.autonomy.planner.memory.PlannerMemory;
import dev.autonomy.planner.model.ModelGateway;
import dev.autonomy.planner.model.ModelReply;
import dev.autonomy.planner.model.ModelUnavailableException;
import dev.autonomy.planner.plan.PlanTree;
import dev.autonomy.planner.plan.Task;
import dev.autonomy.planner.plan.TaskStatus;
import dev.autonomy.planner.plan.ToolCall;
import dev.autonomy.planner.schema.InvalidAnswerException;
import dev.autonomy.planner.schema.SchemaValidator;
import dev.autonomy.planner.schema.Schemas;
import dev.autonomy.planner.schema.StructuredCaller;
import dev.autonomy.planner.tools.Tool;
import dev.autonomy.planner.tools.ToolRegistry;
import dev.autonomy.planner.tools.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Pursues one goal, bounded: recall → plan (from plan memory, or the model, then decompose complex
 * tasks down to {@code maxDepth}) → until done: pick a ready task → ReAct with tools → evaluate the
 * result against the task's criterion → on failure reflect, store the lesson, retry, or re-plan.
 * Stops on success, a budget (steps, tokens, wall time), a rejected approval or an unrecoverable
 * error. Every step is recorded with its inputs, outputs and timings.
 */
public final class GoalRunner {
  private static final Logger LOG = Logger.getLogger(GoalRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlannerSettings settings;
  private final ToolRegistry tools;
  private final PlannerMemory memory;
  private final ApprovalGate approvals;
  private final PlannerMetrics metrics;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Prompts prompts;
  private final StructuredCaller caller;
  private final SchemaValidator validator = new SchemaValidator();
  private final ObjectNode planSchema;
  private final Set<String> toolNames;

  public GoalRunner(String role, String systemPrompt, PlannerSettings settings, ModelGateway model, ToolRegistry tools,
      PlannerMemory memory, ApprovalGate approvals, PlannerMetrics metrics, Clock clock, LongSupplier nanoTime) {
    this.settings = settings;
    this.tools = tools;
    this.memory = memory;
    this.approvals = approvals;
    this.metrics = metrics;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.prompts = new Prompts(role, systemPrompt, tools.all());
    this.caller = new StructuredCaller(model, validator, settings.answerAttempts());
    this.toolNames = new LinkedHashSet<>(tools.names());
    this.planSchema = Schemas.plan(toolNames);
  }

  public PlannerSettings settings() {
    return settings;
  }

  /** Runs the episode to its end on the calling thread. Never throws. */
  public Episode run(Episode ep) {
    ep.start(clock.instant(), nanoTime.getAsLong());
    metrics.episodeStarted();
    Budget budget = new Budget(settings.maxSteps(), settings.tokenBudget(), settings.timeBudget(), nanoTime);
    EpisodeState end;
    String summary;
    String reason = null;
    try {
      PlanTree plan = fromPlanMemory(ep).orElse(null);
      if (plan == null) {
        List<ScoredMemory> recalled = recall(ep);
        plan = plan(ep, budget, recalled);
        ep.setPlan(plan, false, null);
        decompose(ep, plan, plan.tasks(), budget);
      }
      Result r = execute(ep, plan, budget);
      end = r.state();
      summary = r.summary();
      reason = r.reason();
    } catch (BudgetExhaustedException e) {
      end = EpisodeState.BUDGET_EXHAUSTED;
      summary = "Stopped: " + e.getMessage() + ".";
      reason = e.getMessage();
    } catch (ApprovalRejectedException e) {
      end = EpisodeState.REJECTED;
      summary = "Rejected: " + e.getMessage() + ".";
      reason = e.getMessage();
    } catch (ModelUnavailableException e) {
      end = EpisodeState.FAILED;
      summary = "Failed: the model is unavailable.";
      reason = e.getMessage();
    } catch (InvalidAnswerException e) {
      end = EpisodeState.FAILED;
      summary = "Failed: the model gave no valid plan.";
      reason = e.getMessage();
    } catch (RuntimeException e) {
      LOG.errorf(e, "episode %s failed unexpectedly", ep.id());
      end = EpisodeState.FAILED;
      summary = "Failed: " + e.getClass().getSimpleName() + ".";
      reason = String.valueOf(e.getMessage());
    }
    remember(ep, end, summary);
    ep.finish(end, summary, reason, clock.instant());
    metrics.episodeFinished(end);
    LOG.infof("episode %s %s in %d steps, %d tokens%s: %s%s", ep.id(), end, ep.countedSteps(), ep.tokens(),
        ep.fromPlanMemory() ? " (plan memory)" : "", Prompts.abbreviate(summary, 200),
        reason == null ? "" : " (" + Prompts.abbreviate(reason, 300) + ")");
    return ep;
  }

  private record Result(EpisodeState state, String summary, String reason) {}

  private enum Outcome { DONE, FAILED, REPLAN }

  private record React(String answer, List<String> observations, List<ToolCall> calls, int toolSteps, int toolFailures) {}

  // ---- planning ------------------------------------------------------------------------------

  private Optional<PlanTree> fromPlanMemory(Episode ep) {
    if (!settings.planMemory() || memory == null) {
      return Optional.empty();
    }
    StepDraft d = begin(StepKind.PLAN_MEMORY, null, JSON.createObjectNode().put("goal", ep.goal())
        .put("threshold", settings.planReuseThreshold()));
    Optional<ScoredMemory> match = memory.similarPlan(ep.goal(), settings.planReuseThreshold());
    metrics.planMemory(match.isPresent());
    if (match.isEmpty()) {
      return Optional.empty();
    }
    String stored = match.get().record().attribute("plan");
    try {
      PlanTree plan = PlanTree.fromStored(JSON.readTree(stored));
      ep.setPlan(plan, true, match.get().relevance());
      d.summary = String.format(java.util.Locale.ROOT, "reused the plan of \"%s\" (similarity %.3f)",
          Prompts.abbreviate(match.get().record().goal(), 120), match.get().relevance());
      d.output = JSON.createObjectNode().put("memoryId", match.get().record().id())
          .put("matchedGoal", match.get().record().goal()).put("similarity", match.get().relevance())
          .set("tasks", plan.toJson());
      record(ep, d);
      return Optional.of(plan);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      LOG.warnf("plan memory %s is unreadable (%s); planning anew", match.get().record().id(), e.getMessage());
      return Optional.empty();
    }
  }

  private List<ScoredMemory> recall(Episode ep) {
    if (memory == null) {
      return List.of();
    }
    StepDraft d = begin(StepKind.RECALL, null, JSON.createObjectNode().put("query", ep.goal())
        .put("k", settings.recallTopK()));
    List<ScoredMemory> found = memory.recall(ep.goal(), settings.recallTopK());
    ArrayNode out = JSON.createArrayNode();
    for (ScoredMemory m : found) {
      out.addObject().put("kind", m.record().kind().value()).put("text", Prompts.abbreviate(m.record().text(), 300))
          .put("score", m.score()).put("recency", m.recency()).put("importance", m.importance())
          .put("relevance", m.relevance());
    }
    d.output = out;
    d.summary = "recalled " + found.size() + " memories";
    record(ep, d);
    return found;
  }

  private PlanTree plan(Episode ep, Budget budget, List<ScoredMemory> recalled) {
    budget.step();
    StepDraft d = begin(StepKind.PLAN, null, JSON.createObjectNode().put("goal", ep.goal())
        .put("memories", recalled.size()));
    try {
      StructuredCaller.Answer a = caller.call("plan", prompts.plan(ep.goal(), ep.request().successCriteria(), recalled,
          Schemas.MAX_TASKS), planSchema, null, observer(ep, budget, d));
      List<String> repairs = new ArrayList<>();
      List<Task> tasks = PlanTree.tasksFrom(a.value(), null, 1, toolNames, repairs);
      PlanTree plan = new PlanTree(tasks);
      d.answer(a).output = planOutput(plan, repairs, a.rejected()).set("answer", a.value());
      d.summary = "planned " + tasks.size() + " tasks";
      return plan;
    } catch (RuntimeException e) {
      d.fail(e);
      throw e;
    } finally {
      record(ep, d);
    }
  }

  /** Decomposes the complex leaves among {@code level} (and their new subtasks) while depth allows. */
  private void decompose(Episode ep, PlanTree plan, List<Task> level, Budget budget) {
    for (Task t : level) {
      if (!t.isLeaf()) {
        decompose(ep, plan, t.subtasks, budget);
        continue;
      }
      if (!t.complex || t.status != TaskStatus.PENDING) {
        continue;
      }
      if (t.depth >= settings.maxDepth()) {
        t.complex = false;
        continue;
      }
      budget.step();
      StepDraft d = begin(StepKind.DECOMPOSE, t.id, JSON.createObjectNode().put("task", t.title)
          .put("depth", t.depth));
      List<Task> children;
      try {
        StructuredCaller.Answer a = caller.call("decompose", prompts.decompose(ep.goal(), t, Schemas.MAX_TASKS),
            planSchema, null, observer(ep, budget, d));
        List<String> repairs = new ArrayList<>();
        children = PlanTree.tasksFrom(a.value(), t.id, t.depth + 1, toolNames, repairs);
        d.answer(a).output = planOutput(new PlanTree(children), repairs, a.rejected());
        d.summary = children.size() < 2 ? "kept as one task" : "decomposed into " + children.size() + " tasks";
      } catch (InvalidAnswerException e) {
        d.fail(e);
        d.summary = "kept as one task";
        children = List.of();
      } finally {
        record(ep, d);
      }
      if (children.size() < 2) {
        t.complex = false;
        continue;
      }
      plan.decompose(t, children);
      decompose(ep, plan, children, budget);
    }
  }

  private static ObjectNode planOutput(PlanTree plan, List<String> repairs, List<String> rejected) {
    ObjectNode o = JSON.createObjectNode();
    o.set("tasks", plan.toJson());
    if (!repairs.isEmpty()) {
      ArrayNode r = o.putArray("repairs");
      repairs.forEach(r::add);
    }
    if (!rejected.isEmpty()) {
      ArrayNode r = o.putArray("rejectedAnswers");
      rejected.forEach(r::add);
    }
    return o;
  }

  // ---- execution -----------------------------------------------------------------------------

  private Result execute(Episode ep, PlanTree plan, Budget budget) {
    int replans = 0;
    List<String> lessons = new ArrayList<>();
    while (true) {
      budget.checkTime();
      if (plan.complete()) {
        return new Result(EpisodeState.SUCCEEDED, successSummary(plan), null);
      }
      Optional<Task> next = plan.nextReady();
      if (next.isEmpty()) {
        String failed = plan.leaves().stream().filter(t -> t.status == TaskStatus.FAILED).map(t -> t.id)
            .reduce((a, b) -> a + ", " + b).orElse("?");
        return new Result(EpisodeState.FAILED, "Failed: task " + failed + " could not be done.",
            "no task is ready; failed: " + failed);
      }
      Task task = next.get();
      Outcome outcome = runTask(ep, plan, task, budget, lessons);
      if (outcome == Outcome.DONE) {
        continue;
      }
      if (replans >= settings.maxReplans()) {
        return new Result(EpisodeState.FAILED, "Failed: " + Prompts.abbreviate(task.title, 80) + " - "
            + Prompts.abbreviate(task.error, 100), "task " + task.id + " failed after " + replans + " re-plan(s)");
      }
      replans++;
      replan(ep, plan, task, budget, lessons, replans);
    }
  }

  private Outcome runTask(Episode ep, PlanTree plan, Task task, Budget budget, List<String> lessons) {
    task.status = TaskStatus.RUNNING;
    if (ep.fromPlanMemory() && replay(ep, task, budget)) {
      return Outcome.DONE;
    }
    for (int attempt = 0; attempt <= settings.maxRetriesPerTask(); attempt++) {
      task.attempts++;
      React react = react(ep, plan, task, budget, lessons);
      String result = react.answer().isBlank() && !react.observations().isEmpty()
          ? react.observations().get(react.observations().size() - 1) : react.answer();
      String evaluation;
      boolean success;
      if (react.answer().isBlank() && react.toolFailures() == react.toolSteps()) {
        // Nothing to judge: no answer and no tool call that worked. No model call needed.
        success = false;
        evaluation = react.toolSteps() > 0 ? "every tool call failed" : "no result";
      } else {
        ObjectNode verdict = evaluate(ep, task, result, react.observations(), budget);
        success = verdict.path("success").asBoolean(false);
        evaluation = verdict.path("reason").asText("");
      }
      if (success) {
        task.status = TaskStatus.DONE;
        task.result = Prompts.abbreviate(result, 2000);
        task.recipe = new ArrayList<>(react.calls());
        task.error = null;
        return Outcome.DONE;
      }
      task.error = evaluation;
      String next = settings.reflection() ? reflect(ep, task, result, evaluation, budget, lessons) : "retry";
      if (next.equals("give_up") || next.equals("replan")) {
        break;
      }
    }
    task.status = TaskStatus.FAILED;
    return Outcome.REPLAN;
  }

  /** Replays a task of a reused plan: its recorded tool calls (fresh results), or its recorded answer. */
  private boolean replay(Episode ep, Task task, Budget budget) {
    if (task.recipe.isEmpty()) {
      if (task.result == null) {
        return false;
      }
      StepDraft d = begin(StepKind.REPLAY, task.id, JSON.createObjectNode().put("task", task.title));
      d.summary = "answer reused from plan memory";
      d.output = JSON.createObjectNode().put("result", task.result);
      record(ep, d);
      task.status = TaskStatus.DONE;
      return true;
    }
    String last = null;
    for (ToolCall call : task.recipe) {
      Optional<Tool> tool = tools.get(call.tool());
      if (tool.isEmpty()) {
        return false;
      }
      if (approvals.required(call.tool())) {
        approve(ep, task, call.tool(), call.input(), budget);
      }
      budget.step();
      ToolResult r = runTool(ep, task, tool.get(), call.input(), StepKind.REPLAY);
      if (!r.ok()) {
        task.recipe = new ArrayList<>();
        task.result = null;
        return false;
      }
      last = r.output();
    }
    task.status = TaskStatus.DONE;
    task.result = Prompts.abbreviate(last, 2000);
    return true;
  }

  private React react(Episode ep, PlanTree plan, Task task, Budget budget, List<String> lessons) {
    List<String> observations = new ArrayList<>();
    List<ToolCall> calls = new ArrayList<>();
    int toolSteps = 0;
    int toolFailures = 0;
    List<Task> done = plan.leaves().stream().filter(t -> t.status == TaskStatus.DONE).toList();
    for (int turn = 1; turn <= settings.maxTurnsPerAttempt(); turn++) {
      List<String> actions = actions(task, turn);
      JsonNode inputSchema = actions.size() == 1 && !actions.get(0).equals(Schemas.FINISH)
          ? tools.get(actions.get(0)).orElseThrow().inputSchema() : Schemas.object();
      ObjectNode schema = Schemas.action(actions, inputSchema);
      budget.step();
      StepDraft d = begin(StepKind.ACT, task.id, JSON.createObjectNode().put("turn", turn)
          .set("actions", JSON.valueToTree(actions)));
      StructuredCaller.Answer a;
      try {
        a = caller.call("act", prompts.act(ep.goal(), task, done, lessons, observations, actions), schema,
            this::checkAction, observer(ep, budget, d));
        d.answer(a).output = a.value();
        d.summary = a.value().path("action").asText();
      } catch (InvalidAnswerException e) {
        // No usable action this turn: what the tools returned so far is the attempt's result.
        d.fail(e);
        return new React("", observations, calls, toolSteps, toolFailures);
      } catch (RuntimeException e) {
        d.fail(e);
        throw e;
      } finally {
        record(ep, d);
      }
      String action = a.value().path("action").asText();
      if (action.equals(Schemas.FINISH)) {
        return new React(a.value().path("answer").asText(""), observations, calls, toolSteps, toolFailures);
      }
      Tool tool = tools.get(action).orElseThrow();
      JsonNode input = a.value().path("input");
      if (approvals.required(action)) {
        approve(ep, task, action, input, budget);
      }
      budget.step();
      ToolResult r = runTool(ep, task, tool, input, StepKind.TOOL);
      toolSteps++;
      observations.add(action + " " + input + " -> " + r.output());
      if (r.ok()) {
        calls.add(new ToolCall(action, input));
      } else {
        toolFailures++;
      }
    }
    return new React("", observations, calls, toolSteps, toolFailures);
  }

  /** A task planned with a tool acts with it first; the last turn may only finish. */
  private List<String> actions(Task task, int turn) {
    if (turn >= settings.maxTurnsPerAttempt()) {
      return List.of(Schemas.FINISH);
    }
    if (turn == 1 && task.tool != null && toolNames.contains(task.tool)) {
      return List.of(task.tool);
    }
    List<String> all = new ArrayList<>(toolNames);
    all.add(Schemas.FINISH);
    return all;
  }

  private List<String> checkAction(JsonNode value) {
    String action = value.path("action").asText();
    if (action.equals(Schemas.FINISH)) {
      return List.of();
    }
    Optional<Tool> tool = tools.get(action);
    if (tool.isEmpty()) {
      return List.of("action: unknown tool '" + action + "'");
    }
    return validator.validate(tool.get().inputSchema(), value.path("input")).stream().map(e -> "input: " + e).toList();
  }

  private ToolResult runTool(Episode ep, Task task, Tool tool, JsonNode input, StepKind kind) {
    StepDraft d = begin(kind, task.id, JSON.createObjectNode().put("tool", tool.name()).set("input", input));
    long t0 = nanoTime.getAsLong();
    ToolResult r;
    try {
      r = tool.execute(input);
    } catch (RuntimeException e) {
      r = ToolResult.failed(tool.name() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    d.toolNanos = nanoTime.getAsLong() - t0;
    d.ok = r.ok();
    d.summary = tool.name() + (r.ok() ? " ok" : r.refused() ? " refused" : " failed");
    d.output = JSON.createObjectNode().put("ok", r.ok()).put("refused", r.refused())
        .put("output", Prompts.abbreviate(r.output(), 4000));
    if (!r.ok()) {
      d.error = Prompts.abbreviate(r.output(), 300);
    }
    record(ep, d);
    return r;
  }

  private void approve(Episode ep, Task task, String tool, JsonNode input, Budget budget) {
    ApprovalGate.Pending p = approvals.request(ep.id(), task.id, tool, input, clock.instant());
    StepDraft d = begin(StepKind.APPROVAL, task.id, JSON.createObjectNode().put("approvalId", p.id())
        .put("tool", tool).set("input", input));
    ep.approvalRequested(p);
    long t0 = nanoTime.getAsLong();
    try {
      ApprovalGate.Decision decision = approvals.await(p, budget.remaining());
      d.ok = decision.approved();
      d.output = JSON.valueToTree(Map.of("approved", decision.approved(), "by", String.valueOf(decision.by()),
          "comment", String.valueOf(decision.comment()), "timedOut", decision.timedOut()));
      d.summary = (decision.approved() ? "approved" : "rejected") + (decision.timedOut() ? " (timed out)" : "");
      if (!decision.approved()) {
        throw new ApprovalRejectedException(tool + " step of task " + task.id + " was rejected"
            + (decision.timedOut() ? " (no decision in time)" : " by " + decision.by()));
      }
    } catch (RuntimeException e) {
      d.fail(e);
      throw e;
    } finally {
      d.waitNanos = nanoTime.getAsLong() - t0;
      record(ep, d);
    }
  }

  private ObjectNode evaluate(Episode ep, Task task, String result, List<String> observations, Budget budget) {
    budget.step();
    StepDraft d = begin(StepKind.EVALUATE, task.id, JSON.createObjectNode().put("criterion", task.successCriteria)
        .put("result", Prompts.abbreviate(result, 1000)));
    try {
      StructuredCaller.Answer a = caller.call("evaluate", prompts.evaluate(task, result, observations),
          Schemas.evaluation(), null, observer(ep, budget, d));
      d.answer(a).output = a.value();
      d.ok = a.value().path("success").asBoolean();
      d.summary = d.ok ? "criterion met" : "criterion not met";
      return (ObjectNode) a.value();
    } catch (InvalidAnswerException e) {
      d.fail(e);
      return JSON.createObjectNode().put("success", false).put("reason", "no valid evaluation");
    } catch (RuntimeException e) {
      d.fail(e);
      throw e;
    } finally {
      record(ep, d);
    }
  }

  private String reflect(Episode ep, Task task, String result, String evaluation, Budget budget, List<String> lessons) {
    budget.step();
    StepDraft d = begin(StepKind.REFLECT, task.id, JSON.createObjectNode().put("task", task.title)
        .put("evaluation", Prompts.abbreviate(evaluation, 500)));
    try {
      StructuredCaller.Answer a = caller.call("reflect", prompts.reflect(ep.goal(), task, result, evaluation),
          Schemas.reflection(), null, observer(ep, budget, d));
      d.answer(a).output = a.value();
      String lesson = a.value().path("lesson").asText();
      lessons.add(lesson);
      metrics.reflection();
      if (memory != null) {
        memory.lesson(ep.goal(), "Task \"" + Prompts.abbreviate(task.title, 200) + "\": " + lesson, 0.7);
      }
      String next = a.value().path("next").asText("retry");
      d.summary = "lesson stored; next: " + next;
      return next;
    } catch (InvalidAnswerException e) {
      d.fail(e);
      return "retry";
    } catch (RuntimeException e) {
      d.fail(e);
      throw e;
    } finally {
      record(ep, d);
    }
  }

  private void replan(Episode ep, PlanTree plan, Task failed, Budget budget, List<String> lessons, int n) {
    budget.step();
    StepDraft d = begin(StepKind.REPLAN, failed.id, JSON.createObjectNode().put("failedTask", failed.title)
        .put("reason", Prompts.abbreviate(failed.error, 500)));
    List<Task> tasks;
    try {
      List<Task> done = plan.leaves().stream().filter(t -> t.status == TaskStatus.DONE).toList();
      StructuredCaller.Answer a = caller.call("plan", prompts.replan(ep.goal(), ep.request().successCriteria(), done,
          failed, failed.error, lessons, Schemas.MAX_TASKS), planSchema, null, observer(ep, budget, d));
      List<String> repairs = new ArrayList<>();
      tasks = PlanTree.tasksFrom(a.value(), "r" + n, 1, toolNames, repairs);
      d.answer(a).output = planOutput(new PlanTree(tasks), repairs, a.rejected());
      d.summary = "re-planned " + tasks.size() + " tasks";
    } catch (RuntimeException e) {
      d.fail(e);
      throw e;
    } finally {
      record(ep, d);
    }
    plan.replaceUnfinished(tasks);
    decompose(ep, plan, tasks, budget);
  }

  // ---- memory --------------------------------------------------------------------------------

  private void remember(Episode ep, EpisodeState end, String summary) {
    if (memory == null) {
      return;
    }
    StepDraft d = begin(StepKind.REMEMBER, null, JSON.createObjectNode().put("result", end.result().value()));
    try {
      StringBuilder text = new StringBuilder("Goal: ").append(Prompts.abbreviate(ep.goal(), 500)).append("\nResult: ")
          .append(end.result().value()).append(" after ").append(ep.countedSteps()).append(" steps. ")
          .append(Prompts.abbreviate(summary, 500));
      List<String> lines = ep.taskLines();
      if (!lines.isEmpty()) {
        text.append("\nTasks: ").append(String.join("; ", lines));
      }
      double importance = end == EpisodeState.SUCCEEDED ? 0.5 : 0.8;
      Optional<String> id = memory.episode(ep.goal(), text.toString(), importance, Map.of("episode", ep.id(),
          "result", end.result().value()));
      ObjectNode out = JSON.createObjectNode();
      id.ifPresent(i -> out.put("episodeMemoryId", i));
      PlanTree plan = ep.plan();
      if (end == EpisodeState.SUCCEEDED && settings.planMemory() && !ep.fromPlanMemory() && plan != null) {
        memory.plan(ep.goal(), plan.toJson().toString(), 0.6).ifPresent(i -> out.put("planMemoryId", i));
      }
      d.output = out;
      d.ok = id.isPresent();
      d.summary = id.isPresent() ? "episode remembered" : "memory unavailable";
    } catch (RuntimeException e) {
      d.fail(e);
    } finally {
      record(ep, d);
    }
  }

  private static String successSummary(PlanTree plan) {
    List<Task> leaves = plan.leaves();
    for (int i = leaves.size() - 1; i >= 0; i--) {
      String r = leaves.get(i).result;
      if (r != null && !r.isBlank()) {
        return Prompts.abbreviate(r, 1000);
      }
    }
    return "Done: " + leaves.size() + " tasks.";
  }

  // ---- step recording ------------------------------------------------------------------------

  private StructuredCaller.Observer observer(Episode ep, Budget budget, StepDraft d) {
    return new StructuredCaller.Observer() {
      @Override
      public void beforeAttempt(int attempt) {
        budget.beforeModelCall();
      }

      @Override
      public void onReply(ModelReply reply) {
        budget.addTokens(reply.tokens());
        ep.addTokens(reply.tokens());
        ep.countModelCall();
        d.modelNanos += reply.modelNanos();
        d.tokens += reply.tokens();
        d.model = reply.model();
        d.fallback = reply.fallback() ? Boolean.TRUE : d.fallback;
      }

      @Override
      public void onInvalid(String purpose, List<String> errors) {
        metrics.invalidAnswer(purpose);
      }
    };
  }

  private StepDraft begin(StepKind kind, String taskId, JsonNode input) {
    StepDraft d = new StepDraft();
    d.kind = kind;
    d.taskId = taskId;
    d.input = input;
    d.startedAt = clock.instant();
    d.startNanos = nanoTime.getAsLong();
    return d;
  }

  private void record(Episode ep, StepDraft d) {
    long end = nanoTime.getAsLong();
    Step s = new Step(0, ep.id(), d.kind, d.taskId, d.ok, d.summary, d.input, d.output, d.error, d.startedAt,
        ms(end - d.startNanos), ms(end - ep.lastStepEndNanos()), ms(d.modelNanos), ms(d.toolNanos), ms(d.waitNanos),
        d.tokens, d.model, d.fallback, d.attempts);
    ep.record(s, end);
    metrics.step(d.kind, d.ok, s.durationMs());
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  /** A step being recorded. */
  private static final class StepDraft {
    StepKind kind;
    String taskId;
    boolean ok = true;
    String summary;
    JsonNode input;
    JsonNode output;
    String error;
    Instant startedAt;
    long startNanos;
    long modelNanos;
    long toolNanos;
    long waitNanos;
    long tokens;
    String model;
    Boolean fallback;
    Integer attempts;

    StepDraft answer(StructuredCaller.Answer a) {
      attempts = a.attempts();
      return this;
    }

    void fail(RuntimeException e) {
      ok = false;
      error = Prompts.abbreviate(e.getMessage(), 500);
      if (e instanceof ModelUnavailableException mu) {
        modelNanos += mu.modelNanos();
      }
      if (e instanceof InvalidAnswerException ia) {
        attempts = ia.attempts();
      }
    }
  }
}
