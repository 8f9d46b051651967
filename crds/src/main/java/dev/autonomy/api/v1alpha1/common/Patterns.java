package dev.autonomy.api.v1alpha1.common;

/** Regular expressions (RE2 syntax, as the API server evaluates them) shared by the model. */
public final class Patterns {

  /** A Go duration such as {@code 90s}, {@code 5m} or {@code 1h30m}. */
  public static final String DURATION = "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$";

  /** A cron schedule with five fields, or a macro such as {@code @daily}. */
  public static final String CRON =
      "^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|(\\S+\\s+){4}\\S+)$";

  /** A DNS-1123 subdomain: the name of most Kubernetes objects. */
  public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** A DNS-1123 label: lower case alphanumerics and '-', starting and ending alphanumeric. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** An http(s) URL. */
  public static final String HTTP_URL = "^https?://[^\\s/]+(/\\S*)?$";

  /** A key inside a Secret or ConfigMap. */
  public static final String CONFIG_KEY = "^[-._a-zA-Z0-9]+$";

  /** A host name or IP address, optionally with a leading {@code *.} wildcard and a {@code :port}. */
  public static final String HOST =
      "^(\\*\\.)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*(:[0-9]{1,5})?$";

  /** A CamelCase condition reason. */
  public static final String REASON = "^([A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?)?$";

  private Patterns() {
  }
}
