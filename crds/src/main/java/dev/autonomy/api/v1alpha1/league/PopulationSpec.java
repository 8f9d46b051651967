package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The League's population, AlphaStar-style: main agents and two kinds of exploiters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PopulationSpec {

  @JsonPropertyDescription("Main agents: learn against the whole league (self-play and PFSP).")
  @Required
  @ValidationRule(value = "self.count >= 1", message = "spec.population.mainAgents.count must be >= 1", fieldPath = ".count")
  @ValidationRule(value = "has(self.template)", message = "spec.population.mainAgents.template is required", fieldPath = ".template")
  @ValidationRule(value = "!has(self.template) || !has(self.template.spec.environment)",
      message = "spec.population.mainAgents.template.spec.environment must not be set: the League's spec.environment is used")
  private RoleSpec mainAgents;

  @JsonPropertyDescription("Main exploiters: learn to beat the current main agents.")
  @ValidationRule(value = "!has(self.template) || !has(self.template.spec.environment)",
      message = "spec.population.mainExploiters.template.spec.environment must not be set: the League's spec.environment is used")
  private RoleSpec mainExploiters;

  @JsonPropertyDescription("League exploiters: learn to beat the whole league (PFSP).")
  @ValidationRule(value = "!has(self.template) || !has(self.template.spec.environment)",
      message = "spec.population.leagueExploiters.template.spec.environment must not be set: the League's spec.environment is used")
  private RoleSpec leagueExploiters;

  public RoleSpec getMainAgents() {
    return mainAgents;
  }

  public void setMainAgents(RoleSpec mainAgents) {
    this.mainAgents = mainAgents;
  }

  public RoleSpec getMainExploiters() {
    return mainExploiters;
  }

  public void setMainExploiters(RoleSpec mainExploiters) {
    this.mainExploiters = mainExploiters;
  }

  public RoleSpec getLeagueExploiters() {
    return leagueExploiters;
  }

  public void setLeagueExploiters(RoleSpec leagueExploiters) {
    this.leagueExploiters = leagueExploiters;
  }
}
