package dev.autonomy.controllers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * Operator settings ({@code autonomy.*} in application.properties, or env {@code AUTONOMY_*}).
 * Every in-cluster endpoint the operator calls can be overridden, so tests can point it at loopback.
 */
@ConfigMapping(prefix = "autonomy")
public interface OperatorConfig {

  /** Images of the programs the operator runs. */
  Images images();

  /**
   * Endpoint overrides: key {@code <namespace>/<service>:<port>} (or {@code <service>:<port>}),
   * value the {@code host:port} to use instead. Empty in production.
   */
  Map<String, String> endpointOverrides();

  /** How often a resource waiting for something (a missing reference) is looked at again. */
  @WithDefault("PT10S")
  java.time.Duration waitRequeue();

  LeaderElection leaderElection();

  /** Training on Ray clusters (Policies with {@code spec.backend.type: ray}). */
  Ray ray();

  /** Self-healing settings that are the operator's, not a resource's. */
  Healing healing();

  interface Healing {
    /**
     * A running training attempt that reported no progress for this long is stalled: it is
     * restarted from its newest checkpoint (env {@code AUTONOMY_HEALING_TRAINING_STALL_AFTER}).
     */
    @WithDefault("PT10M")
    java.time.Duration trainingStallAfter();
  }

  /**
   * Label the pods the operator creates {@code autonomy.dev/run-local=true}, so the test ground's
   * local runner runs their real programs. Off in production.
   */
  @WithDefault("false")
  boolean localRunner();

  interface Images {
    @WithDefault("ghcr.io/autonomy-dev/planner:0.1.0")
    String planner();

    @WithDefault("ghcr.io/autonomy-dev/rl-trainer:0.1.0")
    String trainer();

    @WithDefault("pgvector/pgvector:0.8.2-pg18")
    String pgvector();

    @WithDefault("chromadb/chroma:1.5.9")
    String chroma();

    @WithDefault("qdrant/qdrant:v1.15.4")
    String qdrant();

    /** sh, curl and tar: MemoryStore backups (Qdrant snapshots, Chroma archives, S3 uploads, retention). */
    @WithDefault("curlimages/curl:8.15.0")
    String backupTools();
  }

  interface Ray {
    /** Command that starts the trainer on a Ray worker; the job runs {@code <trainerEntrypoint> train}. */
    @WithDefault("autonomy-rl-trainer")
    String trainerEntrypoint();

    /** Connect timeout of calls to a Ray dashboard. */
    @WithDefault("PT2S")
    java.time.Duration connectTimeout();

    /** Read timeout of calls to a Ray dashboard (one reconcile makes up to four). */
    @WithDefault("PT5S")
    java.time.Duration readTimeout();
  }

  interface LeaderElection {
    @WithDefault("autonomy-operator-lease")
    String leaseName();

    /** Namespace of the Lease; defaults to the operator's own (from the service account). */
    Optional<String> leaseNamespace();
  }
}
