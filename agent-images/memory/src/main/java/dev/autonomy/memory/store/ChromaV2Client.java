package dev.autonomy.memory.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The parts of Chroma's REST API v2 (Chroma ≥ 0.6; 1.x serves only v2) that LangChain4j's
 * {@code ChromaEmbeddingStore} does not expose: a collection's stored dimension, record ids by a
 * {@code where} filter, counts, and metadata updates. HTTP/1.1 (Chroma's server does not speak h2c).
 */
public final class ChromaV2Client {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String tenant;
  private final String database;
  private final Duration timeout;
  private final HttpClient http;

  public ChromaV2Client(String baseUrl, String tenant, String database, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.tenant = tenant;
    this.database = database;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** A collection by name, or empty when there is none. */
  public Optional<CollectionInfo> collection(String name) {
    HttpResponse<String> response = send("GET", collections() + "/" + encode(name), null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    JsonNode body = check(response, "get collection " + name);
    JsonNode dimension = body.get("dimension");
    return Optional.of(new CollectionInfo(body.get("id").asText(), body.get("name").asText(),
        dimension == null || dimension.isNull() ? null : dimension.asInt()));
  }

  /** Ids of records matching {@code where} (null: all), at most {@code limit}. */
  public List<String> ids(String collectionId, Map<String, Object> where, int limit) {
    ObjectNode request = JSON.createObjectNode();
    if (where != null) {
      request.set("where", JSON.valueToTree(where));
    }
    request.putArray("include");
    request.put("limit", limit);
    JsonNode body = check(send("POST", collections() + "/" + collectionId + "/get", request), "get records");
    List<String> ids = new ArrayList<>();
    body.get("ids").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  public long count(String collectionId) {
    return check(send("GET", collections() + "/" + collectionId + "/count", null), "count records").asLong();
  }

  /** Sets one metadata key on these records; Chroma merges it into each record's metadata. */
  public void updateMetadata(String collectionId, Collection<String> ids, String key, Object value) {
    ObjectNode request = JSON.createObjectNode();
    ArrayNode idArray = request.putArray("ids");
    ArrayNode metadatas = request.putArray("metadatas");
    for (String id : ids) {
      idArray.add(id);
      metadatas.add(JSON.valueToTree(Map.of(key, value)));
    }
    check(send("POST", collections() + "/" + collectionId + "/update", request), "update metadata");
  }

  /** Deletes a collection; a missing one is not an error. */
  public void deleteCollection(String name) {
    HttpResponse<String> response = send("DELETE", collections() + "/" + encode(name), null);
    if (response.statusCode() != 404) {
      check(response, "delete collection " + name);
    }
  }

  /** Creates a collection for vectors compared by cosine distance; an existing one is kept. */
  public CollectionInfo createCollection(String name) {
    ObjectNode request = JSON.createObjectNode();
    request.put("name", name);
    request.put("get_or_create", true);
    request.putObject("metadata").put("hnsw:space", "cosine");
    JsonNode body = check(send("POST", collections(), request), "create collection " + name);
    JsonNode dimension = body.get("dimension");
    return new CollectionInfo(body.get("id").asText(), body.get("name").asText(),
        dimension == null || dimension.isNull() ? null : dimension.asInt());
  }

  /** Adds records with embeddings, documents and metadata. */
  public void add(String collectionId, List<String> ids, List<float[]> embeddings, List<String> documents,
      List<Map<String, Object>> metadatas) {
    ObjectNode request = JSON.createObjectNode();
    request.set("ids", JSON.valueToTree(ids));
    request.set("embeddings", JSON.valueToTree(embeddings));
    request.set("documents", JSON.valueToTree(documents));
    request.set("metadatas", JSON.valueToTree(metadatas));
    check(send("POST", collections() + "/" + collectionId + "/add", request), "add records");
  }

  public String baseUrl() {
    return baseUrl;
  }

  private String collections() {
    return "/api/v2/tenants/" + encode(tenant) + "/databases/" + encode(database) + "/collections";
  }

  private HttpResponse<String> send(String method, String path, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
        .header("Accept", "application/json");
    try {
      if (body != null) {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Chroma at " + baseUrl + " (" + method + " " + path + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + path, e);
    }
  }

  private JsonNode check(HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Chroma " + what + " failed: HTTP " + response.statusCode() + " "
          + response.body());
    }
    try {
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Chroma " + what + ": unreadable answer " + response.body(), e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A collection: id, name and the dimension of its vectors (null before the first add). */
  public record CollectionInfo(String id, String name, Integer dimension) {}
}
