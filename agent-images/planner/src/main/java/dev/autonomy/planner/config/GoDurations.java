package dev.autonomy.planner.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go durations as the Agent spec writes them: {@code 500ms}, {@code 1.5s}, {@code 1h30m}. */
public final class GoDurations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private GoDurations() {}

  /** The duration, or {@code fallback} when the text is null or blank; malformed text is an error. */
  public static Duration parse(String text, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    String s = text.strip();
    Matcher m = PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw new IllegalArgumentException("not a duration: '" + text + "'");
      }
      BigDecimal n = new BigDecimal(m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit)));
      end = m.end();
    }
    if (end == 0 || end != s.length()) {
      throw new IllegalArgumentException("not a duration: '" + text + "'");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
