package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.AutoscalingSpec;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.ImagePullPolicy;
import dev.autonomy.api.v1alpha1.common.LocalObjectRef;
import dev.autonomy.api.v1alpha1.common.ResourceRequirementsSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;

import java.util.List;

/** Desired state of an Agent: its model, goals, planner, tools, bindings and scale. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentSpec {

  @JsonPropertyDescription("The language model the planner uses, with an optional fallback.")
  @Required
  @ValidationRule(value = "!(self.provider in ['openai-compatible', 'ollama']) || has(self.endpoint)",
      message = "spec.model.endpoint is required for providers openai-compatible and ollama", fieldPath = ".endpoint")
  @ValidationRule(value = "!(self.provider in ['anthropic', 'gemini']) || has(self.apiKeySecretRef)",
      message = "spec.model.apiKeySecretRef is required for providers anthropic and gemini", fieldPath = ".apiKeySecretRef")
  @ValidationRule(value = "self.provider != 'anthropic' || self.temperature <= 1.0",
      message = "spec.model.temperature must be <= 1 for provider anthropic", fieldPath = ".temperature")
  private ModelSpec model;

  @JsonPropertyDescription("Short role of the Agent, e.g. 'SRE assistant for the shop namespace'.")
  @Size(max = 256)
  private String role;

  @JsonPropertyDescription("System prompt prepended to every planning call.")
  @Size(max = 32768)
  private String systemPrompt;

  @JsonPropertyDescription("Standing goals the Agent pursues on its own, once or on a schedule.")
  @Size(max = 32)
  @ValidationRule(value = "self.all(g, self.exists_one(h, h.name == g.name))",
      message = "spec.goals[].name must be unique")
  @ValidationRule(value = "self.all(g, has(g.schedule) != g.once)",
      message = "spec.goals[]: set exactly one of schedule or once: true")
  private List<StandingGoal> goals;

  @JsonPropertyDescription("Bounds of planning and execution: depth, steps, budgets, reflection.")
  @Default("{}")
  private PlannerSpec planner = new PlannerSpec();

  @JsonPropertyDescription("Tools the planner may use.")
  @Default("{}")
  private ToolsSpec tools = new ToolsSpec();

  @JsonPropertyDescription("MemoryStore (same namespace) for long-term memory; without it the planner keeps memory "
      + "in-process.")
  private LocalObjectRef memoryStoreRef;

  @JsonPropertyDescription("Policies (same namespace) the planner may ask for decisions.")
  @Size(max = 16)
  @ValidationRule(value = "self.all(p, self.exists_one(q, q.name == p.name))",
      message = "spec.policyRefs[].name must be unique")
  private List<PolicyRef> policyRefs;

  @JsonPropertyDescription("Number of planner pods. Ignored while spec.autoscaling.enabled is true (the autoscaler "
      + "sets it).")
  @SpecReplicas
  @Min(0)
  @Max(100)
  @Default("1")
  private Integer replicas = 1;

  @JsonPropertyDescription("Horizontal autoscaling on CPU or a custom metric.")
  @ValidationRule(value = "self.maxReplicas >= self.minReplicas",
      message = "spec.autoscaling.maxReplicas must be >= spec.autoscaling.minReplicas", fieldPath = ".maxReplicas")
  @ValidationRule(value = "!(has(self.targetCPUUtilizationPercentage) && has(self.metric))",
      message = "spec.autoscaling: set targetCPUUtilizationPercentage or metric, not both")
  private AutoscalingSpec autoscaling;

  @JsonPropertyDescription("CPU/memory requests and limits of the planner container.")
  @SchemaFrom(type = ResourceRequirementsSchema.class)
  private ResourceRequirements resources;

  @JsonPropertyDescription("Planner image override; defaults to the operator's planner image.")
  @Size(max = 1024)
  private String image;

  @JsonPropertyDescription("Pull policy of the planner image; defaults to IfNotPresent.")
  private ImagePullPolicy imagePullPolicy;

  @JsonPropertyDescription("Optional egress restriction of the Agent's pods.")
  @Default("{}")
  private NetworkPolicySpec networkPolicy = new NetworkPolicySpec();

  @JsonPropertyDescription("Self-healing settings for this Agent.")
  @Default("{}")
  private HealingSpec healing = new HealingSpec();

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

  public LocalObjectRef getMemoryStoreRef() {
    return memoryStoreRef;
  }

  public void setMemoryStoreRef(LocalObjectRef memoryStoreRef) {
    this.memoryStoreRef = memoryStoreRef;
  }

  public List<PolicyRef> getPolicyRefs() {
    return policyRefs;
  }

  public void setPolicyRefs(List<PolicyRef> policyRefs) {
    this.policyRefs = policyRefs;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public ImagePullPolicy getImagePullPolicy() {
    return imagePullPolicy;
  }

  public void setImagePullPolicy(ImagePullPolicy imagePullPolicy) {
    this.imagePullPolicy = imagePullPolicy;
  }

  public NetworkPolicySpec getNetworkPolicy() {
    return networkPolicy;
  }

  public void setNetworkPolicy(NetworkPolicySpec networkPolicy) {
    this.networkPolicy = networkPolicy;
  }

  public HealingSpec getHealing() {
    return healing;
  }

  public void setHealing(HealingSpec healing) {
    this.healing = healing;
  }
}
