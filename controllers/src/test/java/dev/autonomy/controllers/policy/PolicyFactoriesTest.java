package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.AutoscalingSpec;
import dev.autonomy.api.v1alpha1.policy.Policy;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PolicyFactoriesTest {

  @Test
  void childNamesFollowThePolicyAndJobNamesStayWithin63Characters() {
    Policy policy = Policies.example();
    assertThat(PolicyResources.trainer(policy)).isEqualTo("cartpole-ppo-trainer");
    assertThat(PolicyResources.checkpointClaim(policy)).isEqualTo("cartpole-ppo-checkpoints");
    assertThat(PolicyResources.serving(policy)).isEqualTo("cartpole-ppo-serve");
    assertThat(PolicyResources.service(policy)).isEqualTo("cartpole-ppo");
    assertThat(PolicyResources.endpoint(policy)).isEqualTo("http://cartpole-ppo.team.svc:80");
    assertThat(PolicyResources.job(policy, 3, 2)).isEqualTo("cartpole-ppo-train-g3-a2");

    policy.getMetadata().setName("p".repeat(63));
    String long1 = PolicyResources.job(policy, 1234567890123L, 101);
    assertThat(long1).hasSizeLessThanOrEqualTo(63).endsWith("-train-g1234567890123-a101").matches("[a-z0-9-]+");
    Policy other = Policies.example();
    other.getMetadata().setName("p".repeat(62) + "q");
    assertThat(PolicyResources.job(other, 1234567890123L, 101)).as("unique by hash").isNotEqualTo(long1);

    policy.getSpec().getCheckpoint().setExistingClaim("shared-claim");
    assertThat(PolicyResources.checkpointClaim(policy)).isEqualTo("shared-claim");
  }

  @Test
  void theTrainingJobRunsTheTrainerByItsContractRestrictedAndWithoutRetriesOfItsOwn() {
    Policy policy = Policies.example();
    Job job = PolicyJobFactory.job(new PolicyInputs(policy, "trainer:1", false, 4L, null), 2);
    assertThat(job.getMetadata().getName()).isEqualTo("cartpole-ppo-train-g4-a2");
    assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("Policy");
      assertThat(o.getUid()).isEqualTo("uid-1");
      assertThat(o.getController()).isTrue();
    });
    assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "trainer");
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(3600L);
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("autonomy.dev/run-local");
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getServiceAccountName()).isEqualTo("cartpole-ppo-trainer");
    assertRestricted(pod);
    Container c = pod.getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("trainer:1");
    assertThat(c.getArgs()).containsExactly("train");
    assertThat(env(c)).containsEntry("AUTONOMY_POLICY_CONFIG", "/etc/autonomy/policy/policy.json")
        .containsEntry("AUTONOMY_POLICY_NAME", "cartpole-ppo").containsEntry("AUTONOMY_POLICY_NAMESPACE", "team")
        .containsEntry("AUTONOMY_POLICY_GENERATION", "4").containsEntry("AUTONOMY_ATTEMPT", "2")
        .containsEntry("AUTONOMY_CHECKPOINT_DIR", "/var/lib/autonomy/checkpoints")
        .containsEntry("DJL_OFFLINE", "true").containsEntry("OPT_OUT_TRACKING", "true")
        .containsEntry("DJL_CACHE_DIR", "/var/cache/djl");
    assertThat(mounts(c)).containsEntry("/etc/autonomy/policy", "config")
        .containsEntry("/var/lib/autonomy/checkpoints", "checkpoints").containsEntry("/var/cache/djl", "djl-cache")
        .containsEntry("/tmp", "tmp");
    assertThat(volume(pod, "config").getConfigMap().getName()).isEqualTo("cartpole-ppo-trainer");
    assertThat(volume(pod, "checkpoints").getPersistentVolumeClaim().getClaimName()).isEqualTo("cartpole-ppo-checkpoints");
    assertThat(volume(pod, "djl-cache").getEmptyDir()).isNotNull();
    assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("1Gi")).doesNotContainKey("nvidia.com/gpu");
    assertThat(pod.getTolerations()).isNullOrEmpty();
  }

  @Test
  void gpusBecomeLimitsOfTheGpuResourceWithNodeSelectorAndTolerationForTheGpuTaint() {
    Policy policy = Policies.example();
    var job = policy.getSpec().getBackend().getJob();
    job.setGpus(2);
    job.setNodeSelector(Map.of("nvidia.com/gpu.present", "true"));
    Job built = PolicyJobFactory.job(new PolicyInputs(policy, "trainer:1", true, 1L, null), 1);
    PodSpec pod = built.getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers().get(0).getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("2"))
        .containsEntry("memory", new Quantity("1Gi"));
    assertThat(pod.getContainers().get(0).getResources().getRequests()).containsEntry("cpu", new Quantity("500m"));
    assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
    assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
      assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
      assertThat(t.getOperator()).isEqualTo("Exists");
    });
    assertThat(built.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("autonomy.dev/run-local", "true");
    assertThat(policy.getSpec().getBackend().getJob().getResources().getLimits()).as("the spec is not changed")
        .doesNotContainKey("nvidia.com/gpu");

    job.setGpuResourceName("amd.com/gpu");
    job.setTolerations(List.of(new TolerationBuilder().withKey("amd.com/gpu").withOperator("Equal").withValue("yes")
        .withEffect("NoSchedule").build()));
    PodSpec amd = PolicyJobFactory.job(Policies.inputs(policy), 1).getSpec().getTemplate().getSpec();
    assertThat(amd.getContainers().get(0).getResources().getLimits()).containsEntry("amd.com/gpu", new Quantity("2"));
    assertThat(amd.getTolerations()).as("the spec's own toleration is kept, none added").singleElement()
        .satisfies(t -> assertThat(t.getValue()).isEqualTo("yes"));
  }

  @Test
  void theTrainerMayReadAndPatchItsOwnPolicyOnly() {
    Policy policy = Policies.example();
    List<PolicyRule> rules = PolicyAccessFactory.role(policy).getRules();
    assertThat(rules).singleElement().satisfies(r -> {
      assertThat(r.getApiGroups()).containsExactly("autonomy.dev");
      assertThat(r.getResources()).containsExactlyInAnyOrder("policies", "policies/status");
      assertThat(r.getResourceNames()).containsExactly("cartpole-ppo");
      assertThat(r.getVerbs()).containsExactlyInAnyOrder("get", "patch");
    });
    var binding = PolicyAccessFactory.roleBinding(policy);
    assertThat(binding.getRoleRef().getName()).isEqualTo("cartpole-ppo-trainer");
    assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getName()).isEqualTo("cartpole-ppo-trainer");
      assertThat(s.getNamespace()).isEqualTo("team");
    });
    assertThat(PolicyAccessFactory.serviceAccount(policy).getMetadata().getName()).isEqualTo("cartpole-ppo-trainer");
  }

  @Test
  void theConfigMapHoldsTheSpecAndTheClaimFollowsSpecCheckpoint() {
    Policy policy = Policies.example();
    var config = PolicyConfigFactory.configMap(policy);
    assertThat(Serialization.unmarshal(config.getData().get("policy.json"), dev.autonomy.api.v1alpha1.policy.PolicySpec.class)
        .getAlgorithm()).isEqualTo(policy.getSpec().getAlgorithm());
    policy.getSpec().getCheckpoint().setSize(new Quantity("5Gi"));
    policy.getSpec().getCheckpoint().setStorageClassName("fast");
    var claim = PolicyConfigFactory.claim(policy);
    assertThat(claim.getMetadata().getName()).isEqualTo("cartpole-ppo-checkpoints");
    assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("5Gi"));
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(PolicyConfigFactory.createsClaim(policy)).isTrue();
    policy.getSpec().getCheckpoint().setExistingClaim("mine");
    assertThat(PolicyConfigFactory.createsClaim(policy)).isFalse();
  }

  @Test
  void theTrainingHashIgnoresServingSuspendGateAndTtlButNotWhatIsTrained() {
    Policy policy = Policies.example();
    String hash = PolicyConfigFactory.trainingHash(policy.getSpec());
    policy.getSpec().setSuspend(true);
    policy.getSpec().getServing().setReplicas(5);
    policy.getSpec().getEvaluation().setMinMeanReward(10.0);
    policy.getSpec().getEvaluation().setMustNotRegress(false);
    policy.getSpec().setTtlSecondsAfterFinished(5);
    assertThat(PolicyConfigFactory.trainingHash(policy.getSpec())).isEqualTo(hash);
    policy.getSpec().getHyperparameters().setLearningRate(0.0123);
    assertThat(PolicyConfigFactory.trainingHash(policy.getSpec())).isNotEqualTo(hash);
  }

  @Test
  void theServingDeploymentServesTheRevisionReadOnlyWithProbesRestricted() {
    Policy policy = Policies.example();
    Deployment d = PolicyServingFactory.deployment(new PolicyInputs(policy, "trainer:1", false, 1L, "g1-s0000050000"));
    assertThat(d.getMetadata().getName()).isEqualTo("cartpole-ppo-serve");
    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    PodSpec pod = d.getSpec().getTemplate().getSpec();
    assertRestricted(pod);
    assertThat(pod.getServiceAccountName()).isEqualTo("cartpole-ppo-trainer");
    Container c = pod.getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("trainer:1");
    assertThat(c.getArgs()).containsExactly("serve");
    assertThat(c.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getContainerPort()).isEqualTo(8080);
    });
    assertThat(env(c)).containsEntry("AUTONOMY_SERVING_REVISION", "g1-s0000050000").containsEntry("DJL_OFFLINE", "true")
        .containsEntry("OPT_OUT_TRACKING", "true").containsEntry("AUTONOMY_POLICY_NAME", "cartpole-ppo")
        .doesNotContainKey("AUTONOMY_SERVE_PORT");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getVolumeMounts()).filteredOn(m -> m.getName().equals("checkpoints")).singleElement()
        .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
    assertThat(volume(pod, "checkpoints").getPersistentVolumeClaim().getReadOnly()).isTrue();
    assertThat(d.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "serving");

    policy.getSpec().getServing().setImage("server:2");
    AutoscalingSpec as = new AutoscalingSpec();
    as.setEnabled(true);
    as.setMaxReplicas(5);
    policy.getSpec().getServing().setAutoscaling(as);
    Deployment scaled = PolicyServingFactory.deployment(new PolicyInputs(policy, "trainer:1", false, 1L, "g1-s1"));
    assertThat(scaled.getSpec().getReplicas()).as("replicas belong to the HPA").isNull();
    assertThat(scaled.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("server:2");
    var hpa = PolicyServingFactory.hpa(policy);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("cartpole-ppo-serve");
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(80);
  }

  @Test
  void theServiceIsThePolicysNameOnPort80ToHttp() {
    var service = PolicyServingFactory.service(Policies.example());
    assertThat(service.getMetadata().getName()).isEqualTo("cartpole-ppo");
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getPort()).isEqualTo(80);
      assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
    });
    assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/component", "serving")
        .containsEntry("app.kubernetes.io/instance", "cartpole-ppo");
    assertThat(PolicyServingFactory.wanted(Policies.example(), null)).isFalse();
    assertThat(PolicyServingFactory.wanted(Policies.example(), "g1-s1")).isTrue();
  }

  static void assertRestricted(PodSpec pod) {
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(1000L);
    for (Container c : pod.getContainers()) {
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
    }
    assertThat(pod.getVolumes()).noneMatch(v -> v.getHostPath() != null);
  }

  static Map<String, String> env(Container c) {
    return c.getEnv().stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  static Map<String, String> mounts(Container c) {
    return c.getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getName));
  }

  static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
  }
}
