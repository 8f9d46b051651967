package dev.autonomy.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Qdrant's REST API written from its documentation (collections, points: upsert,
 * search, scroll, count, delete, payload; {@code must} filters with {@code match}/{@code range}), on
 * loopback. It tests the client's requests and their use, not Qdrant itself: QdrantMemoryIT does that
 * when a real server is named.
 */
final class FakeQdrant implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final Map<String, Collection> collections = new ConcurrentHashMap<>();

  record Point(String id, float[] vector, ObjectNode payload) {}

  static final class Collection {
    final int size;
    final Map<String, Point> points = new LinkedHashMap<>();

    Collection(int size) {
      this.size = size;
    }
  }

  FakeQdrant() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/collections/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String[] parts = path.substring("/collections/".length()).split("/");
    String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    JsonNode body = exchange.getRequestBody().available() >= 0
        ? readBody(exchange) : JSON.nullNode();
    Collection c = collections.get(name);
    try {
      if (parts.length == 1) {
        switch (method) {
          case "GET" -> {
            if (c == null) {
              reply(exchange, 404, error("Collection `" + name + "` doesn't exist!"));
            } else {
              ObjectNode r = JSON.createObjectNode();
              r.putObject("result").putObject("config").putObject("params").putObject("vectors").put("size", c.size)
                  .put("distance", "Cosine");
              reply(exchange, 200, r);
            }
          }
          case "PUT" -> {
            collections.put(name, new Collection(body.path("vectors").path("size").asInt()));
            reply(exchange, 200, ok(JSON.getNodeFactory().booleanNode(true)));
          }
          case "DELETE" -> {
            collections.remove(name);
            reply(exchange, 200, ok(JSON.getNodeFactory().booleanNode(true)));
          }
          default -> reply(exchange, 405, error(method));
        }
        return;
      }
      if (c == null) {
        reply(exchange, 404, error("Collection `" + name + "` doesn't exist!"));
        return;
      }
      String op = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
      switch (op) {
        case "index" -> reply(exchange, 200, ok(JSON.createObjectNode().put("status", "completed")));
        case "points" -> {
          for (JsonNode p : body.path("points")) {
            float[] v = JSON.convertValue(p.path("vector"), float[].class);
            if (v.length != c.size) {
              reply(exchange, 400, error("Wrong input: Vector dimension error: expected dim: " + c.size + ", got "
                  + v.length));
              return;
            }
          }
          for (JsonNode p : body.path("points")) {
            String id = p.path("id").asText();
            c.points.put(id, new Point(id, JSON.convertValue(p.path("vector"), float[].class),
                (ObjectNode) p.path("payload")));
          }
          reply(exchange, 200, ok(JSON.createObjectNode().put("status", "completed")));
        }
        case "points/search" -> {
          float[] q = JSON.convertValue(body.path("vector"), float[].class);
          List<Point> hits = new ArrayList<>(matching(c, body.path("filter")));
          hits.sort(Comparator.comparingDouble((Point p) -> -RetrievalScorer.cosine(q, p.vector())));
          ArrayNode result = JSON.createArrayNode();
          hits.stream().limit(body.path("limit").asInt(10)).forEach(p -> result.addObject().put("id", p.id())
              .put("version", 0).put("score", RetrievalScorer.cosine(q, p.vector())).set("payload", p.payload()));
          reply(exchange, 200, ok(result));
        }
        case "points/scroll" -> {
          ObjectNode result = JSON.createObjectNode();
          ArrayNode points = result.putArray("points");
          matching(c, body.path("filter")).stream().limit(body.path("limit").asInt(10))
              .forEach(p -> points.addObject().put("id", p.id()));
          result.putNull("next_page_offset");
          reply(exchange, 200, ok(result));
        }
        case "points/count" -> reply(exchange, 200,
            ok(JSON.createObjectNode().put("count", matching(c, body.path("filter")).size())));
        case "points/delete" -> {
          if (body.has("points")) {
            body.path("points").forEach(id -> c.points.remove(id.asText()));
          } else {
            matching(c, body.path("filter")).forEach(p -> c.points.remove(p.id()));
          }
          reply(exchange, 200, ok(JSON.createObjectNode().put("status", "completed")));
        }
        case "points/payload" -> {
          for (JsonNode id : body.path("points")) {
            Point p = c.points.get(id.asText());
            if (p != null) {
              p.payload().setAll((ObjectNode) body.path("payload"));
            }
          }
          reply(exchange, 200, ok(JSON.createObjectNode().put("status", "completed")));
        }
        default -> reply(exchange, 404, error("no such endpoint " + op));
      }
    } catch (RuntimeException e) {
      reply(exchange, 500, error(e.toString()));
    }
  }

  private static List<Point> matching(Collection c, JsonNode filter) {
    List<Point> out = new ArrayList<>();
    for (Point p : c.points.values()) {
      boolean ok = true;
      for (JsonNode cond : filter.path("must")) {
        JsonNode value = p.payload().path(cond.path("key").asText());
        if (cond.has("match")) {
          ok &= value.asText().equals(cond.path("match").path("value").asText()) && !value.isMissingNode();
        }
        if (cond.has("range")) {
          JsonNode r = cond.path("range");
          double v = value.asDouble();
          ok &= !value.isMissingNode() && (!r.has("gte") || v >= r.path("gte").asDouble())
              && (!r.has("gt") || v > r.path("gt").asDouble()) && (!r.has("lt") || v < r.path("lt").asDouble())
              && (!r.has("lte") || v <= r.path("lte").asDouble());
        }
      }
      if (ok) {
        out.add(p);
      }
    }
    return out;
  }

  private static JsonNode readBody(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    return bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
  }

  private static ObjectNode ok(JsonNode result) {
    ObjectNode r = JSON.createObjectNode();
    r.set("result", result);
    r.put("status", "ok");
    return r;
  }

  private static ObjectNode error(String message) {
    ObjectNode r = JSON.createObjectNode();
    r.putObject("status").put("error", message);
    return r;
  }

  private static void reply(HttpExchange exchange, int code, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
