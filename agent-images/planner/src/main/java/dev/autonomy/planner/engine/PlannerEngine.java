package dev.autonomy.planner.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts goals and runs them on a small pool ({@code maxConcurrent} at a time; more wait queued),
 * keeping the most recent {@code keep} episodes for the API.
 */
public final class PlannerEngine implements AutoCloseable {
  private final GoalRunner runner;
  private final ApprovalGate approvals;
  private final Clock clock;
  private final ExecutorService pool;
  private final int keep;
  private final Map<String, Episode> episodes = new LinkedHashMap<>();
  private final List<EpisodeListener> listeners = new ArrayList<>();

  public PlannerEngine(GoalRunner runner, ApprovalGate approvals, Clock clock, int maxConcurrent, int keep) {
    this.runner = runner;
    this.approvals = approvals;
    this.clock = clock;
    this.keep = keep;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(maxConcurrent, r -> {
      Thread t = new Thread(r, "planner-episode-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Listens to every episode submitted from now on (e.g. the standing-goal outcome writer). */
  public synchronized void addListener(EpisodeListener listener) {
    listeners.add(listener);
  }

  /** Queues a goal; the episode runs in the background. */
  public Episode submit(GoalRequest request) {
    return submit(request, Episode.newId(clock.instant()), null);
  }

  /** Queues a goal under a given episode id, with a listener attached before it starts. */
  public Episode submit(GoalRequest request, String episodeId, EpisodeListener listener) {
    Episode ep = register(request, episodeId);
    if (listener != null) {
      ep.listen(listener);
    }
    try {
      pool.execute(() -> runner.run(ep));
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the planner is shutting down", e);
    }
    return ep;
  }

  /** Runs a goal on the calling thread (tests, benchmarks). */
  public Episode run(GoalRequest request) {
    return runner.run(register(request, Episode.newId(clock.instant())));
  }

  private synchronized Episode register(GoalRequest request, String id) {
    Episode ep = new Episode(id, request, clock.instant());
    listeners.forEach(ep::listen);
    episodes.put(ep.id(), ep);
    if (episodes.size() > keep) {
      var it = episodes.values().iterator();
      while (episodes.size() > keep && it.hasNext()) {
        Episode old = it.next();
        if (old.state().finished()) {
          it.remove();
        }
      }
    }
    return ep;
  }

  public synchronized Optional<Episode> get(String id) {
    return Optional.ofNullable(episodes.get(id));
  }

  /** The most recent episodes, newest first. */
  public synchronized List<Episode> recent(int limit) {
    List<Episode> all = new ArrayList<>(episodes.values());
    List<Episode> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
      out.add(all.get(i));
    }
    return out;
  }

  public ApprovalGate approvals() {
    return approvals;
  }

  public GoalRunner runner() {
    return runner;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
