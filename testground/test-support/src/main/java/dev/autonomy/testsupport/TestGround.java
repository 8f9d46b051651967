package dev.autonomy.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives the local test ground ({@code testground/testground}) from Java. */
public final class TestGround {
  private static final int TAIL_LINES = 40;

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
    return services(Map.of(), names);
  }

  /** As {@link #services(String...)}, for the ground that {@code env} names (its cache, its ports). */
  public static Map<String, String> services(Map<String, String> env, String... names) {
    List<String> start = new ArrayList<>(List.of("services", "start"));
    start.addAll(List.of(names));
    System.err.println("[TestGround] services " + String.join(",", names)
        + ": starting the ones not running (the first start installs them into the cache: up to 15 min)");
    run(env, 900, start.toArray(String[]::new));
    List<String> settings = new ArrayList<>(List.of("services", "env"));
    settings.addAll(List.of(names));
    return settings(run(env, 60, settings.toArray(String[]::new)));
  }

  /** {@code NAME=value} lines, as {@code testground env} and {@code services env} print them. */
  public static Map<String, String> settings(String lines) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : lines.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        settings.put(line.substring(line.startsWith("export ") ? 7 : 0, eq), line.substring(eq + 1));
      }
    }
    return settings;
  }

  /**
   * Runs {@code testground/testground ARGS} and returns its standard output. What the ground says
   * while it works (what it installs, starts or waits for) goes to this process's standard error as
   * it comes; a failure carries its last lines, e.g. the failed service's own log.
   */
  public static String run(long timeoutSeconds, String... args) {
    return run(Map.of(), timeoutSeconds, args);
  }

  /** As {@link #run(long, String...)}, with {@code env} added to the ground's environment. */
  public static String run(Map<String, String> env, long timeoutSeconds, String... args) {
    List<String> command = new ArrayList<>();
    command.add(repoRoot().resolve("testground/testground").toString());
    command.addAll(List.of(args));
    String line = String.join(" ", command);
    try {
      Path out = Files.createTempFile("testground", ".out");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      Deque<String> said = new ArrayDeque<>();
      Thread echo = new Thread(() -> echo(process, said), "testground-stderr");
      echo.setDaemon(true);
      echo.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(line + " took over " + timeoutSeconds + " s; it last said:\n" + tail(echo, said));
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(line + " failed with " + process.exitValue() + ": " + output
            + "\nit last said:\n" + tail(echo, said));
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void echo(Process process, Deque<String> said) {
    try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = err.readLine()) != null; ) {
        System.err.println(l);
        synchronized (said) {
          said.addLast(l);
          if (said.size() > TAIL_LINES) {
            said.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process is gone; what it said so far is kept
    }
  }

  private static String tail(Thread echo, Deque<String> said) throws InterruptedException {
    echo.join(2_000);
    synchronized (said) {
      return String.join("\n", said);
    }
  }
}
