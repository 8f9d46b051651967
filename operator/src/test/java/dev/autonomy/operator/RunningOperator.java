package dev.autonomy.operator;

import dev.autonomy.testsupport.Crds;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged operator for one test class: CRDs installed, watching only the test's namespace
 * (so tests and benchmarks sharing the ground do not reconcile each other's objects), its Lease
 * (and so the healing ledger) there too unless {@code env} names another namespace, and examples/
 * applied verbatim.
 */
final class RunningOperator {
  private RunningOperator() {}

  static OperatorProcess start(KubernetesClient client, TestNamespace ns, TestCluster cluster, Map<String, String> env) {
    Crds.install(client);
    Map<String, String> all = new HashMap<>();
    all.put("AUTONOMY_LEADER_ELECTION_LEASE_NAMESPACE", ns.name());
    all.put("QUARKUS_OPERATOR_SDK_NAMESPACES", ns.name());
    all.putAll(env);
    OperatorProcess operator = OperatorProcess.start(OperatorProcess.defaultJar(), cluster, List.of(), all);
    TestGround.run(60, "kubectl", "apply", "-n", ns.name(), "-f", TestGround.repoRoot().resolve("examples").toString());
    return operator;
  }
}
