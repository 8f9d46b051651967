package dev.autonomy.controllers.healing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorTest {

  private static Pod pod(String name, String node, io.fabric8.kubernetes.api.model.ContainerStatus status) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withNodeName(node).endSpec()
        .withNewStatus().withContainerStatuses(status).endStatus().build();
  }

  private static Node node(String name, String ready) {
    return new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus().addNewCondition()
        .withType("Ready").withStatus(ready).endCondition().endStatus().build();
  }

  @Test
  void readsOomCrashLoopPullFailureCrashesAndNodes() {
    List<Pod> pods = List.of(
        pod("oom", "n1", new ContainerStatusBuilder().withName("planner").withRestartCount(2).withNewLastState()
            .withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endLastState().build()),
        pod("loop", "n1", new ContainerStatusBuilder().withName("planner").withRestartCount(5).withNewState()
            .withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState().build()),
        pod("pull", "n1", new ContainerStatusBuilder().withName("planner").withRestartCount(0).withNewState()
            .withNewWaiting().withReason("ImagePullBackOff").endWaiting().endState().build()),
        pod("crash", "n1", new ContainerStatusBuilder().withName("planner").withRestartCount(1).withNewLastState()
            .withNewTerminated().withReason("Error").withExitCode(1).endTerminated().endLastState().build()),
        pod("fine", "n1", new ContainerStatusBuilder().withName("planner").withRestartCount(0).build()),
        pod("stranded", "n2", new ContainerStatusBuilder().withName("planner").withRestartCount(0).build()));
    List<Observation> seen = Monitor.pods(pods, Map.of("n1", node("n1", "True"), "n2", node("n2", "Unknown")));
    assertThat(seen).extracting(Observation::subject, Observation::signal).containsExactly(
        org.assertj.core.groups.Tuple.tuple("pod/oom", Signal.OOM_KILLED),
        org.assertj.core.groups.Tuple.tuple("pod/loop", Signal.CRASH_LOOP),
        org.assertj.core.groups.Tuple.tuple("pod/pull", Signal.IMAGE_PULL_FAILED),
        org.assertj.core.groups.Tuple.tuple("pod/crash", Signal.CONTAINER_CRASHED),
        org.assertj.core.groups.Tuple.tuple("pod/stranded", Signal.NODE_NOT_READY));
    assertThat(seen.get(0).evidence()).contains("OOMKilled").contains("2 restarts");
  }
}
