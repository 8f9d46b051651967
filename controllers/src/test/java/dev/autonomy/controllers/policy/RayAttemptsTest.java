package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import dev.autonomy.controllers.policy.AttemptObservation.State;
import dev.autonomy.controllers.policy.ray.RayTrainingBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RayAttemptsTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** A Ray backend that answers a fixed job status and records calls. */
  static class FakeRay implements RayTrainingBackend {
    String answer = "RUNNING";
    final List<String> calls = new ArrayList<>();

    @Override
    public RayJobStatus sync(Policy policy, int attempt) {
      String id = "autonomy-" + policy.getMetadata().getName() + "-g" + policy.getMetadata().getGeneration() + "-a" + attempt;
      calls.add("sync " + id);
      return status(id, answer);
    }

    @Override
    public void stop(Policy policy, RayJobStatus job) {
      calls.add("stop " + job.getSubmissionId());
    }

    @Override
    public Optional<String> failureLogs(Policy policy, RayJobStatus job) {
      return Optional.of("Traceback: boom");
    }

    @Override
    public void delete(Policy policy, RayJobStatus job) {
      calls.add("delete " + job.getSubmissionId());
    }
  }

  static RayJobStatus status(String id, String jobStatus) {
    RayJobStatus status = new RayJobStatus();
    status.setSubmissionId(id);
    status.setJobStatus(jobStatus);
    status.setDashboardUrl("http://127.0.0.1:8265");
    return status;
  }

  static PolicyStatus run(long generation, int attempt) {
    PolicyStatus status = new PolicyStatus();
    TrainingRun.start(status, generation, "hash");
    status.setAttempt(attempt);
    return status;
  }

  @Test
  void rayIsAskedForTheRunsGenerationAndItsStatesBecomeAttemptStates() {
    FakeRay fake = new FakeRay();
    RayAttempts ray = new RayAttempts(fake);
    Policy policy = Policies.example();
    policy.getMetadata().setGeneration(7L);
    PolicyStatus next = run(5, 2);
    assertThat(ray.observe(policy, next).state()).isEqualTo(State.RUNNING);
    assertThat(fake.calls).containsExactly("sync autonomy-cartpole-ppo-g5-a2");
    assertThat(next.getRay().getSubmissionId()).isEqualTo("autonomy-cartpole-ppo-g5-a2");
    assertThat(policy.getMetadata().getGeneration()).as("the Policy itself is not changed").isEqualTo(7L);

    fake.answer = "FAILED";
    var failed = ray.observe(policy, next);
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.detail()).contains("Traceback: boom");
    fake.answer = "UNREACHABLE";
    assertThat(ray.observe(policy, next).state()).isEqualTo(State.UNREACHABLE);
    fake.answer = "REJECTED";
    assertThat(ray.observe(policy, next).state()).isEqualTo(State.REJECTED);
    fake.answer = "SUCCEEDED";
    assertThat(ray.observe(policy, next).state()).isEqualTo(State.SUCCEEDED);
  }

  @Test
  void aRayJobThatIsNoLongerTheAttemptIsStoppedAndAFinishedOneDeletedAfterItsTtl() {
    FakeRay fake = new FakeRay();
    RayAttempts ray = new RayAttempts(fake);
    Policy policy = Policies.example();
    PolicyStatus recorded = run(1, 1);
    recorded.setRay(status("job-a1", "RUNNING"));
    PolicyStatus next = run(1, 1);
    assertThat(ray.stopStray(policy, recorded, next)).as("suspended: no current Ray job").isTrue();
    next.setRay(status("job-a1", "RUNNING"));
    assertThat(ray.stopStray(policy, recorded, next)).as("still the attempt").isFalse();
    assertThat(fake.calls).containsExactly("stop job-a1");

    PolicyStatus finished = run(1, 1);
    finished.setRay(status("job-a1", "SUCCEEDED"));
    finished.setCompletionTime(NOW.minusSeconds(30).toString());
    PolicyStatus after = run(1, 1);
    after.setRay(finished.getRay());
    after.setCompletionTime(finished.getCompletionTime());
    assertThat(ray.expire(policy, finished, after, 60, NOW)).hasValue(java.time.Duration.ofSeconds(30));
    assertThat(ray.expire(policy, finished, after, 10, NOW)).isEmpty();
    assertThat(fake.calls).contains("delete job-a1");
    assertThat(after.getRay()).isNull();
  }
}
