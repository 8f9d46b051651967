package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Map;

/** An environment (or game) the reinforcement-learning trainer runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvironmentSpec {

  @JsonPropertyDescription("Name of the environment in the trainer's registry, e.g. CartPole-v1, Acrobot-v1.")
  @Required
  @Pattern("^[A-Za-z0-9][A-Za-z0-9_./-]*$")
  @Size(max = 128)
  private String name;

  @JsonPropertyDescription("Environment parameters passed to its constructor, as strings.")
  @Size(max = 64)
  private Map<String, String> parameters;

  @JsonPropertyDescription("Truncate episodes after this many steps; unset uses the environment's limit.")
  @Min(1)
  private Integer maxEpisodeSteps;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Map<String, String> getParameters() {
    return parameters;
  }

  public void setParameters(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  public Integer getMaxEpisodeSteps() {
    return maxEpisodeSteps;
  }

  public void setMaxEpisodeSteps(Integer maxEpisodeSteps) {
    this.maxEpisodeSteps = maxEpisodeSteps;
  }
}
