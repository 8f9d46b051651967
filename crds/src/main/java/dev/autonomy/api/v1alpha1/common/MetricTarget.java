package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;

/** A custom per-pod metric (served by a custom metrics API adapter) and its target average value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricTarget {

  @JsonPropertyDescription("Name of the per-pod metric, e.g. autonomy_planner_queue_depth.")
  @Required
  @Size(min = 1, max = 253)
  private String name;

  @JsonPropertyDescription("Target average value of the metric across pods, e.g. 5 or 500m.")
  @Required
  private Quantity targetAverageValue;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Quantity getTargetAverageValue() {
    return targetAverageValue;
  }

  public void setTargetAverageValue(Quantity targetAverageValue) {
    this.targetAverageValue = targetAverageValue;
  }
}
