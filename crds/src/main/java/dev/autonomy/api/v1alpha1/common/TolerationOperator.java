package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a toleration matches a taint's value. */
public enum TolerationOperator {
  /** Any value of the key matches. */
  @JsonProperty("Exists")
  EXISTS("Exists"),

  /** The value must equal the taint's value. */
  @JsonProperty("Equal")
  EQUAL("Equal");

  private final String value;

  TolerationOperator(String value) {
    this.value = value;
  }

  /** The value as written in a manifest. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
