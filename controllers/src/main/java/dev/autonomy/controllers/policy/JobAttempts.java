package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Training attempts as Kubernetes Jobs, one per attempt, read from the informer of Jobs owned by
 * Policies. The only place the Policy reconciler creates or deletes Jobs.
 */
final class JobAttempts implements AttemptBackend {
  private static final Logger LOG = Logger.getLogger(JobAttempts.class);
  /** Shortest wait before a due Job is looked at again (its outcome is being recorded). */
  static final Duration MIN_WAIT = Duration.ofSeconds(1);
  private final KubernetesClient client;
  private final InformerEventSource<Job, Policy> jobs;

  JobAttempts(KubernetesClient client, InformerEventSource<Job, Policy> jobs) {
    this.client = client;
    this.jobs = jobs;
  }

  @Override
  public AttemptObservation observe(Policy policy, PolicyStatus next) {
    String name = PolicyResources.job(policy, TrainingRun.generation(next), TrainingRun.attempt(next));
    next.setTrainingJobName(name);
    Job job = jobs.get(new ResourceID(name, PolicyResources.namespace(policy))).orElse(null);
    List<Pod> pods = job != null && JobStates.failed(job) ? pods(policy, name) : List.of();
    // Read only when the healer suspects a stall (no recent progress report).
    java.util.concurrent.atomic.AtomicReference<Optional<Instant>> started = new java.util.concurrent.atomic.AtomicReference<>();
    return JobStates.observe(name, job, pods, () -> started.updateAndGet(known -> known != null ? known
        : JobStates.containerStarted(pods(policy, name))));
  }

  /** Creates the attempt's Job; false when it already exists. */
  boolean launch(PolicyInputs in, int attempt) {
    Job job = PolicyJobFactory.job(in, attempt);
    try {
      Job created = client.resource(job).create();
      jobs.handleRecentResourceCreate(ResourceID.fromResource(in.policy()), created);
      LOG.infof("Policy %s/%s: attempt %d started as Job %s", PolicyResources.namespace(in.policy()),
          PolicyResources.name(in.policy()), attempt, job.getMetadata().getName());
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return false;
      }
      throw e;
    }
  }

  /** Deletes the Policy's running Jobs other than {@code keep} (a suspended or superseded attempt); returns their names. */
  List<String> deleteStrays(Policy policy, String keep) {
    List<String> deleted = new ArrayList<>();
    for (Job job : jobs.getSecondaryResources(policy)) {
      String name = job.getMetadata().getName();
      if (!name.equals(keep) && !JobStates.finished(job) && job.getMetadata().getDeletionTimestamp() == null) {
        delete(policy, name);
        deleted.add(name);
      }
    }
    return deleted;
  }

  /**
   * Deletes finished Jobs {@code ttl} seconds after they ended, once status has recorded their
   * outcome (an earlier attempt, or a finished run); returns when to look again (a reconcile's own
   * status patch does not bring another reconcile).
   */
  Optional<Duration> expire(Policy policy, PolicyStatus recorded, PolicyStatus next, Integer ttl, Instant now) {
    if (ttl == null) {
      return Optional.empty();
    }
    Optional<Duration> again = Optional.empty();
    for (Job job : jobs.getSecondaryResources(policy)) {
      String name = job.getMetadata().getName();
      Optional<Instant> finished = JobStates.finishedAt(job);
      if (finished.isEmpty() || job.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      boolean recordedNow = !name.equals(recorded.getTrainingJobName()) || TrainingRun.finished(recorded);
      boolean recordedNext = !name.equals(next.getTrainingJobName()) || TrainingRun.finished(next);
      Instant due = finished.get().plusSeconds(ttl);
      if (recordedNow && !due.isAfter(now)) {
        delete(policy, name);
      } else if (recordedNow || recordedNext) {
        Duration wait = Duration.between(now, due).compareTo(MIN_WAIT) < 0 ? MIN_WAIT : Duration.between(now, due);
        again = again.isEmpty() || wait.compareTo(again.get()) < 0 ? Optional.of(wait) : again;
      }
    }
    return again;
  }

  private void delete(Policy policy, String name) {
    client.batch().v1().jobs().inNamespace(PolicyResources.namespace(policy)).withName(name)
        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    LOG.infof("Policy %s/%s: Job %s deleted", PolicyResources.namespace(policy), PolicyResources.name(policy), name);
  }

  /** The pods of a finished Job, read once to say why it failed. */
  private List<Pod> pods(Policy policy, String job) {
    return client.pods().inNamespace(PolicyResources.namespace(policy)).withLabel("batch.kubernetes.io/job-name", job)
        .list().getItems();
  }
}
