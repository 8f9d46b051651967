package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** The most recent backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupStatus {

  @JsonPropertyDescription("When the backup finished (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Succeeded or Failed.")
  private BackupResult result;

  @JsonPropertyDescription("Where it was written (path or URI).")
  private String location;

  @JsonPropertyDescription("Size of the backup in bytes.")
  private Long sizeBytes;

  @JsonPropertyDescription("Details, e.g. the error of a failed backup.")
  private String message;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public BackupResult getResult() {
    return result;
  }

  public void setResult(BackupResult result) {
    this.result = result;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
