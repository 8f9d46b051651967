package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A reinforcement-learning algorithm the trainer implements. */
public enum Algorithm {
  /** Deep Q-Network with target network and replay buffer. */
  @JsonProperty("dqn")
  DQN("dqn"),

  /** Double DQN: the online network picks, the target network evaluates. */
  @JsonProperty("double-dqn")
  DOUBLE_DQN("double-dqn"),

  /** Proximal Policy Optimization (clipped objective, GAE). */
  @JsonProperty("ppo")
  PPO("ppo"),

  /** Advantage Actor-Critic. */
  @JsonProperty("a2c")
  A2C("a2c");

  private final String value;

  Algorithm(String value) {
    this.value = value;
  }

  /** The value as written in a manifest. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
