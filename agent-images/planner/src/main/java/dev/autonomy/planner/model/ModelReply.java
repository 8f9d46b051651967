package dev.autonomy.planner.model;

/**
 * A model's answer with its cost: tokens in and out, the time spent in model calls (all attempts,
 * backoff excluded), the attempts made, which model answered and whether it was the fallback.
 */
public record ModelReply(String text, long inputTokens, long outputTokens, long modelNanos, int attempts,
    String model, boolean fallback) {

  public long tokens() {
    return inputTokens + outputTokens;
  }
}
