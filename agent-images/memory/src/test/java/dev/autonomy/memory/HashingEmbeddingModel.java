package dev.autonomy.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A deterministic test model: words hashed into {@code dimension} buckets, normalised. Shared words = similar. */
public final class HashingEmbeddingModel implements EmbeddingModel {
  private final int dimension;

  public HashingEmbeddingModel(int dimension) {
    this.dimension = dimension;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>();
    for (TextSegment s : segments) {
      out.add(Embedding.from(vector(s.text())));
    }
    return Response.from(out);
  }

  public float[] vector(String text) {
    float[] v = new float[dimension];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), dimension)] += 1;
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      v[0] = 1;
      return v;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String modelName() {
    return "hashing-" + dimension;
  }
}
