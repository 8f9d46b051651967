package dev.autonomy.controllers.league;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.league.LeagueSpec;
import dev.autonomy.api.v1alpha1.league.PolicyTemplate;
import dev.autonomy.api.v1alpha1.league.PopulationSpec;
import dev.autonomy.api.v1alpha1.league.RoleSpec;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import org.junit.jupiter.api.Test;

class LeagueValidatorTest {
  private static RoleSpec role(int count) {
    RoleSpec role = new RoleSpec();
    role.setCount(count);
    return role;
  }

  @Test
  void aLeagueNeedsTwoPlayersAndEnoughMatches() {
    LeagueSpec spec = new LeagueSpec();
    PopulationSpec population = new PopulationSpec();
    population.setMainAgents(role(1));
    spec.setPopulation(population);
    assertThat(LeagueValidator.problems(spec)).singleElement().asString().contains("spec.population has 1 player");
    population.setMainExploiters(role(5));
    spec.setMatchesPerGeneration(2);
    assertThat(LeagueValidator.problems(spec)).singleElement().asString().contains("spec.matchesPerGeneration (2)");
    spec.setMatchesPerGeneration(100);
    assertThat(LeagueValidator.problems(spec)).isEmpty();
  }

  @Test
  void templateProblemsAreNamedByTheirPathInTheLeague() {
    LeagueSpec spec = new LeagueSpec();
    PopulationSpec population = new PopulationSpec();
    RoleSpec main = role(2);
    PolicyTemplate template = new PolicyTemplate();
    PolicySpec policy = new PolicySpec();
    policy.getTraining().setTotalSteps(100L);
    policy.getCheckpoint().setIntervalSteps(1000);
    template.setSpec(policy);
    main.setTemplate(template);
    population.setMainAgents(main);
    spec.setPopulation(population);
    assertThat(LeagueValidator.problems(spec)).singleElement().asString()
        .contains("spec.population.mainAgents.template.spec.checkpoint.intervalSteps (1000)");
  }
}
