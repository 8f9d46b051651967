package dev.autonomy.rl.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Progress as JSON lines on stdout, prefixed {@code AUTONOMY_PROGRESS}. */
final class LogReporter implements StatusReporter {
  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  @Override
  public Optional<PolicyStatus> current() {
    return Optional.empty();
  }

  @Override
  public void report(TrainingProgress progress, String latestCheckpoint, List<CheckpointRecord> checkpoints,
      EvaluationResult evaluation) {
    PolicyStatus status = new PolicyStatus();
    status.setProgress(progress);
    status.setLatestCheckpoint(latestCheckpoint);
    status.setEvaluation(evaluation);
    print(status);
  }

  @Override
  public void reportLiveReward(double meanReward) {
    print(Map.of("liveMeanReward", meanReward));
  }

  private static void print(Object value) {
    try {
      System.out.println("AUTONOMY_PROGRESS " + JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
