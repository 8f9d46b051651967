package dev.autonomy.controllers.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.ConditionStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionSetTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123Z");
  private static final Instant T1 = Instant.parse("2026-11-25T10:05:00Z");

  @Test
  void aNewConditionIsATransitionStampedWithNow() {
    ConditionSet set = ConditionSet.of(null, 3L, T0).set("Ready", false, Reason.WorkloadPending, "Not yet.");
    Condition ready = set.list().get(0);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("WorkloadPending");
    assertThat(ready.getObservedGeneration()).isEqualTo(3L);
    assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(set.transitions()).as("a first value is not a transition").isEmpty();
    assertThat(ConditionSet.of(null, 3L, T0).set("Accepted", true, Reason.Accepted, "ok").transitions())
        .as("except the verdict on a new spec").containsExactly(new Transition("Accepted", ConditionStatus.TRUE, Reason.Accepted, "ok"));
  }

  @Test
  void theTransitionTimeIsKeptWhileTheStatusStaysEvenIfReasonMessageAndGenerationChange() {
    List<Condition> first = ConditionSet.of(null, 1L, T0).set("Accepted", false, Reason.ReferenceNotFound, "a").list();
    ConditionSet second = ConditionSet.of(first, 2L, T1).set("Accepted", false, Reason.InvalidSpec, "b");
    Condition accepted = second.list().get(0);
    assertThat(accepted.getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(accepted.getReason()).isEqualTo("InvalidSpec");
    assertThat(accepted.getMessage()).isEqualTo("b");
    assertThat(accepted.getObservedGeneration()).isEqualTo(2L);
    assertThat(second.transitions()).isEmpty();
  }

  @Test
  void aFlipUpdatesTheTransitionTimeAndIsReported() {
    List<Condition> first = ConditionSet.of(null, 1L, T0).set("Accepted", false, Reason.ReferenceNotFound, "a").list();
    ConditionSet second = ConditionSet.of(first, 1L, T1).set("Accepted", true, Reason.Accepted, "ok");
    assertThat(second.list().get(0).getLastTransitionTime()).isEqualTo("2026-11-25T10:05:00Z");
    assertThat(second.transitions()).hasSize(1);
    assertThat(ConditionSet.isTrue(second.list(), "Accepted")).isTrue();
  }

  @Test
  void otherConditionsAndTheInputListAreLeftAlone() {
    List<Condition> first = ConditionSet.of(null, 1L, T0).set("Accepted", true, Reason.Accepted, "ok")
        .set("Ready", false, Reason.WorkloadPending, "wait").list();
    ConditionSet second = ConditionSet.of(first, 1L, T1).set("Ready", true, Reason.Accepted, "up");
    assertThat(second.list()).extracting(Condition::getType).containsExactly("Accepted", "Ready");
    assertThat(second.list().get(0)).isSameAs(first.get(0));
    assertThat(first.get(1).getStatus()).isEqualTo("False");
  }

  @Test
  void verdictsPreferProblemsOverMissingReferences() {
    assertThat(Verdict.of(List.of("spec.x: Secret a not found"), List.of("spec.y is bad")).reason()).isEqualTo(Reason.InvalidSpec);
    Verdict waiting = Verdict.of(List.of("spec.x: Secret a not found"), List.of());
    assertThat(waiting.waiting()).isTrue();
    assertThat(waiting.message()).isEqualTo("spec.x: Secret a not found.");
    assertThat(Verdict.of(List.of(), List.of()).accepted()).isTrue();
  }
}
