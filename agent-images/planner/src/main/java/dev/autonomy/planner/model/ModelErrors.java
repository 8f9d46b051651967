package dev.autonomy.planner.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.util.Locale;
import java.util.OptionalInt;

/** Classifies a failed model call: retry (429, 408, 5xx, timeouts, connection errors) or not. */
public final class ModelErrors {
  private ModelErrors() {}

  public static boolean retryable(Throwable error) {
    OptionalInt status = httpStatus(error);
    if (status.isPresent()) {
      int s = status.getAsInt();
      return s == 408 || s == 429 || s >= 500;
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RetriableException || t instanceof UnresolvedModelServerException || t instanceof IOException
          || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
      if (t instanceof NonRetriableException) {
        return false;
      }
    }
    return false;
  }

  /** The HTTP status of the failed call, if the error carries one. */
  public static OptionalInt httpStatus(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException http) {
        return OptionalInt.of(http.statusCode());
      }
    }
    return OptionalInt.empty();
  }

  /** True when a server refused the request over its structured-output parameters. */
  public static boolean rejectsStructuredOutput(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof dev.langchain4j.exception.UnsupportedFeatureException) {
        return true;
      }
    }
    OptionalInt status = httpStatus(error);
    if (status.isEmpty() || (status.getAsInt() != 400 && status.getAsInt() != 422 && status.getAsInt() != 500)) {
      return false;
    }
    String text = describe(error).toLowerCase(Locale.ROOT);
    return text.contains("response_format") || text.contains("json_schema") || text.contains("schema")
        || text.contains("output_format") || text.contains("format");
  }

  /** A short description: class and message of the root cause, without request bodies. */
  public static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage();
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    OptionalInt status = httpStatus(error);
    return (status.isPresent() ? "HTTP " + status.getAsInt() + " " : "") + root.getClass().getSimpleName()
        + (message.isEmpty() ? "" : ": " + message);
  }
}
