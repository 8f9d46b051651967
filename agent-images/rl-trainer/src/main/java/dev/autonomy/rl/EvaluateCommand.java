package dev.autonomy.rl;

import ai.djl.ndarray.NDManager;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.rl.algo.Evaluator;
import dev.autonomy.rl.checkpoint.CheckpointStore;
import dev.autonomy.rl.env.Environments;
import dev.autonomy.rl.report.StatusReporter;
import dev.autonomy.rl.serve.PolicyModel;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code evaluate}: N greedy episodes of a checkpoint (AUTONOMY_SERVING_REVISION, else the newest). */
final class EvaluateCommand {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);
  private final ProgramConfig config;

  EvaluateCommand(ProgramConfig config) {
    this.config = config;
  }

  int run() {
    CheckpointStore store = new CheckpointStore(config.checkpointDir());
    String id = config.servingRevision() != null ? config.servingRevision()
        : store.newest(config.checkpointPrefix()).orElseThrow(() -> new IllegalArgumentException(
            "no checkpoint of generation " + config.generation() + " in " + config.checkpointDir())).id();
    int episodes = config.evaluationEpisodes();
    String environment = config.spec().getEnvironment().getName();
    try (PolicyModel model = PolicyModel.load(store, id); NDManager manager = NDManager.newBaseManager()) {
      Evaluator.Result result = Evaluator.evaluate(manager, model.network(),
          i -> Environments.create(environment, TrainCommand.EVALUATION_SEED + i), episodes, TrainCommand.EVALUATION_SEED);
      EvaluationResult evaluation = Reports.evaluation(id, result);
      try (StatusReporter reporter = Reporters.of(config)) {
        // Server-side apply keeps only what is sent: send the training fields along unchanged.
        Optional<PolicyStatus> status = reporter.current();
        reporter.report(status.map(PolicyStatus::getProgress).orElse(null),
            status.map(PolicyStatus::getLatestCheckpoint).orElse(id),
            status.map(PolicyStatus::getCheckpoints).orElse(List.of()), evaluation);
      }
      LOG.info("Checkpoint {}: mean {} ± {} over {} episodes", id, result.mean(), result.std(), result.episodes());
      System.out.printf("{\"checkpoint\":\"%s\",\"episodes\":%d,\"meanReward\":%s,\"stdReward\":%s}%n", id,
          result.episodes(), result.mean(), result.std());
      return 0;
    }
  }
}
