package dev.autonomy.rl;

import ai.djl.ndarray.NDManager;
import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.rl.algo.Evaluator;
import dev.autonomy.rl.algo.Learner;
import dev.autonomy.rl.algo.Learners;
import dev.autonomy.rl.algo.TrainerSettings;
import dev.autonomy.rl.checkpoint.CheckpointMeta;
import dev.autonomy.rl.checkpoint.CheckpointStore;
import dev.autonomy.rl.env.Environments;
import dev.autonomy.rl.nn.Mlp;
import dev.autonomy.rl.report.StatusReporter;
import dev.autonomy.rl.train.TrainingLoop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code train}: resumes from the newest checkpoint of this generation, trains, evaluates, reports. */
final class TrainCommand {
  static final long EVALUATION_SEED = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

  private final ProgramConfig config;
  private final PolicySpec spec;
  private final CheckpointStore store;
  private final StatusReporter reporter;
  private final List<CheckpointRecord> lineage = new ArrayList<>();
  private String latest;
  private String parent;
  private String servingRevision;

  TrainCommand(ProgramConfig config) {
    this(config, Reporters.of(config));
  }

  TrainCommand(ProgramConfig config, StatusReporter reporter) {
    this.config = config;
    this.spec = config.spec();
    this.store = new CheckpointStore(config.checkpointDir());
    this.reporter = reporter;
  }

  int run() {
    try (reporter) {
      return train();
    }
  }

  private int train() {
    TrainerSettings specified = TrainerSettings.from(spec);
    TrainerSettings base = config.learningRateScale() == 1.0 ? specified
        : specified.withLearningRateScale(config.learningRateScale());
    if (base != specified) {
      LOG.info("Learning rate {} (spec {} scaled by {})", base.learningRate(), specified.learningRate(),
          config.learningRateScale());
    }
    Optional<PolicyStatus> status = reporter.current();
    status.map(PolicyStatus::getCheckpoints).ifPresent(lineage::addAll);
    servingRevision = status.map(PolicyStatus::getServingRevision).orElse(null);
    Optional<CheckpointMeta> resume = resumePoint();
    TrainerSettings settings = resume.map(m -> base.withSeed(base.seed() + m.step())).orElse(base);
    try (NDManager manager = NDManager.newBaseManager(); Learner learner = Learners.create(settings, manager)) {
      resume.ifPresent(m -> {
        learner.restore(store.loadModel(m.id(), manager), store.loadOptimizer(m.id(), manager), m.step(), m.updates());
        latest = m.id();
        parent = m.id();
        LOG.info("Attempt {} resumes from checkpoint {} at step {}", config.attempt(), m.id(), m.step());
      });
      int episodes = config.evaluationEpisodes();
      TrainingLoop.Options options = new TrainingLoop.Options(settings.totalSteps(),
          spec.getTraining().getTargetMeanReward() == null ? 0 : spec.getCheckpoint().getIntervalSteps(), episodes,
          spec.getTraining().getTargetMeanReward(), spec.getCheckpoint().getIntervalSteps(), 5_000, EVALUATION_SEED);
      TrainingLoop.Outcome outcome = new TrainingLoop().run(learner, manager,
          i -> Environments.create(settings.environment(), EVALUATION_SEED + i), options, hooks(learner, settings));
      Evaluator.Result result = outcome.reachedTarget() ? outcome.lastEvaluation()
          : Evaluator.evaluate(manager, learner.actor(), i -> Environments.create(settings.environment(), EVALUATION_SEED + i),
              episodes, EVALUATION_SEED);
      EvaluationResult evaluation = Reports.evaluation(latest, result);
      lineage.stream().filter(r -> r.getId().equals(latest)).forEach(r -> r.setMeanReward(result.mean()));
      reporter.report(Reports.progress(outcome.last(), true), latest, lineage, evaluation);
      LOG.info("Training finished at step {}: evaluation mean {} ± {} over {} episodes (checkpoint {})",
          outcome.last().step(), result.mean(), result.std(), result.episodes(), latest);
      return 0;
    }
  }

  /**
   * AUTONOMY_RESUME_FROM rewinds to that checkpoint (the newer ones, a regressed branch, are deleted
   * and leave the lineage); otherwise, or when it is not a valid checkpoint of this generation, the newest.
   */
  private Optional<CheckpointMeta> resumePoint() {
    String from = config.resumeFrom();
    if (from != null) {
      Set<String> keep = servingRevision == null ? Set.of() : Set.of(servingRevision);
      Optional<List<String>> removed = store.rewindTo(config.checkpointPrefix(), from, keep);
      if (removed.isPresent()) {
        lineage.removeIf(r -> removed.get().contains(r.getId()));
        LOG.info("Rewound to checkpoint {}; discarded the newer {}", from, removed.get());
        return store.read(from);
      }
      LOG.warn("AUTONOMY_RESUME_FROM={} is not a valid checkpoint of generation {}; resuming from the newest", from,
          config.generation());
    }
    return store.newest(config.checkpointPrefix());
  }

  private TrainingLoop.Hooks hooks(Learner learner, TrainerSettings settings) {
    return new TrainingLoop.Hooks() {
      @Override
      public void progress(TrainingLoop.Progress progress) {
        reporter.report(Reports.progress(progress, false), latest, lineage, null);
      }

      @Override
      public void checkpoint(TrainingLoop.Progress progress) {
        String id = CheckpointStore.id(config.generation(), progress.step());
        Mlp actor = learner.actor();
        CheckpointMeta meta = new CheckpointMeta(id, progress.step(), learner.updates(), progress.episodes(),
            progress.meanReward(), parent, Instant.now().toString(), settings.algorithm().value(),
            settings.environment(), actor.sizes(), actor.activation(), actor.parameters().size());
        store.write(meta, learner.modelState(), learner.optimizerState());
        lineage.removeIf(r -> r.getId().equals(id));
        lineage.add(Reports.record(meta, store.dir().resolve(id).toString()));
        int keep = spec.getCheckpoint().getKeepLast();
        store.prune(config.checkpointPrefix(), keep, servingRevision == null ? Set.of() : Set.of(servingRevision));
        while (lineage.size() > keep) {
          lineage.remove(0);
        }
        parent = id;
        latest = id;
        reporter.report(Reports.progress(progress, false), latest, lineage, null);
      }

      @Override
      public void evaluated(TrainingLoop.Progress progress, Evaluator.Result result) {
        LOG.info("Step {}: evaluation mean {} over {} episodes", progress.step(), result.mean(), result.episodes());
      }
    };
  }
}
