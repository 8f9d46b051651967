package dev.autonomy.controllers.policy.ray;

import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import java.util.Set;

/**
 * Values of {@link RayJobStatus#getJobStatus()}: Ray's own (PENDING, RUNNING, STOPPED, SUCCEEDED,
 * FAILED) and two of the backend's.
 */
public final class RayJobStates {
  public static final String PENDING = "PENDING";
  public static final String RUNNING = "RUNNING";
  public static final String STOPPED = "STOPPED";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";
  /** The dashboard does not answer (or answers a server error): nothing is known; call sync again later. */
  public static final String UNREACHABLE = "UNREACHABLE";
  /** Ray refused the submission (HTTP 4xx, e.g. an invalid runtime_env): retrying the same spec will not help. */
  public static final String REJECTED = "REJECTED";

  private static final Set<String> TERMINAL = Set.of(STOPPED, SUCCEEDED, FAILED, REJECTED);

  private RayJobStates() {}

  /** The job will not change any more (a new attempt needs a new submission). */
  public static boolean terminal(String jobStatus) {
    return jobStatus != null && TERMINAL.contains(jobStatus);
  }

  public static boolean terminal(RayJobStatus job) {
    return job != null && terminal(job.getJobStatus());
  }
}
