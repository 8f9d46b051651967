package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Memory tool: recall and remember episodes, lessons and plans. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemoryToolSpec {

  @JsonPropertyDescription("Offer recall/remember; uses spec.memoryStoreRef or an in-process store.")
  @Default("true")
  private Boolean enabled = true;

  @JsonPropertyDescription("Number of memories retrieved per recall.")
  @Min(1)
  @Max(100)
  @Default("5")
  private Integer recallTopK = 5;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getRecallTopK() {
    return recallTopK;
  }

  public void setRecallTopK(Integer recallTopK) {
    this.recallTopK = recallTopK;
  }
}
