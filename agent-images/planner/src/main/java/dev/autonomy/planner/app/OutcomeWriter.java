package dev.autonomy.planner.app;

import dev.autonomy.api.v1alpha1.agent.GoalOutcome;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
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
    if (c.isEmpty()) {
      return false;
    }
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        ConfigMap cm = c.get().configMaps().inNamespace(namespace).withName(name).get();
        if (cm == null) {
          return false;
        }
        LinkedHashMap<String, String> data = cm.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(cm.getData());
        data.put(key, value);
        cm.setData(data);
        c.get().configMaps().inNamespace(namespace).resource(cm).update();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == ATTEMPTS) {
          LOG.warnf("cannot write %s to ConfigMap %s/%s: HTTP %d %s", key, namespace, name, e.getCode(), e.getMessage());
          return false;
        }
      }
    }
    return false;
  }

  /**
   * Applies {@code change} to the stored list and writes the result; {@code change} returning empty
   * writes nothing. Returns what was written, or empty when nothing was.
   */
  public synchronized Optional<List<GoalOutcome>> update(Function<List<GoalOutcome>, Optional<List<GoalOutcome>>> change) {
    if (!inCluster() || client.get().isEmpty()) {
      Optional<List<GoalOutcome>> next = change.apply(new ArrayList<>(local));
      next.ifPresent(l -> local = new ArrayList<>(l));
      return next;
    }
    KubernetesClient c = client.get().get();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        ConfigMap cm = c.configMaps().inNamespace(namespace).withName(name).get();
        if (cm == null) {
          LOG.warnf("outcomes ConfigMap %s/%s does not exist (the operator creates it); keeping outcomes in memory",
              namespace, name);
          Optional<List<GoalOutcome>> next = change.apply(new ArrayList<>(local));
          next.ifPresent(l -> local = new ArrayList<>(l));
          return next;
        }
        List<GoalOutcome> current = cm.getData() == null ? new ArrayList<>() : OutcomeLog.parse(cm.getData().get(KEY));
        Optional<List<GoalOutcome>> next = change.apply(current);
        if (next.isEmpty()) {
          return next;
        }
        LinkedHashMap<String, String> data = cm.getData() == null ? new LinkedHashMap<>()
            : new LinkedHashMap<>(cm.getData());
        data.put(KEY, OutcomeLog.write(next.get()));
        cm.setData(data);
        c.configMaps().inNamespace(namespace).resource(cm).update();
        local = new ArrayList<>(next.get());
        return next;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409 && attempt < ATTEMPTS) {
          continue;
        }
        // The API server is unreachable or refuses: keep going on the local copy (the Agent keeps working).
        LOG.warnf("cannot write ConfigMap %s/%s: HTTP %d %s", namespace, name, e.getCode(), e.getMessage());
        Optional<List<GoalOutcome>> next = change.apply(new ArrayList<>(local));
        next.ifPresent(l -> local = new ArrayList<>(l));
        return next;
      }
    }
    return Optional.empty();
  }
}
