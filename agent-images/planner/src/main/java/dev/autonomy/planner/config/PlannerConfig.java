package dev.autonomy.planner.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.autonomy.api.v1alpha1.agent.ModelSpec;
import dev.autonomy.api.v1alpha1.agent.PlannerSpec;
import dev.autonomy.api.v1alpha1.agent.StandingGoal;
import dev.autonomy.api.v1alpha1.agent.ToolsSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's configuration file ({@code planner.json}), rendered by the Agent reconciler.
 * {@code model}, {@code goals}, {@code planner} and {@code tools} have exactly the shape of the Agent's
 * {@code spec.model}, {@code spec.goals}, {@code spec.planner} and {@code spec.tools}; {@code memory}
 * holds defaults for the memory library's settings, which {@code AUTONOMY_MEMORY_*} env overrides.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlannerConfig {
  private String agent;
  private String namespace;
  private ModelSpec model;
  private String role;
  private String systemPrompt;
  private List<StandingGoal> goals = new ArrayList<>();
  private PlannerSpec planner = new PlannerSpec();
  private ToolsSpec tools = new ToolsSpec();
  private List<PolicyEndpoint> policies = new ArrayList<>();
  private Map<String, Object> memory = new LinkedHashMap<>();

  /** Fills what the file left out with the CRD's defaults. */
  public PlannerConfig normalized() {
    if (goals == null) {
      goals = new ArrayList<>();
    }
    if (planner == null) {
      planner = new PlannerSpec();
    }
    if (tools == null) {
      tools = new ToolsSpec();
    }
    if (policies == null) {
      policies = new ArrayList<>();
    }
    if (memory == null) {
      memory = new LinkedHashMap<>();
    }
    if (agent == null || agent.isBlank()) {
      agent = "agent";
    }
    return this;
  }

  public String getAgent() {
    return agent;
  }

  public void setAgent(String agent) {
    this.agent = agent;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public ModelSpec getModel() {
    return model;
  }

  public void setModel(ModelSpec model) {
    this.model = model;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getSystemPrompt() {
    return systemPrompt;
  }

  public void setSystemPrompt(String systemPrompt) {
    this.systemPrompt = systemPrompt;
  }

  public List<StandingGoal> getGoals() {
    return goals;
  }

  public void setGoals(List<StandingGoal> goals) {
    this.goals = goals;
  }

  public PlannerSpec getPlanner() {
    return planner;
  }

  public void setPlanner(PlannerSpec planner) {
    this.planner = planner;
  }

  public ToolsSpec getTools() {
    return tools;
  }

  public void setTools(ToolsSpec tools) {
    this.tools = tools;
  }

  public List<PolicyEndpoint> getPolicies() {
    return policies;
  }

  public void setPolicies(List<PolicyEndpoint> policies) {
    this.policies = policies;
  }

  public Map<String, Object> getMemory() {
    return memory;
  }

  public void setMemory(Map<String, Object> memory) {
    this.memory = memory;
  }
}
