package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a Policy. */
public enum PolicyPhase {
  /** Accepted, training not started. */
  @JsonProperty("Pending")
  PENDING("Pending"),

  /** A training attempt is running. */
  @JsonProperty("Training")
  TRAINING("Training"),

  /** A checkpoint is being evaluated. */
  @JsonProperty("Evaluating")
  EVALUATING("Evaluating"),

  /** Training finished; a checkpoint passed (or awaits) promotion. */
  @JsonProperty("Trained")
  TRAINED("Trained"),

  /** The promoted checkpoint is being served. */
  @JsonProperty("Serving")
  SERVING("Serving"),

  /** Training failed after its retries or missed its deadline. */
  @JsonProperty("Failed")
  FAILED("Failed"),

  /** spec.suspend is true. */
  @JsonProperty("Suspended")
  SUSPENDED("Suspended");

  private final String value;

  PolicyPhase(String value) {
    this.value = value;
  }

  /** The value as written in a manifest. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
