package dev.autonomy.controllers.status;

import dev.autonomy.api.v1alpha1.common.ConditionStatus;

/** A condition whose status flipped in this reconcile: worth an Event. */
public record Transition(String type, ConditionStatus status, Reason reason, String message) {}
