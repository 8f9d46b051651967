package dev.autonomy.planner.tools;

import java.util.List;
import java.util.Locale;

/**
 * The HTTP tool's allowed hosts, as {@code spec.tools.http.allowedHosts} writes them: {@code host:port}
 * allows exactly that port; {@code host} allows the host on any port; {@code *.example.com[:port]}
 * allows its sub-domains (not {@code example.com} itself).
 */
public final class HostAllowList {
  private record Entry(String host, boolean wildcard, int port) {}

  private final List<Entry> entries;
  private final List<String> raw;

  public HostAllowList(List<String> hosts) {
    this.raw = hosts == null ? List.of() : List.copyOf(hosts);
    this.entries = raw.stream().map(HostAllowList::parse).toList();
  }

  private static Entry parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    int port = -1;
    int colon = v.lastIndexOf(':');
    if (colon > 0 && v.indexOf(':') == colon) {
      port = Integer.parseInt(v.substring(colon + 1));
      v = v.substring(0, colon);
    }
    boolean wildcard = v.startsWith("*.");
    return new Entry(wildcard ? v.substring(1) : v, wildcard, port);
  }

  /** True when {@code host} on {@code port} is allowed. */
  public boolean allows(String host, int port) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (Entry e : entries) {
      boolean hostMatches = e.wildcard() ? h.endsWith(e.host()) && h.length() > e.host().length() : h.equals(e.host());
      if (hostMatches && (e.port() < 0 || e.port() == port)) {
        return true;
      }
    }
    return false;
  }

  /** The entries as written. */
  public List<String> hosts() {
    return raw;
  }

  /** True when every entry names one host (no wildcard): the model can be given them as an enum. */
  public boolean enumerable() {
    return !raw.isEmpty() && entries.stream().noneMatch(Entry::wildcard);
  }
}
