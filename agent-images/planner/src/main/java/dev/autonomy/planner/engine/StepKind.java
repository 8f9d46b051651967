package dev.autonomy.planner.engine;

/** What a recorded step did. */
public enum StepKind {
  /** Episodes and lessons recalled before planning. */
  RECALL(false),
  /** A plan from the model. */
  PLAN(true),
  /** A plan reused from plan memory (no model call). */
  PLAN_MEMORY(false),
  /** A complex task decomposed by the model. */
  DECOMPOSE(true),
  /** One ReAct turn: the model chose an action. */
  ACT(true),
  /** A tool ran. */
  TOOL(true),
  /** A tool action replayed from plan memory. */
  REPLAY(true),
  /** A step waited for human approval. */
  APPROVAL(false),
  /** The model judged a task's result against its criterion. */
  EVALUATE(true),
  /** The model reflected on a failure; the lesson was stored. */
  REFLECT(true),
  /** The model re-planned the unfinished tasks. */
  REPLAN(true),
  /** The episode (and, when solved, its plan) written to memory. */
  REMEMBER(false);

  private final boolean counted;

  StepKind(boolean counted) {
    this.counted = counted;
  }

  /** True for the model and tool steps that count against {@code planner.maxSteps}. */
  public boolean counted() {
    return counted;
  }
}
