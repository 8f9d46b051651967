package dev.autonomy.memory;

/**
 * The embedding model and the store disagree on the vector dimension. Raised before anything is
 * written: a store keeps one dimension (a pgvector column {@code vector(n)}, a Chroma collection's
 * first vectors), and vectors of another model are meaningless next to its own.
 */
public class DimensionMismatchException extends IllegalStateException {
  private final int storeDimension;
  private final int modelDimension;

  public DimensionMismatchException(String store, int storeDimension, String model, int modelDimension) {
    super(store + " holds " + storeDimension + "-dimensional vectors but " + model + " produces " + modelDimension
        + "-dimensional embeddings; nothing was written. Use the store's embedding model, or a new store (or "
        + "collection prefix) for this model.");
    this.storeDimension = storeDimension;
    this.modelDimension = modelDimension;
  }

  public int storeDimension() {
    return storeDimension;
  }

  public int modelDimension() {
    return modelDimension;
  }
}
