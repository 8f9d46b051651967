package dev.autonomy.controllers.league;

import dev.autonomy.api.v1alpha1.league.LeagueSpec;
import dev.autonomy.api.v1alpha1.league.RoleSpec;
import dev.autonomy.controllers.policy.PolicyValidator;
import java.util.ArrayList;
import java.util.List;

/** Checks of a League spec that CEL cannot express. Pure. */
public final class LeagueValidator {
  private LeagueValidator() {}

  public static List<String> problems(LeagueSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec.getPopulation() == null) {
      return problems;
    }
    int players = count(spec.getPopulation().getMainAgents()) + count(spec.getPopulation().getMainExploiters())
        + count(spec.getPopulation().getLeagueExploiters());
    if (players < 2) {
      problems.add("spec.population has " + players + " player(s): a league needs at least 2 to play matches");
    }
    Integer matches = spec.getMatchesPerGeneration();
    if (matches != null && players >= 2 && matches < players / 2) {
      problems.add("spec.matchesPerGeneration (" + matches + ") is less than half the population (" + players
          + "), so some players would never play in a generation");
    }
    role(problems, "spec.population.mainAgents", spec.getPopulation().getMainAgents());
    role(problems, "spec.population.mainExploiters", spec.getPopulation().getMainExploiters());
    role(problems, "spec.population.leagueExploiters", spec.getPopulation().getLeagueExploiters());
    return problems;
  }

  private static void role(List<String> problems, String field, RoleSpec role) {
    if (role != null && role.getTemplate() != null && role.getTemplate().getSpec() != null) {
      PolicyValidator.problems(role.getTemplate().getSpec()).forEach(p ->
          problems.add(p.replace("spec.", field + ".template.spec.")));
    }
  }

  private static int count(RoleSpec role) {
    return role == null || role.getCount() == null ? 0 : role.getCount();
  }
}
