package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.memory.MemoryStoreSpec;
import org.junit.jupiter.api.Test;

class MemoryStoreValidatorTest {
  @Test
  void aDimensionThatDoesNotMatchAKnownModelIsNamed() {
    MemoryStoreSpec spec = new MemoryStoreSpec();
    assertThat(MemoryStoreValidator.problems(spec)).isEmpty();
    spec.getEmbedding().setDimension(768);
    assertThat(MemoryStoreValidator.problems(spec)).singleElement().asString()
        .contains("spec.embedding.dimension (768)").contains("all-MiniLM-L6-v2").contains("384");
    spec.getEmbedding().setModel("my-own-model");
    assertThat(MemoryStoreValidator.problems(spec)).isEmpty();
  }

  @Test
  void aNameTooLongForTheChildrenIsNamed() {
    MemoryStoreSpec spec = new MemoryStoreSpec();
    assertThat(MemoryStoreValidator.problems("a".repeat(45), spec)).isEmpty();
    assertThat(MemoryStoreValidator.problems("a".repeat(46), spec)).singleElement().asString()
        .contains("metadata.name").contains("45");
  }
}
