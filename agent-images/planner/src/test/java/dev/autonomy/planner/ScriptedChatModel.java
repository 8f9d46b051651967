package dev.autonomy.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A LangChain4j {@link ChatModel} that answers from a script, no server: per purpose (recognised from
 * the schema the planner sends and its prompt: plan, decompose, replan, act, evaluate, reflect, ping)
 * a queue of answers, then a default. An answer may be a function of the request, or throw.
 */
public final class ScriptedChatModel implements ChatModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded call. */
  public record Call(String purpose, String prompt, JsonNode schema) {}

  private final Map<String, Deque<Function<Call, String>>> queues = new HashMap<>();
  private final Map<String, Function<Call, String>> defaults = new HashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private int inputTokens = 40;
  private int outputTokens = 20;

  public ScriptedChatModel then(String purpose, String... answers) {
    for (String a : answers) {
      queues.computeIfAbsent(purpose, k -> new ArrayDeque<>()).add(c -> a);
    }
    return this;
  }

  public ScriptedChatModel then(String purpose, Function<Call, String> answer) {
    queues.computeIfAbsent(purpose, k -> new ArrayDeque<>()).add(answer);
    return this;
  }

  public ScriptedChatModel otherwise(String purpose, String answer) {
    defaults.put(purpose, c -> answer);
    return this;
  }

  public ScriptedChatModel otherwise(String purpose, Function<Call, String> answer) {
    defaults.put(purpose, answer);
    return this;
  }

  public ScriptedChatModel tokens(int in, int out) {
    this.inputTokens = in;
    this.outputTokens = out;
    return this;
  }

  public List<Call> calls() {
    return new ArrayList<>(calls);
  }

  public long count(String purpose) {
    return calls.stream().filter(c -> c.purpose().equals(purpose)).count();
  }

  /** As OpenAiChatModel's: keeps the request's custom parameters (the schema) when merged. */
  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return OpenAiChatRequestParameters.builder().build();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    JsonNode schema = schema(request);
    String prompt = prompt(request.messages());
    Call call = new Call(purpose(schema, prompt), prompt, schema);
    calls.add(call);
    Deque<Function<Call, String>> q = queues.get(call.purpose());
    Function<Call, String> answer = q != null && !q.isEmpty() ? q.poll() : defaults.get(call.purpose());
    if (answer == null) {
      throw new AssertionError("no scripted answer for " + call.purpose() + ": " + prompt);
    }
    String text = answer.apply(call);
    return ChatResponse.builder().aiMessage(AiMessage.from(text)).tokenUsage(new TokenUsage(inputTokens, outputTokens))
        .build();
  }

  static JsonNode schema(ChatRequest request) {
    if (request.parameters() instanceof OpenAiChatRequestParameters p && p.customParameters() != null) {
      Object rf = p.customParameters().get("response_format");
      if (rf instanceof Map<?, ?> m && m.get("schema") != null) {
        return JSON.valueToTree(m.get("schema"));
      }
    }
    return null;
  }

  static String purpose(JsonNode schema, String prompt) {
    if (schema == null) {
      return "ping";
    }
    JsonNode p = schema.path("properties");
    if (p.has("tasks")) {
      return prompt.contains("Split this task") ? "decompose" : prompt.contains("Plan the remaining work") ? "replan"
          : "plan";
    }
    if (p.has("action")) {
      return "act";
    }
    if (p.has("success")) {
      return "evaluate";
    }
    if (p.has("diagnosis")) {
      return "reflect";
    }
    return "other";
  }

  static String prompt(List<ChatMessage> messages) {
    StringBuilder b = new StringBuilder();
    for (ChatMessage m : messages) {
      if (m instanceof UserMessage u) {
        b.append(u.singleText()).append('\n');
      } else if (m instanceof SystemMessage s) {
        b.append(s.text()).append('\n');
      } else if (m instanceof AiMessage a) {
        b.append("AI: ").append(a.text()).append('\n');
      }
    }
    return b.toString();
  }
}
