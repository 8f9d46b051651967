package dev.autonomy.controllers.policy.ray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Ray Jobs REST API of one dashboard ({@code /api/jobs/}, {@code /api/version}). Every failure
 * is a {@link RayJobsException}; "no such job" (HTTP 404) is an empty result instead.
 */
public final class RayJobsClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final int MAX_MESSAGE = 300;
  private static final Pattern ERROR_LINE = Pattern.compile("[A-Za-z_.]*(Error|Exception): ");

  private final OkHttpClient http;
  private final HttpUrl base;

  /** @throws IllegalArgumentException when {@code dashboardUrl} is not an http(s) URL */
  public RayJobsClient(OkHttpClient http, String dashboardUrl) {
    this.http = http;
    this.base = HttpUrl.get(dashboardUrl);
  }

  /** An HTTP client for dashboards: short timeouts, no retries, no redirects. Share one. */
  public static OkHttpClient httpClient(Duration connectTimeout, Duration readTimeout) {
    return new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout)
        .callTimeout(connectTimeout.plus(readTimeout))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
  }

  /** Ray's version ({@code GET /api/version}); answers only when the dashboard is up. */
  public String version() {
    return call("GET", url("api/version"), null).orElseThrow(() -> error("GET", url("api/version"), 404, "no Jobs API"))
        .path("ray_version").asText();
  }

  /**
   * Submits a job ({@code body} holds its submission_id) and returns it as Ray then reports it. A
   * submission_id Ray already has (HTTP 500 "… already exists …") is the same job: it is returned.
   */
  public RayJob submit(JsonNode body) {
    String id = body.path("submission_id").asText(null);
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("the body has no submission_id");
    }
    try {
      call("POST", url("api/jobs/"), body);
    } catch (RayJobsException e) {
      if (!e.duplicate()) {
        throw e;
      }
    }
    return get(id).orElseThrow(() -> error("GET", jobUrl(id), 404, "job " + id + " vanished after its submission"));
  }

  /** The job, or empty when Ray has none with that submission_id. */
  public Optional<RayJob> get(String submissionId) {
    return call("GET", jobUrl(submissionId), null).map(job -> new RayJob(
        job.path("submission_id").asText(submissionId),
        job.path("status").asText(null),
        job.path("message").isTextual() ? job.path("message").asText() : null,
        job.path("driver_exit_code").isInt() ? job.path("driver_exit_code").asInt() : null,
        job.path("end_time").isIntegralNumber() ? job.path("end_time").asLong() : null));
  }

  /** The job's whole log so far, or empty when Ray has no such job. */
  public Optional<String> logs(String submissionId) {
    return call("GET", jobUrl(submissionId).newBuilder().addPathSegment("logs").build(), null)
        .map(answer -> answer.path("logs").asText(""));
  }

  /** Asks Ray to stop the job; false when it had already ended or does not exist. */
  public boolean stop(String submissionId) {
    return call("POST", jobUrl(submissionId).newBuilder().addPathSegment("stop").build(), JSON.createObjectNode())
        .map(answer -> answer.path("stopped").asBoolean(false)).orElse(false);
  }

  /** Deletes a finished job's record; false when Ray has no such job. Ray refuses to delete a running job. */
  public boolean delete(String submissionId) {
    return call("DELETE", jobUrl(submissionId), null).map(answer -> answer.path("deleted").asBoolean(false)).orElse(false);
  }

  private HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }

  private HttpUrl jobUrl(String submissionId) {
    return base.newBuilder().addPathSegments("api/jobs").addPathSegment(submissionId).build();
  }

  /** The answer's JSON; empty on 404; throws on any other failure. */
  private Optional<JsonNode> call(String method, HttpUrl url, JsonNode body) {
    RequestBody requestBody = body == null ? null : RequestBody.create(body.toString(), JSON_TYPE);
    Request request = new Request.Builder().url(url).method(method, requestBody).build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (response.code() == 404) {
        return Optional.empty();
      }
      if (!response.isSuccessful()) {
        throw error(method, url, response.code(), text);
      }
      try {
        return Optional.of(text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
      } catch (IOException e) {
        throw new RayJobsException(method + " " + where(url) + " answered " + response.code() + " with no JSON.",
            response.code(), e);
      }
    } catch (IOException e) {
      throw new RayJobsException("The Ray dashboard at " + where(base) + " does not answer (" + method + " "
          + url.encodedPath() + ": " + e.getMessage() + ").", 0, e);
    }
  }

  private static RayJobsException error(String method, HttpUrl url, int status, String body) {
    return new RayJobsException(method + " " + where(url) + " answered " + status + ": " + lastLine(body), status, null);
  }

  /**
   * The line of an answer that says what went wrong: the last {@code SomeError: …} line of a
   * Python traceback (Ray's 500s), else the last non-blank line; capped.
   */
  static String lastLine(String text) {
    String last = "";
    String error = null;
    for (String line : text == null ? new String[0] : text.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.length() > 1) {
        last = trimmed;
      }
      if (ERROR_LINE.matcher(trimmed).lookingAt()) {
        error = trimmed;
      }
    }
    String chosen = error != null ? error : last;
    return chosen.length() > MAX_MESSAGE ? chosen.substring(0, MAX_MESSAGE) + "…" : chosen;
  }

  /** Scheme, host, port and path: never credentials or a query. */
  private static String where(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
  }
}
