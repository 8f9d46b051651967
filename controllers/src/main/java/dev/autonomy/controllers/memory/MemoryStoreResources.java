package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.controllers.common.Labels;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names and labels of everything a MemoryStore owns, its client endpoint, and how a client (an
 * Agent's pod) connects: one place, so nothing else invents them. Pure.
 */
public final class MemoryStoreResources {
  static final String NAME = "autonomy-memorystore";
  /** Component of the database pods and their claims. */
  static final String DATABASE = "database";
  /** Component of the backup CronJob, its Jobs and pods, and the backup claim. */
  static final String BACKUP = "backup";
  /** Selects every child a MemoryStore owns (informers of the dependents). */
  static final String CHILDREN_SELECTOR = "app.kubernetes.io/name=" + NAME + ",app.kubernetes.io/managed-by=" + Labels.MANAGED_BY;

  /**
   * The label a pod carries to be let through the store's NetworkPolicy: value = the store's name.
   * The Agent workload puts it on the pods of Agents whose {@code spec.memoryStoreRef} names the store.
   */
  public static final String CLIENT_LABEL = "autonomy.dev/memory-store";
  /** Pod-template annotation: the UID of the connection Secret the pods started with (a new Secret restarts them). */
  static final String CREDENTIALS_ANNOTATION = "autonomy.dev/credentials-uid";
  /** Name of the claim template: claims are {@code data-<store>-<ordinal>}. */
  static final String DATA_VOLUME = "data";

  // Keys of the connection Secret.
  public static final String KEY_BACKEND = "backend";
  public static final String KEY_HOST = "host";
  public static final String KEY_PORT = "port";
  public static final String KEY_ENDPOINT = "endpoint";
  public static final String KEY_URL = "url";
  public static final String KEY_USERNAME = "username";
  public static final String KEY_PASSWORD = "password";
  public static final String KEY_DATABASE = "database";
  public static final String KEY_API_KEY = "api-key";

  private MemoryStoreResources() {}

  static String name(MemoryStore store) {
    return store.getMetadata().getName();
  }

  static String namespace(MemoryStore store) {
    return store.getMetadata().getNamespace();
  }

  public static String statefulSet(MemoryStore store) {
    return name(store);
  }

  /** The client Service: read-write endpoint (for pgvector, the primary only). */
  public static String service(MemoryStore store) {
    return name(store);
  }

  /** The headless Service that gives each replica a stable DNS name. */
  public static String headlessService(MemoryStore store) {
    return name(store) + "-hl";
  }

  /** The connection Secret (created once, never rotated by the operator). */
  public static String secret(MemoryStore store) {
    return name(store) + "-connection";
  }

  public static String scripts(MemoryStore store) {
    return name(store) + "-scripts";
  }

  public static String podDisruptionBudget(MemoryStore store) {
    return name(store);
  }

  public static String networkPolicy(MemoryStore store) {
    return name(store);
  }

  public static String backupCronJob(MemoryStore store) {
    return name(store) + "-backup";
  }

  /** The claim backups go to when the target is a PVC and no existing claim is named. */
  public static String backupClaim(MemoryStore store) {
    return name(store) + "-backups";
  }

  /** The data claim of replica {@code ordinal}, as the StatefulSet controller names it. */
  public static String dataClaim(MemoryStore store, int ordinal) {
    return DATA_VOLUME + "-" + statefulSet(store) + "-" + ordinal;
  }

  /** DNS name of replica {@code ordinal} through the headless Service. */
  static String podHost(MemoryStore store, int ordinal) {
    return statefulSet(store) + "-" + ordinal + "." + headlessService(store) + "." + namespace(store) + ".svc";
  }

  public static Map<String, String> labels(MemoryStore store, String component) {
    return Labels.of(NAME, name(store), component);
  }

  public static Map<String, String> selector(MemoryStore store, String component) {
    return Labels.selector(NAME, name(store), component);
  }

  /** The labels a client pod needs to reach the store through its NetworkPolicy. */
  public static Map<String, String> clientLabels(MemoryStore store) {
    return Map.of(CLIENT_LABEL, name(store));
  }

  /** In-cluster host of the client Service: {@code <name>.<namespace>.svc}. */
  public static String host(MemoryStore store) {
    return service(store) + "." + namespace(store) + ".svc";
  }

  public static int port(MemoryStore store) {
    return MemoryBackends.port(store.getSpec().getBackend());
  }

  /** {@code <svc>.<ns>.svc:<port>}, as written to {@code status.endpoint}. */
  public static String endpoint(MemoryStore store) {
    return host(store) + ":" + port(store);
  }

  /**
   * The env an Agent's container needs to use the store ({@code AUTONOMY_MEMORY_*}, read by the
   * memory library): the backend, dimension and TTL as values; URL and credentials by
   * {@code secretKeyRef} to the connection Secret, so no credential is ever copied into a spec.
   * The pod must also carry {@link #clientLabels(MemoryStore)}.
   */
  public static List<EnvVar> connectionEnv(MemoryStore store) {
    List<EnvVar> env = new ArrayList<>();
    MemoryBackend backend = store.getSpec().getBackend();
    env.add(value("AUTONOMY_MEMORY_BACKEND", backend.value()));
    env.add(fromSecret(store, "AUTONOMY_MEMORY_URL", KEY_URL));
    if (backend == MemoryBackend.PGVECTOR) {
      env.add(fromSecret(store, "AUTONOMY_MEMORY_USER", KEY_USERNAME));
      env.add(fromSecret(store, "AUTONOMY_MEMORY_PASSWORD", KEY_PASSWORD));
      env.add(fromSecret(store, "AUTONOMY_MEMORY_DATABASE", KEY_DATABASE));
    } else if (backend == MemoryBackend.QDRANT) {
      env.add(fromSecret(store, "AUTONOMY_MEMORY_API_KEY", KEY_API_KEY));
    }
    if (store.getSpec().getEmbedding() != null && store.getSpec().getEmbedding().getDimension() != null) {
      env.add(value("AUTONOMY_MEMORY_DIMENSION", store.getSpec().getEmbedding().getDimension().toString()));
    }
    if (store.getSpec().getRetention() != null && store.getSpec().getRetention().getTtl() != null) {
      env.add(value("AUTONOMY_MEMORY_TTL", store.getSpec().getRetention().getTtl()));
    }
    return env;
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  static EnvVar fromSecret(MemoryStore store, String name, String key) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
        .withName(secret(store)).withKey(key).withOptional(false).endSecretKeyRef().endValueFrom().build();
  }
}
