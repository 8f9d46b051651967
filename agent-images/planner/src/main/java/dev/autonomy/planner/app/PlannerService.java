package dev.autonomy.planner.app;

import dev.autonomy.api.v1alpha1.agent.HumanApprovalToolSpec;
import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.api.v1alpha1.agent.ToolName;
import dev.autonomy.api.v1alpha1.agent.ToolsSpec;
import dev.autonomy.memory.AgentMemory;
import dev.autonomy.memory.EmbeddingModels;
import dev.autonomy.memory.MemoryConfig;
import dev.autonomy.planner.config.ConfigLoader;
import dev.autonomy.planner.config.GoDurations;
import dev.autonomy.planner.config.PlannerConfig;
import dev.autonomy.planner.engine.ApprovalGate;
import dev.autonomy.planner.engine.GoalRunner;
import dev.autonomy.planner.engine.MicrometerPlannerMetrics;
import dev.autonomy.planner.engine.PlannerEngine;
import dev.autonomy.planner.engine.PlannerSettings;
import dev.autonomy.planner.memory.Embeddings;
import dev.autonomy.planner.memory.PlannerMemory;
import dev.autonomy.planner.model.Backoff;
import dev.autonomy.planner.model.ChatModelFactory;
import dev.autonomy.planner.model.ModelEndpointClient;
import dev.autonomy.planner.model.ResilientModel;
import dev.autonomy.planner.model.Sleeper;
import dev.autonomy.planner.tools.HttpTool;
import dev.autonomy.planner.tools.KubernetesReadTool;
import dev.autonomy.planner.tools.MemoryTool;
import dev.autonomy.planner.tools.PolicyTool;
import dev.autonomy.planner.tools.Tool;
import dev.autonomy.planner.tools.ToolRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds the planner from its environment at start: the config file, the models (primary and
 * fallback, keys from their files), the memory (opened in the background), the tools the Agent
 * enables, and the engine. A missing or malformed config stops the start with a clear message.
 */
@Singleton
@Startup
public class PlannerService {
  private static final Logger LOG = Logger.getLogger(PlannerService.class);

  private final PlannerConfig config;
  private final ConfigLoader loader;
  private final ResilientModel model;
  private final PlannerMemory memory;
  private final PlannerEngine engine;
  private final MicrometerPlannerMetrics metrics;
  private final Instance<KubernetesClient> kubernetes;

  public PlannerService(MeterRegistry registry, Instance<KubernetesClient> kubernetes,
      @ConfigProperty(name = "autonomy.planner.max-concurrent-episodes", defaultValue = "4") int maxConcurrent,
      @ConfigProperty(name = "autonomy.planner.keep-episodes", defaultValue = "200") int keep,
      @ConfigProperty(name = "autonomy.planner.memory-open-timeout", defaultValue = "60s") String memoryOpenTimeout) {
    this.kubernetes = kubernetes;
    this.loader = ConfigLoader.fromSystem();
    this.config = loader.load();
    this.metrics = new MicrometerPlannerMetrics(registry);
    this.model = buildModel(config, loader, metrics);
    metrics.models(model.fallback() == null ? List.of(model.primary().label())
        : List.of(model.primary().label(), model.fallback().label()));
    this.memory = new PlannerMemory(config.getAgent(), openMemory(config, loader),
        GoDurations.parse(memoryOpenTimeout, Duration.ofSeconds(60)));
    ToolsSpec t = config.getTools();
    int topK = t.getMemory() == null || t.getMemory().getRecallTopK() == null ? 5 : t.getMemory().getRecallTopK();
    PlannerSettings settings = PlannerSettings.from(config.getPlanner(), topK);
    ApprovalGate approvals = approvals(t.getHumanApproval());
    ToolRegistry tools = new ToolRegistry(tools(config, memory, kubernetes));
    GoalRunner runner = new GoalRunner(config.getRole(), config.getSystemPrompt(), settings, model, tools, memory,
        approvals, metrics, Clock.systemUTC(), System::nanoTime);
    this.engine = new PlannerEngine(runner, approvals, Clock.systemUTC(), maxConcurrent, keep);
    LOG.infof("planner for Agent %s/%s: model %s%s, tools %s, %d standing goal(s)", config.getNamespace(),
        config.getAgent(), model.primary().label(), model.fallback() == null ? "" : " (fallback "
            + model.fallback().label() + ")", tools.names(), config.getGoals().size());
  }

  static ResilientModel buildModel(PlannerConfig config, ConfigLoader loader, ResilientModel.Listener listener) {
    ModelEndpoint primarySpec = config.getModel();
    ModelEndpointClient primary = new ModelEndpointClient("primary", primarySpec,
        ChatModelFactory.create(primarySpec, loader.apiKey().orElse(null)), ModelEndpointClient.defaultMode(primarySpec));
    ModelEndpoint fallbackSpec = config.getModel().getFallback();
    ModelEndpointClient fallback = fallbackSpec == null || fallbackSpec.getProvider() == null ? null
        : new ModelEndpointClient("fallback", fallbackSpec,
            ChatModelFactory.create(fallbackSpec, loader.fallbackApiKey().orElse(null)),
            ModelEndpointClient.defaultMode(fallbackSpec));
    return new ResilientModel(primary, fallback, Backoff.DEFAULT, Sleeper.REAL, System::nanoTime,
        Duration.ofSeconds(30), listener);
  }

  /**
   * Opens the memory in the background (the embedding model takes about a second to load). Settings:
   * {@code AUTONOMY_MEMORY_*} env, then the config file's {@code memory} object; none → in-process.
   * A store that cannot be opened leaves the planner on an in-process store (logged), so the Agent
   * keeps working; its MemoryStore's status tells the rest.
   */
  static CompletableFuture<AgentMemory> openMemory(PlannerConfig config, ConfigLoader loader) {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
    props.putAll(loader.memoryProperties(config));
    Map<String, String> env = new HashMap<>(loader.env());
    // Tolerate an endpoint (host:port) where the library expects a URL.
    String endpoint = env.get("AUTONOMY_MEMORY_ENDPOINT");
    if (endpoint != null && !env.containsKey("AUTONOMY_MEMORY_URL") && !props.containsKey("autonomy.memory.url")) {
      String backend = env.getOrDefault("AUTONOMY_MEMORY_BACKEND", props.getOrDefault("autonomy.memory.backend", ""));
      if (backend.equalsIgnoreCase("chroma")) {
        env.put("AUTONOMY_MEMORY_URL", endpoint.startsWith("http") ? endpoint : "http://" + endpoint);
      } else if (backend.equalsIgnoreCase("pgvector")) {
        env.put("AUTONOMY_MEMORY_URL", "jdbc:postgresql://" + endpoint + "/"
            + env.getOrDefault("AUTONOMY_MEMORY_DATABASE", "postgres"));
      }
    }
    configureDjl();
    CompletableFuture<AgentMemory> future = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      long t0 = System.nanoTime();
      try {
        MemoryConfig mc = MemoryConfig.from(props, env);
        AgentMemory m = AgentMemory.open(mc, Embeddings.forName(mc.embeddingModel(), cacheDir()));
        LOG.infof("memory open: %s in %d ms", m.backend().name(), (System.nanoTime() - t0) / 1_000_000);
        future.complete(m);
      } catch (RuntimeException e) {
        LOG.errorf("the memory store cannot be opened (%s); using an in-process store instead", e.getMessage());
        try {
          future.complete(AgentMemory.open(MemoryConfig.inProcess(),
              Embeddings.forName(EmbeddingModels.ALL_MINILM_L6_V2, cacheDir())));
        } catch (RuntimeException | Error e2) {
          LOG.errorf(e2, "no memory at all: %s", e2.getMessage());
          future.completeExceptionally(e2);
        }
      } catch (Error e) {
        // e.g. OutOfMemoryError loading the embedding model into too small a heap: no memory, but no hang.
        LOG.errorf(e, "no memory: %s", e.toString());
        future.completeExceptionally(e);
      }
    }, "planner-memory-open");
    opener.setDaemon(true);
    opener.start();
    return future;
  }

  /**
   * Where the embedding model's files and DJL's tokenizer library are unpacked:
   * {@code AUTONOMY_PLANNER_CACHE_DIR}, else {@code <java.io.tmpdir>/autonomy-planner} (the pod mounts
   * an emptyDir at /tmp; the root file system may be read-only).
   */
  static Path cacheDir() {
    String dir = System.getenv("AUTONOMY_PLANNER_CACHE_DIR");
    return dir == null || dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "autonomy-planner") : Path.of(dir);
  }

  /** DJL (the tokenizer's native library) caches under $HOME unless told: point it at the cache dir, offline. */
  static void configureDjl() {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", cacheDir().resolve("djl").toString());
    }
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    if (System.getProperty("offline") == null) {
      System.setProperty("offline", "true");
    }
  }

  static ApprovalGate approvals(HumanApprovalToolSpec spec) {
    if (spec == null || !Boolean.TRUE.equals(spec.getEnabled())) {
      return ApprovalGate.disabled();
    }
    List<String> tools = spec.getRequiredFor() == null ? List.of("http")
        : spec.getRequiredFor().stream().map(ToolName::value).toList();
    return new ApprovalGate(true, tools, GoDurations.parse(spec.getTimeout(), Duration.ofHours(1)), spec.getOnTimeout());
  }

  static List<Tool> tools(PlannerConfig config, PlannerMemory memory, Instance<KubernetesClient> kubernetes) {
    ToolsSpec t = config.getTools();
    List<Tool> tools = new ArrayList<>();
    if (t.getHttp() != null && Boolean.TRUE.equals(t.getHttp().getEnabled()) && t.getHttp().getAllowedHosts() != null
        && !t.getHttp().getAllowedHosts().isEmpty()) {
      tools.add(new HttpTool(t.getHttp()));
    }
    if (t.getKubernetesRead() != null && !Boolean.FALSE.equals(t.getKubernetesRead().getEnabled())
        && config.getNamespace() != null) {
      KubernetesReadTool k = new KubernetesReadTool(kubernetes::get, config.getNamespace(),
          t.getKubernetesRead().getResources());
      if (!k.allowedResources().isEmpty()) {
        tools.add(k);
      }
    }
    if (t.getMemory() != null && !Boolean.FALSE.equals(t.getMemory().getEnabled())) {
      tools.add(new MemoryTool(memory, t.getMemory().getRecallTopK() == null ? 5 : t.getMemory().getRecallTopK()));
    }
    if (t.getPolicy() != null && !Boolean.FALSE.equals(t.getPolicy().getEnabled())) {
      PolicyTool p = new PolicyTool(config.getPolicies(), GoDurations.parse(t.getPolicy().getTimeout(),
          Duration.ofSeconds(2)));
      if (p.hasPolicies()) {
        tools.add(p);
      }
    }
    return tools;
  }

  public PlannerConfig config() {
    return config;
  }

  public ConfigLoader loader() {
    return loader;
  }

  public ResilientModel model() {
    return model;
  }

  public PlannerMemory memory() {
    return memory;
  }

  public PlannerEngine engine() {
    return engine;
  }

  /** The in-cluster client, when one can be built. */
  public Optional<KubernetesClient> kubernetes() {
    try {
      return kubernetes.isResolvable() ? Optional.of(kubernetes.get()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    engine.close();
    memory.close();
  }
}
