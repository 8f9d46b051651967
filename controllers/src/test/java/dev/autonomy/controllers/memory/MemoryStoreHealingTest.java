package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.controllers.healing.Analyze;
import dev.autonomy.controllers.healing.Diagnosis;
import dev.autonomy.controllers.healing.Observation;
import dev.autonomy.controllers.healing.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryStoreHealingTest {

  @Test
  void aReplicaOnANotReadyNodeIsLostAndFailedOverACrashingOneRestarted() {
    List<Observation> seen = MemoryStoreHealing.observe(List.of(
        new Observation(Signal.NODE_NOT_READY, "pod/agent-memory-0", 1, "node kwok-node-1 is NotReady"),
        new Observation(Signal.CRASH_LOOP, "pod/agent-memory-1", 4, "CrashLoopBackOff")));
    assertThat(seen).extracting(Observation::signal).containsExactly(Signal.MEMORY_REPLICA_LOST, Signal.CRASH_LOOP);
    assertThat(seen.get(0).evidence()).startsWith("replica lost: node kwok-node-1");

    List<Diagnosis> diagnoses = Analyze.diagnose(seen, new Analyze.Context(false, false));
    assertThat(diagnoses.get(0).cause()).isEqualTo(Diagnosis.Cause.REPLICA_LOST);
    assertThat(diagnoses.get(0).remedies()).first().isEqualTo(RemediationAction.FAILOVER_REPLICA);
    assertThat(diagnoses.get(1).remedies()).containsExactly(RemediationAction.RESTART);
  }
}
