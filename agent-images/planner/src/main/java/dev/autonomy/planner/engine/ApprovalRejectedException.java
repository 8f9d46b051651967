package dev.autonomy.planner.engine;

/** A step that needs human approval was rejected (or timed out with onTimeout: reject). */
public class ApprovalRejectedException extends RuntimeException {
  public ApprovalRejectedException(String message) {
    super(message);
  }
}
