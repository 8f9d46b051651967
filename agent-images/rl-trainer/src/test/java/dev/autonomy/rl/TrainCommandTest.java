package dev.autonomy.rl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import dev.autonomy.rl.checkpoint.CheckpointMeta;
import dev.autonomy.rl.checkpoint.CheckpointStore;
import dev.autonomy.rl.report.StatusReporter;
import dev.autonomy.rl.serve.PolicyModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train program end to end in-process: real PPO on CartPole, checkpoints, resume, reports. */
class TrainCommandTest {
  static final String PPO = """
      {"algorithm":"ppo","environment":{"name":"CartPole-v1"},
       "hyperparameters":{"learningRate":0.001,"gamma":0.98,"numEnvs":8,
         "ppo":{"rolloutSteps":32,"epochs":20,"minibatches":1,"gaeLambda":0.8},
         "extra":{"learningRateSchedule":"linear","clipRangeSchedule":"linear"}},
       "training":{"totalSteps":%d,"seed":1,"targetMeanReward":%s},
       "checkpoint":{"intervalSteps":5000,"keepLast":2},
       "evaluation":{"episodes":100}}""";

  @TempDir
  Path dir;

  /** Keeps what the trainer reported, as the API server would. */
  static final class RecordingReporter implements StatusReporter {
    final List<TrainingProgress> progress = new ArrayList<>();
    List<CheckpointRecord> checkpoints = List.of();
    EvaluationResult evaluation;
    String latest;

    @Override
    public Optional<PolicyStatus> current() {
      PolicyStatus status = new PolicyStatus();
      status.setCheckpoints(new ArrayList<>(checkpoints));
      return Optional.of(status);
    }

    @Override
    public void report(TrainingProgress p, String latestCheckpoint, List<CheckpointRecord> records, EvaluationResult e) {
      progress.add(p);
      latest = latestCheckpoint;
      checkpoints = List.copyOf(records);
      evaluation = e;
    }

    @Override
    public void reportLiveReward(double meanReward) {}
  }

  private ProgramConfig config(long steps, String target, int attempt) {
    return config(steps, target, attempt, Map.of());
  }

  private ProgramConfig config(long steps, String target, int attempt, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("DJL_OFFLINE", "true", "OPT_OUT_TRACKING", "true",
        "AUTONOMY_POLICY_SPEC", PPO.formatted(steps, target), "AUTONOMY_CHECKPOINT_DIR", dir.toString(),
        "AUTONOMY_POLICY_GENERATION", "3", "AUTONOMY_ATTEMPT", String.valueOf(attempt)));
    env.putAll(extra);
    return ProgramConfig.from(env, true);
  }

  @Test
  void ppoSolvesCartPoleWritesCheckpointsAndReportsTheEvaluation() {
    RecordingReporter reporter = new RecordingReporter();
    assertThat(new TrainCommand(config(60_000, "475", 1), reporter).run()).isZero();

    assertThat(reporter.evaluation.getMeanReward()).isGreaterThanOrEqualTo(475.0);
    assertThat(reporter.evaluation.getEpisodes()).isEqualTo(100);
    assertThat(reporter.evaluation.getCheckpoint()).isEqualTo(reporter.latest).startsWith("g3-s");
    assertThat(reporter.checkpoints).hasSizeLessThanOrEqualTo(2).last()
        .satisfies(r -> assertThat(r.getId()).isEqualTo(reporter.latest));
    assertThat(reporter.progress).last().satisfies(p -> assertThat(p.getProgressPercent()).isEqualTo(100));
    List<CheckpointMeta> onDisk = new CheckpointStore(dir).list("g3-");
    assertThat(onDisk).hasSizeLessThanOrEqualTo(2);

    try (PolicyModel model = PolicyModel.load(new CheckpointStore(dir), reporter.latest)) {
      assertThat(model.act(new float[] {0f, 0f, 0.1f, 0.5f})).isEqualTo(1); // pole falling right: push right
      assertThat(model.act(new float[] {0f, 0f, -0.1f, -0.5f})).isEqualTo(0);
    }
  }

  @Test
  void aLaterAttemptResumesFromTheNewestCheckpointWithLineage() {
    RecordingReporter reporter = new RecordingReporter();
    assertThat(new TrainCommand(config(5_000, "null", 1), reporter).run()).isZero();
    String first = reporter.latest;
    CheckpointMeta firstMeta = new CheckpointStore(dir).read(first).orElseThrow();
    assertThat(firstMeta.parent()).isNull();

    assertThat(new TrainCommand(config(10_000, "null", 2), reporter).run()).isZero();
    CheckpointMeta second = new CheckpointStore(dir).read(reporter.latest).orElseThrow();
    assertThat(second.step()).isGreaterThanOrEqualTo(10_000);
    assertThat(second.parent()).isEqualTo(first);
    assertThat(second.updates()).isGreaterThan(firstMeta.updates());
    assertThat(reporter.checkpoints).extracting(CheckpointRecord::getId).contains(first, reporter.latest);
  }

  @Test
  void aHealingAttemptRewindsToTheNamedCheckpointWithALowerLearningRate() {
    RecordingReporter reporter = new RecordingReporter();
    assertThat(new TrainCommand(config(10_000, "null", 1), reporter).run()).isZero();
    CheckpointStore store = new CheckpointStore(dir);
    List<String> ids = store.list("g3-").stream().map(CheckpointMeta::id).toList();
    assertThat(ids).hasSize(2);
    String older = ids.get(0);

    ProgramConfig healing = config(10_000, "null", 2, Map.of("AUTONOMY_RESUME_FROM", older,
        "AUTONOMY_LEARNING_RATE_SCALE", "0.5"));
    assertThat(healing.learningRateScale()).isEqualTo(0.5);
    assertThat(new TrainCommand(healing, reporter).run()).isZero();
    CheckpointMeta latest = store.read(reporter.latest).orElseThrow();
    assertThat(latest.parent()).as("the regressed branch is replaced, not continued").isEqualTo(older);
    assertThat(reporter.checkpoints).extracting(CheckpointRecord::getId).containsExactly(older, latest.id());
  }

  @Test
  void anUnknownResumePointFallsBackToTheNewestAndABadScaleIsRefused() {
    RecordingReporter reporter = new RecordingReporter();
    assertThat(new TrainCommand(config(5_000, "null", 1), reporter).run()).isZero();
    String first = reporter.latest;
    assertThat(new TrainCommand(config(10_000, "null", 2, Map.of("AUTONOMY_RESUME_FROM", "g9-s0000000001")), reporter)
        .run()).isZero();
    assertThat(new CheckpointStore(dir).read(reporter.latest).orElseThrow().parent()).isEqualTo(first);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(5_000, "null", 1,
        Map.of("AUTONOMY_LEARNING_RATE_SCALE", "2"))).isInstanceOf(ProgramConfig.InvalidConfigException.class)
        .hasMessageContaining("AUTONOMY_LEARNING_RATE_SCALE");
  }
}
