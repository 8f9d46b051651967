package dev.autonomy.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from the test ground's own binaries (same PostgreSQL 18, same
 * pgvector), with its own settings (e.g. shared_buffers large enough to hold a 1M-vector HNSW index),
 * on a free loopback port, trust authentication; stopped and deleted on close. As root it runs as the
 * test ground's unprivileged {@code autonomy-pg} user, as PostgreSQL requires.
 */
final class PrivatePostgres implements AutoCloseable {
  final Path bin;
  final Path dir;
  final int port;
  final String user = "autonomy";
  private final boolean root;

  private PrivatePostgres(Path bin, Path dir, int port, boolean root) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.root = root;
  }

  static PrivatePostgres start(Path bin, List<String> settings) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "autonomy-bench-pg-");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PrivatePostgres pg = new PrivatePostgres(bin, dir, port, root);
    if (root) {
      run(List.of("chown", "autonomy-pg", dir.toString()), false);
    }
    pg.asPg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", pg.user,
        "--auth=trust", "-E", "UTF8", "--no-sync"));
    List<String> options = new ArrayList<>(List.of("-c listen_addresses=127.0.0.1", "-p " + port,
        "-k " + dir));
    settings.forEach(s -> options.add("-c " + s));
    pg.asPg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", String.join(" ", options), "start"));
    return pg;
  }

  private void asPg(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (root) {
      String gid = new String(new ProcessBuilder("id", "-g", "autonomy-pg").start().getInputStream().readAllBytes()).strip();
      full.addAll(List.of("setpriv", "--reuid", "autonomy-pg", "--regid", gid, "--clear-groups"));
    }
    full.addAll(command);
    run(full, true);
  }

  private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  @Override
  public void close() {
    try {
      asPg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
          "stop"));
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.err.println("could not stop the private PostgreSQL in " + dir + ": " + e);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
