package dev.autonomy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged operator ({@code java -jar quarkus-run.jar}) running as a real process against a
 * test cluster, in its prod profile (leader election on), on a free loopback port.
 */
public final class OperatorProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private final Process process;
  private final int port;
  private final Path log;
  private final double startSeconds;

  private OperatorProcess(Process process, int port, Path log, double startSeconds) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startSeconds = startSeconds;
  }

  /** The jar Maven built: system property {@code autonomy.operator.jar}, else the default path. */
  public static Path defaultJar() {
    String jar = System.getProperty("autonomy.operator.jar");
    return jar != null ? Path.of(jar) : TestGround.repoRoot().resolve("operator/target/quarkus-app/quarkus-run.jar");
  }

  /** Starts the operator and waits until {@code /q/health/ready} answers 200. */
  public static OperatorProcess start(Path jar, TestCluster cluster, List<String> jvmFlags, Map<String, String> env) {
    try {
      Path dir = Files.createDirectories(jar.getParent().getParent().resolve("operator-runs"));
      Path kubeconfig = Files.writeString(Files.createTempFile(dir, "kubeconfig", ".yaml"), cluster.kubeconfig());
      Path log = Files.createTempFile(dir, "operator", ".log");
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(jvmFlags);
      command.addAll(List.of("-Djava.io.tmpdir=" + dir, "-jar", jar.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("KUBECONFIG", kubeconfig.toString());
      builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
      builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
      builder.environment().put("DJL_OFFLINE", "true");
      builder.environment().put("OPT_OUT_TRACKING", "true");
      builder.environment().putAll(env);
      long started = System.nanoTime();
      Process process = builder.start();
      OperatorProcess operator = new OperatorProcess(process, port, log, 0);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("operator exited with " + process.exitValue() + ":\n" + operator.log());
        }
        if (operator.get("/q/health/ready").statusCode() == 200) {
          return new OperatorProcess(process, port, log, (System.nanoTime() - started) / 1e9);
        }
        Thread.sleep(50);
      }
      process.destroyForcibly();
      throw new IllegalStateException("operator not ready within 90 s:\n" + operator.log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Seconds from process start to ready. */
  public double startSeconds() {
    return startSeconds;
  }

  /** Resident set size of the operator process, in MiB (from /proc). */
  public double rssMiB() {
    try {
      Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid() + "/status")));
      return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  public HttpResponse<String> get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new FailedResponse(path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FailedResponse(path);
    }
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * Log lines at ERROR level: a healthy run has none (the Strimzi rule). JOSDK's report of reconciles
   * interrupted by the shutdown itself is not a fault.
   */
  public List<String> errorLines() {
    return log().lines().filter(l -> l.contains(" ERROR ") || l.contains("\"level\":\"ERROR\""))
        .filter(l -> !l.contains("[Error Occurred After Shutdown]")).toList();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private record FailedResponse(String path) implements HttpResponse<String> {
    @Override public int statusCode() { return 0; }
    @Override public HttpRequest request() { return null; }
    @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
    @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
    @Override public String body() { return ""; }
    @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
    @Override public URI uri() { return URI.create("http://127.0.0.1" + path); }
    @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
  }
}
