package dev.autonomy.rl.env;

import java.util.random.RandomGenerator;

/**
 * A two-player game as a single-agent environment against a fixed opponent: +1 win, -1 loss
 * (an illegal move loses), 0 draw. The learner moves first or second at random each episode.
 */
public final class VersusEnvironment implements Environment {
  private final TwoPlayerGame game;
  private final TwoPlayerGame.Player opponent;
  private int learner;
  private int elapsed;

  public VersusEnvironment(TwoPlayerGame game, TwoPlayerGame.Player opponent) {
    this.game = game;
    this.opponent = opponent;
  }

  /** Plays uniformly at random among the legal moves. */
  public static TwoPlayerGame.Player randomPlayer(RandomGenerator random) {
    return (obs, legal) -> {
      int count = 0;
      for (boolean b : legal) {
        count += b ? 1 : 0;
      }
      int pick = random.nextInt(count);
      for (int i = 0; i < legal.length; i++) {
        if (legal[i] && pick-- == 0) {
          return i;
        }
      }
      throw new IllegalStateException("no legal move");
    };
  }

  @Override
  public int observationSize() {
    return game.observationSize();
  }

  @Override
  public int actionCount() {
    return game.actionCount();
  }

  @Override
  public int maxEpisodeSteps() {
    return game.actionCount();
  }

  @Override
  public float[] reset(RandomGenerator random) {
    game.reset();
    elapsed = 0;
    learner = random.nextInt(2);
    if (learner == 1) {
      game.play(opponent.act(game.observation(), game.legalActions()));
    }
    return game.observation();
  }

  @Override
  public Step step(int action) {
    elapsed++;
    game.play(action);
    if (!game.over()) {
      game.play(opponent.act(game.observation(), game.legalActions()));
    }
    float[] obs = game.observation();
    if (!game.over()) {
      return new Step(obs, 0, false, elapsed >= maxEpisodeSteps());
    }
    double reward = game.winner() == learner ? 1 : game.winner() == -1 ? 0 : -1;
    return new Step(obs, reward, true, false);
  }
}
