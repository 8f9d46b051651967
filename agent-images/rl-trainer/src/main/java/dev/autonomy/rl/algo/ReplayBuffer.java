package dev.autonomy.rl.algo;

import java.util.random.RandomGenerator;

/** A ring buffer of transitions (obs, action, reward, next obs, terminated), sampled uniformly. */
public final class ReplayBuffer {
  private final int capacity;
  private final int observationSize;
  private final float[] observations;
  private final float[] nextObservations;
  private final int[] actions;
  private final float[] rewards;
  private final boolean[] terminated;
  private int next;
  private int size;

  public ReplayBuffer(int capacity, int observationSize) {
    this.capacity = capacity;
    this.observationSize = observationSize;
    observations = new float[capacity * observationSize];
    nextObservations = new float[capacity * observationSize];
    actions = new int[capacity];
    rewards = new float[capacity];
    terminated = new boolean[capacity];
  }

  /** Stores a transition; {@code terminated} only for true terminations, not time-limit cuts. */
  public void add(float[] observation, int action, float reward, float[] nextObservation, boolean terminated) {
    System.arraycopy(observation, 0, observations, next * observationSize, observationSize);
    System.arraycopy(nextObservation, 0, nextObservations, next * observationSize, observationSize);
    actions[next] = action;
    rewards[next] = reward;
    this.terminated[next] = terminated;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return capacity;
  }

  /** Samples {@code n} transitions with replacement into a batch. */
  public Batch sample(int n, RandomGenerator random) {
    Batch b = new Batch(n, observationSize);
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(size);
      System.arraycopy(observations, k * observationSize, b.observations, i * observationSize, observationSize);
      System.arraycopy(nextObservations, k * observationSize, b.nextObservations, i * observationSize, observationSize);
      b.actions[i] = actions[k];
      b.rewards[i] = rewards[k];
      b.notDone[i] = terminated[k] ? 0f : 1f;
    }
    return b;
  }

  /** Flat arrays ready for NDArrays. */
  public static final class Batch {
    public final float[] observations;
    public final float[] nextObservations;
    public final int[] actions;
    public final float[] rewards;
    public final float[] notDone;

    Batch(int n, int observationSize) {
      observations = new float[n * observationSize];
      nextObservations = new float[n * observationSize];
      actions = new int[n];
      rewards = new float[n];
      notDone = new float[n];
    }
  }
}
