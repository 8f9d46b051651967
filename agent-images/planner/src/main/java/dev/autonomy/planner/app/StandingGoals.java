package dev.autonomy.planner.app;

import dev.autonomy.api.v1alpha1.agent.StandingGoal;
import dev.autonomy.planner.config.ConfigLoader;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeListener;
import dev.autonomy.planner.engine.GoalRequest;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Pursues the Agent's standing goals ({@code spec.goals}): a {@code schedule} (cron, five fields or
 * {@code @hourly}-style) runs the goal on each tick, {@code once: true} once after the model first
 * answers (and not again after a restart when the outcomes already hold it). At most one run per goal
 * at a time: in this pod (a tick during a run is skipped) and across replicas (the Running entry in
 * the outcomes ConfigMap is a claim, written with optimistic concurrency). Outcomes go to the ConfigMap.
 */
@Singleton
public class StandingGoals {
  private static final Logger LOG = Logger.getLogger(StandingGoals.class);

  private final PlannerService planner;
  private final ModelProbe readiness;
  private final Scheduler scheduler;
  private final OutcomeWriter outcomes;
  private final Map<String, Episode> running = new ConcurrentHashMap<>();
  private final List<StandingGoal> pendingOnce = new CopyOnWriteArrayList<>();
  private final int history;
  private final Duration staleAfter;

  public StandingGoals(PlannerService planner, ModelProbe readiness, Scheduler scheduler) {
    this.planner = planner;
    this.readiness = readiness;
    this.scheduler = scheduler;
    ConfigLoader loader = planner.loader();
    this.outcomes = new OutcomeWriter(planner::kubernetes, planner.config().getNamespace(),
        loader.outcomesConfigMap().orElse(null));
    Integer h = planner.config().getPlanner().getOutcomeHistory();
    this.history = h == null ? 10 : h;
    this.staleAfter = planner.engine().runner().settings().timeBudget().plusMinutes(2);
  }

  void start(@Observes StartupEvent event) {
    for (StandingGoal goal : planner.config().getGoals()) {
      if (goal.getSchedule() != null && !goal.getSchedule().isBlank()) {
        String cron = unixCron(goal.getSchedule());
        scheduler.newJob("goal-" + goal.getName()).setCron(cron)
            .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
            .setTask(execution -> trigger(goal)).schedule();
        LOG.infof("standing goal %s scheduled (%s)", goal.getName(), cron);
      }
      if (Boolean.TRUE.equals(goal.getOnce())) {
        pendingOnce.add(goal);
      }
    }
  }

  /** {@code once} goals start when the model first answers. */
  @Scheduled(every = "${autonomy.planner.once-check-interval:5s}", delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void runOnceGoals() {
    if (pendingOnce.isEmpty() || !readiness.modelAnswers()) {
      return;
    }
    for (StandingGoal goal : List.copyOf(pendingOnce)) {
      pendingOnce.remove(goal);
      if (OutcomeLog.finished(outcomes.read(), goal.getName())) {
        LOG.infof("standing goal %s (once) already has an outcome; not pursued again", goal.getName());
        continue;
      }
      trigger(goal);
    }
  }

  /** Starts a run of the goal unless one is running (here or in another replica). */
  public Optional<Episode> trigger(StandingGoal goal) {
    Episode current = running.get(goal.getName());
    if (current != null && !current.state().finished()) {
      LOG.infof("standing goal %s: still running (%s); this tick is skipped", goal.getName(), current.id());
      return Optional.empty();
    }
    String runId = Episode.newId(Instant.now());
    Optional<?> claimed = outcomes.update(list -> OutcomeLog.claim(list, goal.getName(), runId, Instant.now(),
        staleAfter, history));
    if (claimed.isEmpty()) {
      LOG.infof("standing goal %s: another replica is pursuing it; this tick is skipped", goal.getName());
      return Optional.empty();
    }
    Episode ep = planner.engine().submit(new GoalRequest(goal.getGoal(), goal.getSuccessCriteria(), goal.getName()),
        runId, new EpisodeListener() {
          @Override
          public void onFinish(Episode e) {
            outcomes.update(list -> Optional.of(OutcomeLog.complete(list, OutcomeLog.of(goal.getName(), e), history)));
            running.remove(goal.getName(), e);
          }
        });
    running.put(goal.getName(), ep);
    LOG.infof("standing goal %s: episode %s started", goal.getName(), ep.id());
    return Optional.of(ep);
  }

  public OutcomeWriter outcomes() {
    return outcomes;
  }

  /** The five-field cron Quarkus' unix cron type reads; {@code @hourly}-style macros spelled out. */
  static String unixCron(String schedule) {
    String s = schedule.strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "@yearly", "@annually" -> "0 0 1 1 *";
      case "@monthly" -> "0 0 1 * *";
      case "@weekly" -> "0 0 * * 0";
      case "@daily", "@midnight" -> "0 0 * * *";
      case "@hourly" -> "0 * * * *";
      default -> schedule.strip();
    };
  }
}
