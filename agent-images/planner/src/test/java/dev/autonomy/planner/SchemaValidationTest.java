package dev.autonomy.planner;

import static dev.autonomy.planner.Harness.act;
import static dev.autonomy.planner.Harness.finish;
import static dev.autonomy.planner.Harness.plan;
import static dev.autonomy.planner.Harness.task;
import static dev.autonomy.planner.Harness.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeState;
import dev.autonomy.planner.engine.Step;
import dev.autonomy.planner.engine.StepKind;
import dev.autonomy.planner.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {

  @Test
  void schemaInvalidPlansAreRetriedWithTheErrorsAndNeverUsed() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      EchoTool echo = new EchoTool("echo");
      h.tool(echo);
      h.model
          .then("plan", "Sure! Here is the plan: tasks are evil and many")           // not JSON
          .then("plan", "{\"tasks\": [{\"id\": \"evil\", \"title\": \"rm -rf\"}]}")   // required fields missing
          .then("plan", plan(task("t1", "say hello", "echo", false)))
          .then("act", act("echo", "{\"text\": \"hello\"}", ""))
          .otherwise("act", finish("said hello"))
          .otherwise("evaluate", verdict(true));

      Episode ep = h.run("Say hello");

      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      Step plan = ep.steps().stream().filter(s -> s.kind() == StepKind.PLAN).findFirst().orElseThrow();
      assertThat(plan.attempts()).isEqualTo(3);
      assertThat(plan.output().path("rejectedAnswers")).hasSize(2);
      assertThat(ep.plan().leaves()).extracting(t -> t.id).containsExactly("t1");
      // The retry told the model what was wrong.
      List<ScriptedChatModel.Call> plans = h.model.calls().stream().filter(c -> c.purpose().equals("plan")).toList();
      assertThat(plans.get(1).prompt()).contains("That answer is invalid: not JSON");
      assertThat(plans.get(2).prompt()).contains("required property 'tool' not found");
      assertThat(h.counter("autonomy.planner.invalid.answers", "purpose", "plan")).isEqualTo(2);
      // Every answer sent carried the schema; tokens of invalid answers count too.
      assertThat(plans).allMatch(c -> c.schema() != null && c.schema().path("properties").has("tasks"));
      assertThat(ep.tokens()).isEqualTo(60L * h.model.calls().size());
    }
  }

  @Test
  void aModelThatNeverAnswersValidlyFailsTheEpisodeWithoutActing() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      EchoTool echo = new EchoTool("echo");
      h.tool(echo);
      h.model.otherwise("plan", "{\"tasks\": []}");  // minItems 1

      Episode ep = h.run("Say hello");

      assertThat(ep.state()).isEqualTo(EpisodeState.FAILED);
      assertThat(ep.reason()).contains("no valid plan answer after 3 attempt(s)");
      assertThat(echo.inputs).isEmpty();
      assertThat(h.model.count("act")).isZero();
    }
  }

  @Test
  void toolInputsAreValidatedAgainstTheToolsOwnSchema() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      EchoTool echo = new EchoTool("echo");
      h.tool(echo);
      h.model.then("plan", plan(task("t1", "say hello", "echo", false)))
          .then("act", act("echo", "{\"words\": \"hello\"}", ""))        // text missing
          .then("act", act("echo", "{\"text\": \"" + "x".repeat(150) + "\"}", ""))  // too long
          .then("act", act("echo", "{\"text\": \"hello\"}", ""))
          .otherwise("act", finish("ok"))
          .otherwise("evaluate", verdict(true));

      Episode ep = h.run("Say hello");

      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(echo.inputs).hasSize(1);
      assertThat(echo.inputs.get(0).path("text").asText()).isEqualTo("hello");
      String retry = h.model.calls().stream().filter(c -> c.purpose().equals("act")).toList().get(1).prompt();
      assertThat(retry).contains("input: required property 'text' not found");
    }
  }

  @Test
  void anAnswerCutOffAtTheTokenLimitIsRetriedWithAskingForShorterTexts() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.model.then("plan", "{\"tasks\": [{\"id\": \"t1\", \"title\": \"true, true, true, true, true")
          .then("plan", plan(task("t1", "answer", "none", false)))
          .otherwise("act", Harness.finish("ok")).otherwise("evaluate", verdict(true));
      assertThat(h.run("Answer").state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(h.model.calls().get(1).prompt()).contains("cut off at the token limit");
    }
  }

  @Test
  void rawNewlinesInStringsAsGrammarConstrainedServersWriteThemAreReadNotRefused() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.model.then("plan", plan(task("t1", "say\nhello", "none", false)))
          .otherwise("act", "{\"action\": \"finish\", \"answer\": \"hello\n\tworld\"}")
          .otherwise("evaluate", verdict(true));
      Episode ep = h.run("Say hello");
      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(ep.plan().leaves().get(0).title).isEqualTo("say\nhello");
      assertThat(ep.summary()).isEqualTo("hello\n\tworld");
      assertThat(h.model.count("plan")).isEqualTo(1);
    }
  }

  @Test
  void theSchemaSentToTheModelHasNoPatternsOrLengths() throws Exception {
    var full = Schemas.plan(List.of("http"));
    var sent = Schemas.forModel(full);
    String text = new ObjectMapper().writeValueAsString(sent);
    assertThat(text).doesNotContain("maxLength").doesNotContain("minLength").doesNotContain("pattern");
    assertThat(text).contains("\"enum\":[\"http\",\"none\"]").contains("\"maxItems\":8");
    assertThat(new ObjectMapper().writeValueAsString(full)).contains("maxLength");
  }
}
