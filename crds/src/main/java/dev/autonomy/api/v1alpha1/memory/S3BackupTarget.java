package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.LocalObjectRef;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An S3-compatible bucket for backups. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3BackupTarget {

  @JsonPropertyDescription("Bucket name.")
  @Required
  @Size(min = 3, max = 63)
  private String bucket;

  @JsonPropertyDescription("Endpoint URL, e.g. https://s3.eu-central-1.amazonaws.com or a MinIO URL.")
  @Pattern(Patterns.HTTP_URL)
  @Size(max = 2048)
  private String endpoint;

  @JsonPropertyDescription("Region of the bucket.")
  @Size(max = 64)
  private String region;

  @JsonPropertyDescription("Key prefix of the backups.")
  @Size(max = 1024)
  private String prefix;

  @JsonPropertyDescription("Secret with keys AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
  @Required
  private LocalObjectRef credentialsSecretRef;

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public LocalObjectRef getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(LocalObjectRef credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }
}
