package dev.autonomy.planner.app;

import dev.autonomy.api.v1alpha1.agent.GoalOutcome;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Reads and writes the outcomes ConfigMap ({@code AUTONOMY_OUTCOMES_CONFIGMAP} in the Agent's
 * namespace, key {@code outcomes.json}) with the pod's ServiceAccount: get, then update with the
 * read resourceVersion, retried on conflict, so concurrent replicas never lose each other's writes.
 * Without a ConfigMap name or an API server the outcomes are kept in memory only.
 */
public final class OutcomeWriter {
  private static final Logger LOG = Logger.getLogger(OutcomeWriter.class);
  public static final String KEY = "outcomes.json";
  private static final int ATTEMPTS = 5;

  private final Supplier<Optional<KubernetesClient>> client;
  private final String namespace;
  private final String name;
  private volatile List<GoalOutcome> local = new ArrayList<>();

  public OutcomeWriter(Supplier<Optional<KubernetesClient>> client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  public boolean inCluster() {
    return name != null && namespace != null;
  }

  /** The outcomes as stored now. */
  public List<GoalOutcome> read() {
    if (!inCluster()) {
      return new ArrayList<>(local);
    }
    try {
      Optional<KubernetesClient> c = client.get();
      if (c.isEmpty()) {
        return new ArrayList<>(local);
      }
      ConfigMap cm = c.get().configMaps().inNamespace(namespace).withName(name).get();
      return cm == null || cm.getData() == null ? new ArrayList<>() : OutcomeLog.parse(cm.getData().get(KEY));
    } catch (KubernetesClientException e) {
      LOG.warnf("cannot read ConfigMap %s/%s: %s", namespace, name, e.getMessage());
      return new ArrayList<>(local);
    }
  }

  /**
   * Writes one more key of the ConfigMap (the model health), with the same optimistic concurrency;
   * false when it was not written (outside a cluster, no ConfigMap yet, the API server refused).
   */
  public boolean put(String key, String value) {
    Optional<KubernetesClient> c = inCluster() ? client.get() : Optional.empty();
    return c.isPresent() && write(c.get(), key, data -> Optional.of(value)) == Write.WRITTEN;
  }

  /**
   * Applies {@code change} to the stored list and writes the result; {@code change} returning empty
   * writes nothing. Returns what was written, or empty when nothing was.
   */
  public synchronized Optional<List<GoalOutcome>> update(Function<List<GoalOutcome>, Optional<List<GoalOutcome>>> change) {
    Optional<KubernetesClient> c = inCluster() ? client.get() : Optional.empty();
    if (c.isEmpty()) {
      return updateLocal(change);
    }
    AtomicReference<Optional<List<GoalOutcome>>> next = new AtomicReference<>(Optional.empty());
    Write written = write(c.get(), KEY, data -> {
      next.set(change.apply(OutcomeLog.parse(data.get(KEY))));
      return next.get().map(OutcomeLog::write);
    });
    return switch (written) {
      case WRITTEN -> {
        local = new ArrayList<>(next.get().orElseThrow());
        yield next.get();
      }
      case UNCHANGED -> next.get();
      case NO_CONFIGMAP -> {
        LOG.warnf("outcomes ConfigMap %s/%s does not exist (the operator creates it); keeping outcomes in memory",
            namespace, name);
        yield updateLocal(change);
      }
      // The API server is unreachable or refuses: keep going on the local copy (the Agent keeps working).
      case FAILED -> updateLocal(change);
    };
  }

  private Optional<List<GoalOutcome>> updateLocal(Function<List<GoalOutcome>, Optional<List<GoalOutcome>>> change) {
    Optional<List<GoalOutcome>> next = change.apply(new ArrayList<>(local));
    next.ifPresent(l -> local = new ArrayList<>(l));
    return next;
  }

  private enum Write { WRITTEN, UNCHANGED, NO_CONFIGMAP, FAILED }

  /**
   * Get, then update with the read resourceVersion, retried on conflict: {@code value} gets the
   * stored data and gives what to put under {@code key} (empty: nothing to write).
   */
  private Write write(KubernetesClient c, String key, Function<Map<String, String>, Optional<String>> value) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        ConfigMap cm = c.configMaps().inNamespace(namespace).withName(name).get();
        if (cm == null) {
          return Write.NO_CONFIGMAP;
        }
        LinkedHashMap<String, String> data = cm.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(cm.getData());
        Optional<String> next = value.apply(data);
        if (next.isEmpty()) {
          return Write.UNCHANGED;
        }
        data.put(key, next.get());
        cm.setData(data);
        c.configMaps().inNamespace(namespace).resource(cm).update();
        return Write.WRITTEN;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == ATTEMPTS) {
          LOG.warnf("cannot write %s to ConfigMap %s/%s: HTTP %d %s", key, namespace, name, e.getCode(), e.getMessage());
          return Write.FAILED;
        }
      }
    }
    return Write.FAILED;
  }
}
