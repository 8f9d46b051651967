package dev.autonomy.operator;

import dev.autonomy.controllers.config.OperatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Leader election through a Lease, so only one replica of the operator reconciles at a time. */
public class LeaderElectionProducer {
  static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
  private static final Logger LOG = Logger.getLogger(LeaderElectionProducer.class);

  @Produces
  @Singleton
  LeaderElectionConfiguration leaderElection(OperatorConfig config, KubernetesClient client) {
    String namespace = config.leaderElection().leaseNamespace().orElseGet(() -> ownNamespace(client));
    String host = System.getenv("HOSTNAME");
    String identity = (host == null || host.isBlank() ? "autonomy-operator" : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    // JOSDK's own exit on losing the lease calls System.exit from inside the shutdown hook when the
    // operator is stopped (SIGTERM), which deadlocks the JVM; exit from a daemon thread instead.
    return new LeaderElectionConfiguration(config.leaderElection().leaseName(), namespace,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE, LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, identity,
        new LeaderCallbacks(() -> {}, LeaderElectionProducer::exitAfterLosingTheLease, leader -> {}), false);
  }

  /** Off the calling thread: a no-op while the JVM is already shutting down, an exit (1) otherwise. */
  static void exitAfterLosingTheLease() {
    Thread exit = new Thread(() -> {
      LOG.info("Stopped leading: exiting so that a fresh process can compete for the lease.");
      System.exit(1);
    }, "lost-lease-exit");
    exit.setDaemon(true);
    exit.start();
  }

  static String ownNamespace(KubernetesClient client) {
    try {
      if (Files.isReadable(SERVICE_ACCOUNT_NAMESPACE)) {
        return Files.readString(SERVICE_ACCOUNT_NAMESPACE).trim();
      }
    } catch (IOException e) {
      // fall through to the client's namespace
    }
    String fromClient = client.getNamespace();
    return fromClient == null || fromClient.isBlank() ? "default" : fromClient;
  }
}
