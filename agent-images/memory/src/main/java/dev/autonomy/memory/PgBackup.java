package dev.autonomy.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Backs a pgvector store's database up with {@code pg_dump} (custom format) and restores it with
 * {@code pg_restore}, e.g. into a fresh database to verify a backup. Uses the PostgreSQL client
 * binaries in {@code binDir} (the server's own: pg_dump refuses servers newer than itself), or the
 * PATH. The password goes in {@code PGPASSWORD}, never on the command line.
 */
public final class PgBackup {

  /** A database to dump from or restore into. */
  public record Database(String host, int port, String user, String password, String name) {
    public static Database of(MemoryConfig config) {
      return new Database(config.host(), config.port(), config.user(), config.password(), config.database());
    }

    public Database named(String other) {
      return new Database(host, port, user, password, other);
    }

    @Override
    public String toString() {
      return user + "@" + host + ":" + port + "/" + name;
    }
  }

  /** What a command did: the file, its size, how long it took. */
  public record Result(Path file, long bytes, Duration took) {}

  private final Path binDir;
  private final Duration timeout;

  public PgBackup(Path binDir, Duration timeout) {
    this.binDir = binDir;
    this.timeout = timeout;
  }

  /** With the configured PG_BIN (or {@code AUTONOMY_PG_BIN}), else the PATH. */
  public static PgBackup from(MemoryConfig config) {
    return new PgBackup(config.pgBin().map(Path::of).orElse(null), Duration.ofHours(2));
  }

  /** {@code pg_dump -Fc} of the whole database into {@code file}. */
  public Result dump(Database db, Path file) {
    long t0 = System.nanoTime();
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(db, List.of(binary("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--host=" + db.host(),
        "--port=" + db.port(), "--username=" + db.user(), "--dbname=" + db.name(), "--file=" + file));
    return new Result(file, size(file), Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Creates {@code db} (it must not exist) and restores {@code file} into it. */
  public Result restoreIntoNew(Path file, Database db) {
    long t0 = System.nanoTime();
    createDatabase(db);
    run(db, List.of(binary("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--host=" + db.host(),
        "--port=" + db.port(), "--username=" + db.user(), "--dbname=" + db.name(), file.toString()));
    return new Result(file, size(file), Duration.ofNanos(System.nanoTime() - t0));
  }

  public void createDatabase(Database db) {
    run(db, List.of(binary("createdb"), "--host=" + db.host(), "--port=" + db.port(), "--username=" + db.user(),
        db.name()));
  }

  /** Drops {@code db} if it exists (connections to it are ended first). */
  public void dropDatabase(Database db) {
    run(db.named("postgres"), List.of(binary("dropdb"), "--if-exists", "--force", "--host=" + db.host(),
        "--port=" + db.port(), "--username=" + db.user(), db.name()));
  }

  private String binary(String name) {
    return binDir == null ? name : binDir.resolve(name).toString();
  }

  private void run(Database db, List<String> command) {
    Path err = null;
    try {
      err = Files.createTempFile("pg-backup", ".err");
      ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
      if (db.password() != null && !db.password().isEmpty()) {
        pb.environment().put("PGPASSWORD", db.password());
      }
      pb.environment().put("PGCONNECT_TIMEOUT", "10");
      Process p = pb.start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " took over " + timeout + " for " + db);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed (exit " + p.exitValue()
            + ") for " + db + ": " + Files.readString(err, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0) + " (set AUTONOMY_MEMORY_PG_BIN or "
          + "AUTONOMY_PG_BIN to the PostgreSQL bin directory)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command.get(0), e);
    } finally {
      if (err != null) {
        try {
          Files.deleteIfExists(err);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
