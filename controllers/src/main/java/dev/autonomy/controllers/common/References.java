package dev.autonomy.controllers.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * Reads the objects a spec refers to, and says in words what is missing. All reads of
 * references go through here; reconcilers do no I/O of their own.
 */
public final class References {
  private final KubernetesClient client;
  private final String namespace;
  private final List<String> missing = new java.util.ArrayList<>();
  private final java.util.Map<Class<?>, java.util.function.Function<String, Optional<?>>> caches = new java.util.HashMap<>();

  public References(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** Reads {@code type} from an informer cache instead of the API server. */
  public <T extends HasMetadata> References cached(Class<T> type, java.util.function.Function<String, Optional<T>> byName) {
    caches.put(type, name -> byName.apply(name));
    return this;
  }

  /** Notes {@code field} as missing unless a {@code type} named {@code name} exists. */
  public <T extends HasMetadata> References require(String field, Class<T> type, String name) {
    get(field, type, name);
    return this;
  }

  /** The referenced object, noting {@code field} as missing when it does not exist. */
  public <T extends HasMetadata> Optional<T> get(String field, Class<T> type, String name) {
    if (name == null) {
      return Optional.empty();
    }
    T found = caches.containsKey(type) ? type.cast(caches.get(type).apply(name).orElse(null))
        : client.resources(type).inNamespace(namespace).withName(name).get();
    if (found == null) {
      missing.add(field + ": " + type.getSimpleName() + " " + namespace + "/" + name + " not found");
    }
    return Optional.ofNullable(found);
  }

  /** Notes {@code field} as missing unless Secret {@code name} exists and holds {@code key}. */
  public References requireSecretKey(String field, String name, String key) {
    if (name == null) {
      return this;
    }
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      missing.add(field + ": Secret " + namespace + "/" + name + " not found");
    } else if (key != null && !hasKey(secret, key)) {
      missing.add(field + ": Secret " + namespace + "/" + name + " has no key " + key);
    }
    return this;
  }

  public List<String> missing() {
    return List.copyOf(missing);
  }

  private static boolean hasKey(Secret secret, String key) {
    return (secret.getData() != null && secret.getData().containsKey(key))
        || (secret.getStringData() != null && secret.getStringData().containsKey(key));
  }
}
