package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A goal the Agent pursues on its own: once, or on a schedule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StandingGoal {

  @JsonPropertyDescription("Name of the goal, unique within the Agent (a DNS label).")
  @Required
  @Pattern(Patterns.DNS_LABEL)
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription("The goal in natural language, as given to the planner.")
  @Required
  @Size(min = 1, max = 8192)
  private String goal;

  @JsonPropertyDescription("How the planner can tell the goal is reached; helps its self-evaluation.")
  @Size(max = 4096)
  private String successCriteria;

  @JsonPropertyDescription("Cron schedule (five fields or @hourly/@daily...) to pursue the goal repeatedly.")
  @Pattern(Patterns.CRON)
  @Size(max = 128)
  private String schedule;

  @JsonPropertyDescription("Pursue the goal once, after the Agent becomes ready. Set either once or schedule.")
  @Default("false")
  private Boolean once = false;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGoal() {
    return goal;
  }

  public void setGoal(String goal) {
    this.goal = goal;
  }

  public String getSuccessCriteria() {
    return successCriteria;
  }

  public void setSuccessCriteria(String successCriteria) {
    this.successCriteria = successCriteria;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public Boolean getOnce() {
    return once;
  }

  public void setOnce(Boolean once) {
    this.once = once;
  }
}
