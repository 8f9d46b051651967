package dev.autonomy.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void refusesToStartWithoutDjlOfflineAndTrackingOptOut() {
    assertThat(Main.run(new String[] {"train"}, Map.of("AUTONOMY_POLICY_SPEC", "{}"))).isEqualTo(2);
  }

  @Test
  void anUnknownExtraHyperparameterIsAConfigurationError() {
    String spec = """
        {"algorithm":"ppo","environment":{"name":"CartPole-v1"},"hyperparameters":{"extra":{"warp":"9"}}}""";
    assertThat(Main.run(new String[] {"train"}, Map.of("DJL_OFFLINE", "true", "OPT_OUT_TRACKING", "true",
        "AUTONOMY_POLICY_SPEC", spec, "AUTONOMY_REPORT_STATUS", "false"))).isEqualTo(2);
  }

  @Test
  void anUnknownModeIsAUsageError() {
    assertThat(Main.run(new String[] {"fly"}, Map.of())).isEqualTo(2);
  }
}
