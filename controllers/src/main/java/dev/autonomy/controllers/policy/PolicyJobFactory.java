package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.JobBackendSpec;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.TrainingSpec;
import dev.autonomy.controllers.common.PodSecurity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training Job of one attempt. {@code backoffLimit: 0}: the retry budget is the operator's
 * (status.retriesUsed against spec.training.backoffLimit), so it survives re-created children; each
 * retry is a new Job whose trainer resumes from the newest checkpoint. Pure.
 */
public final class PolicyJobFactory {
  static final String CONTAINER = "trainer";
  static final String DEFAULT_GPU_RESOURCE = "nvidia.com/gpu";

  private PolicyJobFactory() {}

  public static Job job(PolicyInputs in, int attempt) {
    Policy policy = in.policy();
    JobBackendSpec backend = jobBackend(policy);
    TrainingSpec training = policy.getSpec().getTraining() == null ? new TrainingSpec() : policy.getSpec().getTraining();
    String name = PolicyResources.job(policy, in.trainingGeneration(), attempt);
    List<EnvVar> env = new ArrayList<>(TrainerPods.env(policy));
    env.add(TrainerPods.env("AUTONOMY_POLICY_GENERATION", Long.toString(in.trainingGeneration())));
    env.add(TrainerPods.env("AUTONOMY_ATTEMPT", Integer.toString(attempt)));
    TrainerOverrides.env(in.healing(), attempt).forEach((k, v) -> env.add(TrainerPods.env(k, v)));
    return new JobBuilder().withNewMetadata().withName(name).withNamespace(PolicyResources.namespace(policy))
        .withLabels(PolicyResources.labels(policy, PolicyResources.TRAINER))
        .addToAnnotations(PolicyResources.GENERATION_ANNOTATION, Long.toString(in.trainingGeneration()))
        .addToAnnotations(PolicyResources.ATTEMPT_ANNOTATION, Integer.toString(attempt))
        .withOwnerReferences(TrainerPods.owner(policy)).endMetadata()
        .withNewSpec().withBackoffLimit(0).withActiveDeadlineSeconds(training.getActiveDeadlineSeconds())
        .withNewTemplate().withNewMetadata()
        .withLabels(TrainerPods.podLabels(policy, PolicyResources.TRAINER, in.runLocal())).endMetadata()
        .withNewSpec().withRestartPolicy("Never").withServiceAccountName(PolicyResources.trainer(policy))
        .withAutomountServiceAccountToken(true).withSecurityContext(TrainerPods.podSecurity())
        .withNodeSelector(backend.getNodeSelector()).withTolerations(tolerations(backend))
        .addNewContainer().withName(CONTAINER).withImage(in.trainerImage())
        .withImagePullPolicy(backend.getImagePullPolicy() == null ? null : backend.getImagePullPolicy().value())
        .withArgs("train").withEnv(env).withResources(resources(backend)).withVolumeMounts(TrainerPods.mounts(false))
        .withTerminationMessagePolicy("FallbackToLogsOnError").withSecurityContext(PodSecurity.restrictedContainer())
        .endContainer().withVolumes(TrainerPods.volumes(policy, false)).endSpec().endTemplate().endSpec().build();
  }

  /** spec.backend.job.resources, plus {@code <gpuResourceName>: gpus} as a limit when gpus > 0. */
  static ResourceRequirements resources(JobBackendSpec backend) {
    ResourceRequirements spec = backend.getResources();
    Map<String, Quantity> limits = new LinkedHashMap<>(spec == null || spec.getLimits() == null ? Map.of() : spec.getLimits());
    Map<String, Quantity> requests = new LinkedHashMap<>(spec == null || spec.getRequests() == null ? Map.of()
        : spec.getRequests());
    if (gpus(backend) > 0) {
      limits.put(gpuResource(backend), new Quantity(Integer.toString(gpus(backend))));
    }
    if (limits.isEmpty() && requests.isEmpty()) {
      return null;
    }
    return new ResourceRequirementsBuilder().withLimits(limits.isEmpty() ? null : limits)
        .withRequests(requests.isEmpty() ? null : requests).build();
  }

  /**
   * spec.backend.job.tolerations, plus one for the GPU resource's taint when GPUs are requested
   * (what Kubernetes' ExtendedResourceToleration admission adds where it is on).
   */
  static List<Toleration> tolerations(JobBackendSpec backend) {
    List<Toleration> tolerations = new ArrayList<>(backend.getTolerations() == null ? List.of() : backend.getTolerations());
    if (gpus(backend) > 0 && tolerations.stream().noneMatch(t -> gpuResource(backend).equals(t.getKey()))) {
      tolerations.add(new TolerationBuilder().withKey(gpuResource(backend)).withOperator("Exists")
          .withEffect("NoSchedule").build());
    }
    return tolerations.isEmpty() ? null : tolerations;
  }

  static JobBackendSpec jobBackend(Policy policy) {
    var backend = policy.getSpec().getBackend();
    return backend == null || backend.getJob() == null ? new JobBackendSpec() : backend.getJob();
  }

  private static int gpus(JobBackendSpec backend) {
    return backend.getGpus() == null ? 0 : backend.getGpus();
  }

  private static String gpuResource(JobBackendSpec backend) {
    return backend.getGpuResourceName() == null ? DEFAULT_GPU_RESOURCE : backend.getGpuResourceName();
  }
}
