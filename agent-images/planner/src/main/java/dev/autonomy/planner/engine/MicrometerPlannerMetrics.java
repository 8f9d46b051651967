package dev.autonomy.planner.engine;

import dev.autonomy.planner.model.ResilientModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The planner's metrics (Prometheus names): {@code autonomy_planner_tokens_total{model,direction}},
 * {@code autonomy_planner_steps_total{kind,outcome}}, {@code autonomy_planner_step_duration_seconds{kind}},
 * {@code autonomy_planner_reflections_total}, {@code autonomy_planner_model_retries_total{model}},
 * {@code autonomy_planner_model_fallbacks_total}, {@code autonomy_planner_model_call_duration_seconds{model}},
 * {@code autonomy_planner_plan_memory_hits_total}, {@code autonomy_planner_plan_memory_misses_total},
 * {@code autonomy_planner_invalid_answers_total{purpose}}, {@code autonomy_planner_episodes_total{result}},
 * {@code autonomy_planner_episodes_running}.
 */
public final class MicrometerPlannerMetrics implements PlannerMetrics, ResilientModel.Listener {
  private final MeterRegistry registry;
  private final AtomicInteger running = new AtomicInteger();
  private final Counter reflections;
  private final Counter planHits;
  private final Counter planMisses;
  private final Counter fallbacks;

  public MicrometerPlannerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.reflections = Counter.builder("autonomy.planner.reflections")
        .description("Reflections after failed task evaluations").register(registry);
    this.planHits = Counter.builder("autonomy.planner.plan.memory.hits")
        .description("Goals planned from plan memory, without a model call").register(registry);
    this.planMisses = Counter.builder("autonomy.planner.plan.memory.misses")
        .description("Goals with no similar solved plan in memory").register(registry);
    this.fallbacks = Counter.builder("autonomy.planner.model.fallbacks")
        .description("Calls handed to the fallback model after the primary failed").register(registry);
    registry.gauge("autonomy.planner.episodes.running", running);
  }

  /** Registers the per-model series at zero, so a scrape shows them before the first retry. */
  public void models(List<String> labels) {
    for (String model : labels) {
      Counter.builder("autonomy.planner.model.retries").description("Retried model calls (429, 5xx, timeouts)")
          .tag("model", model).register(registry);
      for (String direction : List.of("input", "output")) {
        Counter.builder("autonomy.planner.tokens").description("Model tokens").tag("model", model)
            .tag("direction", direction).register(registry);
      }
    }
  }

  @Override
  public void step(StepKind kind, boolean ok, double durationMs) {
    String k = kind.name().toLowerCase();
    Counter.builder("autonomy.planner.steps").description("Recorded steps").tag("kind", k)
        .tag("outcome", ok ? "ok" : "error").register(registry).increment();
    Timer.builder("autonomy.planner.step.duration").description("Step latency").tag("kind", k)
        .register(registry).record((long) (durationMs * 1_000_000), TimeUnit.NANOSECONDS);
  }

  @Override
  public void reflection() {
    reflections.increment();
  }

  @Override
  public void planMemory(boolean hit) {
    (hit ? planHits : planMisses).increment();
  }

  @Override
  public void invalidAnswer(String purpose) {
    Counter.builder("autonomy.planner.invalid.answers").description("Schema-invalid model answers (retried)")
        .tag("purpose", purpose).register(registry).increment();
  }

  @Override
  public void episodeStarted() {
    running.incrementAndGet();
  }

  @Override
  public void episodeFinished(EpisodeState end) {
    running.decrementAndGet();
    Counter.builder("autonomy.planner.episodes").description("Finished episodes").tag("result", end.result().value())
        .register(registry).increment();
  }

  @Override
  public void retry(String model, String reason) {
    Counter.builder("autonomy.planner.model.retries").description("Retried model calls (429, 5xx, timeouts)")
        .tag("model", model).register(registry).increment();
  }

  @Override
  public void fallback(String from, String to, String reason) {
    fallbacks.increment();
  }

  @Override
  public void reply(String model, long inputTokens, long outputTokens, long nanos) {
    Counter.builder("autonomy.planner.tokens").description("Model tokens").tag("model", model)
        .tag("direction", "input").register(registry).increment(inputTokens);
    Counter.builder("autonomy.planner.tokens").description("Model tokens").tag("model", model)
        .tag("direction", "output").register(registry).increment(outputTokens);
    Timer.builder("autonomy.planner.model.call.duration").description("Model call latency").tag("model", model)
        .register(registry).record(Duration.ofNanos(nanos));
  }
}
