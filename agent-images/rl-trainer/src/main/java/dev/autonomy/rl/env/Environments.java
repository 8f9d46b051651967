package dev.autonomy.rl.env;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongFunction;

/** The environments a Policy can name in {@code spec.environment.name}; new ones register here. */
public final class Environments {
  private static final Map<String, LongFunction<Environment>> REGISTRY = new TreeMap<>(Map.of(
      "CartPole-v1", seed -> new CartPole(),
      "MountainCar-v0", seed -> new MountainCar(),
      "TicTacToe-v0", seed -> new VersusEnvironment(new TicTacToe(),
          VersusEnvironment.randomPlayer(new SplittableRandom(seed ^ 0x5DEECE66DL)))));

  private Environments() {}

  /** A new instance; {@code seed} seeds any randomness inside it (e.g. a random opponent). */
  public static Environment create(String name, long seed) {
    LongFunction<Environment> factory = REGISTRY.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("spec.environment.name: unknown environment '" + name
          + "'; known: " + String.join(", ", REGISTRY.keySet()));
    }
    return factory.apply(seed);
  }

  public static Set<String> names() {
    return REGISTRY.keySet();
  }
}
