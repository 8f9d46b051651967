package dev.autonomy.planner.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the planner's settings from its environment: the config file named by
 * {@code AUTONOMY_PLANNER_CONFIG}, API keys from the files named by {@code AUTONOMY_MODEL_API_KEY_FILE}
 * and {@code AUTONOMY_FALLBACK_MODEL_API_KEY_FILE}, and the memory settings.
 */
public final class ConfigLoader {
  public static final String CONFIG_ENV = "AUTONOMY_PLANNER_CONFIG";
  public static final String DEFAULT_CONFIG_PATH = "/etc/autonomy/planner/planner.json";
  public static final String API_KEY_FILE_ENV = "AUTONOMY_MODEL_API_KEY_FILE";
  public static final String FALLBACK_API_KEY_FILE_ENV = "AUTONOMY_FALLBACK_MODEL_API_KEY_FILE";
  public static final String OUTCOMES_CONFIGMAP_ENV = "AUTONOMY_OUTCOMES_CONFIGMAP";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static ConfigLoader fromSystem() {
    return new ConfigLoader(System.getenv());
  }

  public Path configPath() {
    return Path.of(get(CONFIG_ENV).orElse(DEFAULT_CONFIG_PATH));
  }

  /** The config file, parsed and normalised; a missing or malformed file is a clear error. */
  public PlannerConfig load() {
    Path path = configPath();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("no planner config at " + path + " (set " + CONFIG_ENV + ")");
    }
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the planner config " + path + ": " + e.getMessage(), e);
    }
  }

  public static PlannerConfig parse(String json) {
    try {
      PlannerConfig config = JSON.readValue(json, PlannerConfig.class).normalized();
      if (config.getModel() == null || config.getModel().getProvider() == null
          || config.getModel().getModelName() == null) {
        throw new IllegalStateException("the planner config has no model (model.provider, model.modelName)");
      }
      return config;
    } catch (IOException e) {
      throw new IllegalStateException("malformed planner config: " + e.getMessage(), e);
    }
  }

  /** The primary model's API key, empty when no key file is named (a local model needs none). */
  public Optional<String> apiKey() {
    return readKey(API_KEY_FILE_ENV);
  }

  public Optional<String> fallbackApiKey() {
    return readKey(FALLBACK_API_KEY_FILE_ENV);
  }

  public Optional<String> outcomesConfigMap() {
    return get(OUTCOMES_CONFIGMAP_ENV);
  }

  private Optional<String> readKey(String variable) {
    Optional<String> file = get(variable);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(file.get());
    try {
      String key = Files.readString(path, StandardCharsets.UTF_8).strip();
      return key.isEmpty() ? Optional.empty() : Optional.of(key);
    } catch (IOException e) {
      // The path may be logged; the key never is.
      throw new IllegalStateException("cannot read the API key file named by " + variable + " (" + path + "): "
          + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * The memory library's settings as Java properties ({@code autonomy.memory.<name>}) from the config
   * file's {@code memory} object, for the keys the environment does not set: env
   * {@code AUTONOMY_MEMORY_*} (the operator's injected endpoint and Secret) wins. Keys may be
   * camelCase ({@code collectionPrefix}) or snake case.
   */
  public Map<String, String> memoryProperties(PlannerConfig config) {
    Map<String, String> props = new LinkedHashMap<>();
    config.getMemory().forEach((key, value) -> {
      if (value == null || value instanceof Map || value instanceof Iterable) {
        return;
      }
      String snake = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').replace('.', '_')
          .toUpperCase(Locale.ROOT);
      if (!env.containsKey("AUTONOMY_MEMORY_" + snake)) {
        props.put("autonomy.memory." + snake.toLowerCase(Locale.ROOT).replace('_', '.'), String.valueOf(value));
      }
    });
    return props;
  }

  public Map<String, String> env() {
    return env;
  }

  private Optional<String> get(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
