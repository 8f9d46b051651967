package dev.autonomy.rl;

import dev.autonomy.rl.train.TrainingLoop;
import java.util.Map;

/**
 * {@code rl-trainer train|evaluate|serve}. Exit codes: 0 done, 1 failed, 2 invalid configuration,
 * 3 training diverged.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  static int run(String[] args, Map<String, String> env) {
    String mode = args.length == 0 ? "" : args[0];
    // Small networks: one intra-op thread is fastest and stays fast on a busy node.
    System.setProperty("ai.djl.pytorch.num_threads", env.getOrDefault("AUTONOMY_TORCH_THREADS", "1"));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    try {
      return switch (mode) {
        case "train" -> new TrainCommand(ProgramConfig.from(env, true)).run();
        case "evaluate" -> new EvaluateCommand(ProgramConfig.from(env, true)).run();
        case "serve" -> new ServeCommand(ProgramConfig.from(env, false)).run();
        default -> {
          System.err.println("usage: rl-trainer train|evaluate|serve (configuration from AUTONOMY_* env, see README)");
          yield 2;
        }
      };
    } catch (ProgramConfig.InvalidConfigException | IllegalArgumentException e) {
      System.err.println("invalid configuration: " + e.getMessage());
      return 2;
    } catch (TrainingLoop.DivergedException e) {
      System.err.println("training diverged: " + e.getMessage());
      return 3;
    } catch (RuntimeException e) {
      e.printStackTrace();
      return 1;
    }
  }
}
