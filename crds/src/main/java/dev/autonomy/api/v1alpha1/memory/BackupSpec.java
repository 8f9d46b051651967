package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Scheduled backups (pg_dump for pgvector, snapshots for the others). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupSpec {

  @JsonPropertyDescription("Run scheduled backups.")
  @Default("true")
  private Boolean enabled = true;

  @JsonPropertyDescription("Cron schedule of the backups.")
  @Pattern(Patterns.CRON)
  @Default("0 2 * * *")
  private String schedule = "0 2 * * *";

  @JsonPropertyDescription("Backups kept at the target.")
  @Min(1)
  @Max(1000)
  @Default("7")
  private Integer keepLast = 7;

  @JsonPropertyDescription("Where backups are written.")
  @Default("{}")
  private BackupTarget target = new BackupTarget();

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public Integer getKeepLast() {
    return keepLast;
  }

  public void setKeepLast(Integer keepLast) {
    this.keepLast = keepLast;
  }

  public BackupTarget getTarget() {
    return target;
  }

  public void setTarget(BackupTarget target) {
    this.target = target;
  }
}
