package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.memory.BackupResult;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.MemoryStorePhase;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreStatus;
import dev.autonomy.controllers.status.ConditionSet;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryStoreStatusFactoryTest {
  static final MemoryStoreScaling.StoragePlan SETTLED = new MemoryStoreScaling.StoragePlan(List.of(), List.of(), List.of(),
      new Quantity("1Gi"));

  static StatefulSet sts(MemoryStore store, int replicas, int ready) {
    StatefulSet sts = MemoryStoreStatefulSetFactory.statefulSet(store, "img", replicas, new Quantity("1Gi"), Optional.empty());
    sts.getMetadata().setGeneration(2L);
    sts.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(2L).withReplicas(replicas).withReadyReplicas(ready).build());
    return sts;
  }

  static Job job(String name, String type, String time, String message) {
    return new JobBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus()
        .withCompletionTime("Complete".equals(type) ? time : null)
        .addNewCondition().withType(type).withStatus("True").withLastTransitionTime(time).withMessage(message).endCondition()
        .endStatus().build();
  }

  record Result(MemoryStoreStatus status, ConditionSet conditions) {
    Condition condition(String type) {
      return ConditionSet.find(status.getConditions(), type).orElseThrow();
    }
  }

  static Result report(MemoryStore store, MemoryStoreStatus previous, MemoryStoreStatusFactory.Observation seen) {
    MemoryStoreStatus next = new MemoryStoreStatus();
    ConditionSet conditions = ConditionSet.of(previous == null ? null : previous.getConditions(), 1L, Instant.EPOCH);
    MemoryStoreStatusFactory.report(store, seen, previous, next, conditions);
    next.setConditions(conditions.list());
    return new Result(next, conditions);
  }

  static MemoryStoreStatusFactory.Observation seen(Optional<StatefulSet> sts, int target, List<Job> jobs) {
    return new MemoryStoreStatusFactory.Observation(sts, target, SETTLED, List.of(), false, List.of(), jobs);
  }

  @Test
  void provisioningThenReadyWithEndpointSecretRefAndReplicas() {
    MemoryStore store = MemoryStores.example();
    Result provisioning = report(store, null, seen(Optional.of(sts(store, 1, 0)), 1, List.of()));
    assertThat(provisioning.status().getPhase()).isEqualTo(MemoryStorePhase.PROVISIONING);
    assertThat(provisioning.condition("Ready").getStatus()).isEqualTo("False");
    assertThat(provisioning.condition("Ready").getReason()).isEqualTo("WorkloadPending");
    assertThat(provisioning.condition("Progressing").getStatus()).isEqualTo("True");
    assertThat(provisioning.condition("BackupSucceeded").getStatus()).isEqualTo("Unknown");
    assertThat(provisioning.condition("BackupSucceeded").getReason()).isEqualTo("BackupPending");

    Result ready = report(store, provisioning.status(), seen(Optional.of(sts(store, 1, 1)), 1, List.of()));
    assertThat(ready.status().getPhase()).isEqualTo(MemoryStorePhase.READY);
    assertThat(ready.condition("Ready").getStatus()).isEqualTo("True");
    assertThat(ready.condition("Ready").getReason()).isEqualTo("StoreReady");
    assertThat(ready.condition("Progressing").getStatus()).isEqualTo("False");
    assertThat(ready.condition("Degraded").getStatus()).isEqualTo("False");
    assertThat(ready.status().getEndpoint()).isEqualTo("agent-memory.team.svc:5432");
    assertThat(ready.status().getSecretRef().getName()).isEqualTo("agent-memory-connection");
    assertThat(ready.status().getReplicas()).isEqualTo(1);
    assertThat(ready.status().getReadyReplicas()).isEqualTo(1);
    assertThat(ready.conditions().transitions()).extracting("type").contains("Ready");
  }

  @Test
  void scalingUpIsProvisioningAndLosingReplicasIsDegraded() {
    MemoryStore store = MemoryStores.example();
    store.getSpec().setReplicas(3);
    Result ready = report(store, null, seen(Optional.of(sts(store, 3, 3)), 3, List.of()));
    assertThat(ready.status().getPhase()).isEqualTo(MemoryStorePhase.READY);

    Result lost = report(store, ready.status(), seen(Optional.of(sts(store, 3, 2)), 3, List.of()));
    assertThat(lost.status().getPhase()).isEqualTo(MemoryStorePhase.DEGRADED);
    assertThat(lost.condition("Degraded").getReason()).isEqualTo("ReplicasNotReady");
    assertThat(lost.condition("Ready").getReason()).isEqualTo("ReplicasNotReady");
    Result stillLost = report(store, lost.status(), seen(Optional.of(sts(store, 3, 2)), 3, List.of()));
    assertThat(stillLost.status().getPhase()).isEqualTo(MemoryStorePhase.DEGRADED);
    Result recovered = report(store, stillLost.status(), seen(Optional.of(sts(store, 3, 3)), 3, List.of()));
    assertThat(recovered.status().getPhase()).isEqualTo(MemoryStorePhase.READY);

    MemoryStore grown = MemoryStores.example();
    grown.getSpec().setReplicas(3);
    Result one = report(grown, null, seen(Optional.of(sts(grown, 1, 1)), 1, List.of()));
    Result scaling = report(grown, one.status(), seen(Optional.of(sts(grown, 3, 1)), 3, List.of()));
    assertThat(scaling.status().getPhase()).isEqualTo(MemoryStorePhase.PROVISIONING);
  }

  @Test
  void refusedShrinkFailedResizeAndRefusedScaleDownAreDegradedWithTheFieldNamed() {
    MemoryStore store = MemoryStores.example();
    var shrink = new MemoryStoreScaling.StoragePlan(List.of(), List.of(), List.of("data-agent-memory-0 (2Gi)"), new Quantity("1Gi"));
    Result refused = report(store, null, new MemoryStoreStatusFactory.Observation(Optional.of(sts(store, 1, 1)), 1, shrink,
        List.of(), false, List.of(), List.of()));
    assertThat(refused.status().getPhase()).isEqualTo(MemoryStorePhase.DEGRADED);
    assertThat(refused.condition("Degraded").getReason()).isEqualTo("StorageShrinkRefused");
    assertThat(refused.condition("Degraded").getMessage()).contains("spec.storage.size 1Gi").contains("data-agent-memory-0 (2Gi)");

    var grow = new MemoryStoreScaling.StoragePlan(List.of("data-agent-memory-0"), List.of(), List.of(), new Quantity("2Gi"));
    Result failed = report(store, null, new MemoryStoreStatusFactory.Observation(Optional.of(sts(store, 1, 1)), 1, grow,
        List.of("data-agent-memory-0: storageclass does not allow expansion"), false, List.of(), List.of()));
    assertThat(failed.condition("Degraded").getReason()).isEqualTo("StorageResizeFailed");
    assertThat(failed.condition("Progressing").getReason()).isEqualTo("StorageResizing");

    Result held = report(store, null, new MemoryStoreStatusFactory.Observation(Optional.of(sts(store, 3, 3)), 3, SETTLED,
        List.of(), true, List.of(), List.of()));
    assertThat(held.condition("Degraded").getReason()).isEqualTo("ScaleDownRefused");
    assertThat(held.condition("Degraded").getMessage()).contains(MemoryStoreScaling.CONFIRM_SCALE_DOWN);
  }

  @Test
  void lastBackupComesFromTheNewestFinishedJob() {
    MemoryStore store = MemoryStores.example();
    List<Job> jobs = List.of(job("agent-memory-backup-1", "Complete", "2026-11-24T02:00:10Z", null),
        job("agent-memory-backup-2", "Failed", "2026-11-25T02:00:30Z", "Job has reached the specified backoff limit"),
        new JobBuilder().withNewMetadata().withName("agent-memory-backup-3").endMetadata().withNewStatus().withActive(1)
            .endStatus().build());
    Result failed = report(store, null, seen(Optional.of(sts(store, 1, 1)), 1, jobs));
    assertThat(failed.status().getLastBackup().getResult()).isEqualTo(BackupResult.FAILED);
    assertThat(failed.status().getLastBackup().getTime()).isEqualTo("2026-11-25T02:00:30Z");
    assertThat(failed.status().getLastBackup().getMessage()).contains("agent-memory-backup-2").contains("backoff limit");
    assertThat(failed.condition("BackupSucceeded").getStatus()).isEqualTo("False");
    assertThat(failed.status().getPhase()).as("backups failing").isEqualTo(MemoryStorePhase.DEGRADED);

    Result ok = report(store, failed.status(), seen(Optional.of(sts(store, 1, 1)), 1,
        List.of(jobs.get(0), jobs.get(1), job("agent-memory-backup-4", "Complete", "2026-11-25T03:00:00Z", null))));
    assertThat(ok.status().getLastBackup().getResult()).isEqualTo(BackupResult.SUCCEEDED);
    assertThat(ok.status().getLastBackup().getLocation()).isEqualTo("pvc://agent-memory-backups/agent-memory/");
    assertThat(ok.condition("BackupSucceeded").getStatus()).isEqualTo("True");
    assertThat(ok.status().getPhase()).isEqualTo(MemoryStorePhase.READY);

    store.getSpec().getBackup().setEnabled(false);
    Result off = report(store, ok.status(), seen(Optional.of(sts(store, 1, 1)), 1, List.of()));
    assertThat(off.condition("BackupSucceeded").getReason()).isEqualTo("BackupDisabled");
    assertThat(off.status().getLastBackup()).as("kept from before").isNotNull();
  }

  @Test
  void failingChildrenAreReported() {
    MemoryStore store = MemoryStores.example();
    Result failed = report(store, null, new MemoryStoreStatusFactory.Observation(Optional.empty(), 1, SETTLED, List.of(),
        false, List.of("statefulset: forbidden"), List.of()));
    assertThat(failed.condition("Degraded").getReason()).isEqualTo("ReconcileFailed");
    assertThat(failed.condition("Degraded").getMessage()).contains("statefulset: forbidden");
    assertThat(failed.status().getPhase()).isEqualTo(MemoryStorePhase.DEGRADED);
  }
}
