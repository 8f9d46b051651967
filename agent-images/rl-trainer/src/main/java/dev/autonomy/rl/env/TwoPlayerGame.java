package dev.autonomy.rl.env;

/**
 * A turn-based, zero-sum game for two players (self-play and League matches). Observations are
 * from the perspective of the player to move.
 */
public interface TwoPlayerGame {

  int observationSize();

  int actionCount();

  /** Starts a new game; player 0 moves first. */
  void reset();

  /** The board from the perspective of the player to move. */
  float[] observation();

  /** Which actions the player to move may take. */
  boolean[] legalActions();

  /** 0 or 1. */
  int toMove();

  /** Plays {@code action} for the player to move; an illegal move loses the game. */
  void play(int action);

  boolean over();

  /** 0 or 1 once over, -1 for a draw (or while not over). */
  int winner();

  /** Picks a move in a game (a fixed opponent, a snapshot of a policy, a human). */
  @FunctionalInterface
  interface Player {
    int act(float[] observation, boolean[] legalActions);
  }
}
