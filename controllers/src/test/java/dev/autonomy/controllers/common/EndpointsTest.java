package dev.autonomy.controllers.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {

  @Test
  void namespacedKeyRewritesAServiceUrlInAnyOfItsForms() {
    Map<String, String> overrides = Map.of("team/ray-head-svc:8265", "127.0.0.1:18265");
    assertThat(Endpoints.apply("http://ray-head-svc.team.svc:8265", "other", overrides)).isEqualTo("http://127.0.0.1:18265");
    assertThat(Endpoints.apply("http://ray-head-svc.team.svc.cluster.local:8265/x?y=1", "other", overrides))
        .isEqualTo("http://127.0.0.1:18265/x?y=1");
    assertThat(Endpoints.apply("http://ray-head-svc.team:8265", "other", overrides)).isEqualTo("http://127.0.0.1:18265");
    assertThat(Endpoints.apply("http://ray-head-svc:8265", "team", overrides)).isEqualTo("http://127.0.0.1:18265");
    assertThat(Endpoints.apply("http://ray-head-svc:8265", "other", overrides)).isEqualTo("http://ray-head-svc:8265");
  }

  @Test
  void serviceKeyMatchesEveryNamespaceAndTheNamespacedKeyWins() {
    Map<String, String> overrides = Map.of("ray-head-svc:8265", "127.0.0.1:1", "team/ray-head-svc:8265", "127.0.0.1:2");
    assertThat(Endpoints.apply("http://ray-head-svc.a.svc:8265", "x", overrides)).isEqualTo("http://127.0.0.1:1");
    assertThat(Endpoints.apply("http://ray-head-svc.team.svc:8265", "x", overrides)).isEqualTo("http://127.0.0.1:2");
  }

  @Test
  void literalHostAndDefaultPortMatch() {
    assertThat(Endpoints.apply("https://ray.example.com/", "team", Map.of("ray.example.com:443", "127.0.0.1:8443")))
        .isEqualTo("https://127.0.0.1:8443/");
    assertThat(Endpoints.apply("http://ray-head-svc.team.svc:8265", "team", Map.of("ray-head-svc.team.svc:8265", "127.0.0.1:9")))
        .isEqualTo("http://127.0.0.1:9");
  }

  @Test
  void noOverrideLeavesTheUrlAlone() {
    assertThat(Endpoints.apply("http://ray-head-svc.team.svc:8265", "team", Map.of())).isEqualTo("http://ray-head-svc.team.svc:8265");
    assertThat(Endpoints.apply("http://ray-head-svc.team.svc:8265", "team", Map.of("ray-head-svc:80", "127.0.0.1:1")))
        .isEqualTo("http://ray-head-svc.team.svc:8265");
  }
}
