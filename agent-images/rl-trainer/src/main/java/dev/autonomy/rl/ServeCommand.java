package dev.autonomy.rl;

import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.rl.checkpoint.CheckpointMeta;
import dev.autonomy.rl.checkpoint.CheckpointStore;
import dev.autonomy.rl.report.StatusReporter;
import dev.autonomy.rl.serve.PolicyModel;
import dev.autonomy.rl.serve.PolicyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}: answers act(observation) for the promoted checkpoint and follows
 * {@code status.servingRevision} (polled every 5 s), reporting the live mean reward.
 */
final class ServeCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  private static final long POLL_MILLIS = 5_000;

  private final ProgramConfig config;
  private final CheckpointStore store;
  private final StatusReporter reporter;
  private final AtomicReference<Double> liveMean = new AtomicReference<>();

  ServeCommand(ProgramConfig config) {
    this.config = config;
    this.store = new CheckpointStore(config.checkpointDir());
    this.reporter = Reporters.of(config);
  }

  int run() {
    String host = System.getenv().getOrDefault("AUTONOMY_SERVE_HOST", "0.0.0.0");
    try (PolicyServer server = new PolicyServer(host, config.servePort(), liveMean::set)) {
      LOG.info("Serving on {}:{}", host, server.port());
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      Double reported = null;
      do {
        follow(server);
        Double mean = liveMean.get();
        if (mean != null && !mean.equals(reported)) {
          reporter.reportLiveReward(mean);
          reported = mean;
        }
      } while (!await(stop));
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + config.servePort(), e);
    }
  }

  /** Loads the revision the Policy asks for when it differs from the one served. */
  private void follow(PolicyServer server) {
    String wanted = wantedRevision();
    if (wanted == null || Objects.equals(wanted, server.currentRevision())) {
      return;
    }
    try {
      server.swap(PolicyModel.load(store, wanted));
      LOG.info("Serving checkpoint {}", wanted);
    } catch (RuntimeException e) {
      LOG.warn("Cannot load checkpoint {}: {}", wanted, e.getMessage());
    }
  }

  private String wantedRevision() {
    try {
      String fromStatus = reporter.current().map(PolicyStatus::getServingRevision).orElse(null);
      if (fromStatus != null) {
        return fromStatus;
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot read the Policy's serving revision: {}", e.getMessage());
    }
    if (config.servingRevision() != null) {
      return config.servingRevision();
    }
    return store.newest("g").map(CheckpointMeta::id).orElse(null);
  }

  private static boolean await(CountDownLatch stop) {
    try {
      return stop.await(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
