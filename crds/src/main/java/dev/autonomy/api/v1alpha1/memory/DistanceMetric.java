package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How vector similarity is measured. */
public enum DistanceMetric {
  /** Cosine similarity. */
  @JsonProperty("cosine")
  COSINE("cosine"),

  /** Euclidean distance. */
  @JsonProperty("l2")
  L2("l2"),

  /** Inner (dot) product. */
  @JsonProperty("inner-product")
  INNER_PRODUCT("inner-product");

  private final String value;

  DistanceMetric(String value) {
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
