package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryStoreScriptsTest {

  @Test
  void pgvectorGetsStartInitAndBackupScripts() {
    ConfigMap scripts = MemoryStoreScripts.configMap(MemoryStores.example());
    assertThat(scripts.getMetadata().getName()).isEqualTo("agent-memory-scripts");
    assertThat(scripts.getData()).containsKeys("start.sh", "00-vector.sql", "10-replication.sh", "backup-dump.sh",
        "backup-pvc.sh", "backup-s3.sh");
    assertThat(scripts.getData().get("00-vector.sql")).isEqualTo("CREATE EXTENSION IF NOT EXISTS vector;\n");
    assertThat(scripts.getData().get("backup-dump.sh")).contains("pg_dump").contains("-Fc");
    assertThat(scripts.getData().get("start.sh")).contains("pg_basebackup").contains("ALTER ROLE CURRENT_USER PASSWORD :'pw'")
        .contains("exec docker-entrypoint.sh postgres");
  }

  @Test
  void otherBackendsGetTheirDump() {
    assertThat(MemoryStoreScripts.configMap(MemoryStores.of(MemoryBackend.QDRANT)).getData())
        .containsKeys("start.sh", "backup-dump.sh").doesNotContainKey("00-vector.sql");
    assertThat(MemoryStoreScripts.configMap(MemoryStores.of(MemoryBackend.CHROMA)).getData())
        .doesNotContainKey("start.sh").containsEntry("backup-dump.sh", MemoryStoreScripts.CHROMA_DUMP);
  }

  @Test
  void everyScriptIsValidShell() throws Exception {
    for (var entry : MemoryStoreScripts.configMap(MemoryStores.example()).getData().entrySet()) {
      if (entry.getKey().endsWith(".sh")) {
        Process p = new ProcessBuilder("sh", "-n", "-c", entry.getValue()).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(entry.getKey() + ": " + new String(p.getInputStream().readAllBytes())).isZero();
      }
    }
  }

  /** The retention step, run for real: the newest KEEP_LAST of this store's backups stay, nothing else is touched. */
  @Test
  void pvcRetentionKeepsTheNewestBackups(@TempDir Path dir) throws Exception {
    for (String day : List.of("01", "02", "03", "04", "05")) {
      Files.writeString(dir.resolve("agent-memory-202611" + day + "T020000Z.dump"), day);
    }
    Files.writeString(dir.resolve("agent-memory-20261106T020000Z.dump.partial"), "torn");
    Files.writeString(dir.resolve("other-store-20261101T020000Z.dump"), "not ours");
    Files.writeString(dir.resolve("notes.txt"), "not a backup");
    ProcessBuilder sh = new ProcessBuilder("sh", "-c", MemoryStoreScripts.SHIP_PVC).redirectErrorStream(true);
    sh.environment().put("WORK_DIR", dir.toString());
    sh.environment().put("STORE", "agent-memory");
    sh.environment().put("KEEP_LAST", "3");
    Process p = sh.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(
          "agent-memory-20261103T020000Z.dump", "agent-memory-20261104T020000Z.dump", "agent-memory-20261105T020000Z.dump",
          "notes.txt", "other-store-20261101T020000Z.dump");
    }
    assertThat(out).contains("removed agent-memory-20261101T020000Z.dump").contains("kept 3 backups");
  }

  @Test
  void qdrantDumpParsesTheSnapshotName() throws IOException, InterruptedException {
    String sed = "printf '%s' '{\"result\":{\"name\":\"full-snapshot-2026.snapshot\",\"size\":1},\"status\":\"ok\"}'"
        + " | sed -n 's/.*\"name\":\"\\([^\"]*\\)\".*/\\1/p'";
    assertThat(MemoryStoreScripts.QDRANT_DUMP).contains("sed -n 's/.*\"name\":\"\\([^\"]*\\)\".*/\\1/p'");
    Process p = new ProcessBuilder("sh", "-c", sed).start();
    assertThat(new String(p.getInputStream().readAllBytes()).trim()).isEqualTo("full-snapshot-2026.snapshot");
    p.waitFor(10, TimeUnit.SECONDS);
  }
}
