package dev.autonomy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.autonomy.api.v1alpha1.agent.HttpToolSpec;
import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.api.v1alpha1.agent.ModelProvider;
import dev.autonomy.api.v1alpha1.agent.PlannerSpec;
import dev.autonomy.memory.AgentMemory;
import dev.autonomy.memory.MemoryConfig;
import dev.autonomy.memory.NewMemory;
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
import dev.autonomy.planner.model.StructuredOutput;
import dev.autonomy.planner.schema.Schemas;
import dev.autonomy.planner.tools.HttpTool;
import dev.autonomy.planner.tools.Tool;
import dev.autonomy.planner.tools.ToolRegistry;
import dev.autonomy.planner.tools.ToolResult;
import dev.autonomy.testsupport.TestGround;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Planner benchmark: the planner's own cost per step with a scripted model (no server; model and tool
 * time excluded), the latency of a plan-memory hit against the test ground's PostgreSQL + pgvector
 * (embedding the goal with all-MiniLM-L6-v2 in process, nearest solved plan, parse), and time to the
 * first step and to the end of a whole plan with the real local model (SmolLM2-135M on llama.cpp).
 * The planner runs in this JVM, as in its pod: the engine ({@code GoalRunner}) with LangChain4j.
 * Writes {@code benchmarks/results/planner.json}.
 *
 * <p>Options: {@code --episodes N} (2000 scripted episodes measured, after 300 warm-up),
 * {@code --lookups N} (300 plan-memory hits), {@code --noise N} (500 other plans stored beside the
 * solved one), {@code --local-goals N} (5 goals with the local model), {@code --skip-local},
 * {@code --out FILE}.
 */
public final class PlannerBenchmark {
  static final String COMMAND = "benchmarks/run planner";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record Options(int episodes, int warmup, int lookups, int noise, int localGoals, boolean skipLocal, Path out) {}

  private PlannerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    ObjectNode result = JSON.createObjectNode();
    result.put("name", "planner");
    result.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
    result.set("machine", machine());
    result.put("command", (COMMAND + " " + String.join(" ", args)).strip());
    ObjectNode parameters = result.putObject("parameters");
    ObjectNode figures = result.putObject("figures");
    ObjectNode details = result.putObject("details");

    // 1. Overhead per step, scripted model.
    log("scripted episodes: %d warm-up, %d measured", o.warmup(), o.episodes());
    Overhead overhead = overhead(o);
    parameters.put("overhead", "scripted ChatModel (in process, answers at once) through the planner's whole path "
        + "(ResilientModel, structured output parameters, JSON parsing, schema validation, plan tree, step "
        + "recording); a no-op tool; no memory. Plan of 3 tasks (2 with a tool call): " + overhead.stepsPerEpisode
        + " steps per episode. Overhead of a step = wall time since the previous step ended - model time - tool "
        + "time. " + o.episodes() + " episodes after " + o.warmup() + " warm-up.");
    figures.set("step_overhead_ms_p99", figure(overhead.stats.percentile(99), 4, "ms"));
    details.set("step_overhead_ms_p50", figure(overhead.stats.percentile(50), 4, "ms"));
    details.set("step_overhead_ms_max", figure(overhead.stats.max(), 3, "ms"));
    details.put("steps_measured", overhead.stats.count());
    // The same work as CPU time of the planner's thread (waiting for a core excluded), scripted model included.
    details.set("step_cpu_ms_mean_per_episode_p50", figure(overhead.cpuPerStep.percentile(50), 4, "ms"));
    details.set("step_cpu_ms_mean_per_episode_p99", figure(overhead.cpuPerStep.percentile(99), 4, "ms"));
    details.set("scripted_episode_ms_p50", figure(overhead.episodes.percentile(50), 3, "ms"));
    details.set("scripted_episode_ms_p99", figure(overhead.episodes.percentile(99), 3, "ms"));

    // 2. Plan-memory hits against pgvector.
    log("plan memory: %d noise plans, %d lookups (pgvector)", o.noise(), o.lookups());
    PlanMemory pm = planMemory(o);
    parameters.put("plan_memory", "test ground PostgreSQL 18 + pgvector (fresh collections, dropped afterwards), "
        + "embeddings all-MiniLM-L6-v2 in process (ONNX Runtime), 1 solved plan + " + o.noise() + " other plans; "
        + o.lookups() + " similar goals (paraphrases), each a hit; latency = the PLAN_MEMORY step (embed the goal, "
        + "HNSW search, similarity >= 0.9, parse the stored plan, update its access time).");
    figures.set("plan_memory_hit_ms_p99", figure(pm.hit.percentile(99), 2, "ms"));
    details.set("plan_memory_hit_ms_p50", figure(pm.hit.percentile(50), 2, "ms"));
    details.put("plan_memory_hits", pm.hits + "/" + o.lookups());
    details.put("plan_memory_model_calls", pm.modelCalls);
    details.set("plan_memory_episode_ms_p50", figure(pm.episode.percentile(50), 2, "ms"));
    details.set("plan_memory_episode_ms_p99", figure(pm.episode.percentile(99), 2, "ms"));

    // 3. The local model.
    if (!o.skipLocal()) {
      log("local model: %d goals", o.localGoals());
      Local local = local(o);
      parameters.put("local_model", local.description);
      figures.set("first_step_ms_local_model", figure(local.firstStep.percentile(50), 0, "ms"));
      figures.set("whole_plan_ms_local_model", figure(local.whole.percentile(50), 0, "ms"));
      details.set("first_step_ms_local_model_max", figure(local.firstStep.max(), 0, "ms"));
      details.set("whole_plan_ms_local_model_max", figure(local.whole.max(), 0, "ms"));
      details.set("plan_ms_local_model_p50", figure(local.plan.percentile(50), 0, "ms"));
      details.set("model_call_ms_local_model_p50", figure(local.call.percentile(50), 0, "ms"));
      details.set("local_model_results", JSON.valueToTree(local.results));
    }

    ObjectNode goals = result.putObject("goals");
    goals.put("step_overhead_ms_p99", "< 1");
    goals.put("plan_memory_hit_ms_p99", "< 50");
    ObjectNode met = result.putObject("goalsMet");
    met.put("step_overhead_ms_p99", figures.path("step_overhead_ms_p99").path("value").asDouble() < 1);
    met.put("plan_memory_hit_ms_p99", figures.path("plan_memory_hit_ms_p99").path("value").asDouble() < 50);
    ((ObjectNode) result.get("machine")).put("loadavg_at_end", loadavg());
    Files.createDirectories(o.out().toAbsolutePath().getParent());
    Files.writeString(o.out(), JSON.writeValueAsString(result) + "\n");
    System.out.println(JSON.writeValueAsString(figures));
    log("wrote %s", o.out());
  }

  // ---- 1. overhead ---------------------------------------------------------------------------

  record Overhead(Stats stats, Stats episodes, Stats cpuPerStep, int stepsPerEpisode) {}

  static Overhead overhead(Options o) {
    ScriptedModel model = new ScriptedModel();
    GoalRunner runner = runner(model, List.of(new NoopTool()), null, settings(false));
    PlannerEngine engine = new PlannerEngine(runner, ApprovalGate.disabled(), Clock.systemUTC(), 1, 10);
    for (int i = 0; i < o.warmup(); i++) {
      check(engine.run(GoalRequest.of("Warm-up goal " + i)));
    }
    List<Double> overheads = new ArrayList<>();
    List<Double> episodes = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int steps = 0;
    for (int i = 0; i < o.episodes(); i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Episode ep = check(engine.run(GoalRequest.of("Measured goal " + i)));
      episodes.add((System.nanoTime() - t0) / 1e6);
      steps = ep.steps().size();
      cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6 / steps);
      for (Step s : ep.steps()) {
        overheads.add(s.overheadMs());
      }
    }
    engine.close();
    return new Overhead(Stats.of(overheads), Stats.of(episodes), Stats.of(cpu), steps);
  }

  // ---- 2. plan memory ------------------------------------------------------------------------

  record PlanMemory(Stats hit, Stats episode, int hits, int modelCalls) {}

  static final List<String> PARAPHRASES = List.of(
      "Check the status endpoint of the shop service and report the number of open orders.",
      "Check the status endpoint of the shop service and report the number of open orders",
      "check the status endpoint of the shop service and report the number of open orders.",
      "Check the status endpoint of the shop service, and report the number of open orders.",
      "Check the status endpoint of the shop service and report the number of open orders!");

  static PlanMemory planMemory(Options o) {
    Map<String, String> pg = TestGround.services("pg");
    MemoryConfig mc = MemoryConfig.builder().backend(MemoryConfig.Backend.PGVECTOR).host(pg.get("AUTONOMY_PG_HOST"))
        .port(Integer.parseInt(pg.get("AUTONOMY_PG_PORT"))).user(pg.get("AUTONOMY_PG_USER")).password("")
        .database("postgres").collectionPrefix("bench_planner_" + UUID.randomUUID().toString().substring(0, 8)).build();
    AgentMemory memory = AgentMemory.open(mc, Embeddings.forName(null, Path.of(System.getProperty("java.io.tmpdir"),
        "autonomy-planner")));
    try {
      List<NewMemory> noise = new ArrayList<>();
      String[] topics = {"certificates", "DNS records", "node pools", "database backups", "quotas", "ingress rules",
          "log retention", "autoscaling", "secrets rotation", "cost reports"};
      for (int i = 0; i < o.noise(); i++) {
        noise.add(NewMemory.plan("bench", "Review the " + topics[i % topics.length] + " of team " + (i / 10)
            + " and write down what changed", "[]", 0.5));
      }
      memory.rememberAll(noise);
      ScriptedModel model = new ScriptedModel();
      GoalRunner runner = runner(model, List.of(new NoopTool()), PlannerMemory.of("bench", memory), settings(true));
      PlannerEngine engine = new PlannerEngine(runner, ApprovalGate.disabled(), Clock.systemUTC(), 1, 10);
      check(engine.run(GoalRequest.of(PARAPHRASES.get(0))));  // solved: its plan is stored
      int calls = model.calls.get();
      for (int i = 0; i < 20; i++) {
        engine.run(GoalRequest.of(PARAPHRASES.get(i % PARAPHRASES.size())));  // warm-up
      }
      List<Double> hit = new ArrayList<>();
      List<Double> episode = new ArrayList<>();
      int hits = 0;
      for (int i = 0; i < o.lookups(); i++) {
        long t0 = System.nanoTime();
        Episode ep = check(engine.run(GoalRequest.of(PARAPHRASES.get(i % PARAPHRASES.size()))));
        episode.add((System.nanoTime() - t0) / 1e6);
        Step first = ep.steps().get(0);
        if (ep.fromPlanMemory() && first.kind() == StepKind.PLAN_MEMORY) {
          hits++;
          hit.add(first.durationMs());
        }
      }
      engine.close();
      return new PlanMemory(Stats.of(hit), Stats.of(episode), hits, model.calls.get() - calls);
    } finally {
      memory.drop();
      memory.close();
    }
  }

  // ---- 3. local model ------------------------------------------------------------------------

  record Local(Stats firstStep, Stats whole, Stats plan, Stats call, List<String> results, String description) {}

  static Local local(Options o) throws Exception {
    Map<String, String> llm = TestGround.services("llm");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "{\"service\": \"shop\", \"status\": \"ok\", \"orders\": 3}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    String host = "127.0.0.1:" + server.getAddress().getPort();
    try {
      ModelEndpoint spec = new ModelEndpoint();
      spec.setProvider(ModelProvider.OPENAI_COMPATIBLE);
      spec.setEndpoint(llm.get("AUTONOMY_LLM_URL"));
      spec.setModelName(llm.get("AUTONOMY_LLM_MODEL"));
      spec.setTemperature(0.0);
      spec.setMaxTokens(256);
      spec.setTimeout("120s");
      spec.setMaxRetries(1);
      ResilientModel model = new ResilientModel(new ModelEndpointClient("primary", spec,
          ChatModelFactory.create(spec, null), ModelEndpointClient.defaultMode(spec)), null, Backoff.DEFAULT,
          Sleeper.REAL, System::nanoTime, Duration.ofSeconds(30), null);
      HttpToolSpec http = new HttpToolSpec();
      http.setEnabled(true);
      http.setAllowedHosts(List.of(host));
      PlannerSpec p = new PlannerSpec();
      p.setMaxDepth(1);
      p.setMaxSteps(12);
      p.setMaxRetriesPerTask(0);
      p.setReflection(false);
      p.setPlanMemory(false);
      p.setTimeBudget("5m");
      GoalRunner runner = new GoalRunner("shop operator", null, PlannerSettings.from(p, 3), model,
          new ToolRegistry(List.of(new HttpTool(http))), null, ApprovalGate.disabled(), PlannerMetrics.NONE,
          Clock.systemUTC(), System::nanoTime);
      PlannerEngine engine = new PlannerEngine(runner, ApprovalGate.disabled(), Clock.systemUTC(), 1, 10);
      String[] subjects = {"orders", "status", "service name", "open orders", "shop status"};
      List<Double> first = new ArrayList<>();
      List<Double> whole = new ArrayList<>();
      List<Double> plan = new ArrayList<>();
      List<Double> calls = new ArrayList<>();
      List<String> results = new ArrayList<>();
      for (int i = 0; i < o.localGoals(); i++) {
        String goal = "Use the http tool: GET the path /status on host " + host + " and report the "
            + subjects[i % subjects.length] + ".";
        long t0 = System.nanoTime();
        Episode ep = engine.run(GoalRequest.of(goal));
        double wholeMs = (System.nanoTime() - t0) / 1e6;
        double start = ep.startedAt().toEpochMilli();
        Step firstExec = ep.steps().stream().filter(s -> s.kind() == StepKind.ACT || s.kind() == StepKind.TOOL)
            .findFirst().orElse(null);
        Step planStep = ep.steps().stream().filter(s -> s.kind() == StepKind.PLAN).findFirst().orElse(null);
        if (firstExec != null) {
          first.add(firstExec.startedAt().toEpochMilli() - start + firstExec.durationMs()
              + (ep.startedAt().toEpochMilli() - ep.submittedAt().toEpochMilli()));
        }
        if (planStep != null) {
          plan.add(planStep.durationMs());
        }
        for (Step s : ep.steps()) {
          if (s.modelMs() > 0 && s.attempts() != null && s.attempts() > 0) {
            calls.add(s.modelMs() / s.attempts());
          }
        }
        whole.add(wholeMs);
        results.add(ep.state() + " in " + ep.countedSteps() + " steps, " + ep.modelCalls() + " model calls, "
            + ep.tokens() + " tokens, " + Math.round(wholeMs) + " ms");
        log("local goal %d: %s", i + 1, results.get(results.size() - 1));
      }
      engine.close();
      String description = "SmolLM2-135M-Instruct (Q4_1) on llama-cpp-python[server] 0.3.36, the test ground's "
          + llm.get("AUTONOMY_LLM_URL") + ", temperature 0, maxTokens 256, JSON-schema constrained output "
          + "(response_format json_object + schema); " + o.localGoals() + " goals (an HTTP GET on a local server, "
          + "then a report), plan memory off, reflection off, maxDepth 1; value = median. First step = from "
          + "submission to the end of the first execution step (the plan made and the first action chosen); whole "
          + "plan = submission to the episode's end. The model shares the 2 cores with everything else.";
      return new Local(Stats.of(first), Stats.of(whole), Stats.of(plan), Stats.of(calls), results, description);
    } finally {
      server.stop(0);
    }
  }

  // ---- pieces --------------------------------------------------------------------------------

  static PlannerSettings settings(boolean planMemory) {
    PlannerSpec p = new PlannerSpec();
    p.setMaxDepth(2);
    p.setMaxSteps(100);
    p.setPlanMemory(planMemory);
    p.setPlanReuseThreshold(0.9);
    return PlannerSettings.from(p, 3);
  }

  static GoalRunner runner(ChatModel chat, List<Tool> tools, PlannerMemory memory, PlannerSettings settings) {
    ModelEndpoint spec = new ModelEndpoint();
    spec.setProvider(ModelProvider.OPENAI_COMPATIBLE);
    spec.setEndpoint("http://scripted.invalid/v1");
    spec.setModelName("scripted");
    ResilientModel model = new ResilientModel(new ModelEndpointClient("primary", spec, chat,
        StructuredOutput.JSON_OBJECT_WITH_SCHEMA), null, Backoff.DEFAULT, Sleeper.REAL, System::nanoTime,
        Duration.ofSeconds(30), null);
    return new GoalRunner("bench", null, settings, model, new ToolRegistry(tools), memory, ApprovalGate.disabled(),
        PlannerMetrics.NONE, Clock.systemUTC(), System::nanoTime);
  }

  static Episode check(Episode ep) {
    if (ep.state() != EpisodeState.SUCCEEDED) {
      throw new IllegalStateException("episode " + ep.id() + " ended " + ep.state() + ": " + ep.reason());
    }
    return ep;
  }

  /** Answers the planner's schema-constrained calls at once, as a model that always gets it right would. */
  static final class ScriptedModel implements ChatModel {
    final AtomicInteger calls = new AtomicInteger();
    static final String PLAN = "{\"tasks\": ["
        + "{\"id\": \"t1\", \"title\": \"read the status\", \"tool\": \"noop\", \"dependsOn\": [], "
        + "\"successCriteria\": \"the status is known\", \"complex\": false}, "
        + "{\"id\": \"t2\", \"title\": \"read the orders\", \"tool\": \"noop\", \"dependsOn\": [\"t1\"], "
        + "\"successCriteria\": \"the orders are known\", \"complex\": false}, "
        + "{\"id\": \"t3\", \"title\": \"report\", \"tool\": \"none\", \"dependsOn\": [\"t2\"], "
        + "\"successCriteria\": \"a one-line report\", \"complex\": false}]}";

    @Override
    public ChatRequestParameters defaultRequestParameters() {
      return OpenAiChatRequestParameters.builder().build();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      calls.incrementAndGet();
      JsonNode props = JSON.valueToTree(((Map<?, ?>) ((OpenAiChatRequestParameters) request.parameters())
          .customParameters().get("response_format")).get("schema")).path("properties");
      String answer;
      if (props.has("tasks")) {
        answer = PLAN;
      } else if (props.has("action")) {
        JsonNode actions = props.path("action").path("enum");
        answer = actions.size() == 1 && actions.get(0).asText().equals("noop")
            ? "{\"thought\": \"read it\", \"action\": \"noop\", \"input\": {\"what\": \"status\"}, \"answer\": \"\"}"
            : "{\"thought\": \"done\", \"action\": \"finish\", \"input\": {}, \"answer\": \"3 open orders\"}";
      } else if (props.has("success")) {
        answer = "{\"success\": true, \"reason\": \"meets the criterion\"}";
      } else {
        answer = "{\"diagnosis\": \"-\", \"lesson\": \"-\", \"next\": \"retry\"}";
      }
      return ChatResponse.builder().aiMessage(AiMessage.from(answer)).tokenUsage(new TokenUsage(200, 40)).build();
    }
  }

  /** A tool that does nothing, at once. */
  static final class NoopTool implements Tool {
    @Override
    public String name() {
      return "noop";
    }

    @Override
    public String description() {
      return "does nothing; input {what}";
    }

    @Override
    public ObjectNode inputSchema() {
      ObjectNode s = Schemas.object();
      s.putObject("properties").set("what", Schemas.string(1, 100));
      Schemas.required(s, "what");
      return s;
    }

    @Override
    public ToolResult execute(JsonNode input) {
      return ToolResult.ok("ok: " + input.path("what").asText());
    }
  }

  static ObjectNode figure(double value, int digits, String unit) {
    ObjectNode f = JSON.createObjectNode();
    f.put("value", round(value, digits));
    f.put("unit", unit);
    return f;
  }

  static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }

  static ObjectNode machine() {
    ObjectNode machine = JSON.createObjectNode();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    try {
      String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().orElse(":?");
      machine.put("cpu", cpu.substring(cpu.indexOf(':') + 1).strip());
    } catch (Exception e) {
      machine.put("cpu", "?");
    }
    machine.put("loadavg_at_start", loadavg());
    return machine;
  }

  static String loadavg() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }

  static Options parse(String[] args) {
    int episodes = 2000;
    int lookups = 300;
    int noise = 500;
    int localGoals = 5;
    boolean skipLocal = false;
    Path out = Path.of("benchmarks/results/planner.json");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--episodes" -> episodes = Integer.parseInt(args[++i]);
        case "--lookups" -> lookups = Integer.parseInt(args[++i]);
        case "--noise" -> noise = Integer.parseInt(args[++i]);
        case "--local-goals" -> localGoals = Integer.parseInt(args[++i]);
        case "--skip-local" -> skipLocal = true;
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new Options(episodes, Math.min(300, Math.max(50, episodes / 5)), lookups, noise, localGoals, skipLocal, out);
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[planner-bench] " + format + "%n", args);
  }
}
