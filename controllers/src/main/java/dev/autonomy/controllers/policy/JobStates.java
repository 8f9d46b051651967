package dev.autonomy.controllers.policy;

import dev.autonomy.controllers.policy.AttemptObservation.State;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads a training Job (and its pods) as an attempt: running, succeeded or failed, and why. Pure. */
final class JobStates {
  /** The trainer's exit code for an invalid configuration: a retry of the same spec cannot help. */
  static final int EXIT_INVALID_CONFIG = 2;
  /** The trainer's exit code when the loss or the parameters became NaN. */
  static final int EXIT_DIVERGED = 3;
  static final Map<Integer, String> EXIT_MEANINGS = Map.of(1, "failed", EXIT_INVALID_CONFIG, "invalid configuration",
      EXIT_DIVERGED, "training diverged", 137, "killed", 143, "terminated");
  static final int MAX_MESSAGE = 1024;

  private JobStates() {}

  static AttemptObservation observe(String name, Job job, List<Pod> pods) {
    return observe(name, job, pods, Optional::empty);
  }

  /** {@code runningSince}: when the trainer container of a running attempt started. */
  static AttemptObservation observe(String name, Job job, List<Pod> pods,
      java.util.function.Supplier<Optional<Instant>> runningSince) {
    if (job == null) {
      return AttemptObservation.of(State.ABSENT, "Job " + name + " is to be created");
    }
    if (condition(job, "Complete")) {
      return AttemptObservation.of(State.SUCCEEDED, "Job " + name + " completed");
    }
    if (condition(job, "Failed")) {
      Optional<ContainerStateTerminated> exit = termination(pods);
      Integer code = exit.map(ContainerStateTerminated::getExitCode).orElse(null);
      State state = Objects.equals(code, EXIT_INVALID_CONFIG) ? State.REJECTED
          : Objects.equals(code, EXIT_DIVERGED) ? State.DIVERGED : State.FAILED;
      return AttemptObservation.of(state, "Job " + name + " failed: " + why(job, exit));
    }
    boolean running = job.getStatus() != null && job.getStatus().getReady() != null && job.getStatus().getReady() > 0;
    if (running) {
      return AttemptObservation.running("Job " + name + " is running", runningSince);
    }
    return AttemptObservation.of(State.RUNNING, "Job " + name + (running ? " is running" : " is pending"));
  }

  static boolean failed(Job job) {
    return condition(job, "Failed");
  }

  static boolean finished(Job job) {
    return condition(job, "Complete") || condition(job, "Failed");
  }

  /** When the Job completed or failed. */
  static Optional<Instant> finishedAt(Job job) {
    if (job.getStatus() == null) {
      return Optional.empty();
    }
    if (job.getStatus().getCompletionTime() != null) {
      return Optional.of(Instant.parse(job.getStatus().getCompletionTime()));
    }
    return conditions(job).stream().filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(JobCondition::getLastTransitionTime).filter(Objects::nonNull).map(Instant::parse).findFirst();
  }

  /** When the trainer container started running in the newest of these pods. */
  static Optional<Instant> containerStarted(List<Pod> pods) {
    return pods.stream().flatMap(p -> p.getStatus() == null || p.getStatus().getContainerStatuses() == null ? Stream.empty()
            : p.getStatus().getContainerStatuses().stream())
        .filter(c -> c.getState() != null && c.getState().getRunning() != null && c.getState().getRunning().getStartedAt() != null)
        .map(c -> Instant.parse(c.getState().getRunning().getStartedAt())).max(Comparator.naturalOrder());
  }

  /** The deadline, or the trainer's exit code, its meaning and its termination message (or log tail). */
  private static String why(Job job, Optional<ContainerStateTerminated> exit) {
    Optional<JobCondition> failed = conditions(job).stream()
        .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    if (failed.map(c -> "DeadlineExceeded".equals(c.getReason())).orElse(false)) {
      return "it ran longer than spec.training.activeDeadlineSeconds (" + job.getSpec().getActiveDeadlineSeconds() + " s)";
    }
    if (exit.isPresent()) {
      ContainerStateTerminated t = exit.get();
      String meaning = EXIT_MEANINGS.getOrDefault(t.getExitCode(), "error");
      String text = "the trainer exited with code " + t.getExitCode() + " (" + meaning
          + (t.getReason() == null ? "" : ", " + t.getReason()) + ")";
      return t.getMessage() == null || t.getMessage().isBlank() ? text : text + ": " + clip(t.getMessage().strip());
    }
    return failed.map(c -> c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage())).orElse("unknown reason");
  }

  /** The trainer container's termination in the newest failed pod. */
  static Optional<ContainerStateTerminated> termination(List<Pod> pods) {
    return pods.stream().filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
        .sorted(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp(),
            Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
        .flatMap(p -> p.getStatus().getContainerStatuses().stream())
        .filter(c -> PolicyJobFactory.CONTAINER.equals(c.getName()))
        .map(JobStates::terminated).filter(Objects::nonNull).findFirst();
  }

  private static ContainerStateTerminated terminated(ContainerStatus status) {
    if (status.getState() != null && status.getState().getTerminated() != null) {
      return status.getState().getTerminated();
    }
    return status.getLastState() == null ? null : status.getLastState().getTerminated();
  }

  private static boolean condition(Job job, String type) {
    return conditions(job).stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static List<JobCondition> conditions(Job job) {
    return job.getStatus() == null || job.getStatus().getConditions() == null ? List.of() : job.getStatus().getConditions();
  }

  private static String clip(String text) {
    return text.length() <= MAX_MESSAGE ? text : "…" + text.substring(text.length() - MAX_MESSAGE);
  }
}
