package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.BackendType;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import java.util.ArrayList;
import java.util.List;

/** Checks of a Policy spec that CEL cannot express. Pure. */
public final class PolicyValidator {
  private PolicyValidator() {}

  /** Children and labels are named after the Policy; its serving Service is the Policy's own name. */
  static final int MAX_NAME = 63;
  private static final java.util.regex.Pattern DNS_1035 = java.util.regex.Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  /** Problems of the spec and of the Policy's name. */
  public static List<String> problems(String name, PolicySpec spec) {
    List<String> problems = new ArrayList<>();
    if (name.length() > MAX_NAME) {
      problems.add("metadata.name is " + name.length() + " characters long; at most " + MAX_NAME
          + " (it is a label value on the Policy's pods)");
    }
    boolean serving = spec.getServing() != null && Boolean.TRUE.equals(spec.getServing().getEnabled());
    if (serving && !DNS_1035.matcher(name).matches()) {
      problems.add("metadata.name must start with a letter and hold only lowercase letters, digits and '-' when "
          + "spec.serving.enabled is true (the serving Service is named after the Policy)");
    }
    problems.addAll(problems(spec));
    return problems;
  }

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
