package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Toleration;

/** Schema (documentation only) of a Kubernetes Toleration, used via @SchemaFrom. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TolerationSchema {

  @JsonPropertyDescription("Taint key the toleration applies to; empty with operator Exists matches all keys.")
  private String key;

  @JsonPropertyDescription("Exists or Equal (the default).")
  private TolerationOperator operator;

  @JsonPropertyDescription("Taint value to match for operator Equal.")
  private String value;

  @JsonPropertyDescription("Taint effect to match; empty matches all effects.")
  private TaintEffect effect;

  @JsonPropertyDescription("For NoExecute: how long the pod stays bound after the taint appears.")
  private Long tolerationSeconds;

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public TolerationOperator getOperator() {
    return operator;
  }

  public void setOperator(TolerationOperator operator) {
    this.operator = operator;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public TaintEffect getEffect() {
    return effect;
  }

  public void setEffect(TaintEffect effect) {
    this.effect = effect;
  }

  public Long getTolerationSeconds() {
    return tolerationSeconds;
  }

  public void setTolerationSeconds(Long tolerationSeconds) {
    this.tolerationSeconds = tolerationSeconds;
  }
}
