package dev.autonomy.planner.model;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The primary model with retries (exponential backoff on 429, 408, 5xx, timeouts and connection
 * errors) and, when it still fails or refuses outright (401, 404, …), the fallback model with its own
 * retries. After the primary has failed, calls go straight to the fallback for a cool-down.
 * A server that refuses the structured-output parameters is asked again in the next mode
 * ({@link StructuredOutput}) without counting a retry.
 */
public final class ResilientModel implements ModelGateway {
  private static final Logger LOG = Logger.getLogger(ResilientModel.class);

  /** Counts retries and fallbacks (metrics). */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void retry(String model, String reason) {}

    default void fallback(String from, String to, String reason) {}

    default void reply(String model, long inputTokens, long outputTokens, long nanos) {}
  }

  private final ModelEndpointClient primary;
  private final ModelEndpointClient fallback;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final Duration primaryCooldown;
  private final Listener listener;
  private volatile long primaryFailedAt = Long.MIN_VALUE;

  public ResilientModel(ModelEndpointClient primary, ModelEndpointClient fallback, Backoff backoff, Sleeper sleeper,
      LongSupplier nanoTime, Duration primaryCooldown, Listener listener) {
    this.primary = primary;
    this.fallback = fallback;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.primaryCooldown = primaryCooldown;
    this.listener = listener == null ? Listener.NONE : listener;
  }

  public ModelEndpointClient primary() {
    return primary;
  }

  public ModelEndpointClient fallback() {
    return fallback;
  }

  @Override
  public ModelReply chat(ModelRequest request) {
    List<ModelEndpointClient> order = new ArrayList<>(2);
    boolean coolingDown = fallback != null && primaryFailedAt != Long.MIN_VALUE
        && nanoTime.getAsLong() - primaryFailedAt < primaryCooldown.toNanos();
    if (!coolingDown) {
      order.add(primary);
    }
    if (fallback != null) {
      order.add(fallback);
    }
    long nanos = 0;
    int attempts = 0;
    List<String> failures = new ArrayList<>();
    RuntimeException last = null;
    for (ModelEndpointClient endpoint : order) {
      int retries = 0;
      while (true) {
        long start = nanoTime.getAsLong();
        try {
          attempts++;
          ChatResponse response = endpoint.call(request);
          long took = nanoTime.getAsLong() - start;
          nanos += took;
          String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
              : response.aiMessage().text();
          TokenUsage usage = response.tokenUsage();
          long in = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : estimate(request);
          long out = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount() : (text.length() + 3) / 4;
          if (endpoint == primary) {
            primaryFailedAt = Long.MIN_VALUE;
          }
          listener.reply(endpoint.label(), in, out, took);
          return new ModelReply(text, in, out, nanos, attempts, endpoint.label(), endpoint != primary);
        } catch (RuntimeException e) {
          nanos += nanoTime.getAsLong() - start;
          last = e;
          String reason = ModelErrors.describe(e);
          if (request.schema() != null && ModelErrors.rejectsStructuredOutput(e) && endpoint.downgrade()) {
            LOG.warnf("model %s refused the structured-output parameters (%s); now using %s", endpoint.label(), reason,
                endpoint.mode());
            continue;
          }
          if (!ModelErrors.retryable(e) || retries >= endpoint.maxRetries()) {
            failures.add(endpoint.role() + " " + endpoint.label() + ": " + reason);
            break;
          }
          retries++;
          listener.retry(endpoint.label(), reason);
          Duration wait = backoff.delay(retries);
          LOG.debugf("model %s failed (%s); retry %d of %d in %d ms", endpoint.label(), reason, retries,
              endpoint.maxRetries(), wait.toMillis());
          try {
            sleeper.sleep(wait);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting to retry the model", ie, nanos, attempts);
          }
        }
      }
      if (endpoint == primary) {
        primaryFailedAt = nanoTime.getAsLong();
        if (fallback != null) {
          LOG.warnf("primary model %s failed (%s); using the fallback %s", primary.label(),
              failures.get(failures.size() - 1), fallback.label());
          listener.fallback(primary.label(), fallback.label(), failures.get(failures.size() - 1));
        }
      }
    }
    throw new ModelUnavailableException("no model answered: " + String.join("; ", failures), last, nanos, attempts);
  }

  @Override
  public boolean ping() {
    try {
      primary.ping();
      return true;
    } catch (RuntimeException e) {
      LOG.debugf("primary model %s does not answer: %s", primary.label(), ModelErrors.describe(e));
    }
    if (fallback != null) {
      try {
        fallback.ping();
        return true;
      } catch (RuntimeException e) {
        LOG.debugf("fallback model %s does not answer: %s", fallback.label(), ModelErrors.describe(e));
      }
    }
    return false;
  }

  private static long estimate(ModelRequest request) {
    long chars = 0;
    for (var m : request.messages()) {
      chars += m.toString().length();
    }
    return (chars + 3) / 4;
  }
}
