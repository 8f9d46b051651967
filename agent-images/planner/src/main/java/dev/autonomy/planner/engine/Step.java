package dev.autonomy.planner.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One recorded step: its inputs, outputs and timings. {@code elapsedMs} runs from the end of the
 * previous step (or the episode's start) to the end of this one, so the planner's own overhead is
 * {@code elapsedMs - modelMs - toolMs - waitMs}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(int index, String episodeId, StepKind kind, String taskId, boolean ok, String summary,
    JsonNode input, JsonNode output, String error, Instant startedAt, double durationMs, double elapsedMs,
    double modelMs, double toolMs, double waitMs, long tokens, String model, Boolean fallback, Integer attempts) {

  /** The planner's own time in this step: everything but the model, the tool and approval waits. */
  public double overheadMs() {
    return Math.max(0, elapsedMs - modelMs - toolMs - waitMs);
  }
}
