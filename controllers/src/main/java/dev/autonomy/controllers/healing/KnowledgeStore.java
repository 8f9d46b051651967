package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The cluster-wide part of Knowledge: outcome statistics per cause and remediation in one
 * ConfigMap, updated with optimistic concurrency, so every operator replica and the next leader
 * learn from the same record.
 */
public final class KnowledgeStore implements OutcomeLedger {
  public static final String NAME = "autonomy-healing-knowledge";
  private static final int RETRIES = 5;

  private final KubernetesClient client;
  private final String namespace;

  public KnowledgeStore(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public OutcomeStats load() {
    ConfigMap cm = client.configMaps().inNamespace(namespace).withName(NAME).get();
    return OutcomeStats.fromData(cm == null ? null : cm.getData());
  }

  /** Adds one outcome; concurrent writers retry on conflict. */
  @Override
  public void record(Diagnosis.Cause cause, RemediationAction action, boolean success) {
    for (int attempt = 1; ; attempt++) {
      ConfigMap current = client.configMaps().inNamespace(namespace).withName(NAME).get();
      OutcomeStats stats = OutcomeStats.fromData(current == null ? null : current.getData());
      stats.record(cause, action, success);
      try {
        if (current == null) {
          client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName(NAME)
              .addToLabels("app.kubernetes.io/managed-by", "autonomy-operator").endMetadata()
              .withData(stats.toData()).build()).create();
        } else {
          current.setData(stats.toData());
          client.configMaps().inNamespace(namespace).resource(current).update();
        }
        return;
      } catch (KubernetesClientException e) {
        if ((e.getCode() != 409) || attempt >= RETRIES) {
          throw e;
        }
      }
    }
  }
}
