package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.controllers.common.Labels;
import java.util.Map;

/** Names and labels of everything an Agent owns: one place, so nothing else invents them. */
public final class AgentResources {
  static final String NAME = "autonomy-agent";
  static final String COMPONENT = "planner";

  private AgentResources() {}

  public static String planner(Agent agent) {
    return agent.getMetadata().getName() + "-planner";
  }

  public static Map<String, String> labels(Agent agent) {
    return Labels.of(NAME, agent.getMetadata().getName(), COMPONENT);
  }

  public static Map<String, String> selector(Agent agent) {
    return Labels.selector(NAME, agent.getMetadata().getName(), COMPONENT);
  }
}
