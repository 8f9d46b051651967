package dev.autonomy.controllers.common;

import io.fabric8.kubernetes.client.utils.Serialization;

/** Deep copies through JSON, so a reconcile can change a status and still compare with the old. */
public final class Copies {
  private Copies() {}

  public static <T> T deepCopy(T value, Class<T> type, java.util.function.Supplier<T> whenNull) {
    return value == null ? whenNull.get() : Serialization.unmarshal(Serialization.asJson(value), type);
  }
}
