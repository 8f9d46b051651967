package dev.autonomy.controllers.common;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the operator's endpoint overrides ({@code autonomy.endpoint-overrides}) to a URL the
 * operator itself calls, so tests can point in-cluster services at loopback.
 *
 * <p>Keys are tried in order: {@code <namespace>/<service>:<port>}, {@code <service>:<port>}, then
 * the URL's own {@code <host>:<port>}. A host {@code svc}, {@code svc.ns}, {@code svc.ns.svc} or
 * {@code svc.ns.svc.cluster.local} names service {@code svc} in namespace {@code ns} (a bare
 * {@code svc} is in {@code defaultNamespace}; {@code svc.ns}, which could also be a public host, is
 * matched with its namespace only). The value is the {@code host:port} to use instead.
 */
public final class Endpoints {
  private Endpoints() {}

  /** The URL with its host and port replaced by the first matching override; unchanged when none. */
  public static String apply(String url, String defaultNamespace, Map<String, String> overrides) {
    if (url == null || overrides == null || overrides.isEmpty()) {
      return url;
    }
    URI uri = URI.create(url);
    if (uri.getHost() == null) {
      return url;
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    for (String key : keys(uri.getHost(), port, defaultNamespace)) {
      String target = overrides.get(key);
      if (target != null && !target.isBlank()) {
        return uri.getScheme() + "://" + target.trim() + (uri.getRawPath() == null ? "" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      }
    }
    return url;
  }

  static List<String> keys(String host, int port, String defaultNamespace) {
    List<String> keys = new ArrayList<>();
    String[] parts = host.split("\\.");
    if (parts.length == 1 && defaultNamespace != null) {
      keys.add(defaultNamespace + "/" + host + ":" + port);
    }
    boolean qualified = parts.length == 2
        || (parts.length == 3 && parts[2].equals("svc"))
        || (parts.length == 5 && host.endsWith(".svc.cluster.local"));
    if (qualified) {
      keys.add(parts[1] + "/" + parts[0] + ":" + port);
      if (parts.length > 2) {
        keys.add(parts[0] + ":" + port);
      }
    }
    keys.add(host + ":" + port);
    return keys;
  }
}
