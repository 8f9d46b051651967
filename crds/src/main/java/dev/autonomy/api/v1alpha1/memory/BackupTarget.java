package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Where backups are written. */
@ValidationRule(value = "self.type != 's3' || has(self.s3)",
    message = "spec.backup.target.s3 is required when spec.backup.target.type is s3", fieldPath = ".s3")
@ValidationRule(value = "self.type != 'pvc' || !has(self.s3)",
    message = "spec.backup.target.s3 must not be set when spec.backup.target.type is pvc", fieldPath = ".s3")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupTarget {

  @JsonPropertyDescription("pvc or s3.")
  @Default("pvc")
  private BackupTargetType type = BackupTargetType.PVC;

  @JsonPropertyDescription("Settings for type pvc; defaults apply when unset.")
  private PvcBackupTarget pvc;

  @JsonPropertyDescription("Settings for type s3; required for it.")
  private S3BackupTarget s3;

  public BackupTargetType getType() {
    return type;
  }

  public void setType(BackupTargetType type) {
    this.type = type;
  }

  public PvcBackupTarget getPvc() {
    return pvc;
  }

  public void setPvc(PvcBackupTarget pvc) {
    this.pvc = pvc;
  }

  public S3BackupTarget getS3() {
    return s3;
  }

  public void setS3(S3BackupTarget s3) {
    this.s3 = s3;
  }
}
