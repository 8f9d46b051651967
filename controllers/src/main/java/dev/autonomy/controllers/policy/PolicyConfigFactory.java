package dev.autonomy.controllers.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.api.v1alpha1.policy.EvaluationSpec;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.controllers.common.Copies;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The trainer's ConfigMap, the checkpoint claim, and the hash that identifies a training run. Pure. */
public final class PolicyConfigFactory {
  private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private PolicyConfigFactory() {}

  /** {@code policy.json}: the spec as the CRD writes it (the trainer's AUTONOMY_POLICY_CONFIG). */
  public static ConfigMap configMap(Policy policy) {
    return new ConfigMapBuilder().withNewMetadata().withName(PolicyResources.trainer(policy))
        .withNamespace(PolicyResources.namespace(policy)).withLabels(PolicyResources.labels(policy, PolicyResources.TRAINER))
        .endMetadata().addToData(PolicyResources.CONFIG_KEY, Serialization.asJson(policy.getSpec())).build();
  }

  /** The claim the operator creates when spec.checkpoint names no existing one; owned by the Policy. */
  public static PersistentVolumeClaim claim(Policy policy) {
    var checkpoint = policy.getSpec().getCheckpoint();
    Quantity size = checkpoint == null || checkpoint.getSize() == null ? new Quantity("1Gi") : checkpoint.getSize();
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName(PolicyResources.createdClaim(policy))
        .withNamespace(PolicyResources.namespace(policy))
        .withLabels(PolicyResources.labels(policy, PolicyResources.CHECKPOINTS)).endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce")
        .withStorageClassName(checkpoint == null ? null : checkpoint.getStorageClassName())
        .withNewResources().addToRequests("storage", size).endResources().endSpec().build();
  }

  public static boolean createsClaim(Policy policy) {
    var checkpoint = policy.getSpec().getCheckpoint();
    return checkpoint == null || checkpoint.getExistingClaim() == null;
  }

  /**
   * Hash of what is trained and how: the spec without serving, suspend, the promotion thresholds,
   * TTL and healing. A different hash starts a new run; pausing, serving changes or a new gate do not.
   */
  public static String trainingHash(PolicySpec spec) {
    PolicySpec training = Copies.deepCopy(spec, PolicySpec.class, PolicySpec::new);
    training.setServing(null);
    training.setSuspend(null);
    training.setTtlSecondsAfterFinished(null);
    training.setHealing(null);
    EvaluationSpec evaluation = training.getEvaluation();
    if (evaluation != null) {
      evaluation.setMinMeanReward(null);
      evaluation.setMustNotRegress(null);
    }
    try {
      // Keys sorted at every level, so the hash does not depend on the order maps were read in.
      Object tree = SORTED.readValue(Serialization.asJson(training), Object.class);
      return PolicyResources.sha256(SORTED.writeValueAsString(tree)).substring(0, 16);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
