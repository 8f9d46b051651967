package dev.autonomy.controllers.healing;

/** What the Monitor can observe about a resource's workload. */
public enum Signal {
  /** A container exited with an error and was restarted. */
  CONTAINER_CRASHED,
  /** A container was killed for exceeding its memory limit. */
  OOM_KILLED,
  /** A container is in CrashLoopBackOff. */
  CRASH_LOOP,
  /** The image cannot be pulled. */
  IMAGE_PULL_FAILED,
  /** Fewer replicas are available than desired. */
  REPLICAS_UNAVAILABLE,
  /** A child the resource owns is missing. */
  CHILD_MISSING,
  /** A pod runs on a node that is NotReady. */
  NODE_NOT_READY,
  /** A training attempt failed. */
  JOB_FAILED,
  /** Training made no progress for too long. */
  TRAINING_STALLED,
  /** The mean reward fell well below its best. */
  REWARD_REGRESSED,
  /** The loss or the parameters became NaN (trainer exit code 3). */
  LOSS_NAN,
  /** Planners report errors from their model endpoint. */
  MODEL_ENDPOINT_ERRORS,
  /** A memory store replica was lost. */
  MEMORY_REPLICA_LOST
}
