package dev.autonomy.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.planner.tools.KubernetesReadTool;
import dev.autonomy.planner.tools.ToolResult;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kubernetes-read tool against the test ground's API server: its own namespace, listed resources only. */
@KubernetesTest
class KubernetesReadToolIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsListedResourcesOfItsNamespaceAndNothingElse(KubernetesClient client, TestNamespace ns) throws Exception {
    client.configMaps().inNamespace(ns.name()).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .addToLabels("app", "shop").endMetadata().addToData("color", "blue").addToData("size", "L").build()).create();
    client.secrets().inNamespace(ns.name()).resource(new SecretBuilder().withNewMetadata().withName("creds")
        .endMetadata().addToStringData("password", "hunter2").build()).create();
    KubernetesReadTool tool = new KubernetesReadTool(() -> client, ns.name(), List.of("configmaps", "secrets", "pods"));

    ToolResult list = tool.execute(JSON.readTree("{\"resource\": \"configmaps\", \"labelSelector\": \"app=shop\"}"));
    assertThat(list.ok()).as(list.output()).isTrue();
    assertThat(list.output()).startsWith("1 configmaps: ").contains("\"name\":\"settings\"")
        .contains("\"keys\":[\"color\",\"size\"]").doesNotContain("blue");

    ToolResult one = tool.execute(JSON.readTree("{\"resource\": \"configmaps\", \"name\": \"settings\"}"));
    assertThat(one.ok()).isTrue();
    ToolResult missing = tool.execute(JSON.readTree("{\"resource\": \"configmaps\", \"name\": \"nope\"}"));
    assertThat(missing.ok()).isFalse();
    assertThat(missing.output()).contains("not found in " + ns.name());
    ToolResult pods = tool.execute(JSON.readTree("{\"resource\": \"pods\"}"));
    assertThat(pods.ok()).isTrue();
    assertThat(pods.output()).startsWith("0 pods");

    ToolResult secrets = tool.execute(JSON.readTree("{\"resource\": \"secrets\"}"));
    assertThat(secrets.refused()).isTrue();
    assertThat(secrets.output()).doesNotContain("hunter2");
  }
}
