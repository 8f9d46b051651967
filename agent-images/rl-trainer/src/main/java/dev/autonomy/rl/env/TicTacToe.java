package dev.autonomy.rl.env;

/** Tic-tac-toe: 9 cells, +1 for the mover's marks, -1 for the opponent's, 0 empty. */
public final class TicTacToe implements TwoPlayerGame {
  private static final int[][] LINES = {
      {0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}};

  private final int[] cells = new int[9]; // 0 empty, 1 player 0, 2 player 1
  private int toMove;
  private int moves;
  private int winner = -1;
  private boolean over;

  @Override
  public int observationSize() {
    return 9;
  }

  @Override
  public int actionCount() {
    return 9;
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(cells, 0);
    toMove = 0;
    moves = 0;
    winner = -1;
    over = false;
  }

  @Override
  public float[] observation() {
    float[] obs = new float[9];
    for (int i = 0; i < 9; i++) {
      obs[i] = cells[i] == 0 ? 0f : cells[i] == toMove + 1 ? 1f : -1f;
    }
    return obs;
  }

  @Override
  public boolean[] legalActions() {
    boolean[] legal = new boolean[9];
    for (int i = 0; i < 9; i++) {
      legal[i] = !over && cells[i] == 0;
    }
    return legal;
  }

  @Override
  public int toMove() {
    return toMove;
  }

  @Override
  public void play(int action) {
    if (over) {
      throw new IllegalStateException("the game is over");
    }
    if (action < 0 || action > 8 || cells[action] != 0) {
      winner = 1 - toMove;
      over = true;
      return;
    }
    cells[action] = toMove + 1;
    moves++;
    for (int[] line : LINES) {
      if (cells[line[0]] == toMove + 1 && cells[line[1]] == toMove + 1 && cells[line[2]] == toMove + 1) {
        winner = toMove;
        over = true;
        return;
      }
    }
    over = moves == 9;
    toMove = 1 - toMove;
  }

  @Override
  public boolean over() {
    return over;
  }

  @Override
  public int winner() {
    return winner;
  }
}
