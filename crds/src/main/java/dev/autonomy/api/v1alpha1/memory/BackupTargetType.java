package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where backups go. */
public enum BackupTargetType {
  /** A PersistentVolumeClaim. */
  @JsonProperty("pvc")
  PVC("pvc"),

  /** An S3-compatible bucket. */
  @JsonProperty("s3")
  S3("s3");

  private final String value;

  BackupTargetType(String value) {
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
