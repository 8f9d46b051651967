package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreSpec;
import dev.autonomy.controllers.config.OperatorConfig;

/** What differs between the backends' images: ports, the user they run as, where they keep data. Pure. */
final class MemoryBackends {
  static final int POSTGRES_PORT = 5432;
  static final int CHROMA_PORT = 8000;
  static final int QDRANT_HTTP_PORT = 6333;
  static final int QDRANT_GRPC_PORT = 6334;
  static final int QDRANT_P2P_PORT = 6335;
  /** The postgres user of the official images. */
  static final long POSTGRES_UID = 999;
  /** Qdrant's and Chroma's images run as any non-root user; 1000 is the one of Qdrant's unprivileged image. */
  static final long APP_UID = 1000;
  /** The database of a pgvector store and its owner. */
  static final String POSTGRES_DATABASE = "memory";
  static final String POSTGRES_USER = "autonomy";

  private MemoryBackends() {}

  /** The client port. */
  static int port(MemoryBackend backend) {
    return switch (backend) {
      case PGVECTOR -> POSTGRES_PORT;
      case CHROMA -> CHROMA_PORT;
      case QDRANT -> QDRANT_HTTP_PORT;
    };
  }

  static String portName(MemoryBackend backend) {
    return backend == MemoryBackend.PGVECTOR ? "postgresql" : "http";
  }

  static long uid(MemoryBackend backend) {
    return backend == MemoryBackend.PGVECTOR ? POSTGRES_UID : APP_UID;
  }

  /** Where the data claim is mounted. */
  static String dataPath(MemoryBackend backend) {
    return switch (backend) {
      case PGVECTOR -> "/var/lib/postgresql/data";
      case CHROMA -> "/data";
      case QDRANT -> "/qdrant/storage";
    };
  }

  /** The URL scheme clients use ({@code url} key of the connection Secret). */
  static String url(MemoryBackend backend, String host, int port) {
    return switch (backend) {
      case PGVECTOR -> "postgresql://" + host + ":" + port + "/" + POSTGRES_DATABASE;
      case CHROMA, QDRANT -> "http://" + host + ":" + port;
    };
  }

  /**
   * The image: {@code spec.image} if set; else the operator's image for the backend, with
   * {@code spec.version} applied (pgvector: the {@code -pgNN} suffix of the tag; the others: the tag,
   * {@code v}-prefixed for Qdrant).
   */
  static String image(MemoryStoreSpec spec, OperatorConfig.Images images) {
    if (spec.getImage() != null && !spec.getImage().isBlank()) {
      return spec.getImage();
    }
    String base = switch (spec.getBackend()) {
      case PGVECTOR -> images.pgvector();
      case CHROMA -> images.chroma();
      case QDRANT -> images.qdrant();
    };
    String version = spec.getVersion();
    if (version == null || version.isBlank()) {
      return base;
    }
    int colon = base.lastIndexOf(':');
    String repository = colon > base.lastIndexOf('/') ? base.substring(0, colon) : base;
    String tag = colon > base.lastIndexOf('/') ? base.substring(colon + 1) : "";
    return switch (spec.getBackend()) {
      case PGVECTOR -> tag.matches(".*-pg\\d+$")
          ? repository + ":" + tag.replaceAll("-pg\\d+$", "-pg" + version) : repository + ":pg" + version;
      case QDRANT -> repository + ":" + (version.startsWith("v") ? version : "v" + version);
      case CHROMA -> repository + ":" + version;
    };
  }
}
