package dev.autonomy.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentPhase;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.league.League;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyPhase;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed CRDs on a real API server: every example is accepted, every invalid example is
 * rejected with the message it expects, descriptions reach {@code kubectl explain}, the scale and
 * status subresources work, immutable fields stay immutable.
 */
@KubernetesTest
class CrdValidationIT {

  private static final String FIELD_MANAGER = "autonomy-crds-it";
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void installCrds(KubernetesClient client) throws IOException {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path file : TestFiles.yamlFiles(TestFiles.committedCrds())) {
      try (InputStream in = Files.newInputStream(file)) {
        crds.add(client.apiextensions().v1().customResourceDefinitions().load(in).item());
      }
    }
    assertThat(crds).hasSize(4);
    for (CustomResourceDefinition crd : crds) {
      client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
    for (CustomResourceDefinition crd : crds) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
              .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
    }
  }

  static Stream<Path> examples() {
    return Stream.concat(TestFiles.yamlFiles(TestFiles.examples()).stream(),
        TestFiles.yamlFiles(TestFiles.examples().resolve("ray")).stream());
  }

  static Stream<Path> invalidExamples() {
    return TestFiles.yamlFiles(TestFiles.examples().resolve("invalid")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleIsAccepted(Path example, KubernetesClient client, TestNamespace ns) {
    GenericKubernetesResource created = create(client, ns, generic(example), true);
    assertThat(created.getMetadata().getUid()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidExamples")
  void invalidExampleIsRejectedWithItsMessage(Path example, KubernetesClient client, TestNamespace ns)
      throws IOException {
    String expected = Files.readAllLines(example).get(0).substring("# expect: ".length()).trim();
    GenericKubernetesResource resource = generic(example);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        create(client, ns, resource, true);
      } catch (KubernetesClientException e) {
        assertThat(e.getCode()).as("HTTP status of %s", example.getFileName()).isEqualTo(422);
        assertThat(e.getStatus().getMessage()).as("error of %s", example.getFileName()).contains(expected);
        return;
      }
      // Accepted: the API server may still serve a previous schema right after the CRD update.
      if (System.nanoTime() > deadline) {
        fail(example.getFileName() + " was accepted; expected an error containing: " + expected);
      }
      sleep(500);
    }
  }

  @Test
  void defaultsAreAppliedByTheApiServer(KubernetesClient client, TestNamespace ns) {
    Agent agent = client.resources(Agent.class).inNamespace(ns.name())
        .resource(load(Agent.class, "agent.yaml", "defaults-agent")).create();
    assertThat(agent.getSpec().getPlanner().getOutcomeHistory()).isEqualTo(10);
    assertThat(agent.getSpec().getHealing().getCircuitBreakerThreshold()).isEqualTo(3);
    assertThat(agent.getSpec().getTools().getHumanApproval().getOnTimeout().value()).isEqualTo("reject");
    assertThat(agent.getSpec().getNetworkPolicy().getEnabled()).isFalse();

    MemoryStore store = client.resources(MemoryStore.class).inNamespace(ns.name())
        .resource(load(MemoryStore.class, "memorystore.yaml", "defaults-memory")).create();
    assertThat(store.getSpec().getBackup().getTarget().getType().value()).isEqualTo("pvc");
    assertThat(store.getSpec().getImagePullPolicy()).isNull();
  }

  @Test
  void descriptionsReachKubectlExplain(KubernetesClient client) {
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
        .withName("agents.autonomy.dev").get();
    JSONSchemaProps model = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema()
        .getProperties().get("spec").getProperties().get("model");
    assertThat(model.getDescription()).isNotBlank();
    assertThat(model.getProperties().get("provider").getDescription()).isNotBlank();
    assertThat(model.getProperties().get("fallback").getProperties().get("modelName").getDescription()).isNotBlank();

    // kubectl explain reads the published OpenAPI v3 document; it is published shortly after the CRD.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonNode explained = null;
    while (explained == null || explained.isMissingNode()) {
      if (System.nanoTime() > deadline) {
        fail("spec.model of Agent not in /openapi/v3/apis/autonomy.dev/v1alpha1");
      }
      try {
        JsonNode doc = JSON.readTree(client.raw("/openapi/v3/apis/autonomy.dev/v1alpha1"));
        explained = doc.path("components").path("schemas").path("dev.autonomy.v1alpha1.Agent")
            .path("properties").path("spec").path("properties").path("model");
      } catch (IOException | RuntimeException e) {
        explained = null;
      }
      if (explained == null || explained.isMissingNode()) {
        sleep(500);
      }
    }
    assertThat(explained.path("description").asText()).contains("language model");
    assertThat(explained.path("properties").path("temperature").path("description").asText()).isNotBlank();
  }

  @Test
  void allKindsAreInTheAutonomyCategory(KubernetesClient client) {
    List<APIResource> resources = client.getApiResources(Api.API_VERSION).getResources();
    Map<String, String> shortNames = Map.of("agents", "ag", "policies", "pol", "leagues", "lg", "memorystores", "ms");
    for (var entry : shortNames.entrySet()) {
      APIResource resource = resources.stream().filter(r -> r.getName().equals(entry.getKey())).findFirst()
          .orElseThrow(() -> new AssertionError(entry.getKey() + " not served"));
      assertThat(resource.getCategories()).containsExactly(Api.CATEGORY);
      assertThat(resource.getShortNames()).containsExactly(entry.getValue());
      assertThat(resource.getNamespaced()).isTrue();
    }
    assertThat(resources).anyMatch(r -> r.getName().equals("agents/scale"));
    assertThat(resources.stream().filter(r -> r.getName().endsWith("/status")).count()).isEqualTo(4);
  }

  @Test
  void scaleSubresourceChangesSpecReplicas(KubernetesClient client, TestNamespace ns) {
    var agents = client.resources(Agent.class).inNamespace(ns.name());
    agents.resource(load(Agent.class, "agent.yaml", "scaled-agent")).create();

    // Retried on a conflict: an operator on the same cluster may write the status meanwhile.
    for (int attempt = 1; ; attempt++) {
      try {
        agents.withName("scaled-agent").scale(3);
        break;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }

    assertThat(agents.withName("scaled-agent").get().getSpec().getReplicas()).isEqualTo(3);
    assertThat(agents.withName("scaled-agent").scale().getSpec().getReplicas()).isEqualTo(3);
  }

  /**
   * Status as the operator writes it passes the schema. Written as server-side dry runs of merge
   * patches: an operator running on the same cluster may own these objects' status meanwhile.
   */
  @Test
  void operatorStatusIsAcceptedAndSeparateFromSpec(KubernetesClient client, TestNamespace ns) {
    var agents = client.resources(Agent.class).inNamespace(ns.name());
    Agent agent = agents.resource(load(Agent.class, "agent.yaml", "status-agent")).create();
    AgentStatus status = new AgentStatus();
    status.setObservedGeneration(agent.getMetadata().getGeneration());
    status.setPhase(AgentPhase.READY);
    status.setReplicas(1);
    status.setReadyReplicas(1);
    status.setSelector("app.kubernetes.io/instance=status-agent");
    status.setConditions(List.of(condition("Ready", "True", "AllReplicasReady")));

    Agent written = agents.resource(withStatus(agent, status)).dryRun().patchStatus();
    assertThat(written.getStatus().getPhase()).isEqualTo(AgentPhase.READY);
    assertThat(written.getStatus().getConditions().get(0).getStatus()).isEqualTo("True");
    assertThat(written.getMetadata().getGeneration()).as("a status write is not a spec change")
        .isEqualTo(agent.getMetadata().getGeneration());

    status.setConditions(List.of(condition("Ready", "Maybe", "Unsure")));
    assertRejected(() -> agents.resource(withStatus(agent, status)).dryRun().patchStatus(),
        "status.conditions[0].status");

    var policies = client.resources(Policy.class).inNamespace(ns.name());
    Policy policy = policies.resource(load(Policy.class, "policy.yaml", "status-policy")).create();
    PolicyStatus training = new PolicyStatus();
    training.setPhase(PolicyPhase.TRAINING);
    TrainingProgress progress = new TrainingProgress();
    progress.setStep(20000L);
    progress.setTotalSteps(200000L);
    progress.setProgressPercent(10);
    progress.setMeanReward(123.5);
    training.setProgress(progress);
    CheckpointRecord checkpoint = new CheckpointRecord();
    checkpoint.setId("ckpt-000020000");
    checkpoint.setStep(20000L);
    training.setCheckpoints(List.of(checkpoint));
    Policy trained = policies.resource(withStatus(policy, training)).dryRun().patchStatus();
    assertThat(trained.getStatus().getProgress().getProgressPercent()).isEqualTo(10);
    assertThat(trained.getStatus().getCheckpoints().get(0).getId()).isEqualTo("ckpt-000020000");
  }

  /** A copy with the given status and no resourceVersion (no optimistic locking). */
  @SuppressWarnings("unchecked")
  private static <T extends io.fabric8.kubernetes.client.CustomResource<?, S>, S> T withStatus(T resource, S status) {
    T copy = TestFiles.STRICT_YAML.convertValue(resource, (Class<T>) resource.getClass());
    copy.getMetadata().setResourceVersion(null);
    copy.setStatus(status);
    return copy;
  }

  @Test
  void immutableFieldsStayImmutable(KubernetesClient client, TestNamespace ns) {
    var stores = client.resources(MemoryStore.class).inNamespace(ns.name());
    stores.resource(load(MemoryStore.class, "memorystore.yaml", "immutable-memory")).create();
    var store = stores.withName("immutable-memory");

    assertRejected(() -> mergePatch(store, "{\"spec\": {\"backend\": \"qdrant\"}}"), "spec.backend is immutable");
    assertRejected(() -> mergePatch(store, "{\"spec\": {\"embedding\": {\"dimension\": 768}}}"),
        "spec.embedding.dimension is immutable");
    assertRejected(() -> mergePatch(store, "{\"spec\": {\"storage\": {\"size\": \"512Mi\"}}}"),
        "spec.storage.size may grow but not shrink");
    assertRejected(() -> mergePatch(store, "{\"spec\": {\"storage\": {\"storageClassName\": \"fast\"}}}"),
        "spec.storage.storageClassName is immutable");

    MemoryStore grown = mergePatch(store, "{\"spec\": {\"storage\": {\"size\": \"2Gi\"}}}");
    assertThat(grown.getSpec().getStorage().getSize()).isEqualTo(new Quantity("2Gi"));
  }

  @Test
  void leagueExampleCarriesDefaultsIntoItsTemplates(KubernetesClient client, TestNamespace ns) {
    League league = client.resources(League.class).inNamespace(ns.name())
        .resource(load(League.class, "league.yaml", "defaults-league")).create();
    var template = league.getSpec().getPopulation().getMainAgents().getTemplate().getSpec();
    assertThat(template.getBackend().getType().value()).isEqualTo("job");
    assertThat(template.getEnvironment()).isNull();
    assertThat(league.getSpec().getMatchmaking().getPfspWeighting().value()).isEqualTo("squared");
  }

  /** A JSON merge patch: no resourceVersion, so an operator writing status meanwhile does not conflict. */
  private static <T extends HasMetadata> T mergePatch(Resource<T> resource, String patch) {
    return resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  private static void assertRejected(Runnable action, String expected) {
    try {
      action.run();
    } catch (KubernetesClientException e) {
      assertThat(e.getCode()).isEqualTo(422);
      assertThat(e.getStatus().getMessage()).contains(expected);
      return;
    }
    fail("accepted; expected an error containing: " + expected);
  }

  private static Condition condition(String type, String status, String reason) {
    Condition condition = new Condition();
    condition.setType(type);
    condition.setStatus(status);
    condition.setReason(reason);
    condition.setMessage("set by " + CrdValidationIT.class.getSimpleName());
    condition.setLastTransitionTime("2026-01-01T00:00:00Z");
    condition.setObservedGeneration(1L);
    return condition;
  }

  /** An example read into the typed model, renamed so tests do not collide. */
  private static <T extends HasMetadata> T load(Class<T> type, String example, String name) {
    try {
      T resource = TestFiles.STRICT_YAML.treeToValue(TestFiles.readYaml(TestFiles.examples().resolve(example)), type);
      resource.getMetadata().setName(name);
      return resource;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GenericKubernetesResource generic(Path file) {
    try {
      return JSON.treeToValue(TestFiles.readYaml(file), GenericKubernetesResource.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates the object as written (no typed model in between), dry-run only where asked. */
  private static GenericKubernetesResource create(KubernetesClient client, TestNamespace ns,
      GenericKubernetesResource resource, boolean dryRun) {
    var operation = client.genericKubernetesResources(resource.getApiVersion(), resource.getKind())
        .inNamespace(ns.name());
    return dryRun ? operation.resource(resource).dryRun().create() : operation.resource(resource).create();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
