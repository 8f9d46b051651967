package dev.autonomy.planner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.planner.plan.PlanTree;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One pursuit of a goal: its plan tree, every step, the result. Written by one runner thread, read
 * by the API at any time (steps are append-only, the rest is volatile or synchronized).
 */
public final class Episode {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String id;
  private final GoalRequest request;
  private final Instant submittedAt;
  private final List<Step> steps = new CopyOnWriteArrayList<>();
  private final List<EpisodeListener> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Episode> done = new CompletableFuture<>();
  private final AtomicLong tokens = new AtomicLong();
  private final AtomicInteger modelCalls = new AtomicInteger();
  private final AtomicInteger countedSteps = new AtomicInteger();
  private volatile EpisodeState state = EpisodeState.QUEUED;
  private volatile Instant startedAt;
  private volatile Instant finishedAt;
  private volatile String summary;
  private volatile String reason;
  private volatile PlanTree plan;
  private volatile boolean fromPlanMemory;
  private volatile Double planSimilarity;
  private volatile long lastStepEndNanos;

  public Episode(GoalRequest request, Instant submittedAt) {
    this(newId(submittedAt), request, submittedAt);
  }

  public Episode(String id, GoalRequest request, Instant submittedAt) {
    this.id = id;
    this.request = request;
    this.submittedAt = submittedAt;
  }

  /** {@code ep-<epoch seconds base36>-<6 random base36>}: sortable by time, unique enough per Agent. */
  public static String newId(Instant at) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      r.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return "ep-" + Long.toString(at.getEpochSecond(), 36) + "-" + r;
  }

  public String id() {
    return id;
  }

  public GoalRequest request() {
    return request;
  }

  public String goal() {
    return request.goal();
  }

  public EpisodeState state() {
    return state;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String summary() {
    return summary;
  }

  /** Why it ended as it did (budget, error), when not a success. */
  public String reason() {
    return reason;
  }

  public PlanTree plan() {
    return plan;
  }

  public boolean fromPlanMemory() {
    return fromPlanMemory;
  }

  public Double planSimilarity() {
    return planSimilarity;
  }

  public long tokens() {
    return tokens.get();
  }

  public int modelCalls() {
    return modelCalls.get();
  }

  /** Steps counted against the step budget. */
  public int countedSteps() {
    return countedSteps.get();
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  public CompletableFuture<Episode> completion() {
    return done;
  }

  /** Adds a listener and returns the steps recorded before it (so a stream misses none). */
  public synchronized List<Step> listen(EpisodeListener listener) {
    listeners.add(listener);
    return List.copyOf(steps);
  }

  public void unlisten(EpisodeListener listener) {
    listeners.remove(listener);
  }

  void start(Instant at, long nanos) {
    startedAt = at;
    lastStepEndNanos = nanos;
    state = EpisodeState.RUNNING;
  }

  void setPlan(PlanTree plan, boolean fromMemory, Double similarity) {
    this.plan = plan;
    this.fromPlanMemory = fromMemory;
    this.planSimilarity = similarity;
  }

  void addTokens(long n) {
    tokens.addAndGet(n);
  }

  void countModelCall() {
    modelCalls.incrementAndGet();
  }

  long lastStepEndNanos() {
    return lastStepEndNanos;
  }

  /** Appends a step (its index is set here) and tells the listeners. */
  Step record(Step step, long endNanos) {
    Step indexed;
    synchronized (this) {
      indexed = new Step(steps.size() + 1, id, step.kind(), step.taskId(), step.ok(), step.summary(), step.input(),
          step.output(), step.error(), step.startedAt(), step.durationMs(), step.elapsedMs(), step.modelMs(),
          step.toolMs(), step.waitMs(), step.tokens(), step.model(), step.fallback(), step.attempts());
      steps.add(indexed);
      lastStepEndNanos = endNanos;
      if (step.kind().counted()) {
        countedSteps.incrementAndGet();
      }
    }
    for (EpisodeListener l : listeners) {
      try {
        l.onStep(this, indexed);
      } catch (RuntimeException ignored) {
        // A listener (an SSE client gone) never stops the episode.
      }
    }
    return indexed;
  }

  void approvalRequested(ApprovalGate.Pending pending) {
    for (EpisodeListener l : listeners) {
      try {
        l.onApproval(this, pending);
      } catch (RuntimeException ignored) {
        // as above
      }
    }
  }

  void finish(EpisodeState end, String summary, String reason, Instant at) {
    synchronized (this) {
      this.summary = summary;
      this.reason = reason;
      this.finishedAt = at;
      this.state = end;
    }
    for (EpisodeListener l : listeners) {
      try {
        l.onFinish(this);
      } catch (RuntimeException ignored) {
        // as above
      }
    }
    done.complete(this);
  }

  /** The API's view: everything but the steps. */
  public ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("goal", request.goal());
    if (request.successCriteria() != null) {
      o.put("successCriteria", request.successCriteria());
    }
    if (request.standingGoal() != null) {
      o.put("standingGoal", request.standingGoal());
    }
    o.put("state", state.name());
    o.put("result", state.result().value());
    o.put("submittedAt", submittedAt.toString());
    if (startedAt != null) {
      o.put("startedAt", startedAt.toString());
    }
    if (finishedAt != null) {
      o.put("finishedAt", finishedAt.toString());
    }
    o.put("steps", countedSteps.get());
    o.put("recordedSteps", steps.size());
    o.put("tokens", tokens.get());
    o.put("modelCalls", modelCalls.get());
    o.put("fromPlanMemory", fromPlanMemory);
    if (planSimilarity != null) {
      o.put("planSimilarity", planSimilarity);
    }
    if (summary != null) {
      o.put("summary", summary);
    }
    if (reason != null) {
      o.put("reason", reason);
    }
    PlanTree p = plan;
    if (p != null) {
      o.set("plan", p.toJson());
    }
    return o;
  }

  /** Task ids and titles, for an episode memory. */
  List<String> taskLines() {
    List<String> out = new ArrayList<>();
    PlanTree p = plan;
    if (p != null) {
      p.leaves().forEach(t -> out.add(t.id + " " + t.title + " [" + t.status + "]"));
    }
    return out;
  }
}
