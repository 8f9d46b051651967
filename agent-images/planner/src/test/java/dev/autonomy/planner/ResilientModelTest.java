package dev.autonomy.planner;

import static dev.autonomy.planner.Harness.finish;
import static dev.autonomy.planner.Harness.plan;
import static dev.autonomy.planner.Harness.task;
import static dev.autonomy.planner.Harness.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeState;
import dev.autonomy.planner.engine.StepKind;
import dev.autonomy.planner.model.ModelReply;
import dev.autonomy.planner.model.ModelRequest;
import dev.autonomy.planner.model.ModelUnavailableException;
import dev.autonomy.planner.model.ResilientModel;
import dev.autonomy.planner.model.StructuredOutput;
import dev.autonomy.planner.schema.Schemas;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.internal.ExceptionMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.data.message.AiMessage;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilientModelTest {

  /** Fails as LangChain4j's clients do (HttpException mapped to its exception types), then answers. */
  static final class Flaky implements ChatModel {
    final Deque<Integer> statuses = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();
    final String answer;
    java.util.function.Consumer<ChatRequest> onRequest = r -> {};

    Flaky(String answer, Integer... statuses) {
      this.answer = answer;
      this.statuses.addAll(List.of(statuses));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      calls.incrementAndGet();
      onRequest.accept(request);
      Integer status = statuses.poll();
      if (status != null && status == -1) {
        throw new UncheckedIOException(new ConnectException("Connection refused"));
      }
      if (status != null) {
        throw ExceptionMapper.DEFAULT.mapException(new HttpException(status, "{\"error\": \"status " + status + "\"}"));
      }
      return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
    }
  }

  private static ModelRequest request() {
    return new ModelRequest("test", List.of(UserMessage.from("hi")), null);
  }

  private ResilientModel model(Harness h, ChatModel primary, ChatModel fallback) {
    return new ResilientModel(
        new dev.autonomy.planner.model.ModelEndpointClient("primary", Harness.endpoint("p", 2), primary,
            StructuredOutput.JSON_OBJECT_WITH_SCHEMA),
        fallback == null ? null : new dev.autonomy.planner.model.ModelEndpointClient("fallback",
            Harness.endpoint("f", 1), fallback, StructuredOutput.JSON_OBJECT_WITH_SCHEMA),
        new dev.autonomy.planner.model.Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), false),
        h.sleeps::add, h::nanoTime, Duration.ofSeconds(30), ResilientModel.Listener.NONE);
  }

  @Test
  void fiveHundredsAndRateLimitsAreRetriedWithExponentialBackoff() {
    try (Harness h = new Harness()) {
      Flaky primary = new Flaky("ok", 503, 429);
      ModelReply reply = model(h, primary, null).chat(request());
      assertThat(reply.text()).isEqualTo("ok");
      assertThat(reply.attempts()).isEqualTo(3);
      assertThat(reply.fallback()).isFalse();
      assertThat(h.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Test
  void connectionErrorsAreRetriedToo() {
    try (Harness h = new Harness()) {
      Flaky primary = new Flaky("ok", -1);
      assertThat(model(h, primary, null).chat(request()).attempts()).isEqualTo(2);
    }
  }

  @Test
  void afterItsRetriesThePrimaryHandsOverToTheFallbackWhichThenServesDuringTheCooldown() {
    try (Harness h = new Harness()) {
      Flaky primary = new Flaky("primary", 500, 502, 503, 500);
      Flaky fallback = new Flaky("fallback");
      ResilientModel m = model(h, primary, fallback);

      ModelReply reply = m.chat(request());
      assertThat(reply.text()).isEqualTo("fallback");
      assertThat(reply.fallback()).isTrue();
      assertThat(reply.model()).isEqualTo("openai-compatible/f");
      assertThat(primary.calls).hasValue(3);  // 1 + maxRetries 2
      assertThat(h.sleeps).hasSize(2);

      m.chat(request());
      assertThat(primary.calls).hasValue(3);  // cooling down: straight to the fallback
      h.skewNanos.addAndGet(Duration.ofSeconds(31).toNanos());
      // After the cool-down the primary is tried again: its 4th call fails (500), the retry answers.
      assertThat(m.chat(request()).text()).isEqualTo("primary");
      assertThat(primary.calls).hasValue(5);
    }
  }

  @Test
  void aRefusalIsNotRetriedButGoesToTheFallbackAtOnce() {
    try (Harness h = new Harness()) {
      Flaky primary = new Flaky("primary", 401);
      Flaky fallback = new Flaky("fallback");
      assertThat(model(h, primary, fallback).chat(request()).text()).isEqualTo("fallback");
      assertThat(primary.calls).hasValue(1);
      assertThat(h.sleeps).isEmpty();
    }
  }

  @Test
  void whenBothFailTheCallIsUnavailable() {
    try (Harness h = new Harness()) {
      Flaky primary = new Flaky("p", 500, 500, 500);
      Flaky fallback = new Flaky("f", 503, 503);
      assertThatThrownBy(() -> model(h, primary, fallback).chat(request()))
          .isInstanceOf(ModelUnavailableException.class)
          .hasMessageContaining("primary openai-compatible/p: HTTP 500")
          .hasMessageContaining("fallback openai-compatible/f: HTTP 503");
      assertThat(primary.calls).hasValue(3);
      assertThat(fallback.calls).hasValue(2);
    }
  }

  @Test
  void aServerThatRefusesTheSchemaParameterGetsTheSchemaInThePrompt() {
    try (Harness h = new Harness()) {
      List<ChatRequest> seen = new java.util.ArrayList<>();
      // LangChain4j's message of a 400 names the parameter the server refused.
      ChatModel refusing = new ChatModel() {
        int n;

        @Override
        public dev.langchain4j.model.chat.request.ChatRequestParameters defaultRequestParameters() {
          return dev.langchain4j.model.openai.OpenAiChatRequestParameters.builder().build();
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
          seen.add(request);
          if (n++ == 0) {
            throw ExceptionMapper.DEFAULT.mapException(new HttpException(400, "unsupported response_format"));
          }
          return ChatResponse.builder().aiMessage(AiMessage.from("{}")).build();
        }
      };
      ResilientModel m = model(h, refusing, null);
      ModelReply reply = m.chat(new ModelRequest("evaluate", List.of(UserMessage.from("judge")),
          Schemas.forModel(Schemas.evaluation())));
      assertThat(reply.text()).isEqualTo("{}");
      assertThat(m.primary().mode()).isEqualTo(StructuredOutput.PROMPT_ONLY);
      assertThat(seen).hasSize(2);
      assertThat(ScriptedChatModel.schema(seen.get(0))).isNotNull();
      assertThat(ScriptedChatModel.prompt(seen.get(1).messages())).contains("matches this JSON schema")
          .contains("\"success\"");
      assertThat(h.sleeps).isEmpty();
    }
  }

  @Test
  void anEpisodeCarriesOnWithTheFallbackAndRecordsIt() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.fallbackModel = new ScriptedChatModel()
          .otherwise("plan", plan(task("t1", "answer", "none", false)))
          .otherwise("act", finish("42"))
          .otherwise("evaluate", verdict(true));
      h.model.otherwise("plan", c -> {
        throw ExceptionMapper.DEFAULT.mapException(new HttpException(503, "overloaded"));
      });

      Episode ep = h.run("What is the answer?");

      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(ep.summary()).isEqualTo("42");
      var plan = ep.steps().stream().filter(s -> s.kind() == StepKind.PLAN).findFirst().orElseThrow();
      assertThat(plan.fallback()).isTrue();
      assertThat(plan.model()).isEqualTo("openai-compatible/scripted-fallback");
      assertThat(h.model.count("plan")).isEqualTo(3);  // 1 + 2 retries, then the cool-down
      assertThat(h.model.count("act")).isZero();
      assertThat(h.counter("autonomy.planner.model.retries")).isEqualTo(2);
      assertThat(h.counter("autonomy.planner.model.fallbacks")).isEqualTo(1);
    }
  }

  @Test
  void anEpisodeFailsCleanlyWhenNoModelAnswers() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.model.otherwise("plan", c -> {
        throw ExceptionMapper.DEFAULT.mapException(new HttpException(500, "down"));
      });
      Episode ep = h.run("Anything");
      assertThat(ep.state()).isEqualTo(EpisodeState.FAILED);
      assertThat(ep.summary()).isEqualTo("Failed: the model is unavailable.");
      assertThat(h.sleeps).hasSize(2);
    }
  }
}
