package dev.autonomy.rl.env;

import java.util.random.RandomGenerator;

/**
 * CartPole-v1 with Gymnasium's exact dynamics (Euler integration, double state, float32
 * observations), reward 1 per step, termination at |x| > 2.4 or |theta| > 12°, truncation at 500.
 */
public final class CartPole implements Environment {
  static final double GRAVITY = 9.8;
  static final double MASS_CART = 1.0;
  static final double MASS_POLE = 0.1;
  static final double TOTAL_MASS = MASS_POLE + MASS_CART;
  static final double LENGTH = 0.5;
  static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
  static final double FORCE_MAG = 10.0;
  static final double TAU = 0.02;
  static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
  static final double X_THRESHOLD = 2.4;
  static final int MAX_STEPS = 500;

  private double x;
  private double xDot;
  private double theta;
  private double thetaDot;
  private int elapsed;

  @Override
  public int observationSize() {
    return 4;
  }

  @Override
  public int actionCount() {
    return 2;
  }

  @Override
  public int maxEpisodeSteps() {
    return MAX_STEPS;
  }

  @Override
  public float[] reset(RandomGenerator random) {
    return resetTo(uniform(random), uniform(random), uniform(random), uniform(random));
  }

  /** Starts from a given state (used to replay recorded trajectories). */
  public float[] resetTo(double x, double xDot, double theta, double thetaDot) {
    this.x = x;
    this.xDot = xDot;
    this.theta = theta;
    this.thetaDot = thetaDot;
    this.elapsed = 0;
    return observation();
  }

  @Override
  public Step step(int action) {
    if (action != 0 && action != 1) {
      throw new IllegalArgumentException("CartPole action must be 0 or 1, got " + action);
    }
    double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
    double cosTheta = Math.cos(theta);
    double sinTheta = Math.sin(theta);
    // Same operation order as Gymnasium (np.square first), so results agree to the last bit.
    double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
    double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
        / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
    double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;
    x = x + TAU * xDot;
    xDot = xDot + TAU * xAcc;
    theta = theta + TAU * thetaDot;
    thetaDot = thetaDot + TAU * thetaAcc;
    elapsed++;
    boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
    return new Step(observation(), 1.0, terminated, !terminated && elapsed >= MAX_STEPS);
  }

  private float[] observation() {
    return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
  }

  private static double uniform(RandomGenerator random) {
    return random.nextDouble(-0.05, 0.05);
  }
}
