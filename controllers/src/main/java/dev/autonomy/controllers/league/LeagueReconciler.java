package dev.autonomy.controllers.league;

import dev.autonomy.api.v1alpha1.league.League;
import dev.autonomy.api.v1alpha1.league.LeaguePhase;
import dev.autonomy.api.v1alpha1.league.LeagueStatus;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.common.StatusControl;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import dev.autonomy.controllers.status.Verdict;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** League: validate → (self-play generations: the League issue) → report. Players are owned Policies. */
@ControllerConfiguration(name = "league")
public class LeagueReconciler implements Reconciler<League> {
  private final EventRecorder events;
  private final OperatorConfig config;
  private final Clock clock;

  @Inject
  public LeagueReconciler(EventRecorder events, OperatorConfig config) {
    this(events, config, Clock.systemUTC());
  }

  LeagueReconciler(EventRecorder events, OperatorConfig config, Clock clock) {
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public UpdateControl<League> reconcile(League league, Context<League> context) {
    Verdict verdict = Verdict.of(List.of(), LeagueValidator.problems(league.getSpec()));
    boolean suspended = Boolean.TRUE.equals(league.getSpec().getSuspend());

    LeagueStatus previous = league.getStatus();
    LeagueStatus next = Copies.deepCopy(previous, LeagueStatus.class, LeagueStatus::new);
    ConditionSet conditions = ConditionSet.of(next.getConditions(), league.getMetadata().getGeneration(), clock.instant())
        .set(ConditionType.ACCEPTED, verdict.accepted(), verdict.reason(), verdict.message())
        .set(ConditionType.READY, false, !verdict.accepted() ? verdict.reason()
                : suspended ? Reason.Suspended : Reason.WorkloadPending,
            !verdict.accepted() ? verdict.message()
                : suspended ? "Self-play is suspended by spec.suspend." : "No generation has been played yet.");
    next.setConditions(conditions.list());
    next.setObservedGeneration(league.getMetadata().getGeneration());
    next.setPhase(suspended ? LeaguePhase.SUSPENDED : verdict.accepted() ? LeaguePhase.PENDING : LeaguePhase.FAILED);
    if (next.getGeneration() == null) {
      next.setGeneration(0L);
    }
    league.setStatus(next);
    return StatusControl.report(league, previous, next, conditions, verdict, events, config.waitRequeue());
  }
}
