package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/** Embeddings stored in the MemoryStore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EmbeddingSpec {

  @JsonPropertyDescription("Dimension of the vectors; must match the embedding model. Immutable.")
  @Min(1)
  @Max(16000)
  @Default("384")
  private Integer dimension = 384;

  @JsonPropertyDescription("Embedding model the Agents use to write and query.")
  @Size(max = 256)
  @Default("all-MiniLM-L6-v2")
  private String model = "all-MiniLM-L6-v2";

  @JsonPropertyDescription("Similarity measure of the vector index.")
  @Default("cosine")
  private DistanceMetric distance = DistanceMetric.COSINE;

  public Integer getDimension() {
    return dimension;
  }

  public void setDimension(Integer dimension) {
    this.dimension = dimension;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public DistanceMetric getDistance() {
    return distance;
  }

  public void setDistance(DistanceMetric distance) {
    this.distance = distance;
  }
}
