package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.junit.jupiter.api.Test;

/** The default model loads from its jar, offline, and gives 384-d embeddings that mean something. */
class AllMiniLmTest {

  @Test
  void bundledModelEmbedsOffline() {
    EmbeddingModel model = EmbeddingModels.byName("sentence-transformers/all-MiniLM-L6-v2");
    assertThat(model).isSameAs(EmbeddingModels.allMiniLmL6V2());
    assertThat(model.dimension()).isEqualTo(384);
    float[] a = model.embed("The pod was OOMKilled, so I raised its memory limit.").content().vector();
    float[] b = model.embed("Container killed for running out of memory; increased the limit.").content().vector();
    float[] c = model.embed("A recipe for lemon cake with vanilla frosting.").content().vector();
    assertThat(a).hasSize(384);
    assertThat(RetrievalScorer.cosine(a, b)).isGreaterThan(RetrievalScorer.cosine(a, c) + 0.2);
  }

  @Test
  void otherModelsMustBeInjected() {
    assertThatThrownBy(() -> EmbeddingModels.byName("text-embedding-3-small"))
        .hasMessageContaining("not bundled").hasMessageContaining("AgentMemory.open(config, model)");
  }
}
