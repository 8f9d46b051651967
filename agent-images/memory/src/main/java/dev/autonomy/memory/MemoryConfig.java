package dev.autonomy.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the memory lives and how it is recalled. Read from the settings the operator injects into
 * an Agent's pod: env {@code AUTONOMY_MEMORY_<NAME>} or Java property {@code autonomy.memory.<name>}
 * (property first; {@code _} becomes {@code .}, lower case):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><td>BACKEND</td><td>{@code pgvector}, {@code chroma} or {@code in-process}; unset: pgvector for a
 *       postgres URL, in-process when there is no URL</td></tr>
 *   <tr><td>URL</td><td>{@code jdbc:postgresql://host:port/db}, {@code postgresql://user:pass@host:port/db},
 *       or Chroma's {@code http://host:port}</td></tr>
 *   <tr><td>HOST, PORT, DATABASE</td><td>override the URL's parts (e.g. a loopback address)</td></tr>
 *   <tr><td>USER, PASSWORD, PASSWORD_FILE</td><td>credentials; or SECRET_DIR, a mounted Secret with
 *       files {@code username} (or {@code user}) and {@code password}</td></tr>
 *   <tr><td>API_KEY</td><td>Qdrant's API key</td></tr>
 *   <tr><td>CHROMA_TENANT, CHROMA_DATABASE</td><td>Chroma's tenant and database
 *       ({@code default_tenant}, {@code default_database})</td></tr>
 *   <tr><td>COLLECTION_PREFIX</td><td>{@code autonomy_memory}: collections {@code <prefix>_episodes},
 *       {@code _lessons}, {@code _plans}</td></tr>
 *   <tr><td>DIMENSION</td><td>the store's declared dimension (the MemoryStore's
 *       {@code spec.embedding.dimension}); must equal the model's</td></tr>
 *   <tr><td>EMBEDDING_MODEL</td><td>{@code all-MiniLM-L6-v2} (bundled; another model is injected in code)</td></tr>
 *   <tr><td>TTL</td><td>retention ({@code 720h}, {@code 30d}, ISO-8601); unset keeps everything</td></tr>
 *   <tr><td>WEIGHT_RECENCY, WEIGHT_IMPORTANCE, WEIGHT_RELEVANCE</td><td>1, 1, 1</td></tr>
 *   <tr><td>RECENCY_DECAY</td><td>per hour, 0.995</td></tr>
 *   <tr><td>SCORING</td><td>{@code sum} (the paper's, default) or {@code product}</td></tr>
 *   <tr><td>CANDIDATES</td><td>nearest neighbours fetched per kind before re-ranking, 50</td></tr>
 *   <tr><td>TOUCH_ON_RECALL</td><td>{@code true}: recalled memories get {@code last_accessed_at} = now</td></tr>
 *   <tr><td>HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH</td><td>pgvector HNSW index: 16, 64, 100</td></tr>
 *   <tr><td>POOL_SIZE, TIMEOUT</td><td>connections (4), request timeout (10s)</td></tr>
 *   <tr><td>PG_BIN</td><td>directory of {@code pg_dump}/{@code pg_restore} for backups
 *       (else {@code AUTONOMY_PG_BIN}, else the PATH)</td></tr>
 * </table>
 */
public final class MemoryConfig {

  public enum Backend {
    IN_PROCESS("in-process"),
    PGVECTOR("pgvector"),
    CHROMA("chroma"),
    QDRANT("qdrant");

    private final String value;

    Backend(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }

    public static Backend parse(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "in-process", "inprocess", "in_process", "memory", "in-memory", "none" -> IN_PROCESS;
        case "pgvector", "postgres", "postgresql" -> PGVECTOR;
        case "chroma" -> CHROMA;
        case "qdrant" -> QDRANT;
        default -> throw new IllegalArgumentException("unknown memory backend '" + value
            + "' (pgvector, chroma, qdrant, in-process)");
      };
    }
  }

  public static final String DEFAULT_PREFIX = "autonomy_memory";

  private final Backend backend;
  private final String host;
  private final Integer port;
  private final String database;
  private final String user;
  private final String password;
  private final String apiKey;
  private final String url;
  private final String chromaTenant;
  private final String chromaDatabase;
  private final String collectionPrefix;
  private final Integer dimension;
  private final String embeddingModel;
  private final Duration ttl;
  private final RetrievalScorer.Weights weights;
  private final double recencyDecay;
  private final RetrievalScorer.Combination scoring;
  private final int candidates;
  private final boolean touchOnRecall;
  private final int hnswM;
  private final int hnswEfConstruction;
  private final int hnswEfSearch;
  private final int poolSize;
  private final Duration timeout;
  private final String pgBin;

  private MemoryConfig(Builder b) {
    this.backend = b.backend;
    this.host = b.host;
    this.port = b.port;
    this.database = b.database;
    this.user = b.user;
    this.password = b.password;
    this.apiKey = b.apiKey;
    this.url = b.url;
    this.chromaTenant = b.chromaTenant;
    this.chromaDatabase = b.chromaDatabase;
    this.collectionPrefix = b.collectionPrefix;
    this.dimension = b.dimension;
    this.embeddingModel = b.embeddingModel;
    this.ttl = b.ttl;
    this.weights = b.weights;
    this.recencyDecay = b.recencyDecay;
    this.scoring = b.scoring;
    this.candidates = b.candidates;
    this.touchOnRecall = b.touchOnRecall;
    this.hnswM = b.hnswM;
    this.hnswEfConstruction = b.hnswEfConstruction;
    this.hnswEfSearch = b.hnswEfSearch;
    this.poolSize = b.poolSize;
    this.timeout = b.timeout;
    this.pgBin = b.pgBin;
    if (!collectionPrefix.matches("[a-z_][a-z0-9_]{0,40}")) {
      throw new IllegalArgumentException("collection prefix must match [a-z_][a-z0-9_]{0,40}: '" + collectionPrefix + "'");
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be at least 1, was " + candidates);
    }
    if (dimension != null && dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An in-process store with the defaults. */
  public static MemoryConfig inProcess() {
    return builder().build();
  }

  /** From this process's Java properties and environment. */
  public static MemoryConfig fromEnvironment() {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
    return from(props, System.getenv());
  }

  /** From properties ({@code autonomy.memory.x}) over env ({@code AUTONOMY_MEMORY_X}). */
  public static MemoryConfig from(Map<String, String> properties, Map<String, String> env) {
    Function<String, Optional<String>> get = name -> {
      String prop = properties.get("autonomy.memory." + name.toLowerCase(Locale.ROOT).replace('_', '.'));
      String value = prop != null ? prop : env.get("AUTONOMY_MEMORY_" + name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    };
    Builder b = builder();
    Optional<String> url = get.apply("URL");
    Optional<String> backend = get.apply("BACKEND");
    b.backend(backend.map(Backend::parse).orElseGet(() -> url.map(u -> isPostgresUrl(u) ? Backend.PGVECTOR : null)
        .orElse(url.isPresent() ? null : Backend.IN_PROCESS)));
    if (b.backend == null) {
      throw new IllegalArgumentException("AUTONOMY_MEMORY_URL " + url.get()
          + " does not say which backend: set AUTONOMY_MEMORY_BACKEND (pgvector, chroma, qdrant)");
    }
    url.ifPresent(b::url);
    get.apply("SECRET_DIR").map(Path::of).ifPresent(dir -> {
      readFile(dir.resolve("username")).or(() -> readFile(dir.resolve("user"))).ifPresent(b::user);
      readFile(dir.resolve("password")).ifPresent(b::password);
      readFile(dir.resolve("apiKey")).or(() -> readFile(dir.resolve("api-key"))).ifPresent(b::apiKey);
    });
    get.apply("HOST").ifPresent(b::host);
    get.apply("PORT").map(Integer::parseInt).ifPresent(b::port);
    get.apply("DATABASE").ifPresent(b::database);
    get.apply("USER").ifPresent(b::user);
    get.apply("PASSWORD_FILE").map(Path::of).flatMap(MemoryConfig::readFile).ifPresent(b::password);
    get.apply("PASSWORD").ifPresent(b::password);
    get.apply("API_KEY").ifPresent(b::apiKey);
    get.apply("CHROMA_TENANT").ifPresent(v -> b.chromaTenant = v);
    get.apply("CHROMA_DATABASE").ifPresent(v -> b.chromaDatabase = v);
    get.apply("COLLECTION_PREFIX").ifPresent(b::collectionPrefix);
    get.apply("DIMENSION").map(Integer::parseInt).ifPresent(b::dimension);
    get.apply("EMBEDDING_MODEL").ifPresent(b::embeddingModel);
    get.apply("TTL").map(Durations::parse).ifPresent(b::ttl);
    double wRec = get.apply("WEIGHT_RECENCY").map(Double::parseDouble).orElse(b.weights.recency());
    double wImp = get.apply("WEIGHT_IMPORTANCE").map(Double::parseDouble).orElse(b.weights.importance());
    double wRel = get.apply("WEIGHT_RELEVANCE").map(Double::parseDouble).orElse(b.weights.relevance());
    b.weights(new RetrievalScorer.Weights(wRec, wImp, wRel));
    get.apply("RECENCY_DECAY").map(Double::parseDouble).ifPresent(b::recencyDecay);
    get.apply("SCORING").map(RetrievalScorer.Combination::parse).ifPresent(b::scoring);
    get.apply("CANDIDATES").map(Integer::parseInt).ifPresent(b::candidates);
    get.apply("TOUCH_ON_RECALL").map(Boolean::parseBoolean).ifPresent(b::touchOnRecall);
    get.apply("HNSW_M").map(Integer::parseInt).ifPresent(v -> b.hnswM = v);
    get.apply("HNSW_EF_CONSTRUCTION").map(Integer::parseInt).ifPresent(v -> b.hnswEfConstruction = v);
    get.apply("HNSW_EF_SEARCH").map(Integer::parseInt).ifPresent(b::hnswEfSearch);
    get.apply("POOL_SIZE").map(Integer::parseInt).ifPresent(v -> b.poolSize = v);
    get.apply("TIMEOUT").map(Durations::parse).ifPresent(v -> b.timeout = v);
    get.apply("PG_BIN").or(() -> Optional.ofNullable(env.get("AUTONOMY_PG_BIN"))).ifPresent(b::pgBin);
    return b.build();
  }

  static boolean isPostgresUrl(String url) {
    return url.startsWith("jdbc:postgresql:") || url.startsWith("postgresql:") || url.startsWith("postgres:");
  }

  private static Optional<String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public Backend backend() {
    return backend;
  }

  /** Host: HOST, else the URL's. */
  public String host() {
    return host != null ? host : urlPart(URI::getHost).orElse(backend == Backend.PGVECTOR ? "127.0.0.1" : null);
  }

  /** Port: PORT, else the URL's, else the backend's default. */
  public int port() {
    if (port != null) {
      return port;
    }
    return urlPart(u -> u.getPort() > 0 ? u.getPort() : null).orElse(switch (backend) {
      case PGVECTOR -> 5432;
      case CHROMA -> 8000;
      case QDRANT -> 6333;
      case IN_PROCESS -> 0;
    });
  }

  /** PostgreSQL database: DATABASE, else the URL's path, else {@code postgres}. */
  public String database() {
    if (database != null) {
      return database;
    }
    return urlPart(u -> u.getPath() == null || u.getPath().length() <= 1 ? null : u.getPath().substring(1))
        .orElse("postgres");
  }

  public String user() {
    if (user != null) {
      return user;
    }
    return urlUserInfo().map(ui -> decode(ui.contains(":") ? ui.substring(0, ui.indexOf(':')) : ui)).orElse("postgres");
  }

  /** The password, or empty for trust authentication. */
  public String password() {
    if (password != null) {
      return password;
    }
    return urlUserInfo().filter(ui -> ui.contains(":")).map(ui -> decode(ui.substring(ui.indexOf(':') + 1))).orElse("");
  }

  /** Qdrant's API key ({@code api-key} header), or null. */
  public String apiKey() {
    return apiKey;
  }

  /** Chroma's or Qdrant's base URL, {@code http://host:port}. */
  public String httpUrl() {
    String scheme = urlPart(URI::getScheme).filter(s -> s.startsWith("http")).orElse("http");
    return scheme + "://" + host() + ":" + port();
  }

  public String chromaTenant() {
    return chromaTenant;
  }

  public String chromaDatabase() {
    return chromaDatabase;
  }

  public String collectionPrefix() {
    return collectionPrefix;
  }

  /** {@code <prefix>_episodes} etc. */
  public String collection(MemoryKind kind) {
    return collectionPrefix + "_" + kind.collection();
  }

  public Optional<Integer> dimension() {
    return Optional.ofNullable(dimension);
  }

  /** The embedding model's name (the MemoryStore's {@code spec.embedding.model}). */
  public String embeddingModel() {
    return embeddingModel;
  }

  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  public RetrievalScorer scorer() {
    return new RetrievalScorer(weights, recencyDecay, scoring);
  }

  public int candidates() {
    return candidates;
  }

  public boolean touchOnRecall() {
    return touchOnRecall;
  }

  public int hnswM() {
    return hnswM;
  }

  public int hnswEfConstruction() {
    return hnswEfConstruction;
  }

  public int hnswEfSearch() {
    return hnswEfSearch;
  }

  public int poolSize() {
    return poolSize;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Directory of the PostgreSQL client binaries, or empty to use the PATH. */
  public Optional<String> pgBin() {
    return Optional.ofNullable(pgBin);
  }

  private Optional<URI> uri() {
    if (url == null) {
      return Optional.empty();
    }
    String u = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    return Optional.of(URI.create(u));
  }

  private <T> Optional<T> urlPart(Function<URI, T> part) {
    return uri().map(part);
  }

  private Optional<String> urlUserInfo() {
    return uri().map(URI::getRawUserInfo);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.backend = backend;
    b.host = host;
    b.port = port;
    b.database = database;
    b.user = user;
    b.password = password;
    b.apiKey = apiKey;
    b.url = url;
    b.chromaTenant = chromaTenant;
    b.chromaDatabase = chromaDatabase;
    b.collectionPrefix = collectionPrefix;
    b.dimension = dimension;
    b.embeddingModel = embeddingModel;
    b.ttl = ttl;
    b.weights = weights;
    b.recencyDecay = recencyDecay;
    b.scoring = scoring;
    b.candidates = candidates;
    b.touchOnRecall = touchOnRecall;
    b.hnswM = hnswM;
    b.hnswEfConstruction = hnswEfConstruction;
    b.hnswEfSearch = hnswEfSearch;
    b.poolSize = poolSize;
    b.timeout = timeout;
    b.pgBin = pgBin;
    return b;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    String where = switch (backend) {
      case IN_PROCESS -> "in-process";
      case PGVECTOR -> "pgvector " + user() + "@" + host() + ":" + port() + "/" + database();
      case CHROMA -> "chroma " + httpUrl() + " " + chromaTenant + "/" + chromaDatabase;
      case QDRANT -> "qdrant " + httpUrl();
    };
    return "MemoryConfig[" + where + ", collections " + collectionPrefix + "_*, dimension "
        + (dimension == null ? "(model's)" : dimension) + ", ttl " + (ttl == null ? "none" : ttl) + ", scoring "
        + scoring + " " + weights + " decay " + recencyDecay + "/h, candidates " + candidates + "]";
  }

  public static final class Builder {
    private Backend backend = Backend.IN_PROCESS;
    private String host;
    private Integer port;
    private String database;
    private String user;
    private String password;
    private String apiKey;
    private String url;
    private String chromaTenant = "default_tenant";
    private String chromaDatabase = "default_database";
    private String collectionPrefix = DEFAULT_PREFIX;
    private Integer dimension;
    private String embeddingModel = EmbeddingModels.ALL_MINILM_L6_V2;
    private Duration ttl;
    private RetrievalScorer.Weights weights = RetrievalScorer.Weights.EQUAL;
    private double recencyDecay = RetrievalScorer.DEFAULT_DECAY_PER_HOUR;
    private RetrievalScorer.Combination scoring = RetrievalScorer.Combination.WEIGHTED_SUM;
    private int candidates = 50;
    private boolean touchOnRecall = true;
    private int hnswM = 16;
    private int hnswEfConstruction = 64;
    private int hnswEfSearch = 100;
    private int poolSize = 4;
    private Duration timeout = Duration.ofSeconds(10);
    private String pgBin;

    public Builder backend(Backend backend) {
      this.backend = backend;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder database(String database) {
      this.database = database;
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder chroma(String tenant, String database) {
      this.chromaTenant = tenant;
      this.chromaDatabase = database;
      return this;
    }

    public Builder collectionPrefix(String prefix) {
      this.collectionPrefix = prefix;
      return this;
    }

    public Builder dimension(Integer dimension) {
      this.dimension = dimension;
      return this;
    }

    public Builder embeddingModel(String embeddingModel) {
      this.embeddingModel = embeddingModel;
      return this;
    }

    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    public Builder weights(RetrievalScorer.Weights weights) {
      this.weights = weights;
      return this;
    }

    public Builder recencyDecay(double perHour) {
      this.recencyDecay = perHour;
      return this;
    }

    public Builder scoring(RetrievalScorer.Combination scoring) {
      this.scoring = scoring;
      return this;
    }

    public Builder candidates(int candidates) {
      this.candidates = candidates;
      return this;
    }

    public Builder touchOnRecall(boolean touch) {
      this.touchOnRecall = touch;
      return this;
    }

    public Builder hnsw(int m, int efConstruction) {
      this.hnswM = m;
      this.hnswEfConstruction = efConstruction;
      return this;
    }

    public Builder hnswEfSearch(int efSearch) {
      this.hnswEfSearch = efSearch;
      return this;
    }

    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder pgBin(String pgBin) {
      this.pgBin = pgBin;
      return this;
    }

    public MemoryConfig build() {
      return new MemoryConfig(this);
    }
  }
}
