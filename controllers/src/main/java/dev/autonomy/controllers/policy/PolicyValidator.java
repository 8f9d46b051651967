package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.BackendType;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import java.util.ArrayList;
import java.util.List;

/** Checks of a Policy spec that CEL cannot express. Pure. */
public final class PolicyValidator {
  private PolicyValidator() {}

  public static List<String> problems(PolicySpec spec) {
    List<String> problems = new ArrayList<>();
    Long total = spec.getTraining() == null ? null : spec.getTraining().getTotalSteps();
    Integer interval = spec.getCheckpoint() == null ? null : spec.getCheckpoint().getIntervalSteps();
    if (total != null && interval != null && interval > total) {
      problems.add("spec.checkpoint.intervalSteps (" + interval + ") exceeds spec.training.totalSteps (" + total
          + "), so no checkpoint would ever be written");
    }
    var batch = spec.getHyperparameters() == null ? null : spec.getHyperparameters().getBatchSize();
    if (total != null && batch != null && batch > total) {
      problems.add("spec.hyperparameters.batchSize (" + batch + ") exceeds spec.training.totalSteps (" + total + ")");
    }
    boolean serving = spec.getServing() != null && Boolean.TRUE.equals(spec.getServing().getEnabled());
    boolean evaluating = spec.getEvaluation() != null && spec.getEvaluation().getEpisodes() != null
        && spec.getEvaluation().getEpisodes() > 0;
    if (serving && !evaluating) {
      problems.add("spec.serving is enabled but spec.evaluation.episodes is 0: nothing could pass the promotion gate");
    }
    if (spec.getBackend() != null && spec.getBackend().getType() == BackendType.RAY && spec.getBackend().getRay() != null
        && spec.getBackend().getRay().getEntrypointNumGpus() != null && spec.getBackend().getJob() != null
        && spec.getBackend().getJob().getGpus() != null && spec.getBackend().getJob().getGpus() > 0) {
      problems.add("spec.backend.job.gpus is set but spec.backend.type is ray: use spec.backend.ray.entrypointNumGpus");
    }
    return problems;
  }
}
