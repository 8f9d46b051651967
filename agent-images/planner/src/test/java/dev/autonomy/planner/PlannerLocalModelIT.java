package dev.autonomy.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.autonomy.api.v1alpha1.agent.HttpToolSpec;
import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.api.v1alpha1.agent.ModelProvider;
import dev.autonomy.api.v1alpha1.agent.PlannerSpec;
import dev.autonomy.memory.AgentMemory;
import dev.autonomy.memory.MemoryConfig;
import dev.autonomy.memory.MemoryFilter;
import dev.autonomy.memory.MemoryKind;
import dev.autonomy.planner.engine.ApprovalGate;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeState;
import dev.autonomy.planner.engine.GoalRequest;
import dev.autonomy.planner.engine.GoalRunner;
import dev.autonomy.planner.engine.PlannerEngine;
import dev.autonomy.planner.engine.PlannerMetrics;
import dev.autonomy.planner.engine.PlannerSettings;
import dev.autonomy.planner.engine.Step;
import dev.autonomy.planner.engine.StepKind;
import dev.autonomy.planner.memory.Embeddings;
import dev.autonomy.planner.memory.PlannerMemory;
import dev.autonomy.planner.model.Backoff;
import dev.autonomy.planner.model.ChatModelFactory;
import dev.autonomy.planner.model.ModelEndpointClient;
import dev.autonomy.planner.model.ResilientModel;
import dev.autonomy.planner.model.Sleeper;
import dev.autonomy.planner.plan.Task;
import dev.autonomy.planner.schema.SchemaValidator;
import dev.autonomy.planner.schema.Schemas;
import dev.autonomy.planner.tools.HttpTool;
import dev.autonomy.planner.tools.ToolRegistry;
import dev.autonomy.testsupport.TestGround;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planner against the REAL local model (SmolLM2-135M-Instruct on llama.cpp's OpenAI-compatible
 * server) and the REAL PostgreSQL + pgvector of the test ground. The model is weak: the test asserts
 * structure (schema-valid plan tree, a tool step that reached the server, the episode in pgvector, a
 * similar goal served from plan memory with no model call), never wording.
 */
class PlannerLocalModelIT {
  static final String AGENT = "planner-it";
  static HttpServer server;
  static final List<String> requests = new CopyOnWriteArrayList<>();
  static AgentMemory memory;
  static CountingChatModel model;
  static PlannerEngine engine;
  static String host;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> llm = TestGround.services("llm");
    Map<String, String> pg = TestGround.services("pg");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
      byte[] body = "{\"service\": \"shop\", \"status\": \"ok\", \"orders\": 3}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    host = "127.0.0.1:" + server.getAddress().getPort();

    MemoryConfig mc = MemoryConfig.builder().backend(MemoryConfig.Backend.PGVECTOR).host(pg.get("AUTONOMY_PG_HOST"))
        .port(Integer.parseInt(pg.get("AUTONOMY_PG_PORT"))).user(pg.get("AUTONOMY_PG_USER")).password("")
        .database("postgres").collectionPrefix("planner_it_" + UUID.randomUUID().toString().substring(0, 8)).build();
    memory = AgentMemory.open(mc, Embeddings.forName(null, Path.of(System.getProperty("java.io.tmpdir"),
        "autonomy-planner")));

    ModelEndpoint spec = new ModelEndpoint();
    spec.setProvider(ModelProvider.OPENAI_COMPATIBLE);
    spec.setEndpoint(llm.get("AUTONOMY_LLM_URL"));
    spec.setModelName(llm.get("AUTONOMY_LLM_MODEL"));
    spec.setTemperature(0.0);
    spec.setMaxTokens(200);
    spec.setTimeout("120s");
    spec.setMaxRetries(1);
    model = new CountingChatModel(ChatModelFactory.create(spec, null));
    ResilientModel resilient = new ResilientModel(new ModelEndpointClient("primary", spec, model,
        ModelEndpointClient.defaultMode(spec)), null, Backoff.DEFAULT, Sleeper.REAL, System::nanoTime,
        Duration.ofSeconds(30), null);

    HttpToolSpec http = new HttpToolSpec();
    http.setEnabled(true);
    http.setAllowedHosts(List.of(host));
    http.setAllowedMethods(List.of("GET"));
    PlannerSpec planner = new PlannerSpec();
    planner.setMaxDepth(1);
    planner.setMaxSteps(30);
    planner.setMaxRetriesPerTask(1);
    planner.setTimeBudget("8m");
    planner.setPlanReuseThreshold(0.9);
    GoalRunner runner = new GoalRunner("shop operator", null, PlannerSettings.from(planner, 3), resilient,
        new ToolRegistry(List.of(new HttpTool(http))), PlannerMemory.of(AGENT, memory), ApprovalGate.disabled(),
        PlannerMetrics.NONE, Clock.systemUTC(), System::nanoTime);
    engine = new PlannerEngine(runner, ApprovalGate.disabled(), Clock.systemUTC(), 1, 20);
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
    if (memory != null) {
      memory.drop();
      memory.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  static String goal(String ending) {
    return "Use the http tool: GET the path /status on host " + host + " and report the number of orders" + ending;
  }

  @Test
  void aGoalBecomesASchemaValidPlanRunsAToolIsRememberedAndASimilarGoalIsServedFromPlanMemory() {
    // 1. A goal, planned and executed by the real model. The weak model may judge its own result a
    //    failure; the planner then reflects, retries and re-plans within its budgets. Until one
    //    episode solves it (each sees the previous one's memories), at most three.
    //    A solved episode whose tool call worked is what plan memory can replay.
    Episode first = null;
    boolean toolRan = false;
    for (int i = 0; i < 3 && !(first != null && first.state() == EpisodeState.SUCCEEDED && toolOk(first)); i++) {
      first = engine.run(GoalRequest.of(goal(".")));
      assertStructure(first);
      toolRan |= toolOk(first);
    }
    assertThat(toolRan).as("an HTTP tool step reached the local server").isTrue();
    assertThat(requests).anyMatch(r -> r.startsWith("GET /"));
    assertThat(first.state()).as("the first goal's outcome: %s", first.reason()).isEqualTo(EpisodeState.SUCCEEDED);

    // The episode (and the solved plan) are in the real pgvector store.
    assertThat(memory.count(MemoryKind.EPISODE, MemoryFilter.agent(AGENT))).isGreaterThanOrEqualTo(1);
    assertThat(memory.count(MemoryKind.PLAN, MemoryFilter.agent(AGENT))).isEqualTo(1);
    assertThat(memory.backend().name()).isEqualTo("pgvector");

    // 2. A similar goal: the stored plan is reused and replayed, without a single model call.
    int callsBefore = model.calls.get();
    int requestsBefore = requests.size();
    Episode second = engine.run(GoalRequest.of(goal("!")));
    System.out.printf("plan memory: %s in %.1f ms%n", second.state(), second.steps().get(0).durationMs());

    assertThat(second.fromPlanMemory()).isTrue();
    assertThat(second.planSimilarity()).isGreaterThanOrEqualTo(0.9);
    assertThat(model.calls.get()).isEqualTo(callsBefore);
    assertThat(second.modelCalls()).isZero();
    assertThat(second.state()).isEqualTo(EpisodeState.SUCCEEDED);
    assertThat(second.steps()).extracting(Step::kind).first().isEqualTo(StepKind.PLAN_MEMORY);
    assertThat(second.steps()).noneMatch(s -> s.kind() == StepKind.PLAN || s.kind() == StepKind.ACT);
    assertThat(requests.size()).isGreaterThan(requestsBefore);  // the tool call was replayed, fresh
  }

  private static boolean toolOk(Episode ep) {
    return ep.steps().stream().anyMatch(s -> s.kind() == StepKind.TOOL && s.ok()
        && s.output().path("output").asText().startsWith("HTTP 200 GET http://" + host));
  }

  /** A schema-valid plan tree, every step timed. */
  private static void assertStructure(Episode ep) {
    System.out.printf("episode %s: %s, %d steps, %d tokens, %d model calls%n", ep.id(), ep.state(), ep.countedSteps(),
        ep.tokens(), ep.modelCalls());
    for (Step s : ep.steps()) {
      System.out.printf("  %2d %-11s %-6s ok=%-5s %8.0f ms (model %8.0f ms) %s%n", s.index(), s.kind(), s.taskId(),
          s.ok(), s.durationMs(), s.modelMs(), s.summary() == null ? String.valueOf(s.error()) : s.summary());
    }
    Step plan = ep.steps().stream().filter(s -> s.kind() == StepKind.PLAN).findFirst().orElseThrow();
    assertThat(plan.ok()).as("plan step: %s", plan.error()).isTrue();
    JsonNode answer = plan.output().path("answer");
    assertThat(new SchemaValidator().validate(Schemas.plan(List.of("http")), answer)).isEmpty();
    List<Task> leaves = ep.plan().leaves();
    assertThat(leaves).isNotEmpty();
    Set<String> ids = new java.util.HashSet<>();
    ep.plan().tasks().forEach(t -> ids.add(t.id));
    for (Task t : ep.plan().tasks()) {
      assertThat(t.id).isNotBlank();
      assertThat(t.title).isNotBlank();
      assertThat(t.successCriteria).isNotBlank();
      assertThat(t.tool).isIn("http", "none");
      assertThat(ids).containsAll(t.dependsOn);
    }
    assertThat(ep.steps()).allMatch(s -> s.startedAt() != null && s.durationMs() >= 0);
    assertThat(ep.tokens()).isPositive();
  }
}
