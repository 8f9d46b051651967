package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.HealingEntry;
import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.status.Reason;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One MAPE-K turn for a resource: conclude the last remediation (was its symptom gone once its
 * cooldown ended?), then Monitor's observations → Analyze → Plan → Guard → Execute, recording
 * symptom → diagnosis → action → outcome in status and as an Event. Never edits the spec.
 */
public final class HealingLoop {
  private final OutcomeLedger store;
  private final Chooser chooser;
  private final EventRecorder events;

  /** What the turn left: the knowledge to keep in status and what conditions should say. */
  public record Turn(HealingStatus knowledge, boolean healing, boolean exhausted, boolean waiting, String message) {

    /**
     * When to look again without an event: once the cooldown ends, if a remediation's outcome is
     * pending then or a symptom waits for it; empty when nothing is due.
     */
    public Optional<Duration> recheck(Instant now) {
      if (knowledge.getCooldownUntil() == null || exhausted || !(healing || waiting)) {
        return Optional.empty();
      }
      Duration wait = Duration.between(now, Instant.parse(knowledge.getCooldownUntil()));
      return Optional.of(wait.compareTo(MIN_RECHECK) < 0 ? MIN_RECHECK : wait);
    }
  }

  private static final Duration MIN_RECHECK = Duration.ofMillis(500);

  /**
   * The loop as the reconcilers run it: outcomes learned cluster-wide in the leader-election
   * namespace (else the resource's), remediations chosen at random by their record.
   */
  public static HealingLoop inCluster(KubernetesClient client, OperatorConfig config, String resourceNamespace,
      EventRecorder events) {
    String namespace = config.leaderElection().leaseNamespace().orElse(resourceNamespace);
    return new HealingLoop(new KnowledgeStore(client, namespace), new Chooser(new SplittableRandom()), events);
  }

  public HealingLoop(OutcomeLedger store, Chooser chooser, EventRecorder events) {
    this.store = store;
    this.chooser = chooser;
    this.events = events;
  }

  /**
   * {@code actions} are the remediations this kind can apply here, each given the observation it
   * answers; absent ones (or ones the spec disables) are never chosen.
   */
  public Turn run(HasMetadata owner, HealingSpec spec, HealingStatus knowledge, List<Observation> observations,
      Analyze.Context context, Map<RemediationAction, Function<Observation, Executor.Result>> actions, Instant now) {
    HealingSpec s = spec == null ? new HealingSpec() : spec;
    HealingStatus k = conclude(owner, s, knowledge, observations, now);
    if (observations.isEmpty()) {
      // Healing stays True while the last remediation's outcome is pending.
      return inProgress(k) ? new Turn(k, true, false, false, "The outcome of " + k.getLastAction()
          + " is judged once the cooldown ends.") : new Turn(k, false, circuitOpen(k), false,
          "Nothing needs healing.");
    }
    Set<RemediationAction> applicable = actions.isEmpty() ? EnumSet.noneOf(RemediationAction.class)
        : EnumSet.copyOf(actions.keySet());
    if (s.getDisabledActions() != null) {
      s.getDisabledActions().forEach(applicable::remove);
    }
    List<Diagnosis> diagnoses = Analyze.diagnose(observations, context);
    Optional<Diagnosis> curable = Plan.curable(diagnoses, applicable);
    if (curable.isEmpty()) {
      return new Turn(k, false, circuitOpen(k), false, diagnoses.isEmpty() ? "No diagnosis."
          : "No automatic remediation for: " + diagnoses.get(0).summary() + ".");
    }
    // The guard first: while it holds, the cluster-wide record is not read (a crash loop brings many reconciles).
    Guard.Verdict verdict = Guard.check(s, k, now);
    if (verdict == Guard.Verdict.CIRCUIT_OPEN) {
      return new Turn(k, false, true, false, "Healing stopped after " + k.getConsecutiveFailures()
          + " failed remediations in a row; " + curable.get().summary() + ".");
    }
    if (verdict != Guard.Verdict.ALLOW && verdict != Guard.Verdict.DRY_RUN_ONLY) {
      return new Turn(k, inProgress(k), false, verdict == Guard.Verdict.COOLDOWN, "Healing waits ("
          + verdict.name().toLowerCase() + "): " + curable.get().summary() + ".");
    }
    Plan.Decision d = Plan.plan(List.of(curable.get()), applicable, store.load(), chooser).orElseThrow();
    Executor.Result result = actions.get(d.action()).apply(d.diagnosis().observation());
    HealingEntry entry = entry(d, result, now);
    k = Guard.attempted(s, k, entry, now);
    if (result.outcome() == HealingOutcome.SKIPPED) {
      events.normal(owner, Reason.RemediationPlanned, d.diagnosis().summary() + " → " + d.action().value() + ": "
          + result.message());
      return new Turn(k, false, circuitOpen(k), false, d.diagnosis().summary() + " → "
          + d.action().value() + " (dry run only).");
    }
    if (result.outcome() != HealingOutcome.IN_PROGRESS) {
      k = Guard.concluded(s, k, false, now);
      store.record(d.diagnosis().cause(), d.action(), false);
      events.warning(owner, Reason.RemediationRejected, d.diagnosis().summary() + " → " + d.action().value() + ": "
          + result.message());
    } else {
      events.normal(owner, Reason.RemediationApplied, d.diagnosis().summary() + " → " + d.action().value() + ": "
          + result.message());
    }
    return new Turn(k, result.outcome() == HealingOutcome.IN_PROGRESS, circuitOpen(k), false,
        d.diagnosis().summary() + " → " + d.action().value() + ".");
  }

  /** Once the cooldown is over, the last applied remediation succeeded if its symptom is gone. */
  private HealingStatus conclude(HasMetadata owner, HealingSpec spec, HealingStatus knowledge,
      List<Observation> observations, Instant now) {
    HealingStatus k = Copies.deepCopy(knowledge, HealingStatus.class, HealingStatus::new);
    List<HealingEntry> entries = k.getEntries() == null ? new ArrayList<>() : new ArrayList<>(k.getEntries());
    if (entries.isEmpty()) {
      return k;
    }
    HealingEntry last = entries.get(entries.size() - 1);
    if (last.getOutcome() != HealingOutcome.IN_PROGRESS
        || (k.getCooldownUntil() != null && now.isBefore(Instant.parse(k.getCooldownUntil())))) {
      return k;
    }
    boolean persists = observations.stream().anyMatch(o -> last.getSymptom().equals(symptom(o)));
    last.setOutcome(persists ? HealingOutcome.FAILED : HealingOutcome.SUCCEEDED);
    last.setDurationMillis(now.toEpochMilli() - Instant.parse(last.getTime()).toEpochMilli());
    k.setEntries(entries);
    k = Guard.concluded(spec, k, !persists, now);
    RemediationAction action = RemediationAction.valueOf(actionName(last.getAction()));
    store.record(Diagnosis.Cause.valueOf(last.getDiagnosis()), action, !persists);
    if (persists) {
      events.warning(owner, Reason.RemediationFailed, last.getSymptom() + " persists after " + last.getAction() + ".");
    } else {
      events.normal(owner, Reason.RemediationSucceeded, last.getSymptom() + " is gone after " + last.getAction() + ".");
    }
    return k;
  }

  private static String actionName(String value) {
    for (RemediationAction a : RemediationAction.values()) {
      if (a.value().equals(value)) {
        return a.name();
      }
    }
    throw new IllegalArgumentException("unknown remediation " + value);
  }

  private static boolean circuitOpen(HealingStatus k) {
    return Boolean.TRUE.equals(k.getCircuitOpen());
  }

  private static boolean inProgress(HealingStatus k) {
    List<HealingEntry> entries = k.getEntries();
    return entries != null && !entries.isEmpty()
        && entries.get(entries.size() - 1).getOutcome() == HealingOutcome.IN_PROGRESS;
  }

  static String symptom(Observation o) {
    return o.signal() + " " + o.subject();
  }

  private static HealingEntry entry(Plan.Decision d, Executor.Result result, Instant now) {
    HealingEntry e = new HealingEntry();
    e.setTime(now.toString());
    e.setSymptom(symptom(d.diagnosis().observation()));
    e.setDiagnosis(d.diagnosis().cause().name());
    e.setAction(d.action().value());
    e.setOutcome(result.outcome());
    e.setMessage(result.message());
    return e;
  }
}
