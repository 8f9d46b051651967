package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Map;

/** Labels and annotations put on the Policies created from a template. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateMetadata {

  @JsonPropertyDescription("Labels of the created Policies.")
  private Map<String, String> labels;

  @JsonPropertyDescription("Annotations of the created Policies.")
  private Map<String, String> annotations;

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
