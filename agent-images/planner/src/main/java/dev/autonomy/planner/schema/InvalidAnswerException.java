package dev.autonomy.planner.schema;

import java.util.List;

/** The model gave no schema-valid answer within the allowed attempts; nothing of it was used. */
public class InvalidAnswerException extends RuntimeException {
  private final List<String> errors;
  private final int attempts;

  public InvalidAnswerException(String purpose, List<String> errors, int attempts) {
    super("no valid " + purpose + " answer after " + attempts + " attempt(s): " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
    this.attempts = attempts;
  }

  public List<String> errors() {
    return errors;
  }

  public int attempts() {
    return attempts;
  }
}
