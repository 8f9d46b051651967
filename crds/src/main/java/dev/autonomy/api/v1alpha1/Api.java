package dev.autonomy.api.v1alpha1;

/** Coordinates of the Autonomy API: group, version and the category listing all kinds. */
public final class Api {

  /** API group of every Autonomy kind. */
  public static final String GROUP = "autonomy.dev";

  /** The API version these classes model. */
  public static final String VERSION = "v1alpha1";

  /** {@code apiVersion} as written in manifests. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** Category of all Autonomy kinds: {@code kubectl get autonomy} lists them. */
  public static final String CATEGORY = "autonomy";

  private Api() {
  }
}
