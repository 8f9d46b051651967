package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.Api;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A self-play league (AlphaStar-style): a population of Policies in roles that play matches, are rated
 * with Elo, matched by prioritised fictitious self-play and snapshotted as they improve.
 */
@Group(Api.GROUP)
@Version(Api.VERSION)
@Kind("League")
@Plural("leagues")
@Singular("league")
@ShortNames("lg")
@Categories(Api.CATEGORY)
@AdditionalPrinterColumn(name = "Environment",
    jsonPath = ".spec.environment.name",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Game played")
@AdditionalPrinterColumn(name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Lifecycle phase")
@AdditionalPrinterColumn(name = "Generation",
    jsonPath = ".status.generation",
    type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Generations completed")
@AdditionalPrinterColumn(name = "Max",
    jsonPath = ".spec.maxGenerations",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1,
    getDescription = "Generation limit")
@AdditionalPrinterColumn(name = "Champion",
    jsonPath = ".status.champion",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Best-rated main agent")
@AdditionalPrinterColumn(name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    getDescription = "Time since creation")
public class League extends CustomResource<LeagueSpec, LeagueStatus> implements Namespaced {

  @Override
  @Required
  @JsonPropertyDescription("Desired state of the League.")
  public LeagueSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state of the League, written by the operator.")
  public LeagueStatus getStatus() {
    return super.getStatus();
  }
}
