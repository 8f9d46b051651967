package dev.autonomy.memory.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.memory.MemoryFields;
import dev.autonomy.memory.MemoryFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Qdrant's REST API (port 6333), HTTP/1.1, the calls the memory needs: collections, points (upsert,
 * search, scroll, count, delete, payload). LangChain4j's Qdrant store speaks gRPC instead, which
 * brings a gRPC/protobuf stack of its own.
 */
public final class QdrantRestClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;

  public QdrantRestClient(String baseUrl, String apiKey, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** The vector size of a collection, empty when there is no such collection. */
  public Optional<Integer> vectorSize(String collection) {
    HttpResponse<String> response = send("GET", "/collections/" + encode(collection), null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    JsonNode vectors = check(response, "get collection " + collection).path("result").path("config").path("params")
        .path("vectors");
    return Optional.of(vectors.path("size").asInt());
  }

  public void createCollection(String collection, int dimension) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("vectors").put("size", dimension).put("distance", "Cosine");
    check(send("PUT", "/collections/" + encode(collection), body), "create collection " + collection);
    index(collection, MemoryFields.AGENT, "keyword");
    index(collection, MemoryFields.GOAL, "keyword");
    index(collection, MemoryFields.CREATED_AT, "integer");
  }

  private void index(String collection, String field, String schema) {
    ObjectNode body = JSON.createObjectNode().put("field_name", field).put("field_schema", schema);
    check(send("PUT", "/collections/" + encode(collection) + "/index?wait=true", body), "index " + field);
  }

  public void deleteCollection(String collection) {
    HttpResponse<String> response = send("DELETE", "/collections/" + encode(collection), null);
    if (response.statusCode() != 404) {
      check(response, "delete collection " + collection);
    }
  }

  /** Upserts points: id, vector, payload. */
  public void upsert(String collection, List<String> ids, List<float[]> vectors, List<Map<String, Object>> payloads) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode points = body.putArray("points");
    for (int i = 0; i < ids.size(); i++) {
      ObjectNode p = points.addObject();
      p.put("id", ids.get(i));
      p.set("vector", JSON.valueToTree(vectors.get(i)));
      p.set("payload", JSON.valueToTree(payloads.get(i)));
    }
    check(send("PUT", points(collection) + "?wait=true", body), "upsert points");
  }

  /** Scored points: id, score (cosine similarity), payload. */
  public List<JsonNode> search(String collection, float[] vector, ObjectNode filter, int limit) {
    ObjectNode body = JSON.createObjectNode();
    body.set("vector", JSON.valueToTree(vector));
    body.put("limit", limit);
    body.put("with_payload", true);
    if (filter != null) {
      body.set("filter", filter);
    }
    List<JsonNode> hits = new ArrayList<>();
    check(send("POST", points(collection) + "/search", body), "search").path("result").forEach(hits::add);
    return hits;
  }

  public List<String> ids(String collection, ObjectNode filter, int limit) {
    ObjectNode body = JSON.createObjectNode();
    body.put("limit", limit);
    body.put("with_payload", false);
    body.put("with_vector", false);
    if (filter != null) {
      body.set("filter", filter);
    }
    List<String> ids = new ArrayList<>();
    check(send("POST", points(collection) + "/scroll", body), "scroll").path("result").path("points")
        .forEach(p -> ids.add(p.path("id").asText()));
    return ids;
  }

  public long count(String collection, ObjectNode filter) {
    ObjectNode body = JSON.createObjectNode().put("exact", true);
    if (filter != null) {
      body.set("filter", filter);
    }
    return check(send("POST", points(collection) + "/count", body), "count").path("result").path("count").asLong();
  }

  public void delete(String collection, Collection<String> ids) {
    ObjectNode body = JSON.createObjectNode();
    body.set("points", JSON.valueToTree(ids));
    check(send("POST", points(collection) + "/delete?wait=true", body), "delete points");
  }

  public void deleteWhere(String collection, ObjectNode filter) {
    ObjectNode body = JSON.createObjectNode();
    body.set("filter", filter);
    check(send("POST", points(collection) + "/delete?wait=true", body), "delete points");
  }

  public void setPayload(String collection, Collection<String> ids, Map<String, Object> payload) {
    ObjectNode body = JSON.createObjectNode();
    body.set("payload", JSON.valueToTree(payload));
    body.set("points", JSON.valueToTree(ids));
    check(send("POST", points(collection) + "/payload?wait=true", body), "set payload");
  }

  /** Qdrant's filter for a memory filter ({@code must} conditions), null when nothing is filtered. */
  public static ObjectNode filter(MemoryFilter f) {
    ArrayNode must = JSON.createArrayNode();
    if (f.agent() != null) {
      must.addObject().put("key", MemoryFields.AGENT).putObject("match").put("value", f.agent());
    }
    if (f.goal() != null) {
      must.addObject().put("key", MemoryFields.GOAL).putObject("match").put("value", f.goal());
    }
    if (f.createdFrom() != null || f.createdBefore() != null) {
      ObjectNode range = must.addObject().put("key", MemoryFields.CREATED_AT).putObject("range");
      if (f.createdFrom() != null) {
        range.put("gte", f.createdFrom().toEpochMilli());
      }
      if (f.createdBefore() != null) {
        range.put("lt", f.createdBefore().toEpochMilli());
      }
    }
    if (must.isEmpty()) {
      return null;
    }
    ObjectNode filter = JSON.createObjectNode();
    filter.set("must", must);
    return filter;
  }

  private static String points(String collection) {
    return "/collections/" + encode(collection) + "/points";
  }

  private HttpResponse<String> send(String method, String path, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
        .header("Accept", "application/json");
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("api-key", apiKey);
    }
    try {
      if (body != null) {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Qdrant at " + baseUrl + " (" + method + " " + path + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + path, e);
    }
  }

  private JsonNode check(HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Qdrant " + what + " failed: HTTP " + response.statusCode() + " "
          + response.body());
    }
    try {
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Qdrant " + what + ": unreadable answer " + response.body(), e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
