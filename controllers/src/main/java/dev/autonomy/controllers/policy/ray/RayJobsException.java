package dev.autonomy.controllers.policy.ray;

/** A Ray Jobs API call that failed: the dashboard did not answer ({@code status} 0) or answered an error. */
public class RayJobsException extends RuntimeException {
  private final int status;

  public RayJobsException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status of Ray's answer; 0 when there was none. */
  public int status() {
    return status;
  }

  /** Ray already has a job with the submission_id that was submitted (Ray 2.60 answers HTTP 500). */
  public boolean duplicate() {
    return status >= 400 && getMessage() != null && getMessage().contains("already exists");
  }

  /** No answer (refused, timed out) or a server error: worth trying again later. */
  public boolean retryable() {
    return status == 0 || status >= 500;
  }
}
