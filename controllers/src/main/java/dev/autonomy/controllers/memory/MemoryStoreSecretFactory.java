package dev.autonomy.controllers.memory;

import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_API_KEY;
import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_BACKEND;
import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_DATABASE;
import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_ENDPOINT;
import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_HOST;
import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_PASSWORD;
import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_PORT;
import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_URL;
import static dev.autonomy.controllers.memory.MemoryStoreResources.KEY_USERNAME;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The connection Secret: where the store is and the credentials it was initialized with. Created
 * once and never updated by the operator ({@code immutable}); its values are never logged, never
 * copied into status or Events. Chroma has no authentication of its own (its NetworkPolicy is the
 * guard), so its Secret holds the address only. Pure, given the random source.
 */
public final class MemoryStoreSecretFactory {
  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final int SECRET_LENGTH = 32;

  private MemoryStoreSecretFactory() {}

  public static Secret secret(MemoryStore store, RandomGenerator random) {
    MemoryBackend backend = store.getSpec().getBackend();
    String host = MemoryStoreResources.host(store);
    int port = MemoryBackends.port(backend);
    Map<String, String> data = new LinkedHashMap<>();
    data.put(KEY_BACKEND, backend.value());
    data.put(KEY_HOST, host);
    data.put(KEY_PORT, Integer.toString(port));
    data.put(KEY_ENDPOINT, host + ":" + port);
    data.put(KEY_URL, MemoryBackends.url(backend, host, port));
    if (backend == MemoryBackend.PGVECTOR) {
      data.put(KEY_USERNAME, MemoryBackends.POSTGRES_USER);
      data.put(KEY_PASSWORD, randomString(random, SECRET_LENGTH));
      data.put(KEY_DATABASE, MemoryBackends.POSTGRES_DATABASE);
    } else if (backend == MemoryBackend.QDRANT) {
      data.put(KEY_API_KEY, randomString(random, SECRET_LENGTH));
    }
    return new SecretBuilder().withNewMetadata().withName(MemoryStoreResources.secret(store))
        .withNamespace(MemoryStoreResources.namespace(store))
        .withLabels(MemoryStoreResources.labels(store, MemoryStoreResources.DATABASE)).endMetadata()
        .withType("Opaque").withImmutable(true).withData(base64(data)).build();
  }

  static Map<String, String> base64(Map<String, String> data) {
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return encoded;
  }

  /** Letters and digits only: safe in URLs, pgpass files and shell words without quoting. */
  static String randomString(RandomGenerator random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
