package dev.autonomy.planner.model;

/** The planner's one way to a language model. */
public interface ModelGateway {

  /**
   * Asks the model; retries and falls back as configured.
   *
   * @throws ModelUnavailableException when neither the primary nor the fallback answered
   */
  ModelReply chat(ModelRequest request);

  /** A cheap check that some model answers (for readiness); never throws. */
  default boolean ping() {
    return true;
  }
}
