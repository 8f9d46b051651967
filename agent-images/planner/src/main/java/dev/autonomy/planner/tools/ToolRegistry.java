package dev.autonomy.planner.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools offered to the model, by name, in a stable order. */
public final class ToolRegistry {
  private final Map<String, Tool> tools = new LinkedHashMap<>();

  public ToolRegistry(Collection<? extends Tool> tools) {
    tools.forEach(t -> this.tools.put(t.name(), t));
  }

  public Optional<Tool> get(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public List<String> names() {
    return new ArrayList<>(tools.keySet());
  }

  public Collection<Tool> all() {
    return tools.values();
  }
}
