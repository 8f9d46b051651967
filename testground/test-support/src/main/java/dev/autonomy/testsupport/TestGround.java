package dev.autonomy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives the local test ground ({@code testground/testground}) from Java. */
public final class TestGround {
  private TestGround() {}

  /** The repository root: the nearest parent directory holding {@code testground/testground}. */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("testground/testground"))) {
        return p;
      }
    }
    throw new IllegalStateException("no testground/testground above " + dir);
  }

  /** Brings the cluster up (a no-op when it is up already). */
  public static void up() {
    run(600, "up");
  }

  public static Path kubeconfig() {
    return Path.of(run(30, "kubeconfig").trim());
  }

  /**
   * Starts backing services (pg, chroma, ray, llm) if they are not running, and returns their
   * settings, e.g. {@code AUTONOMY_PG_URL}.
   */
  public static Map<String, String> services(String... names) {
    List<String> start = new ArrayList<>(List.of("services", "start"));
    start.addAll(List.of(names));
    run(900, start.toArray(String[]::new));
    List<String> env = new ArrayList<>(List.of("services", "env"));
    env.addAll(List.of(names));
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : run(60, env.toArray(String[]::new)).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        settings.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return settings;
  }

  /** Runs {@code testground/testground ARGS} and returns its standard output. */
  public static String run(long timeoutSeconds, String... args) {
    List<String> command = new ArrayList<>();
    command.add(repoRoot().resolve("testground/testground").toString());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("testground", ".out");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took over " + timeoutSeconds + " s");
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue() + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
