package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Diagnoses → one remediation: the applicable remedies of the first curable diagnosis, chosen by record. */
public final class Plan {

  /** The chosen remediation and why. */
  public record Decision(Diagnosis diagnosis, RemediationAction action) {}

  private Plan() {}

  /** The first diagnosis that an applicable remediation may cure. */
  public static Optional<Diagnosis> curable(List<Diagnosis> diagnoses, Set<RemediationAction> applicable) {
    return diagnoses.stream().filter(d -> d.remedies().stream().anyMatch(applicable::contains)).findFirst();
  }

  /**
   * {@code applicable} holds the remediations whose preconditions hold for this resource (e.g. a
   * memory ceiling above the current limit, a last stable spec, a fallback model) and that the
   * user did not disable.
   */
  public static Optional<Decision> plan(List<Diagnosis> diagnoses, Set<RemediationAction> applicable,
      OutcomeStats stats, Chooser chooser) {
    for (Diagnosis d : diagnoses) {
      List<RemediationAction> candidates = d.remedies().stream().filter(applicable::contains).toList();
      Optional<RemediationAction> action = chooser.choose(d.cause(), candidates, stats);
      if (action.isPresent()) {
        return Optional.of(new Decision(d, action.get()));
      }
    }
    return Optional.empty();
  }
}
