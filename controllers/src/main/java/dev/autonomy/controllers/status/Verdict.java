package dev.autonomy.controllers.status;

import java.util.List;

/**
 * The outcome of validating a spec beyond CEL: accepted, waiting for references that do not exist
 * (yet), or invalid. Messages name the field.
 */
public record Verdict(Reason reason, String message) {

  public static Verdict of(List<String> missingReferences, List<String> problems) {
    if (!problems.isEmpty()) {
      return new Verdict(Reason.InvalidSpec, sentence(problems));
    }
    if (!missingReferences.isEmpty()) {
      return new Verdict(Reason.ReferenceNotFound, sentence(missingReferences));
    }
    return new Verdict(Reason.Accepted, "The spec is valid and every reference resolves.");
  }

  public boolean accepted() {
    return reason == Reason.Accepted;
  }

  public boolean waiting() {
    return reason == Reason.ReferenceNotFound;
  }

  private static String sentence(List<String> parts) {
    return String.join("; ", parts) + ".";
  }
}
