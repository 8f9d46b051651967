package dev.autonomy.planner.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.planner.engine.ApprovalGate;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeListener;
import dev.autonomy.planner.engine.GoalRequest;
import dev.autonomy.planner.engine.Step;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/**
 * The planner's API:
 * <ul>
 *   <li>{@code POST /api/goals} {@code {"goal", "successCriteria"?}} → 202 with the episode id;</li>
 *   <li>{@code GET /api/episodes[?limit=N]} recent episodes, newest first;</li>
 *   <li>{@code GET /api/episodes/{id}} status, {@code /plan} the plan tree, {@code /steps} every step,
 *       {@code /result} the outcome, {@code /stream} the steps as server-sent events ({@code step},
 *       {@code approval}, and {@code end} with the episode);</li>
 *   <li>{@code GET /api/approvals} steps waiting for approval; {@code POST /api/approvals/{id}}
 *       {@code {"approved": true|false, "by"?, "comment"?}} decides one.</li>
 * </ul>
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class PlannerApi {
  private final PlannerService planner;
  private final ObjectMapper json;

  public PlannerApi(PlannerService planner, ObjectMapper json) {
    this.planner = planner;
    this.json = json;
  }

  /** A goal as submitted. */
  public record GoalBody(String goal, String successCriteria) {}

  /** A decision on a pending approval. */
  public record Decision(Boolean approved, String by, String comment) {}

  @POST
  @Path("/goals")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(GoalBody body) {
    if (body == null || body.goal() == null || body.goal().isBlank()) {
      throw new BadRequestException("a goal needs its text: {\"goal\": \"...\"}");
    }
    Episode ep;
    try {
      ep = planner.engine().submit(new GoalRequest(body.goal(), body.successCriteria(), null));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    ObjectNode out = summary(ep);
    String base = "/api/episodes/" + ep.id();
    out.putObject("links").put("self", base).put("plan", base + "/plan").put("steps", base + "/steps")
        .put("stream", base + "/stream").put("result", base + "/result");
    return Response.accepted(out).header("Location", base).build();
  }

  @GET
  @Path("/episodes")
  public ArrayNode episodes(@QueryParam("limit") @DefaultValue("20") int limit) {
    ArrayNode out = json.createArrayNode();
    planner.engine().recent(Math.max(1, Math.min(limit, 200))).forEach(ep -> out.add(summary(ep)));
    return out;
  }

  @GET
  @Path("/episodes/{id}")
  public ObjectNode episode(@PathParam("id") String id) {
    Episode ep = find(id);
    ObjectNode out = ep.toJson();
    ArrayNode pending = out.putArray("pendingApprovals");
    planner.engine().approvals().pending(ep.id()).forEach(p -> pending.add(approval(p)));
    return out;
  }

  @GET
  @Path("/episodes/{id}/plan")
  public ObjectNode plan(@PathParam("id") String id) {
    Episode ep = find(id);
    ObjectNode out = json.createObjectNode().put("id", ep.id()).put("state", ep.state().name())
        .put("fromPlanMemory", ep.fromPlanMemory());
    out.set("tasks", ep.plan() == null ? json.createArrayNode() : ep.plan().toJson());
    return out;
  }

  @GET
  @Path("/episodes/{id}/steps")
  public List<Step> steps(@PathParam("id") String id) {
    return find(id).steps();
  }

  @GET
  @Path("/episodes/{id}/result")
  public ObjectNode result(@PathParam("id") String id) {
    Episode ep = find(id);
    ObjectNode out = json.createObjectNode().put("id", ep.id()).put("state", ep.state().name())
        .put("result", ep.state().result().value()).put("finished", ep.state().finished());
    if (ep.summary() != null) {
      out.put("summary", ep.summary());
    }
    if (ep.reason() != null) {
      out.put("reason", ep.reason());
    }
    if (ep.finishedAt() != null) {
      out.put("finishedAt", ep.finishedAt().toString());
    }
    out.put("steps", ep.countedSteps()).put("tokens", ep.tokens()).put("fromPlanMemory", ep.fromPlanMemory());
    return out;
  }

  @GET
  @Path("/episodes/{id}/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
    Episode ep = find(id);
    Object lock = new Object();
    EpisodeListener listener = new EpisodeListener() {
      @Override
      public void onStep(Episode e, Step step) {
        send("step", step);
      }

      @Override
      public void onApproval(Episode e, ApprovalGate.Pending pending) {
        send("approval", approval(pending));
      }

      @Override
      public void onFinish(Episode e) {
        send("end", summary(e));
        e.unlisten(this);
        synchronized (lock) {
          sink.close();
        }
      }

      private void send(String name, Object data) {
        synchronized (lock) {
          if (sink.isClosed()) {
            ep.unlisten(this);
            return;
          }
          try {
            sink.send(sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build());
          } catch (Exception ex) {
            ep.unlisten(this);
          }
        }
      }
    };
    List<Step> earlier = ep.listen(listener);
    synchronized (lock) {
      for (Step s : earlier) {
        try {
          sink.send(sse.newEventBuilder().name("step").data(json.writeValueAsString(s)).build());
        } catch (Exception ex) {
          ep.unlisten(listener);
          return;
        }
      }
    }
    if (ep.state().finished()) {
      listener.onFinish(ep);
    }
  }

  @GET
  @Path("/approvals")
  public ArrayNode approvals() {
    ArrayNode out = json.createArrayNode();
    planner.engine().approvals().pending().forEach(p -> out.add(approval(p)));
    return out;
  }

  @POST
  @Path("/approvals/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decide(@PathParam("id") String id, Decision decision) {
    if (decision == null || decision.approved() == null) {
      throw new BadRequestException("say {\"approved\": true} or {\"approved\": false}");
    }
    boolean decided = planner.engine().approvals().decide(id, decision.approved(),
        decision.by() == null ? "api" : decision.by(), decision.comment());
    if (!decided) {
      return Response.status(Response.Status.NOT_FOUND)
          .entity(json.createObjectNode().put("error", "no pending approval " + id)).build();
    }
    return Response.ok(json.createObjectNode().put("id", id).put("approved", decision.approved())).build();
  }

  private Episode find(String id) {
    return planner.engine().get(id).orElseThrow(() -> new NotFoundException("no episode " + id));
  }

  private ObjectNode summary(Episode ep) {
    ObjectNode o = ep.toJson();
    o.remove("plan");
    return o;
  }

  private ObjectNode approval(ApprovalGate.Pending p) {
    ObjectNode o = json.createObjectNode().put("id", p.id()).put("episodeId", p.episodeId()).put("taskId", p.taskId())
        .put("tool", p.tool()).put("requestedAt", p.requestedAt().toString())
        .put("expiresAt", p.expiresAt().toString());
    o.set("input", p.input());
    return o;
  }
}
