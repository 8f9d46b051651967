package dev.autonomy.benchmarks;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.rl.algo.Evaluator;
import dev.autonomy.rl.algo.Learner;
import dev.autonomy.rl.algo.Learners;
import dev.autonomy.rl.algo.TrainerSettings;
import dev.autonomy.rl.checkpoint.CheckpointMeta;
import dev.autonomy.rl.checkpoint.CheckpointStore;
import dev.autonomy.rl.env.Environments;
import dev.autonomy.rl.serve.PolicyModel;
import dev.autonomy.rl.serve.PolicyServer;
import dev.autonomy.rl.train.TrainingLoop;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Our DQN and PPO against Stable-Baselines3 on CartPole-v1, side by side in one run, same machine,
 * same solve criterion (every 5,000 env steps a greedy evaluation of 100 episodes; solved at a mean
 * of 475), same (rl-baselines3-zoo) hyperparameters; training wall time excludes evaluations. Then the
 * decision latency of a solved policy in process and over HTTP on loopback.
 */
public final class RlCartPoleBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String COMMAND = "benchmarks/run rl";
  private static final double SOLVED = 475;
  private static final long EVAL_EVERY = 5_000;
  private static final long EVAL_SEED = 10_000;

  /** rl-baselines3-zoo's CartPole-v1 settings, in Policy spec form (PPO's schedules over 1e5 steps). */
  static final String PPO = """
      {"algorithm":"ppo","environment":{"name":"CartPole-v1"},
       "hyperparameters":{"learningRate":0.001,"gamma":0.98,"batchSize":256,"numEnvs":8,"hiddenLayers":[64,64],
         "maxGradNorm":0.5,"ppo":{"rolloutSteps":32,"epochs":20,"minibatches":1,"clipRange":0.2,"gaeLambda":0.8,
         "entropyCoef":0.0,"valueCoef":0.5},"extra":{"learningRateSchedule":"linear","clipRangeSchedule":"linear"}},
       "training":{"totalSteps":100000,"seed":%d}}""";
  static final String DQN = """
      {"algorithm":"dqn","environment":{"name":"CartPole-v1"},
       "hyperparameters":{"learningRate":0.0023,"gamma":0.99,"batchSize":64,"numEnvs":1,"hiddenLayers":[256,256],
         "maxGradNorm":10,"dqn":{"replayBufferSize":100000,"learningStarts":1000,"trainFrequency":256,
         "targetUpdateInterval":10,"epsilonStart":1.0,"epsilonEnd":0.04,"epsilonDecaySteps":8000},
         "extra":{"gradientSteps":"128"}},
       "training":{"totalSteps":100000,"seed":%d}}""";

  record Run(String algo, long seed, boolean solved, long solveSteps, double solveTrainS, double evalMean,
      List<ObjectNode> curve) {}

  private RlCartPoleBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Long> seeds = List.of(0L, 1L, 2L);
    Path out = Path.of("benchmarks/results/rl-cartpole.json");
    Path png = Path.of("benchmarks/results/cartpole-learning.png");
    String python = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Arrays.stream(args[++i].split(",")).map(Long::parseLong).toList();
        case "--sb3-python" -> python = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--png" -> png = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ObjectNode result = JSON.createObjectNode();
    result.put("name", "rl-cartpole");
    result.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
    result.set("machine", PlannerBenchmark.machine());
    result.put("command", (COMMAND + " " + String.join(" ", args)).strip());
    result.put("criterion", "every " + EVAL_EVERY + " env steps a greedy evaluation of 100 episodes (100 copies, "
        + "one episode each); solved at mean >= " + SOLVED + "; training wall time excludes evaluations");
    result.put("hyperparameters", "rl-baselines3-zoo CartPole-v1 for both (PPO 8 envs x 32 steps, 20 epochs, "
        + "lr 1e-3 and clip 0.2 linear to 0 over 1e5 steps, [64,64] tanh; DQN lr 2.3e-3, [256,256], buffer 1e5, "
        + "train every 256 steps with 128 gradient steps, target every 10 steps, epsilon 1 -> 0.04 over 8,000)");
    ObjectNode figures = result.putObject("figures");
    ArrayNode rows = result.putArray("rows");
    ArrayNode series = JSON.createArrayNode();

    ObjectNode latency = JSON.createObjectNode();
    for (String algo : List.of("ppo", "dqn")) {
      List<Run> runs = new ArrayList<>();
      for (long seed : seeds) {
        Path dir = Files.createTempDirectory("rl-bench");
        Run run = train(algo, seed, dir);
        runs.add(run);
        rows.add(row("ours", run));
        series.add(series("ours " + algo.toUpperCase() + " seed " + seed, run.curve()));
        if (seed == seeds.get(0)) {
          latency.set(algo, latency(dir));
        }
      }
      figures.set(algo + "_eval_mean_reward", figure(median(runs.stream().map(Run::evalMean).toList()), 1, "reward"));
      figures.set(algo + "_solve_wall_s", figure(median(solved(runs).stream().map(Run::solveTrainS).toList()), 2, "s"));
      figures.set(algo + "_solve_env_steps", figure(median(solved(runs).stream().map(r -> (double) r.solveSteps()).toList()), 0, "steps"));
      figures.put(algo + "_solved_seeds", solved(runs).size() + "/" + runs.size());
    }
    figures.set("decision_us_p99_inprocess", figure(Math.max(latency.at("/dqn/inprocess_us_p99").asDouble(),
        latency.at("/ppo/inprocess_us_p99").asDouble()), 1, "us"));
    figures.set("decision_ms_p99_http", figure(Math.max(latency.at("/dqn/http_ms_p99").asDouble(),
        latency.at("/ppo/http_ms_p99").asDouble()), 3, "ms"));
    result.set("latency", latency);

    Path work = Files.createDirectories(Path.of("benchmarks/target/rl"));
    Path oursCurves = work.resolve("ours-curves.json");
    JSON.writeValue(oursCurves.toFile(), series);
    if (python != null) {
      Path sb3 = work.resolve("sb3.json");
      String seedList = String.join(",", seeds.stream().map(String::valueOf).toList());
      exec(python, "benchmarks/rl/sb3_cartpole.py", "--seeds", seedList, "--out", sb3.toString());
      JsonNode sb3Result = JSON.readTree(sb3.toFile());
      for (String algo : List.of("dqn", "ppo")) {
        JsonNode summary = sb3Result.at("/summary/" + algo);
        figures.set("sb3_" + algo + "_solve_wall_s", figure(summary.get("median_solve_train_wall_s").asDouble(), 2, "s"));
        figures.set("sb3_" + algo + "_solve_env_steps", figure(summary.get("median_solve_env_steps").asDouble(), 0, "steps"));
        figures.put("sb3_" + algo + "_solved_seeds", summary.get("solved").asInt() + "/" + summary.get("seeds").asInt());
        figures.set("sb3_" + algo + "_decision_us_p99", figure(summary.get("median_decision_us_p99").asDouble(), 1, "us"));
        double ours = figures.at("/" + algo + "_solve_wall_s/value").asDouble();
        figures.set(algo + "_wall_vs_sb3", figure(ours / summary.get("median_solve_train_wall_s").asDouble(), 3, "ratio"));
      }
      for (JsonNode run : sb3Result.get("runs")) {
        ObjectNode r = rows.addObject();
        r.put("library", "sb3");
        r.put("algo", run.get("algo").asText());
        r.put("seed", run.get("seed").asLong());
        r.put("solved", run.get("solved").asBoolean());
        r.set("solve_env_steps", run.get("solve_env_steps"));
        r.set("solve_train_wall_s", run.get("solve_train_wall_s"));
        r.set("solve_eval_wall_s", run.get("solve_eval_wall_s"));
        r.set("final_eval_mean", run.get("final_eval_mean"));
      }
      result.set("sb3_versions", sb3Result.get("versions"));
      exec(python, "benchmarks/rl/plot_learning.py", png.toString(), oursCurves.toString(), sb3.toString());
      result.put("learning_curve_png", png.toString());
    }
    ((ObjectNode) result.get("machine")).put("loadavg_at_end", PlannerBenchmark.loadavg());
    Files.createDirectories(out.toAbsolutePath().getParent());
    JSON.writeValue(out.toFile(), result);
    System.out.println(JSON.writeValueAsString(figures));
  }

  private static Run train(String algo, long seed, Path dir) throws Exception {
    PolicySpec spec = JSON.readValue((algo.equals("ppo") ? PPO : DQN).formatted(seed), PolicySpec.class);
    TrainerSettings settings = TrainerSettings.from(spec);
    List<ObjectNode> curve = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager(); Learner learner = Learners.create(settings, manager)) {
      TrainingLoop.Options options = new TrainingLoop.Options(settings.totalSteps(), EVAL_EVERY, 100, SOLVED,
          Long.MAX_VALUE, 60_000, EVAL_SEED);
      TrainingLoop.Outcome outcome = new TrainingLoop().run(learner, manager,
          i -> Environments.create("CartPole-v1", EVAL_SEED + i), options, new TrainingLoop.Hooks() {
            @Override
            public void evaluated(TrainingLoop.Progress p, Evaluator.Result r) {
              ObjectNode point = JSON.createObjectNode();
              point.put("env_steps", p.step());
              point.put("train_wall_s", PlannerBenchmark.round(p.trainSeconds(), 3));
              point.put("eval_mean", r.mean());
              point.put("eval_std", PlannerBenchmark.round(r.std(), 2));
              curve.add(point);
              log("%s seed %d: step %d, %.1f s training, eval mean %.1f", algo, seed, p.step(), p.trainSeconds(), r.mean());
            }
          });
      TrainingLoop.Progress last = outcome.last();
      Evaluator.Result finalEval = outcome.lastEvaluation();
      new CheckpointStore(dir).write(new CheckpointMeta("g1-s" + last.step(), last.step(), learner.updates(),
          last.episodes(), last.meanReward(), null, "", algo, "CartPole-v1", learner.actor().sizes(),
          learner.actor().activation(), learner.actor().parameters().size()), learner.modelState(), learner.optimizerState());
      return new Run(algo, seed, outcome.reachedTarget(), last.step(), last.trainSeconds(),
          finalEval == null ? Double.NaN : finalEval.mean(), curve);
    }
  }

  /** Single-observation decisions of the solved policy: in process, then over HTTP/1.1 keep-alive on loopback. */
  private static ObjectNode latency(Path dir) throws Exception {
    CheckpointStore store = new CheckpointStore(dir);
    String id = store.newest("g1-").orElseThrow().id();
    Random random = new Random(1);
    float[][] observations = new float[1000][4];
    for (float[] o : observations) {
      for (int k = 0; k < 4; k++) {
        o[k] = (float) random.nextGaussian() * 0.1f;
      }
    }
    ObjectNode out = JSON.createObjectNode();
    System.gc(); // training's garbage is not the decisions' cost
    try (PolicyModel model = PolicyModel.load(store, id)) {
      double[] inProcess = new double[20_000];
      for (int i = -2_000; i < inProcess.length; i++) {
        long t0 = System.nanoTime();
        model.act(observations[Math.floorMod(i, 1000)]);
        if (i >= 0) {
          inProcess[i] = (System.nanoTime() - t0) / 1e3;
        }
      }
      Stats s = Stats.of(inProcess);
      out.put("inprocess_us_p50", PlannerBenchmark.round(s.percentile(50), 1));
      out.put("inprocess_us_p99", PlannerBenchmark.round(s.percentile(99), 1));
      out.put("inprocess_calls", s.count());
    }
    try (PolicyServer server = new PolicyServer("127.0.0.1", 0, mean -> { })) {
      server.swap(PolicyModel.load(store, id));
      URL url = URI.create("http://127.0.0.1:" + server.port() + "/v1/act").toURL();
      double[] http = new double[5_000];
      for (int i = -3_000; i < http.length; i++) {
        float[] o = observations[Math.floorMod(i, 1000)];
        String body = "{\"observation\":[" + o[0] + "," + o[1] + "," + o[2] + "," + o[3] + "]}";
        long t0 = System.nanoTime();
        int status = post(url, body);
        if (status != 200) {
          throw new IllegalStateException("act answered " + status);
        }
        if (i >= 0) {
          http[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      Stats s = Stats.of(http);
      out.put("http_ms_p50", PlannerBenchmark.round(s.percentile(50), 3));
      out.put("http_ms_p99", PlannerBenchmark.round(s.percentile(99), 3));
      out.put("http_calls", s.count());
    }
    return out;
  }

  /** A blocking keep-alive POST (HttpURLConnection reuses the connection), as a simple client would. */
  private static int post(URL url, String body) throws java.io.IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    try (var out = connection.getOutputStream()) {
      out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    try (var in = connection.getInputStream()) {
      in.readAllBytes();
    }
    return connection.getResponseCode();
  }

  private static List<Run> solved(List<Run> runs) {
    return runs.stream().filter(Run::solved).toList();
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    return Stats.of(values).percentile(50);
  }

  private static ObjectNode row(String library, Run run) {
    ObjectNode r = JSON.createObjectNode();
    r.put("library", library);
    r.put("algo", run.algo());
    r.put("seed", run.seed());
    r.put("solved", run.solved());
    r.put("solve_env_steps", run.solveSteps());
    r.put("solve_train_wall_s", PlannerBenchmark.round(run.solveTrainS(), 3));
    r.put("final_eval_mean", run.evalMean());
    return r;
  }

  private static ObjectNode series(String label, List<ObjectNode> curve) {
    ObjectNode s = JSON.createObjectNode();
    s.put("label", label);
    s.set("points", JSON.valueToTree(curve));
    return s;
  }

  private static ObjectNode figure(double value, int digits, String unit) {
    ObjectNode f = JSON.createObjectNode();
    if (Double.isFinite(value)) {
      f.put("value", PlannerBenchmark.round(value, digits));
    } else {
      f.putNull("value");
    }
    f.put("unit", unit);
    return f;
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue());
    }
  }

  private static void log(String format, Object... args) {
    System.err.printf("[rl] " + format + "%n", args);
  }
}
