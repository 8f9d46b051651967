package dev.autonomy.controllers.policy.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.common.NamespacedObjectRef;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaySubmissionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RaySubmissions submissions = new RaySubmissions("autonomy-rl-trainer", Map.of());

  @Test
  void submissionIdIsDeterministicPerGenerationAndAttempt() {
    Policy policy = RayPolicies.example();
    assertThat(RaySubmissions.submissionId(policy, 1)).isEqualTo("autonomy-team_cartpole-dqn-ray-g3-a1")
        .isEqualTo(RaySubmissions.submissionId(RayPolicies.example(), 1));
    assertThat(RaySubmissions.submissionId(policy, 2)).isEqualTo("autonomy-team_cartpole-dqn-ray-g3-a2");
    policy.getMetadata().setGeneration(4L);
    assertThat(RaySubmissions.submissionId(policy, 1)).isEqualTo("autonomy-team_cartpole-dqn-ray-g4-a1");
  }

  @Test
  void submissionIdsOfDifferentPoliciesDiffer() {
    assertThat(RaySubmissions.submissionId(named("a-b", "c"), 1))
        .isNotEqualTo(RaySubmissions.submissionId(named("a", "b-c"), 1));
    String dotted = RaySubmissions.submissionId(named("team", "cart.pole"), 1);
    assertThat(dotted).matches("[A-Za-z0-9_-]+").startsWith("autonomy-team_cart-pole-").endsWith("-g3-a1")
        .isNotEqualTo(RaySubmissions.submissionId(named("team", "cart-pole"), 1));
  }

  @Test
  void longSubmissionIdsAreCutWithAHashAndKeepTheirSuffix() {
    String name = "p".repeat(240);
    String id = RaySubmissions.submissionId(named("n".repeat(63), name + "a"), 12);
    assertThat(id).hasSizeLessThanOrEqualTo(128).matches("[A-Za-z0-9_-]+").endsWith("-g3-a12")
        .isEqualTo(RaySubmissions.submissionId(named("n".repeat(63), name + "a"), 12))
        .isNotEqualTo(RaySubmissions.submissionId(named("n".repeat(63), name + "b"), 12));
  }

  @Test
  void bodyCarriesEntrypointIdResourcesAndMetadata() {
    Policy policy = RayPolicies.example();
    ObjectNode body = submissions.body(policy, 2);
    assertThat(body.path("entrypoint").asText()).isEqualTo("autonomy-rl-trainer train");
    assertThat(body.path("submission_id").asText()).isEqualTo("autonomy-team_cartpole-dqn-ray-g3-a2");
    assertThat(body.path("entrypoint_num_cpus").asDouble()).isEqualTo(1.0);
    assertThat(body.has("entrypoint_num_gpus")).isFalse();
    assertThat(JSON.convertValue(body.path("metadata"), Map.class))
        .isEqualTo(Map.of("policy", "cartpole-dqn-ray", "namespace", "team", "generation", "3", "attempt", "2"));

    policy.getSpec().getBackend().getRay().setEntrypoint("python3 -c 'print(1)'");
    policy.getSpec().getBackend().getRay().setEntrypointNumGpus(1.0);
    body = submissions.body(policy, 1);
    assertThat(body.path("entrypoint").asText()).isEqualTo("python3 -c 'print(1)'");
    assertThat(body.path("entrypoint_num_gpus").asDouble()).isEqualTo(1.0);
  }

  @Test
  void runtimeEnvPassesThroughAndMergesTheTrainerEnv() {
    Policy policy = RayPolicies.example();
    Map<String, JsonNode> runtimeEnv = new LinkedHashMap<>();
    runtimeEnv.put("working_dir", JSON.valueToTree("s3://bucket/trainer.zip"));
    runtimeEnv.put("pip", JSON.valueToTree(List.of("numpy")));
    runtimeEnv.put("env_vars", JSON.valueToTree(Map.of("DJL_OFFLINE", "false", "OPT_OUT_TRACKING", "no",
        "AUTONOMY_ATTEMPT", "9", "EXTRA", 5)));
    policy.getSpec().getBackend().getRay().setRuntimeEnv(runtimeEnv);

    JsonNode env = submissions.body(policy, 2).path("runtime_env");
    assertThat(env.path("working_dir").asText()).isEqualTo("s3://bucket/trainer.zip");
    assertThat(env.path("pip").get(0).asText()).isEqualTo("numpy");
    JsonNode vars = env.path("env_vars");
    assertThat(vars.path("DJL_OFFLINE").asText()).isEqualTo("true");
    assertThat(vars.path("OPT_OUT_TRACKING").asText()).isEqualTo("true");
    assertThat(vars.path("AUTONOMY_ATTEMPT").asText()).as("the spec's env_vars win").isEqualTo("9");
    assertThat(vars.path("EXTRA").isTextual()).isTrue();
    assertThat(vars.path("EXTRA").asText()).isEqualTo("5");
    assertThat(vars.path("AUTONOMY_POLICY_NAME").asText()).isEqualTo("cartpole-dqn-ray");
    assertThat(vars.path("AUTONOMY_POLICY_NAMESPACE").asText()).isEqualTo("team");
    assertThat(vars.path("AUTONOMY_POLICY_GENERATION").asText()).isEqualTo("3");
    PolicySpec spec = Serialization.unmarshal(vars.path("AUTONOMY_POLICY_SPEC").asText(), PolicySpec.class);
    assertThat(spec.getAlgorithm()).isEqualTo(policy.getSpec().getAlgorithm());
    assertThat(spec.getTraining().getSeed()).isEqualTo(7L);
    vars.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
  }

  @Test
  void trainerEnvIsSetWithoutARuntimeEnv() {
    Policy policy = RayPolicies.example();
    policy.getSpec().getBackend().getRay().setRuntimeEnv(null);
    JsonNode vars = submissions.body(policy, 1).path("runtime_env").path("env_vars");
    assertThat(vars.path("AUTONOMY_ATTEMPT").asText()).isEqualTo("1");
    assertThat(vars.path("DJL_OFFLINE").asText()).isEqualTo("true");
    assertThat(vars.path("OPT_OUT_TRACKING").asText()).isEqualTo("true");
  }

  @Test
  void dashboardUrlFromTheSpecOrKubeRaysHeadServiceWithOverrides() {
    Policy policy = RayPolicies.example();
    policy.getSpec().getBackend().getRay().setDashboardUrl("http://127.0.0.1:8265/");
    assertThat(submissions.dashboardUrl(policy)).isEqualTo("http://127.0.0.1:8265");

    policy.getSpec().getBackend().getRay().setDashboardUrl(null);
    NamespacedObjectRef ref = new NamespacedObjectRef();
    ref.setName("raycluster");
    policy.getSpec().getBackend().getRay().setRayClusterRef(ref);
    assertThat(submissions.dashboardUrl(policy)).isEqualTo("http://raycluster-head-svc.team.svc:8265");
    ref.setNamespace("ray-system");
    assertThat(submissions.dashboardUrl(policy)).isEqualTo("http://raycluster-head-svc.ray-system.svc:8265");

    RaySubmissions overridden = new RaySubmissions("t", Map.of("ray-system/raycluster-head-svc:8265", "127.0.0.1:8265"));
    assertThat(overridden.dashboardUrl(policy)).isEqualTo("http://127.0.0.1:8265");
    policy.getSpec().getBackend().getRay().setDashboardUrl("http://raycluster-head-svc.ray-system.svc.cluster.local:8265");
    assertThat(overridden.dashboardUrl(policy)).isEqualTo("http://127.0.0.1:8265");
  }

  @Test
  void noDashboardIsAnError() {
    Policy policy = RayPolicies.example();
    policy.getSpec().getBackend().getRay().setDashboardUrl(null);
    assertThatThrownBy(() -> submissions.dashboardUrl(policy)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dashboardUrl or rayClusterRef");
  }

  private static Policy named(String namespace, String name) {
    Policy policy = RayPolicies.example();
    policy.getMetadata().setNamespace(namespace);
    policy.getMetadata().setName(name);
    return policy;
  }
}
