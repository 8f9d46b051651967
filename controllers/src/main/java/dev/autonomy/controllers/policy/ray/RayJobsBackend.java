package dev.autonomy.controllers.policy.ray;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import dev.autonomy.controllers.config.OperatorConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;

/**
 * {@link RayTrainingBackend} on the Ray Jobs REST API. Sends no secrets to the log: the job's body
 * (runtime_env) is never logged.
 */
@ApplicationScoped
public class RayJobsBackend implements RayTrainingBackend {
  static final int LOG_LINES = 20;
  static final int LOG_BYTES = 2048;
  static final Duration DELETE_GRACE = Duration.ofSeconds(3);
  static final int MAX_MESSAGE = 300;
  private static final Logger LOG = Logger.getLogger(RayJobsBackend.class);

  private final RaySubmissions submissions;
  private final OkHttpClient http;

  @Inject
  public RayJobsBackend(OperatorConfig config) {
    this(RaySubmissions.of(config), RayJobsClient.httpClient(config.ray().connectTimeout(), config.ray().readTimeout()));
  }

  public RayJobsBackend(RaySubmissions submissions, OkHttpClient http) {
    this.submissions = submissions;
    this.http = http;
  }

  @Override
  public RayJobStatus sync(Policy policy, int attempt) {
    String id = RaySubmissions.submissionId(policy, attempt);
    String url = null;
    RayJobsClient ray;
    try {
      url = submissions.dashboardUrl(policy);
      ray = new RayJobsClient(http, url);
    } catch (IllegalArgumentException e) {
      return status(id, RayJobStates.REJECTED, url, e.getMessage());
    }
    try {
      ray.version();
    } catch (RayJobsException e) {
      return status(id, RayJobStates.UNREACHABLE, url, e.getMessage());
    }
    try {
      Optional<RayJob> known = ray.get(id);
      RayJob job = known.isPresent() ? known.get() : submit(ray, policy, attempt);
      return status(id, job.status(), url, job.message());
    } catch (RayJobsException e) {
      return status(id, e.retryable() ? RayJobStates.UNREACHABLE : RayJobStates.REJECTED, url, e.getMessage());
    }
  }

  @Override
  public void stop(Policy policy, RayJobStatus job) {
    if (job == null || job.getSubmissionId() == null) {
      return;
    }
    RayJobsClient ray = client(policy, job);
    Optional<RayJob> current = ray.get(job.getSubmissionId());
    if (current.isPresent() && !current.get().terminal() && ray.stop(job.getSubmissionId())) {
      LOG.infof("Stopping Ray job %s of Policy %s/%s.", job.getSubmissionId(), namespace(policy), name(policy));
    }
  }

  @Override
  public Optional<String> failureLogs(Policy policy, RayJobStatus job) {
    if (job == null || job.getSubmissionId() == null) {
      return Optional.empty();
    }
    try {
      return client(policy, job).logs(job.getSubmissionId()).map(RayJobsBackend::tail).filter(s -> !s.isBlank());
    } catch (RayJobsException | IllegalArgumentException e) {
      LOG.debugf("No logs of Ray job %s: %s", job.getSubmissionId(), e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void delete(Policy policy, RayJobStatus job) {
    if (job == null || job.getSubmissionId() == null) {
      return;
    }
    RayJobsClient ray = client(policy, job);
    Optional<RayJob> current = ray.get(job.getSubmissionId());
    if (current.isEmpty() || !current.get().terminal()) {
      return;
    }
    waitForTheSupervisorToExit(current.get());
    if (ray.delete(job.getSubmissionId())) {
      LOG.infof("Deleted finished Ray job %s of Policy %s/%s.", job.getSubmissionId(), namespace(policy), name(policy));
    }
  }

  @PreDestroy
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /**
   * Ray 2.60 checks a job's supervisor actor once a second: a job deleted before its supervisor's
   * exit was seen comes back as FAILED ("Job supervisor actor died"). Waits until the job ended
   * {@link #DELETE_GRACE} ago (by the local clock, at most that long).
   */
  private void waitForTheSupervisorToExit(RayJob job) {
    long sinceEnd = job.endTime() == null ? 0 : System.currentTimeMillis() - job.endTime();
    long wait = Math.min(DELETE_GRACE.toMillis(), DELETE_GRACE.toMillis() - sinceEnd);
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private RayJob submit(RayJobsClient ray, Policy policy, int attempt) {
    RayJob job = ray.submit(submissions.body(policy, attempt));
    LOG.infof("Submitted Ray job %s for Policy %s/%s (attempt %d).", job.submissionId(), namespace(policy), name(policy),
        attempt);
    return job;
  }

  /** The dashboard the job went to (from its status), else the Policy's. */
  private RayJobsClient client(Policy policy, RayJobStatus job) {
    String url = job.getDashboardUrl() != null ? job.getDashboardUrl() : submissions.dashboardUrl(policy);
    return new RayJobsClient(http, url);
  }

  private static RayJobStatus status(String id, String jobStatus, String url, String message) {
    RayJobStatus status = new RayJobStatus();
    status.setSubmissionId(id);
    status.setJobStatus(jobStatus);
    status.setDashboardUrl(url);
    status.setMessage(firstLine(message));
    return status;
  }

  /** Ray's messages can hold whole logs: the status keeps the first line, capped. */
  static String firstLine(String message) {
    if (message == null) {
      return null;
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
  }

  /** The last {@value #LOG_LINES} lines, at most {@value #LOG_BYTES} bytes of UTF-8. */
  static String tail(String logs) {
    List<String> lines = Arrays.asList(logs.stripTrailing().split("\n"));
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
    int bytes = 0;
    int start = tail.length();
    while (start > 0) {
      int cp = tail.codePointBefore(start);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > LOG_BYTES) {
        break;
      }
      bytes += size;
      start -= Character.charCount(cp);
    }
    return tail.substring(start);
  }

  private static String namespace(Policy policy) {
    return policy.getMetadata().getNamespace();
  }

  private static String name(Policy policy) {
    return policy.getMetadata().getName();
  }
}
