package dev.autonomy.rl.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Step-for-step parity with Gymnasium on trajectories it recorded (see gymnasium/record.py). */
class GymnasiumParityTest {

  static List<JsonNode> trajectories() throws IOException {
    try (InputStream in = GymnasiumParityTest.class.getResourceAsStream("/gymnasium/trajectories.json")) {
      List<JsonNode> out = new ArrayList<>();
      new ObjectMapper().readTree(in).get("trajectories").forEach(out::add);
      return out;
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("trajectories")
  void matchesGymnasium(JsonNode trajectory) {
    JsonNode s = trajectory.get("initialState");
    Environment env;
    if (trajectory.get("env").asText().equals("CartPole-v1")) {
      CartPole cartPole = new CartPole();
      cartPole.resetTo(s.get(0).asDouble(), s.get(1).asDouble(), s.get(2).asDouble(), s.get(3).asDouble());
      env = cartPole;
    } else {
      MountainCar car = new MountainCar();
      car.resetTo(s.get(0).asDouble(), s.get(1).asDouble());
      env = car;
    }
    int index = 0;
    for (JsonNode expected : trajectory.get("steps")) {
      Environment.Step step = env.step(expected.get("action").asInt());
      for (int i = 0; i < step.observation().length; i++) {
        assertThat(step.observation()[i]).as("step %d observation %d", index, i)
            .isEqualTo((float) expected.get("observation").get(i).asDouble());
      }
      assertThat(step.reward()).as("step %d reward", index).isEqualTo(expected.get("reward").asDouble());
      assertThat(step.terminated()).as("step %d terminated", index).isEqualTo(expected.get("terminated").asBoolean());
      assertThat(step.truncated()).as("step %d truncated", index).isEqualTo(expected.get("truncated").asBoolean());
      index++;
    }
    assertThat(index).isPositive();
  }
}
