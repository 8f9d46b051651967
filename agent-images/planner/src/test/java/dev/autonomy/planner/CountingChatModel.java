package dev.autonomy.planner;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls that reach a real model (its own defaults and custom parameters untouched). */
public final class CountingChatModel implements ChatModel {
  private final ChatModel delegate;
  public final AtomicInteger calls = new AtomicInteger();

  public CountingChatModel(ChatModel delegate) {
    this.delegate = delegate;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    calls.incrementAndGet();
    return delegate.chat(request);
  }
}
