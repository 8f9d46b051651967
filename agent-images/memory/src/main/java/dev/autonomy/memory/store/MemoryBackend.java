package dev.autonomy.memory.store;

import dev.autonomy.memory.DimensionMismatchException;

/** A vector database holding the memory's collections. */
public interface MemoryBackend extends AutoCloseable {

  /** {@code pgvector}, {@code chroma}, {@code in-process}. */
  String name();

  /**
   * Opens (creating if needed) a collection of {@code dimension}-dimensional vectors. An existing
   * collection of another dimension is refused with {@link DimensionMismatchException} before
   * anything is created or written.
   */
  MemoryCollection collection(String name, int dimension);

  @Override
  void close();
}
