package dev.autonomy.planner.model;

/** Neither the primary model nor its fallback answered after their retries: unrecoverable for a step. */
public class ModelUnavailableException extends RuntimeException {
  private final long modelNanos;
  private final int attempts;

  public ModelUnavailableException(String message, Throwable cause, long modelNanos, int attempts) {
    super(message, cause);
    this.modelNanos = modelNanos;
    this.attempts = attempts;
  }

  public long modelNanos() {
    return modelNanos;
  }

  public int attempts() {
    return attempts;
  }
}
