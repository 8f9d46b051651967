package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.RemediationAction;

/** Where outcome statistics live: the cluster-wide ConfigMap, or memory (tests, dry runs). */
public interface OutcomeLedger {

  OutcomeStats load();

  void record(Diagnosis.Cause cause, RemediationAction action, boolean success);

  static OutcomeLedger inMemory() {
    OutcomeStats stats = new OutcomeStats();
    return new OutcomeLedger() {
      @Override
      public OutcomeStats load() {
        return OutcomeStats.fromData(stats.toData());
      }

      @Override
      public void record(Diagnosis.Cause cause, RemediationAction action, boolean success) {
        stats.record(cause, action, success);
      }
    };
  }
}
