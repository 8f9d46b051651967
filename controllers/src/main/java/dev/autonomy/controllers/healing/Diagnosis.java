package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import java.util.List;

/** What Analyze concluded from an observation, and the remediations that may cure it (best first). */
public record Diagnosis(Cause cause, Observation observation, List<RemediationAction> remedies) {

  /** Causes, in words an operator on call reads. */
  public enum Cause {
    MEMORY_LIMIT_TOO_LOW("the memory limit is too low for the workload"),
    BAD_CHANGE("the latest change of the spec broke the workload"),
    TRANSIENT_FAILURE("the workload failed and may recover on a restart"),
    IMAGE_UNAVAILABLE("the image cannot be pulled"),
    NODE_FAILURE("the node running the workload is NotReady"),
    CHILD_DELETED("an object the operator owns was deleted"),
    TRAINING_DIVERGED("training diverged"),
    TRAINING_FAILED("a training attempt failed"),
    MODEL_ENDPOINT_DOWN("the model endpoint fails"),
    REPLICA_LOST("a replica was lost");

    private final String words;

    Cause(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /** "OOMKilled on pod x → the memory limit is too low for the workload". */
  public String summary() {
    return observation.signal() + " on " + observation.subject() + ": " + cause.words();
  }
}
