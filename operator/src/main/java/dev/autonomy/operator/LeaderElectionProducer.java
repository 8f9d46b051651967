package dev.autonomy.operator;

import dev.autonomy.controllers.config.OperatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Leader election through a Lease, so only one replica of the operator reconciles at a time. */
public class LeaderElectionProducer {
  static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  @Produces
  @Singleton
  LeaderElectionConfiguration leaderElection(OperatorConfig config, KubernetesClient client) {
    String namespace = config.leaderElection().leaseNamespace().orElseGet(() -> ownNamespace(client));
    return new LeaderElectionConfiguration(config.leaderElection().leaseName(), namespace);
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
