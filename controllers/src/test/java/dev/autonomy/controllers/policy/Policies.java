package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.status.Reason;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: the example Policy (examples/policy.yaml) in a namespace, evaluations, an Event sink. */
final class Policies {
  static final Path EXAMPLE = Path.of("..", "examples", "policy.yaml");

  private Policies() {}

  static Policy example() {
    try {
      Policy policy = Serialization.unmarshal(Files.readString(EXAMPLE), Policy.class);
      policy.getMetadata().setNamespace("team");
      policy.getMetadata().setUid("uid-1");
      policy.getMetadata().setGeneration(1L);
      return policy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PolicyInputs inputs(Policy policy) {
    return new PolicyInputs(policy, "trainer:1", false, 1L, null);
  }

  static EvaluationResult evaluation(String checkpoint, double mean) {
    EvaluationResult evaluation = new EvaluationResult();
    evaluation.setCheckpoint(checkpoint);
    evaluation.setEpisodes(100);
    evaluation.setMeanReward(mean);
    evaluation.setStdReward(1.5);
    evaluation.setTime("2026-01-01T00:00:00Z");
    return evaluation;
  }

  static CheckpointRecord checkpoint(String id, double mean) {
    CheckpointRecord record = new CheckpointRecord();
    record.setId(id);
    record.setMeanReward(mean);
    return record;
  }

  static PolicyStatus withCheckpoints(PolicyStatus status, CheckpointRecord... records) {
    status.setCheckpoints(new ArrayList<>(List.of(records)));
    return status;
  }

  /** Records Events instead of writing them. */
  static final class Events extends EventRecorder {
    record Recorded(String type, Reason reason, String message) {}

    final List<Recorded> recorded = new ArrayList<>();

    Events() {
      super(null);
    }

    @Override
    public void normal(HasMetadata on, Reason reason, String message) {
      recorded.add(new Recorded("Normal", reason, message));
    }

    @Override
    public void warning(HasMetadata on, Reason reason, String message) {
      recorded.add(new Recorded("Warning", reason, message));
    }

    List<Reason> reasons() {
      return recorded.stream().map(Recorded::reason).toList();
    }
  }
}
