package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.controllers.common.PodSecurity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the training and serving pods share (the trainer program's contract,
 * agent-images/rl-trainer/README.md): env, volumes, identity, Pod Security {@code restricted}. Pure.
 */
final class TrainerPods {
  /** The trainer image runs as this non-root uid; the checkpoint volume is group-writable through fsGroup. */
  static final long UID = 1000L;

  private TrainerPods() {}

  /** Env every trainer process gets; DJL never calls out ({@code DJL_OFFLINE}, {@code OPT_OUT_TRACKING}). */
  static List<EnvVar> env(Policy policy) {
    List<EnvVar> env = new ArrayList<>();
    env.add(env("AUTONOMY_POLICY_CONFIG", PolicyResources.CONFIG_DIR + "/" + PolicyResources.CONFIG_KEY));
    env.add(env("AUTONOMY_POLICY_NAME", PolicyResources.name(policy)));
    env.add(env("AUTONOMY_POLICY_NAMESPACE", PolicyResources.namespace(policy)));
    env.add(env("AUTONOMY_CHECKPOINT_DIR", PolicyResources.CHECKPOINT_DIR));
    env.add(env("DJL_OFFLINE", "true"));
    env.add(env("OPT_OUT_TRACKING", "true"));
    env.add(env("DJL_CACHE_DIR", PolicyResources.DJL_CACHE_DIR));
    return env;
  }

  static List<Volume> volumes(Policy policy, boolean checkpointsReadOnly) {
    return List.of(
        new VolumeBuilder().withName("config").withNewConfigMap().withName(PolicyResources.trainer(policy)).endConfigMap()
            .build(),
        new VolumeBuilder().withName("checkpoints").withNewPersistentVolumeClaim()
            .withClaimName(PolicyResources.checkpointClaim(policy)).withReadOnly(checkpointsReadOnly)
            .endPersistentVolumeClaim().build(),
        new VolumeBuilder().withName("djl-cache").withNewEmptyDir().endEmptyDir().build(),
        new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
  }

  static List<VolumeMount> mounts(boolean checkpointsReadOnly) {
    return List.of(mount("config", PolicyResources.CONFIG_DIR, true),
        mount("checkpoints", PolicyResources.CHECKPOINT_DIR, checkpointsReadOnly),
        mount("djl-cache", PolicyResources.DJL_CACHE_DIR, false), mount("tmp", "/tmp", false));
  }

  static PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder(PodSecurity.restrictedPod()).withRunAsUser(UID).withRunAsGroup(UID)
        .withFsGroup(UID).withFsGroupChangePolicy("OnRootMismatch").build();
  }

  static Map<String, String> podLabels(Policy policy, String component, boolean runLocal) {
    Map<String, String> labels = new LinkedHashMap<>(PolicyResources.labels(policy, component));
    if (runLocal) {
      labels.put(PolicyResources.RUN_LOCAL_LABEL, "true");
    }
    return labels;
  }

  /** The controller reference children made outside the workflow (training Jobs) carry. */
  static OwnerReference owner(Policy policy) {
    return new OwnerReferenceBuilder().withApiVersion(policy.getApiVersion()).withKind(policy.getKind())
        .withName(PolicyResources.name(policy)).withUid(policy.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build();
  }

  static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static VolumeMount mount(String name, String path, boolean readOnly) {
    return new VolumeMountBuilder().withName(name).withMountPath(path).withReadOnly(readOnly ? true : null).build();
  }
}
