package dev.autonomy.rl;

import dev.autonomy.rl.report.KubernetesReporter;
import dev.autonomy.rl.report.StatusReporter;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** The reporter the configuration asks for: the API server, or stdout. */
final class Reporters {
  private Reporters() {}

  static StatusReporter forTraining(ProgramConfig config) {
    return config.reportStatus()
        ? new KubernetesReporter(new KubernetesClientBuilder().build(), config.namespace(), config.policyName())
        : StatusReporter.log();
  }
}
