package dev.autonomy.controllers.healing;

/** One thing the Monitor saw: a signal, on which object, how often, and the evidence in words. */
public record Observation(Signal signal, String subject, int count, String evidence) {
  public Observation {
    if (signal == null || subject == null) {
      throw new IllegalArgumentException("an observation needs a signal and a subject");
    }
  }
}
