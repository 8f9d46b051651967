package dev.autonomy.controllers.policy.ray;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import java.util.Optional;

/**
 * Training on an existing Ray cluster through the Ray Jobs REST API. The Policy reconciler calls
 * it; it does the HTTP I/O so the reconciler has none.
 *
 * <p>Implemented by {@link RayJobsBackend}, an {@code @ApplicationScoped} bean: inject this
 * interface. Job states are {@link RayJobStates}; {@link RayJobStates#terminal(RayJobStatus)}
 * tells when a job is over. Submission ids come from {@link RaySubmissions#submissionId}.
 */
public interface RayTrainingBackend {

  /**
   * Submits the attempt's job unless Ray already has it (deterministic submission_id per
   * generation and attempt; a duplicate is treated as submitted), then returns Ray's view.
   * Returns a status with jobStatus {@code UNREACHABLE} (and a message) while the dashboard does
   * not answer (or answers a server error): the caller waits and calls again; {@code REJECTED}
   * when Ray refused the submission (HTTP 4xx, e.g. an invalid runtime_env) or the spec names no
   * dashboard. Never throws; never blocks longer than a few seconds.
   */
  RayJobStatus sync(Policy policy, int attempt);

  /**
   * Stops the job if it is still running (suspend, delete, new generation); idempotent.
   *
   * @throws RayJobsException when the dashboard does not answer: try again later
   */
  void stop(Policy policy, RayJobStatus job);

  /**
   * The tail of the job's logs (last 20 lines, at most 2 KB), for the Event of a failed job; empty
   * when Ray has none or does not answer. Never throws.
   */
  Optional<String> failureLogs(Policy policy, RayJobStatus job);

  /**
   * Deletes the job's record from Ray once it is finished (TTL after finish); a job still running
   * is left alone. Idempotent. Waits up to 3 s when the job ended less than 3 s ago (Ray would
   * otherwise bring it back as FAILED). Do not sync the attempt afterwards: it would be submitted
   * again.
   *
   * @throws RayJobsException when the dashboard does not answer: try again later
   */
  void delete(Policy policy, RayJobStatus job);
}
