package dev.autonomy.rl;

import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import dev.autonomy.rl.algo.Evaluator;
import dev.autonomy.rl.checkpoint.CheckpointMeta;
import dev.autonomy.rl.train.TrainingLoop;
import java.time.Instant;

/** Training facts as the Policy status model writes them (NaN becomes absent). */
final class Reports {
  private Reports() {}

  static TrainingProgress progress(TrainingLoop.Progress p, boolean finished) {
    TrainingProgress out = new TrainingProgress();
    out.setStep(p.step());
    out.setTotalSteps(p.totalSteps());
    out.setEpisodes(p.episodes());
    out.setMeanReward(finite(p.meanReward()));
    out.setBestReward(finite(p.bestReward()));
    out.setProgressPercent(finished ? 100 : (int) Math.min(100, 100 * p.step() / Math.max(1, p.totalSteps())));
    out.setStepsPerSecond(finite(Math.round(p.stepsPerSecond() * 10) / 10.0));
    if (!finished && p.stepsPerSecond() > 0) {
      long seconds = (long) ((p.totalSteps() - p.step()) / p.stepsPerSecond());
      out.setEta(Instant.now().plusSeconds(seconds).toString());
    }
    out.setLastUpdateTime(Instant.now().toString());
    return out;
  }

  static CheckpointRecord record(CheckpointMeta meta, String path) {
    CheckpointRecord record = new CheckpointRecord();
    record.setId(meta.id());
    record.setStep(meta.step());
    record.setMeanReward(finite(meta.meanReward()));
    record.setParent(meta.parent());
    record.setTime(meta.time());
    record.setPath(path);
    return record;
  }

  static EvaluationResult evaluation(String checkpoint, Evaluator.Result result) {
    EvaluationResult out = new EvaluationResult();
    out.setCheckpoint(checkpoint);
    out.setEpisodes(result.episodes());
    out.setMeanReward(result.mean());
    out.setStdReward(result.std());
    out.setTime(Instant.now().toString());
    return out;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
