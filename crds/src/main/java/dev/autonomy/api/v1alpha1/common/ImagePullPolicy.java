package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When the kubelet pulls a container image. */
public enum ImagePullPolicy {
  /** Pull on every container start. */
  @JsonProperty("Always")
  ALWAYS("Always"),

  /** Pull only when the image is not on the node. */
  @JsonProperty("IfNotPresent")
  IF_NOT_PRESENT("IfNotPresent"),

  /** Never pull; the image must be on the node. */
  @JsonProperty("Never")
  NEVER("Never");

  private final String value;

  ImagePullPolicy(String value) {
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
