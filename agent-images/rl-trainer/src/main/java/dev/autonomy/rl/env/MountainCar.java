package dev.autonomy.rl.env;

import java.util.random.RandomGenerator;

/** MountainCar-v0 with Gymnasium's dynamics: reward -1 per step, goal at 0.5, truncation at 200. */
public final class MountainCar implements Environment {
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.5;
  static final double FORCE = 0.001;
  static final double GRAVITY = 0.0025;
  static final int MAX_STEPS = 200;

  private double position;
  private double velocity;
  private int elapsed;

  @Override
  public int observationSize() {
    return 2;
  }

  @Override
  public int actionCount() {
    return 3;
  }

  @Override
  public int maxEpisodeSteps() {
    return MAX_STEPS;
  }

  @Override
  public float[] reset(RandomGenerator random) {
    return resetTo(random.nextDouble(-0.6, -0.4), 0);
  }

  /** Starts from a given state (used to replay recorded trajectories). */
  public float[] resetTo(double position, double velocity) {
    this.position = position;
    this.velocity = velocity;
    this.elapsed = 0;
    return observation();
  }

  @Override
  public Step step(int action) {
    if (action < 0 || action > 2) {
      throw new IllegalArgumentException("MountainCar action must be 0, 1 or 2, got " + action);
    }
    velocity += (action - 1) * FORCE + Math.cos(3 * position) * -GRAVITY;
    velocity = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, velocity));
    position += velocity;
    position = Math.max(MIN_POSITION, Math.min(MAX_POSITION, position));
    if (position == MIN_POSITION && velocity < 0) {
      velocity = 0;
    }
    elapsed++;
    boolean terminated = position >= GOAL_POSITION && velocity >= 0;
    return new Step(observation(), -1.0, terminated, !terminated && elapsed >= MAX_STEPS);
  }

  private float[] observation() {
    return new float[] {(float) position, (float) velocity};
  }
}
