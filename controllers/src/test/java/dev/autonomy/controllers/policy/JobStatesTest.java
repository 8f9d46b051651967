package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.controllers.policy.AttemptObservation.State;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobStatesTest {

  static Job job(String condition, String reason) {
    var builder = new JobBuilder().withNewMetadata().withName("p-train-g1-a1").endMetadata()
        .withNewSpec().withActiveDeadlineSeconds(60L).endSpec().withNewStatus();
    if (condition != null) {
      builder.addNewCondition().withType(condition).withStatus("True").withReason(reason)
          .withLastTransitionTime("2026-03-01T12:00:00Z").endCondition();
    }
    return builder.endStatus().build();
  }

  static Pod failedPod(int exitCode, String reason, String message) {
    return new PodBuilder().withNewMetadata().withName("p-train-g1-a1-x").withCreationTimestamp("2026-03-01T11:00:00Z")
        .endMetadata().withNewStatus().addNewContainerStatus().withName("trainer").withNewState().withNewTerminated()
        .withExitCode(exitCode).withReason(reason).withMessage(message).endTerminated().endState().endContainerStatus()
        .endStatus().build();
  }

  @Test
  void aJobIsAbsentRunningSucceededOrFailed() {
    assertThat(JobStates.observe("p-train-g1-a1", null, List.of()).state()).isEqualTo(State.ABSENT);
    assertThat(JobStates.observe("p-train-g1-a1", job(null, null), List.of()).state()).isEqualTo(State.RUNNING);
    assertThat(JobStates.observe("p-train-g1-a1", job("Complete", null), List.of()).state()).isEqualTo(State.SUCCEEDED);
    assertThat(JobStates.finishedAt(job("Failed", "BackoffLimitExceeded"))).hasValue(Instant.parse("2026-03-01T12:00:00Z"));
  }

  @Test
  void aFailureSaysWhyFromThePodsTermination() {
    var seen = JobStates.observe("p-train-g1-a1", job("Failed", "BackoffLimitExceeded"),
        List.of(failedPod(137, "OOMKilled", "java.lang.OutOfMemoryError")));
    assertThat(seen.state()).isEqualTo(State.FAILED);
    assertThat(seen.detail()).contains("code 137").contains("OOMKilled").contains("OutOfMemoryError");
    var diverged = JobStates.observe("p-train-g1-a1", job("Failed", "BackoffLimitExceeded"), List.of(failedPod(3, "Error", null)));
    assertThat(diverged.detail()).contains("training diverged");
  }

  @Test
  void anInvalidConfigurationIsRejectedAndADeadlineNamesTheSpecField() {
    assertThat(JobStates.observe("p", job("Failed", "BackoffLimitExceeded"), List.of(failedPod(2, "Error", "bad env")))
        .state()).isEqualTo(State.REJECTED);
    var late = JobStates.observe("p", job("Failed", "DeadlineExceeded"), List.of());
    assertThat(late.state()).isEqualTo(State.FAILED);
    assertThat(late.detail()).contains("spec.training.activeDeadlineSeconds (60 s)");
  }
}
