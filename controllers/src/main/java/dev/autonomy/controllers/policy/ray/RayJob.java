package dev.autonomy.controllers.policy.ray;

/**
 * A submitted job as {@code GET /api/jobs/{id}} reports it.
 *
 * @param status PENDING, RUNNING, STOPPED, SUCCEEDED or FAILED
 * @param message Ray's message, e.g. "Job finished successfully."; may be null
 * @param driverExitCode the entrypoint's exit code once it ended; null before
 * @param endTime when it ended, in milliseconds since the epoch on the Ray head's clock; null before
 */
public record RayJob(String submissionId, String status, String message, Integer driverExitCode, Long endTime) {

  public boolean terminal() {
    return RayJobStates.terminal(status);
  }
}
