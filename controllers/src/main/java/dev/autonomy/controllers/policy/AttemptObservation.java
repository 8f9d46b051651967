package dev.autonomy.controllers.policy;

/** Where the current training attempt stands, as its backend reports it; detail is for messages and Events. */
public record AttemptObservation(State state, String detail,
    java.util.function.Supplier<java.util.Optional<java.time.Instant>> runningSince) {

  public enum State {
    /** Not started yet (the Job backend starts it after the children exist). */
    ABSENT,
    /** Pending or running. */
    RUNNING,
    /** The backend does not answer (Ray dashboard down): nothing is known, look again later. */
    UNREACHABLE,
    SUCCEEDED,
    /** Failed; a retry may help (it resumes from the newest checkpoint). */
    FAILED,
    /** Failed because training diverged (NaN loss or parameters, trainer exit code 3); a retry should change something. */
    DIVERGED,
    /** Failed in a way a retry of the same spec cannot fix (invalid configuration). */
    REJECTED
  }

  /** Failed in a way a retry may fix. */
  public boolean retryable() {
    return state == State.FAILED || state == State.DIVERGED;
  }

  public static AttemptObservation of(State state, String detail) {
    return new AttemptObservation(state, detail, java.util.Optional::empty);
  }

  /**
   * Running (not merely pending); {@code since} says since when its program runs (read only when a
   * stall is suspected: it may cost a read of the attempt's pod).
   */
  public static AttemptObservation running(String detail,
      java.util.function.Supplier<java.util.Optional<java.time.Instant>> since) {
    return new AttemptObservation(State.RUNNING, detail, since);
  }
}
