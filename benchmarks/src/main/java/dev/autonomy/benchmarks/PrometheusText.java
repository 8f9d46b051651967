package dev.autonomy.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition (as served on /q/metrics). */
public final class PrometheusText {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
        }
      }
      double value;
      try {
        value = Double.parseDouble(m.group(4).replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
      } catch (NumberFormatException e) {
        continue;
      }
      samples.add(new Sample(m.group(1), Map.copyOf(labels), value));
    }
    return new PrometheusText(samples);
  }

  public List<Sample> samples() {
    return samples;
  }

  /** The sum over the series of {@code name} whose labels include every entry of {@code match}. */
  public double sum(String name, Map<String, String> match) {
    return samples.stream().filter(s -> s.name().equals(name))
        .filter(s -> match.entrySet().stream().allMatch(e -> e.getValue().equals(s.labels().get(e.getKey()))))
        .mapToDouble(Sample::value).sum();
  }

  public boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }
}
