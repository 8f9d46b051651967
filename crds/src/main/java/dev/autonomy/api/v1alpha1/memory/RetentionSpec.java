package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** How long memories are kept. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RetentionSpec {

  @JsonPropertyDescription("Memories older than this are compacted away (Go duration, e.g. 720h); unset keeps them.")
  @Pattern(Patterns.DURATION)
  private String ttl;

  @JsonPropertyDescription("Cron schedule of the TTL compaction.")
  @Pattern(Patterns.CRON)
  @Default("17 3 * * *")
  private String compactionSchedule = "17 3 * * *";

  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  public String getCompactionSchedule() {
    return compactionSchedule;
  }

  public void setCompactionSchedule(String compactionSchedule) {
    this.compactionSchedule = compactionSchedule;
  }
}
