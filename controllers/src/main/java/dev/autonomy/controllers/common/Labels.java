package dev.autonomy.controllers.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The app.kubernetes.io labels every child carries, and the selector that finds a component's pods. */
public final class Labels {
  public static final String PART_OF = "autonomy";
  public static final String MANAGED_BY = "autonomy-operator";

  private Labels() {}

  public static Map<String, String> of(String name, String instance, String component) {
    Map<String, String> labels = new LinkedHashMap<>(selector(name, instance, component));
    labels.put("app.kubernetes.io/part-of", PART_OF);
    labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
    return labels;
  }

  /** The stable subset used in selectors (never changes for the life of the resource). */
  public static Map<String, String> selector(String name, String instance, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", name);
    labels.put("app.kubernetes.io/instance", instance);
    labels.put("app.kubernetes.io/component", component);
    return labels;
  }

  public static String selectorString(Map<String, String> selector) {
    return selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }
}
