package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import dev.autonomy.controllers.status.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Deleting a Policy: its Ray job is stopped, then its record deleted, before the finalizer goes. */
class PolicyCleanupTest {
  static final Instant DELETED = Instant.parse("2026-03-01T12:00:00Z");

  static Policy deleting(String rayStatus) {
    Policy policy = Policies.example();
    policy.getMetadata().setDeletionTimestamp(DELETED.toString());
    PolicyStatus status = new PolicyStatus();
    if (rayStatus != null) {
      status.setRay(RayAttemptsTest.status("job-a1", rayStatus));
    }
    policy.setStatus(status);
    return policy;
  }

  static PolicyReconciler reconciler(RayAttemptsTest.FakeRay ray, Policies.Events events, long secondsAfterDeletion) {
    return new PolicyReconciler(events, null, ray, Clock.fixed(DELETED.plusSeconds(secondsAfterDeletion), ZoneOffset.UTC));
  }

  @Test
  void withoutARayJobThePolicyGoesAtOnce() {
    RayAttemptsTest.FakeRay ray = new RayAttemptsTest.FakeRay();
    assertThat(reconciler(ray, new Policies.Events(), 0).cleanup(deleting(null), null).isRemoveFinalizer()).isTrue();
    assertThat(ray.calls).isEmpty();
  }

  @Test
  void aRunningRayJobIsStoppedThenDeletedAndWaitedForBriefly() {
    RayAttemptsTest.FakeRay ray = new RayAttemptsTest.FakeRay();
    var control = reconciler(ray, new Policies.Events(), 1).cleanup(deleting("RUNNING"), null);
    assertThat(ray.calls).containsExactly("stop job-a1", "delete job-a1");
    assertThat(control.isRemoveFinalizer()).as("Ray stops asynchronously").isFalse();
    assertThat(control.getScheduleDelay()).isPresent();
    assertThat(reconciler(ray, new Policies.Events(), 30).cleanup(deleting("RUNNING"), null).isRemoveFinalizer()).isTrue();
    assertThat(reconciler(ray, new Policies.Events(), 0).cleanup(deleting("SUCCEEDED"), null).isRemoveFinalizer()).isTrue();
  }

  @Test
  void anUnreachableDashboardHoldsThePolicyForAWhileThenItGoesWithAWarning() {
    RayAttemptsTest.FakeRay ray = new RayAttemptsTest.FakeRay() {
      @Override
      public void stop(Policy policy, RayJobStatus job) {
        throw new IllegalStateException("connection refused");
      }
    };
    Policies.Events events = new Policies.Events();
    assertThat(reconciler(ray, events, 5).cleanup(deleting("RUNNING"), null).isRemoveFinalizer()).isFalse();
    assertThat(events.recorded).isEmpty();
    assertThat(reconciler(ray, events, 600).cleanup(deleting("RUNNING"), null).isRemoveFinalizer()).isTrue();
    assertThat(events.recorded).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(Reason.ReconcileFailed);
      assertThat(e.message()).contains("job-a1").contains("connection refused");
    });
  }
}
