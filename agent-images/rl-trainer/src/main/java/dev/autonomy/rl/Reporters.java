package dev.autonomy.rl;

import dev.autonomy.rl.report.KubernetesReporter;
import dev.autonomy.rl.report.StatusReporter;

/** The reporter the configuration asks for: the API server, or stdout. */
final class Reporters {
  private Reporters() {}

  static StatusReporter of(ProgramConfig config) {
    return config.reportStatus()
        ? KubernetesReporter.connect(config.namespace(), config.policyName())
        : StatusReporter.log();
  }
}
