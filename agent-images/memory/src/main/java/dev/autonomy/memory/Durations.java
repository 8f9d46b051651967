package dev.autonomy.memory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations the CRDs use: Go's ({@code 720h}, {@code 1h30m}, {@code 90s}, plus {@code d}) or ISO-8601. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    String s = text.strip();
    if (s.startsWith("P") || s.startsWith("p") || s.startsWith("-P")) {
      return Duration.parse(s);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    int at = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    while (at < s.length() && m.find(at) && m.start() == at) {
      BigDecimal n = new BigDecimal(m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> 86_400_000_000_000L;
      };
      nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit)));
      at = m.end();
    }
    if (at != s.length() || at == 0) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 720h, 30d, 1h30m, PT12H)");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }
}
