package dev.autonomy.planner.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.api.v1alpha1.agent.ApprovalTimeoutAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Human approval: a step using one of the {@code requiredFor} tools waits until someone approves or
 * rejects it through the API, at most {@code timeout} (then {@code onTimeout} decides) and never past
 * the episode's time budget.
 */
public final class ApprovalGate {

  /** A step waiting for a decision. */
  public record Pending(String id, String episodeId, String taskId, String tool, JsonNode input, Instant requestedAt,
      Instant expiresAt, CompletableFuture<Decision> decision) {}

  /** How a wait ended. {@code timedOut}: nobody decided in time and onTimeout did. */
  public record Decision(boolean approved, String by, String comment, boolean timedOut) {}

  private final boolean enabled;
  private final Set<String> requiredFor;
  private final Duration timeout;
  private final ApprovalTimeoutAction onTimeout;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  public ApprovalGate(boolean enabled, Collection<String> requiredFor, Duration timeout,
      ApprovalTimeoutAction onTimeout) {
    this.enabled = enabled;
    this.requiredFor = Set.copyOf(requiredFor);
    this.timeout = timeout;
    this.onTimeout = onTimeout == null ? ApprovalTimeoutAction.REJECT : onTimeout;
  }

  public static ApprovalGate disabled() {
    return new ApprovalGate(false, List.of(), Duration.ZERO, ApprovalTimeoutAction.REJECT);
  }

  public boolean required(String tool) {
    return enabled && requiredFor.contains(tool);
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Registers a pending approval; {@link #await} then waits for it. Split so that the step is
   * visible (API, stream) before the wait starts.
   */
  public Pending request(String episodeId, String taskId, String tool, JsonNode input, Instant now) {
    String id = "ap-" + sequence.incrementAndGet();
    Pending p = new Pending(id, episodeId, taskId, tool, input, now, now.plus(timeout), new CompletableFuture<>());
    pending.put(id, p);
    return p;
  }

  /**
   * Waits for the decision, at most the approval timeout and at most {@code budgetLeft}.
   *
   * @throws BudgetExhaustedException when the time budget ends first
   */
  public Decision await(Pending p, Duration budgetLeft) {
    boolean budgetFirst = budgetLeft.compareTo(timeout) < 0;
    Duration wait = budgetFirst ? budgetLeft : timeout;
    try {
      return p.decision().get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (budgetFirst) {
        p.decision().complete(new Decision(false, "planner", "time budget spent", true));
        throw new BudgetExhaustedException("time", "the time budget ran out while waiting for approval " + p.id());
      }
      Decision d = new Decision(onTimeout == ApprovalTimeoutAction.APPROVE, "planner",
          "no decision within " + timeout + " (onTimeout: " + onTimeout.value() + ")", true);
      return p.decision().complete(d) ? d : p.decision().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApprovalRejectedException("interrupted while waiting for approval " + p.id());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pending.remove(p.id());
    }
  }

  /** Decides a pending approval; false when there is none by that id (decided, timed out, unknown). */
  public boolean decide(String approvalId, boolean approved, String by, String comment) {
    Pending p = pending.get(approvalId);
    return p != null && p.decision().complete(new Decision(approved, by, comment, false));
  }

  public List<Pending> pending() {
    return pending.values().stream().sorted((a, b) -> a.requestedAt().compareTo(b.requestedAt())).toList();
  }

  public List<Pending> pending(String episodeId) {
    return pending().stream().filter(p -> p.episodeId().equals(episodeId)).toList();
  }
}
