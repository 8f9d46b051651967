package dev.autonomy.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.memory.AgentMemory;
import dev.autonomy.memory.MemoryConfig;
import dev.autonomy.memory.MemoryKind;
import dev.autonomy.memory.NewMemory;
import dev.autonomy.planner.memory.PlannerMemory;
import dev.autonomy.planner.tools.MemoryTool;
import dev.autonomy.planner.tools.ToolResult;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryToolTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void remembersAndRecallsThisAgentsMemoriesOnly() throws Exception {
    try (AgentMemory store = AgentMemory.open(MemoryConfig.inProcess())) {
      store.remember(NewMemory.lesson("other-agent", "g", "Certificates expire on Fridays.", 0.9));
      MemoryTool tool = new MemoryTool(PlannerMemory.of("me", store), 3);

      ToolResult saved = tool.execute(JSON.readTree("{\"op\": \"remember\", \"text\": \"The shop API needs a trailing slash.\"}"));
      assertThat(saved.ok()).isTrue();
      assertThat(store.count(MemoryKind.LESSON)).isEqualTo(2);

      ToolResult recalled = tool.execute(JSON.readTree("{\"op\": \"recall\", \"text\": \"calling the shop API\"}"));
      assertThat(recalled.output()).contains("[lesson").contains("trailing slash").doesNotContain("Certificates");
    }
  }

  @Test
  void aStoreThatNeverOpensDegradesToNothingRemembered() throws Exception {
    PlannerMemory broken = new PlannerMemory("me", CompletableFuture.failedFuture(new IllegalStateException("down")),
        Duration.ofMillis(10));
    MemoryTool tool = new MemoryTool(broken, 3);
    assertThat(tool.execute(JSON.readTree("{\"op\": \"recall\", \"text\": \"x\"}")).output())
        .isEqualTo("nothing relevant remembered");
    assertThat(tool.execute(JSON.readTree("{\"op\": \"remember\", \"text\": \"x\"}")).ok()).isFalse();
    assertThat(broken.similarPlan("x", 0.9)).isEmpty();
  }
}
