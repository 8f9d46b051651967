package dev.autonomy.planner.tools;

/**
 * What a tool returned: {@code ok} false for a failure (HTTP 5xx, unknown name) and {@code refused}
 * true when a policy (allow-list, approval) stopped it before it ran.
 */
public record ToolResult(boolean ok, boolean refused, String output) {

  public static ToolResult ok(String output) {
    return new ToolResult(true, false, output);
  }

  public static ToolResult failed(String output) {
    return new ToolResult(false, false, output);
  }

  public static ToolResult refused(String why) {
    return new ToolResult(false, true, "refused: " + why);
  }
}
