package dev.autonomy.controllers.status;

import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.ConditionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way conditions are written (Kubernetes API conventions): {@code lastTransitionTime}
 * changes only when the status flips; reason, message and observedGeneration are always current.
 * Flips are collected as {@link Transition}s for Events.
 */
public final class ConditionSet {
  private final List<Condition> conditions;
  private final Long generation;
  private final String now;
  private final List<Transition> transitions = new ArrayList<>();

  private ConditionSet(List<Condition> current, Long generation, Instant now) {
    this.conditions = new ArrayList<>(current == null ? List.of() : current);
    this.generation = generation;
    this.now = now.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Starts from the resource's current conditions (not modified: a copy is kept). */
  public static ConditionSet of(List<Condition> current, Long generation, Instant now) {
    return new ConditionSet(current, generation, now);
  }

  public ConditionSet set(String type, ConditionStatus status, Reason reason, String message) {
    Optional<Condition> existing = find(conditions, type);
    boolean flipped = existing.map(c -> !status.value().equals(c.getStatus())).orElse(true);
    Condition updated = new Condition();
    updated.setType(type);
    updated.setStatus(status.value());
    updated.setReason(reason.name());
    updated.setMessage(message);
    updated.setObservedGeneration(generation);
    updated.setLastTransitionTime(flipped ? now : existing.get().getLastTransitionTime());
    existing.ifPresentOrElse(c -> conditions.set(conditions.indexOf(c), updated), () -> conditions.add(updated));
    // A condition's first value is news only for Accepted (the verdict on a new spec); after that,
    // every flip is a transition worth an Event. Keeps a new resource from emitting one Event per condition.
    if (flipped && (existing.isPresent() || ConditionType.ACCEPTED.equals(type))) {
      transitions.add(new Transition(type, status, reason, message));
    }
    return this;
  }

  public ConditionSet set(String type, boolean status, Reason reason, String message) {
    return set(type, status ? ConditionStatus.TRUE : ConditionStatus.FALSE, reason, message);
  }

  public List<Condition> list() {
    return List.copyOf(conditions);
  }

  public List<Transition> transitions() {
    return List.copyOf(transitions);
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> Objects.equals(type, c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> ConditionStatus.TRUE.value().equals(c.getStatus())).orElse(false);
  }
}
