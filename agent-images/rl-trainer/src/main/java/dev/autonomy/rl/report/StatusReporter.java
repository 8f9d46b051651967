package dev.autonomy.rl.report;

import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import java.util.List;
import java.util.Optional;

/**
 * Where the trainer reports. It owns progress, latestCheckpoint, checkpoints and the measured part
 * of evaluation; each report sends all of them (server-side apply drops owned fields left out).
 */
public interface StatusReporter extends AutoCloseable {

  /** The Policy's status as the API server has it now (empty when not reporting to one). */
  Optional<PolicyStatus> current();

  void report(TrainingProgress progress, String latestCheckpoint, List<CheckpointRecord> checkpoints,
      EvaluationResult evaluation);

  /** Serve mode: the live mean reward (a separate field manager, so training fields are untouched). */
  void reportLiveReward(double meanReward);

  /** Delivers what is still queued. */
  @Override
  default void close() {}

  /** Prints JSON lines to stdout; for runs without an API server (local, Ray without credentials). */
  static StatusReporter log() {
    return new LogReporter();
  }
}
