package dev.autonomy.planner.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** An episode's budgets: counted steps, model tokens and wall time. */
public final class Budget {
  private final int maxSteps;
  private final long maxTokens;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;
  private final Duration wallTime;
  private final AtomicInteger steps = new AtomicInteger();
  private final AtomicLong tokens = new AtomicLong();

  public Budget(int maxSteps, long maxTokens, Duration wallTime, LongSupplier nanoTime) {
    this.maxSteps = maxSteps;
    this.maxTokens = maxTokens;
    this.wallTime = wallTime;
    this.nanoTime = nanoTime;
    this.deadlineNanos = nanoTime.getAsLong() + wallTime.toNanos();
  }

  /** Takes one counted step; throws when none is left or time is up. */
  public void step() {
    checkTime();
    checkTokens();
    if (steps.get() >= maxSteps) {
      throw new BudgetExhaustedException("steps", "the step budget (" + maxSteps + ") is spent");
    }
    steps.incrementAndGet();
  }

  /** Before a model call: tokens and time left? */
  public void beforeModelCall() {
    checkTime();
    checkTokens();
  }

  public void checkTime() {
    if (nanoTime.getAsLong() - deadlineNanos >= 0) {
      throw new BudgetExhaustedException("time", "the time budget (" + wallTime + ") is spent");
    }
  }

  private void checkTokens() {
    if (tokens.get() >= maxTokens) {
      throw new BudgetExhaustedException("tokens", "the token budget (" + maxTokens + ") is spent (" + tokens.get()
          + " used)");
    }
  }

  public void addTokens(long n) {
    tokens.addAndGet(n);
  }

  public int steps() {
    return steps.get();
  }

  public long tokens() {
    return tokens.get();
  }

  /** Wall time left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - nanoTime.getAsLong()));
  }
}
