package dev.autonomy.memory;

import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The same contract against a Qdrant server, only when {@code AUTONOMY_TEST_QDRANT_URL} names one
 * (no Qdrant server can be installed on the test ground: it is not on the package registries).
 */
class QdrantMemoryIT extends MemoryStoreContract {
  static final String URL = System.getenv("AUTONOMY_TEST_QDRANT_URL");

  @BeforeEach
  void server() {
    if (URL == null || URL.isBlank()) {
      String why = "QdrantMemoryIT skipped: AUTONOMY_TEST_QDRANT_URL is not set (no Qdrant server can be installed "
          + "on the test ground); set it to a Qdrant REST URL, e.g. http://127.0.0.1:6333, to run it";
      System.out.println(why);
      Assumptions.abort(why);
    }
  }

  @Override
  MemoryConfig.Builder config() {
    URI uri = URI.create(URL);
    return MemoryConfig.builder().backend(MemoryConfig.Backend.QDRANT).url(URL).host(uri.getHost())
        .port(uri.getPort() > 0 ? uri.getPort() : 6333);
  }
}
