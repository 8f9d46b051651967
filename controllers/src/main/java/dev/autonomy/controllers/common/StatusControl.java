package dev.autonomy.controllers.common;

import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.Transition;
import dev.autonomy.controllers.status.Verdict;
import dev.autonomy.api.v1alpha1.common.ConditionStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.Objects;

/** The report step shared by every reconciler: Events for flips, a status patch only on change. */
public final class StatusControl {
  private StatusControl() {}

  public static <R extends HasMetadata> UpdateControl<R> report(R resource, Object previous, Object next,
      ConditionSet conditions, Verdict verdict, EventRecorder events, Duration waitRequeue) {
    for (Transition t : conditions.transitions()) {
      // Degraded reports trouble when True; Ready, Progressing, Training and Trained False are
      // states, not faults (a failed run says so in Degraded), Training Unknown is (its backend is
      // gone); Healing is reported by the remediation Events themselves; every other (positive)
      // condition going False is worth a Warning.
      boolean bad = switch (t.type()) {
        case "Degraded" -> t.status() == ConditionStatus.TRUE;
        case "Training" -> t.status() == ConditionStatus.UNKNOWN;
        case "Ready", "Progressing", "Trained", "Healing" -> false;
        default -> t.status() == ConditionStatus.FALSE;
      };
      if (bad) {
        events.warning(resource, t.reason(), t.message());
      } else {
        events.normal(resource, t.reason(), t.message());
      }
    }
    UpdateControl<R> control = Objects.equals(Serialization.asJson(previous), Serialization.asJson(next))
        ? UpdateControl.noUpdate() : UpdateControl.patchStatus(resource);
    return verdict.waiting() ? control.rescheduleAfter(waitRequeue) : control;
  }
}
