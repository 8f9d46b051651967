package dev.autonomy.rl.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.autonomy.api.v1alpha1.policy.DqnParameters;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AlgorithmPartsTest {

  @Test
  void gaeMatchesTheRecursionAndStopsAtEpisodeBoundaries() {
    float[][] rewards = {{1f}, {1f}, {1f}};
    float[][] values = {{0.5f}, {0.4f}, {0.3f}};
    boolean[][] starts = {{true}, {false}, {true}}; // a new episode begins at t=2
    float[][] adv = new float[3][1];
    float[][] ret = new float[3][1];
    Gae.compute(rewards, values, starts, new float[] {0.2f}, new boolean[] {false}, 0.9, 0.8, adv, ret);
    double d2 = 1 + 0.9 * 0.2 - 0.3;
    double d1 = 1 - 0.4; // next observation starts an episode: no bootstrap
    double d0 = 1 + 0.9 * 0.4 - 0.5;
    assertThat(adv[2][0]).isCloseTo((float) d2, within(1e-6f));
    assertThat(adv[1][0]).isCloseTo((float) d1, within(1e-6f));
    assertThat(adv[0][0]).isCloseTo((float) (d0 + 0.9 * 0.8 * d1), within(1e-6f));
    assertThat(ret[0][0]).isCloseTo(adv[0][0] + 0.5f, within(1e-6f));
  }

  @Test
  void replayBufferOverwritesTheOldestAndKeepsTimeLimitCutsBootstrapped() {
    ReplayBuffer buffer = new ReplayBuffer(3, 1);
    for (int i = 0; i < 5; i++) {
      buffer.add(new float[] {i}, i % 2, i, new float[] {i + 1}, i == 4);
    }
    assertThat(buffer.size()).isEqualTo(3);
    ReplayBuffer.Batch batch = buffer.sample(200, new SplittableRandom(1));
    for (int k = 0; k < 200; k++) {
      float obs = batch.observations[k];
      assertThat(obs).isIn(2f, 3f, 4f);
      assertThat(batch.nextObservations[k]).isEqualTo(obs + 1);
      assertThat(batch.rewards[k]).isEqualTo(obs);
      assertThat(batch.notDone[k]).isEqualTo(obs == 4f ? 0f : 1f);
    }
  }

  @Test
  void ppoClipsTheRatioOnTheSideThatWouldOverstepTheTrustRegion() {
    try (NDManager m = NDManager.newBaseManager()) {
      // ratio e^0.5 ≈ 1.65 with a positive advantage is clipped to 1.2; with a negative one it is not.
      float loss = PpoLearner.clippedSurrogateLoss(m.create(new float[] {0.5f, 0.5f}), m.create(new float[] {0f, 0f}),
          m.create(new float[] {1f, -1f}), 0.2).getFloat();
      assertThat(loss).isCloseTo((float) -((1.2 - Math.exp(0.5)) / 2), within(1e-5f));
    }
  }

  @Test
  void epsilonDecaysLinearlyThenStays() {
    DqnParameters p = new DqnParameters();
    p.setEpsilonStart(1.0);
    p.setEpsilonEnd(0.1);
    p.setEpsilonDecaySteps(100);
    assertThat(DqnLearner.epsilon(p, 0)).isEqualTo(1.0);
    assertThat(DqnLearner.epsilon(p, 50)).isCloseTo(0.55, within(1e-9));
    assertThat(DqnLearner.epsilon(p, 1000)).isCloseTo(0.1, within(1e-9));
  }

  @Test
  void categoricalSamplesInProportionToSoftmax() {
    float[] logits = {0f, (float) Math.log(3)};
    SplittableRandom random = new SplittableRandom(9);
    int ones = 0;
    for (int i = 0; i < 20_000; i++) {
      ones += Categorical.sample(logits, 0, 2, random);
    }
    assertThat(ones / 20_000.0).isCloseTo(0.75, within(0.02));
    assertThat(Categorical.logProbability(logits, 0, 2, 1)).isCloseTo((float) Math.log(0.75), within(1e-6f));
  }
}
