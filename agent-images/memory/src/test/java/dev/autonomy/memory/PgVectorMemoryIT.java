package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.memory.store.PgVectorBackend;
import dev.autonomy.testsupport.TestGround;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library against the test ground's real PostgreSQL 18 + pgvector 0.8, in a database of its own. */
class PgVectorMemoryIT extends MemoryStoreContract {
  static Map<String, String> pg;
  static PgBackup backup;
  static PgBackup.Database database;
  static final List<PgBackup.Database> created = new ArrayList<>();

  @BeforeAll
  static void database() {
    pg = TestGround.services("pg");
    backup = new PgBackup(Path.of(pg.get("AUTONOMY_PG_BIN")), Duration.ofMinutes(5));
    database = new PgBackup.Database(pg.get("AUTONOMY_PG_HOST"), Integer.parseInt(pg.get("AUTONOMY_PG_PORT")),
        pg.get("AUTONOMY_PG_USER"), "", prefix("db"));
    backup.createDatabase(database);
    created.add(database);
  }

  @AfterAll
  static void dropDatabases() {
    created.forEach(backup::dropDatabase);
  }

  @Override
  MemoryConfig.Builder config() {
    return MemoryConfig.builder().backend(MemoryConfig.Backend.PGVECTOR).host(database.host()).port(database.port())
        .user(database.user()).password("").database(database.name()).pgBin(pg.get("AUTONOMY_PG_BIN"));
  }

  @Test
  void fromTheEnvironmentTheOperatorInjects() {
    MemoryConfig config = MemoryConfig.from(Map.of(), Map.of(
        "AUTONOMY_MEMORY_URL", "jdbc:postgresql://agent-memory.team.svc:5432/" + database.name(),
        "AUTONOMY_MEMORY_HOST", database.host(),
        "AUTONOMY_MEMORY_PORT", Integer.toString(database.port()),
        "AUTONOMY_MEMORY_USER", database.user(),
        "AUTONOMY_MEMORY_DIMENSION", "384",
        "AUTONOMY_MEMORY_COLLECTION_PREFIX", prefix("env")));
    AgentMemory memory = open(config, EmbeddingModels.allMiniLmL6V2());
    assertThat(memory.backend().name()).isEqualTo("pgvector");
    memory.remember(NewMemory.lesson("a", "g", "Roll back when the error rate doubles.", 0.7));
    assertThat(memory.recall(MemoryQuery.of("error rate after a deploy", 1))).hasSize(1);
  }

  @Test
  void theRecallPathFindsWhatLangChain4jsSearchFinds() {
    AgentMemory memory = open(prefix("paths"));
    List<NewMemory> batch = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      batch.add(NewMemory.episode("agent-" + (i % 3), "g" + (i % 5), "Episode " + i + " about "
          + List.of("certificates", "deployments", "node pools", "dns", "quotas").get(i % 5), 0.5));
    }
    memory.rememberAll(batch);
    dev.langchain4j.data.embedding.Embedding q = memory.model().embed("an expired certificate").content();
    for (MemoryFilter filter : List.of(MemoryFilter.ALL, MemoryFilter.agent("agent-1"),
        MemoryFilter.agent("agent-2").withGoal("g0"))) {
      var fast = memory.collection(MemoryKind.EPISODE).search(q, filter, 15);
      var langchain = memory.collection(MemoryKind.EPISODE).store().search(
          dev.langchain4j.store.embedding.EmbeddingSearchRequest.builder().queryEmbedding(q).maxResults(15)
              .filter(filter.toFilter()).build()).matches();
      assertThat(fast).extracting(m -> m.embeddingId())
          .containsExactlyElementsOf(langchain.stream().map(m -> m.embeddingId()).toList());
      for (int i = 0; i < fast.size(); i++) {
        assertThat(fast.get(i).score()).isCloseTo(langchain.get(i).score(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fast.get(i).embedded().metadata().toMap()).isEqualTo(langchain.get(i).embedded().metadata().toMap());
      }
    }
  }

  @Test
  void tablesHaveTypedColumnsAndAnHnswIndex() throws SQLException {
    String prefix = prefix("schema");
    open(prefix);
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = '" + prefix + "_episodes'");
      List<String> indexes = new ArrayList<>();
      while (rs.next()) {
        indexes.add(rs.getString(1));
      }
      assertThat(indexes).anySatisfy(d -> assertThat(d).contains("USING hnsw (embedding vector_cosine_ops)")
          .contains("m='16'").contains("ef_construction='64'"));
      assertThat(indexes).anySatisfy(d -> assertThat(d).contains("(created_at)"));
      assertThat(indexes).anySatisfy(d -> assertThat(d).contains("(agent)"));
      rs = s.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '" + prefix
          + "_lessons'::regclass AND attname IN ('embedding', 'created_at', 'importance') ORDER BY attname");
      List<String> types = new ArrayList<>();
      while (rs.next()) {
        types.add(rs.getString(1));
      }
      assertThat(types).containsExactly("bigint", "vector(384)", "double precision");
    }
  }

  @Test
  void backupWithPgDumpRestoresIntoAFreshDatabaseWithNothingLost() throws Exception {
    String prefix = prefix("backup");
    AgentMemory memory = open(prefix);
    Random random = new Random(7);
    List<NewMemory> batch = new ArrayList<>();
    String[] topics = {"deployment", "certificate", "node drain", "database failover", "autoscaling", "dns"};
    for (int i = 0; i < 120; i++) {
      String topic = topics[i % topics.length];
      batch.add(new NewMemory(MemoryKind.values()[i % 3], "agent-" + (i % 4), "goal about " + topic,
          "Memory " + i + " about the " + topic + ": step " + random.nextInt(1000), random.nextDouble(),
          Instant.now().minus(Duration.ofMinutes(random.nextInt(100_000))), Map.of("n", Integer.toString(i))));
    }
    memory.rememberAll(batch);
    MemoryQuery query = MemoryQuery.of("the certificate expired and TLS failed", 10).agent("agent-1");
    Map<String, Long> counts = counts(database, prefix);
    List<String> nearest = nearest(database, prefix, "episodes", memory);

    Path dump = Path.of("target", prefix + ".dump");
    PgBackup.Result dumped = backup.dump(database, dump);
    assertThat(dumped.bytes()).isPositive();
    assertThat(Files.size(dump)).isEqualTo(dumped.bytes());

    PgBackup.Database restored = database.named(database.name() + "_restored");
    created.add(restored);
    backup.restoreIntoNew(dump, restored);

    assertThat(counts(restored, prefix)).isEqualTo(counts).containsEntry(prefix + "_episodes", 40L);
    assertThat(nearest(restored, prefix, "episodes", memory)).isEqualTo(nearest).hasSize(10);

    MemoryConfig restoredConfig = config().database(restored.name()).collectionPrefix(prefix).touchOnRecall(false)
        .build();
    try (AgentMemory fromBackup = AgentMemory.open(restoredConfig, EmbeddingModels.allMiniLmL6V2())) {
      List<String> original = memory.recall(query.candidates(50)).stream().map(s -> s.record().id()).toList();
      List<String> again = fromBackup.recall(query.candidates(50)).stream().map(s -> s.record().id()).toList();
      assertThat(again).hasSize(original.size()).containsExactlyInAnyOrderElementsOf(original);
    }
    Files.deleteIfExists(dump);
  }

  static Connection connect(PgBackup.Database db) throws SQLException {
    return DriverManager.getConnection(PgVectorBackend.jdbcUrl(db.host(), db.port(), db.name()), db.user(), "");
  }

  static Map<String, Long> counts(PgBackup.Database db, String prefix) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      for (MemoryKind kind : MemoryKind.values()) {
        String table = prefix + "_" + kind.collection();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table);
        rs.next();
        counts.put(table, rs.getLong(1));
      }
    }
    return counts;
  }

  /** Exact nearest neighbours (sequential scan) of a fixed query vector: ids in order. */
  static List<String> nearest(PgBackup.Database db, String prefix, String collection, AgentMemory memory)
      throws SQLException {
    float[] q = memory.model().embed("the certificate expired and TLS failed").content().vector();
    List<String> ids = new ArrayList<>();
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      s.execute("SET enable_indexscan = off");
      ResultSet rs = s.executeQuery("SELECT embedding_id FROM " + prefix + "_" + collection + " ORDER BY embedding <=> '"
          + java.util.Arrays.toString(q) + "' LIMIT 10");
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
