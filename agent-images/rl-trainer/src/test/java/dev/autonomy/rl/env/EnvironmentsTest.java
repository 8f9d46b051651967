package dev.autonomy.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {

  @Test
  void unknownEnvironmentNamesTheFieldAndTheKnownOnes() {
    assertThatThrownBy(() -> Environments.create("Pong-v5", 1))
        .hasMessageContaining("spec.environment.name").hasMessageContaining("CartPole-v1");
  }

  @Test
  void cartPoleResetsWithinGymnasiumBounds() {
    float[] obs = Environments.create("CartPole-v1", 1).reset(new SplittableRandom(3));
    assertThat(obs).hasSize(4);
    for (float v : obs) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(0.05f);
    }
  }

  @Test
  void ticTacToeDetectsWinsDrawsAndIllegalMoves() {
    TicTacToe game = new TicTacToe();
    game.reset();
    for (int move : new int[] {0, 3, 1, 4, 2}) {
      game.play(move);
    }
    assertThat(game.over()).isTrue();
    assertThat(game.winner()).isZero();

    game.reset();
    for (int move : new int[] {0, 1, 2, 4, 3, 5, 7, 6, 8}) {
      game.play(move);
    }
    assertThat(game.over()).isTrue();
    assertThat(game.winner()).isEqualTo(-1);

    game.reset();
    game.play(4);
    game.play(4); // occupied: player 1 loses
    assertThat(game.winner()).isZero();
  }

  @Test
  void versusEnvironmentRewardsTheLearnerFromItsPerspective() {
    Environment env = Environments.create("TicTacToe-v0", 7);
    SplittableRandom random = new SplittableRandom(1);
    int wins = 0;
    for (int episode = 0; episode < 200; episode++) {
      float[] obs = env.reset(random);
      Environment.Step step;
      do {
        int move = 0;
        while (obs[move] != 0f) {
          move++;
        }
        step = env.step(move);
        obs = step.observation();
      } while (!step.done());
      assertThat(step.reward()).isIn(-1.0, 0.0, 1.0);
      wins += step.reward() > 0 ? 1 : 0;
    }
    assertThat(wins).isBetween(1, 199);
  }

  @Test
  void vectorEnvironmentResetsFinishedCopiesAndKeepsTheFinalObservation() {
    VectorEnvironment envs = new VectorEnvironment(3, i -> new CartPole(), 5);
    envs.reset();
    float[] rewards = new float[3];
    boolean[] term = new boolean[3];
    boolean[] trunc = new boolean[3];
    int[] episodes = {0};
    for (int t = 0; t < 200; t++) {
      envs.step(new int[] {1, 1, 1}, rewards, term, trunc, (ret, len) -> episodes[0]++);
      for (int i = 0; i < 3; i++) {
        assertThat(envs.finalObservation(i) != null).isEqualTo(term[i] || trunc[i]);
      }
    }
    assertThat(episodes[0]).isGreaterThan(3);
  }
}
