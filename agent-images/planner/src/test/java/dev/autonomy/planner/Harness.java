package dev.autonomy.planner;

import dev.autonomy.api.v1alpha1.agent.ApprovalTimeoutAction;
import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.api.v1alpha1.agent.ModelProvider;
import dev.autonomy.api.v1alpha1.agent.PlannerSpec;
import dev.autonomy.memory.AgentMemory;
import dev.autonomy.memory.MemoryConfig;
import dev.autonomy.planner.engine.ApprovalGate;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.GoalRequest;
import dev.autonomy.planner.engine.GoalRunner;
import dev.autonomy.planner.engine.MicrometerPlannerMetrics;
import dev.autonomy.planner.engine.PlannerEngine;
import dev.autonomy.planner.engine.PlannerSettings;
import dev.autonomy.planner.memory.PlannerMemory;
import dev.autonomy.planner.model.Backoff;
import dev.autonomy.planner.model.ModelEndpointClient;
import dev.autonomy.planner.model.ResilientModel;
import dev.autonomy.planner.model.StructuredOutput;
import dev.autonomy.planner.tools.Tool;
import dev.autonomy.planner.tools.ToolRegistry;
import dev.langchain4j.model.chat.ChatModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Builds a planner around a {@link ScriptedChatModel}, test tools and an in-process memory. */
public final class Harness implements AutoCloseable {
  public final ScriptedChatModel model = new ScriptedChatModel();
  public ChatModel fallbackModel;
  public final List<Tool> tools = new ArrayList<>();
  public final PlannerSpec planner = new PlannerSpec();
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** Added to System.nanoTime(): tests move time forward. */
  public final AtomicLong skewNanos = new AtomicLong();
  public ApprovalGate approvals = ApprovalGate.disabled();
  public AgentMemory memory;
  public boolean withMemory = true;
  public int maxRetries = 2;
  private PlannerEngine engine;

  public Harness tool(Tool tool) {
    tools.add(tool);
    return this;
  }

  public Harness approvals(List<String> requiredFor, Duration timeout, ApprovalTimeoutAction onTimeout) {
    approvals = new ApprovalGate(true, requiredFor, timeout, onTimeout);
    return this;
  }

  public long nanoTime() {
    return System.nanoTime() + skewNanos.get();
  }

  public static ModelEndpoint endpoint(String name, int maxRetries) {
    ModelEndpoint e = new ModelEndpoint();
    e.setProvider(ModelProvider.OPENAI_COMPATIBLE);
    e.setEndpoint("http://scripted.invalid/v1");
    e.setModelName(name);
    e.setMaxRetries(maxRetries);
    return e;
  }

  public ResilientModel resilientModel(MicrometerPlannerMetrics metrics) {
    ModelEndpointClient primary = new ModelEndpointClient("primary", endpoint("scripted", maxRetries), model,
        StructuredOutput.JSON_OBJECT_WITH_SCHEMA);
    ModelEndpointClient fallback = fallbackModel == null ? null : new ModelEndpointClient("fallback",
        endpoint("scripted-fallback", maxRetries), fallbackModel, StructuredOutput.JSON_OBJECT_WITH_SCHEMA);
    return new ResilientModel(primary, fallback, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), false),
        sleeps::add, this::nanoTime, Duration.ofSeconds(30), metrics);
  }

  public PlannerEngine engine() {
    if (engine == null) {
      MicrometerPlannerMetrics metrics = new MicrometerPlannerMetrics(registry);
      PlannerMemory pm = null;
      if (withMemory) {
        if (memory == null) {
          memory = AgentMemory.open(MemoryConfig.inProcess());
        }
        pm = PlannerMemory.of("test-agent", memory);
      }
      PlannerSettings settings = PlannerSettings.from(planner, 5);
      GoalRunner runner = new GoalRunner("tester", null, settings, resilientModel(metrics), new ToolRegistry(tools), pm,
          approvals, metrics, Clock.systemUTC(), this::nanoTime);
      engine = new PlannerEngine(runner, approvals, Clock.systemUTC(), 2, 50);
    }
    return engine;
  }

  public Episode run(String goal) {
    return engine().run(GoalRequest.of(goal));
  }

  public double counter(String name, String... tags) {
    var search = registry.find(name);
    if (tags.length > 0) {
      search = search.tags(tags);
    }
    return search.counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
    if (memory != null) {
      memory.close();
    }
  }

  // ---- scripted answers ----------------------------------------------------------------------

  public static String plan(String... tasks) {
    return "{\"tasks\": [" + String.join(", ", tasks) + "]}";
  }

  public static String task(String id, String title, String tool, boolean complex, String... dependsOn) {
    StringBuilder deps = new StringBuilder();
    for (String d : dependsOn) {
      deps.append(deps.length() == 0 ? "" : ", ").append('"').append(d).append('"');
    }
    return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"tool\": \"" + tool + "\", \"dependsOn\": ["
        + deps + "], \"successCriteria\": \"" + title + " is done\", \"complex\": " + complex + "}";
  }

  public static String act(String action, String inputJson, String answer) {
    return "{\"thought\": \"t\", \"action\": \"" + action + "\", \"input\": " + inputJson + ", \"answer\": \""
        + answer + "\"}";
  }

  public static String finish(String answer) {
    return act("finish", "{}", answer);
  }

  public static String verdict(boolean success) {
    return "{\"success\": " + success + ", \"reason\": \"" + (success ? "meets it" : "does not meet it") + "\"}";
  }

  public static String reflection(String next, String lesson) {
    return "{\"diagnosis\": \"it went wrong\", \"lesson\": \"" + lesson + "\", \"next\": \"" + next + "\"}";
  }
}
