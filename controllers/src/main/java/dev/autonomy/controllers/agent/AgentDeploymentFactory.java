package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.common.SecretKeyRef;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.controllers.common.PodSecurity;
import dev.autonomy.controllers.memory.MemoryStoreResources;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The planner Deployment. Pure: the same inputs give the same Deployment. */
public final class AgentDeploymentFactory {
  static final String CONTAINER = "planner";

  private AgentDeploymentFactory() {}

  public static Deployment deployment(AgentInputs in) {
    Agent agent = in.agent();
    AgentSpec spec = agent.getSpec();
    Map<String, String> podLabels = new LinkedHashMap<>(AgentResources.labels(agent));
    in.memoryStore().ifPresent(store -> podLabels.putAll(MemoryStoreResources.clientLabels(store)));
    if (in.runLocal()) {
      podLabels.put("autonomy.dev/run-local", "true");
    }
    List<Volume> volumes = new ArrayList<>();
    List<VolumeMount> mounts = new ArrayList<>();
    List<EnvVar> env = new ArrayList<>();
    env.add(env("AUTONOMY_PLANNER_CONFIG", AgentResources.CONFIG_DIR + "/" + AgentResources.CONFIG_KEY));
    env.add(env("AUTONOMY_OUTCOMES_CONFIGMAP", AgentResources.outcomes(agent)));
    volumes.add(new VolumeBuilder().withName("config").withNewConfigMap().withName(AgentResources.config(agent))
        .endConfigMap().build());
    mounts.add(mount("config", AgentResources.CONFIG_DIR));
    secretFile("model", spec.getModel() == null ? null : spec.getModel().getApiKeySecretRef(),
        "AUTONOMY_MODEL_API_KEY_FILE", volumes, mounts, env);
    secretFile("fallback", spec.getModel() == null || spec.getModel().getFallback() == null ? null
        : spec.getModel().getFallback().getApiKeySecretRef(), "AUTONOMY_FALLBACK_MODEL_API_KEY_FILE", volumes, mounts, env);
    in.memoryStore().ifPresent(store -> env.addAll(memoryEnv(store)));
    volumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
    mounts.add(mount("tmp", "/tmp"));

    DeploymentBuilder builder = new DeploymentBuilder().withNewMetadata().withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.labels(agent))
        .addToAnnotations(AgentResources.GENERATION_ANNOTATION, String.valueOf(agent.getMetadata().getGeneration()))
        .endMetadata();
    var deploymentSpec = builder.withNewSpec();
    if (!autoscaled(spec)) {
      deploymentSpec.withReplicas(spec.getReplicas());  // with autoscaling on, replicas belong to the HPA
    }
    return deploymentSpec.withNewSelector().withMatchLabels(AgentResources.selector(agent)).endSelector()
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate().withMaxUnavailable(new IntOrString(0))
        .withMaxSurge(new IntOrString(1)).endRollingUpdate().endStrategy()
        .withNewTemplate().withNewMetadata().withLabels(podLabels)
        .addToAnnotations(AgentResources.CONFIG_HASH_ANNOTATION, AgentConfigFactory.hash(AgentConfigFactory.plannerJson(in)))
        .endMetadata()
        .withNewSpec().withServiceAccountName(AgentResources.planner(agent)).withAutomountServiceAccountToken(true)
        .withSecurityContext(PodSecurity.restrictedPod())
        .addNewContainer().withName(CONTAINER).withImage(in.image())
        .withImagePullPolicy(spec.getImagePullPolicy() == null ? null : spec.getImagePullPolicy().toString())
        .addNewPort().withName("http").withContainerPort(AgentResources.HTTP_PORT).withProtocol("TCP").endPort()
        .withEnv(env).withVolumeMounts(mounts).withResources(AgentHealing.effectiveResources(agent))
        .withSecurityContext(PodSecurity.restrictedContainer())
        .withNewReadinessProbe().withNewHttpGet().withPath("/q/health/ready").withPort(new IntOrString("http"))
        .endHttpGet().withPeriodSeconds(10).withTimeoutSeconds(5).withFailureThreshold(3).endReadinessProbe()
        .withNewLivenessProbe().withNewHttpGet().withPath("/q/health/live").withPort(new IntOrString("http"))
        .endHttpGet().withPeriodSeconds(20).withTimeoutSeconds(5).withFailureThreshold(3).endLivenessProbe()
        .withNewStartupProbe().withNewHttpGet().withPath("/q/health/started").withPort(new IntOrString("http"))
        .endHttpGet().withPeriodSeconds(2).withFailureThreshold(60).endStartupProbe()
        .endContainer().withVolumes(volumes).endSpec().endTemplate().endSpec().build();
  }

  static boolean autoscaled(AgentSpec spec) {
    return spec.getAutoscaling() != null && Boolean.TRUE.equals(spec.getAutoscaling().getEnabled());
  }

  /** Where the memory library finds the store: the store's connection settings, by Secret reference. */
  static List<EnvVar> memoryEnv(MemoryStore store) {
    List<EnvVar> env = new ArrayList<>(MemoryStoreResources.connectionEnv(store));
    if (store.getSpec().getEmbedding() != null && store.getSpec().getEmbedding().getModel() != null) {
      env.add(env("AUTONOMY_MEMORY_EMBEDDING_MODEL", store.getSpec().getEmbedding().getModel()));
    }
    return env;
  }

  private static void secretFile(String name, SecretKeyRef ref, String envName, List<Volume> volumes,
      List<VolumeMount> mounts, List<EnvVar> env) {
    if (ref == null || ref.getName() == null) {
      return;
    }
    String dir = AgentResources.SECRETS_DIR + "/" + name;
    volumes.add(new VolumeBuilder().withName("secret-" + name).withNewSecret().withSecretName(ref.getName())
        .addNewItem().withKey(ref.getKey()).withPath(ref.getKey()).endItem().withDefaultMode(0400).endSecret().build());
    mounts.add(new VolumeMountBuilder().withName("secret-" + name).withMountPath(dir).withReadOnly(true).build());
    env.add(env(envName, dir + "/" + ref.getKey()));
  }

  private static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static VolumeMount mount(String name, String path) {
    return new VolumeMountBuilder().withName(name).withMountPath(path).build();
  }
}
