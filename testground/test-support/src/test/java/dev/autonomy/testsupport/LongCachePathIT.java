package dev.autonomy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A ground whose cache lies on a path far longer than a Unix socket's 107 bytes (a long $HOME does
 * the same) starts every backing service, keeps its sockets short, and removes them on {@code down}.
 * Its own cache reuses the installed services by a link to the ground's venvs; its own ports keep it
 * beside the ground the other tests use.
 */
class LongCachePathIT {
  private static final int SOCKET_PATH_MAX = 107;

  @Test
  void everyServiceStartsAndItsSocketsStayShortUnderALongCachePath() throws Exception {
    TestGround.services("pg", "chroma", "ray", "llm");  // installs the venvs the long cache links to
    Path installed = Path.of(TestGround.settings(TestGround.run(30, "env")).get("AUTONOMY_CACHE"));
    Path root = Files.createTempDirectory("long-cache-");
    Path cache = root.resolve("c".repeat(Math.max(1, 130 - root.toString().length())));
    Files.createDirectories(cache);
    Files.createSymbolicLink(cache.resolve("venv"), installed.resolve("venv"));
    assertThat(cache.toString().getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(120);

    Map<String, String> env = new HashMap<>(Map.of("AUTONOMY_CACHE", cache.toString(), "AUTONOMY_CLUSTER", "autonomy-long-path"));
    for (String port : List.of("PG", "CHROMA", "RAY_DASHBOARD", "RAY_GCS", "RAY_CLIENT", "RAY_AGENT", "LLM")) {
      env.put("AUTONOMY_" + port + "_PORT", Integer.toString(freePort()));
    }
    Path sockets = Path.of(TestGround.settings(TestGround.run(env, 30, "env")).get("AUTONOMY_SOCKET_DIR"));
    try {
      Map<String, String> services = TestGround.services(env, "pg", "chroma", "ray", "llm");
      ServiceChecks.pgvectorAnswersAnHnswQuery(services);
      ServiceChecks.chromaAnswersItsHeartbeat(services);
      ServiceChecks.rayRunsASubmittedJobToSucceeded(services);
      ServiceChecks.localModelAnswersASchemaConstrainedChat(services);

      List<Path> bound = socketsUnder(sockets);
      assertThat(bound).as("PostgreSQL's socket").anyMatch(p -> p.getFileName().toString().equals(".s.PGSQL." + env.get("AUTONOMY_PG_PORT")));
      assertThat(bound).as("Ray's raylet socket").anyMatch(p -> p.getFileName().toString().equals("raylet"));
      assertThat(bound).allSatisfy(p -> assertThat(p.toString().getBytes(StandardCharsets.UTF_8).length)
          .as(p.toString()).isLessThanOrEqualTo(SOCKET_PATH_MAX));
      assertThat(socketsUnder(cache)).as("no socket under the long cache path").isEmpty();
    } finally {
      TestGround.run(env, 120, "down");
      deleteTree(root);
    }
    assertThat(sockets).as("down removes the socket directory").doesNotExist();
  }

  /** Sockets are neither files, directories nor links: Java reports them as "other". */
  private static List<Path> socketsUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> {
        try {
          return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
              java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
          return false;  // gone while walking
        }
      }).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Deletes the tree without following links (the venv link points into the real cache). */
  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
