package dev.autonomy.testsupport;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Picks the cluster for this test run, once per JVM, in order: the kubeconfig named by
 * {@code AUTONOMY_TEST_KUBECONFIG}; k3s in Testcontainers when a Docker engine answers; otherwise
 * the local test ground (started if it is not up, and left up for the next test run).
 */
public final class TestClusters {
  public static final String KUBECONFIG_ENV = "AUTONOMY_TEST_KUBECONFIG";
  static final String K3S_IMAGE = "rancher/k3s:v1.33.4-k3s1";
  private static final Logger LOG = Logger.getLogger(TestClusters.class.getName());
  private static TestCluster current;

  private TestClusters() {}

  public static synchronized TestCluster get() {
    if (current == null) {
      current = choose();
      LOG.info(() -> "Kubernetes tests run on " + current.kind() + " at " + current.config().getMasterUrl());
    }
    return current;
  }

  private static TestCluster choose() {
    String named = System.getenv(KUBECONFIG_ENV);
    if (named != null && !named.isBlank()) {
      return fromKubeconfig("kubeconfig", read(Path.of(named)));
    }
    if (dockerAnswers()) {
      K3sContainer k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE));
      k3s.start();
      Runtime.getRuntime().addShutdownHook(new Thread(k3s::stop));
      return fromKubeconfig("k3s", k3s.getKubeConfigYaml());
    }
    TestGround.up();
    return fromKubeconfig("testground", read(TestGround.kubeconfig()));
  }

  private static boolean dockerAnswers() {
    boolean socket = Files.exists(Path.of("/var/run/docker.sock")) || System.getenv("DOCKER_HOST") != null;
    if (!socket) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static TestCluster fromKubeconfig(String kind, String kubeconfig) {
    Config config = Config.fromKubeconfig(kubeconfig);
    config.setRequestTimeout(30_000);
    return new TestCluster(kind, kubeconfig, config);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kubeconfig " + path, e);
    }
  }
}
