package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.api.v1alpha1.common.AutoscalingSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The planner's Service, HPA, PodDisruptionBudget and NetworkPolicy. Pure. */
public final class AgentNetworkFactory {
  private AgentNetworkFactory() {}

  public static Service service(Agent agent) {
    return new ServiceBuilder().withNewMetadata().withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.labels(agent)).endMetadata()
        .withNewSpec().withType("ClusterIP").withSelector(AgentResources.selector(agent))
        .addNewPort().withName("http").withPort(AgentResources.HTTP_PORT).withTargetPort(new IntOrString("http"))
        .withProtocol("TCP").endPort().endSpec().build();
  }

  public static HorizontalPodAutoscaler hpa(Agent agent) {
    AutoscalingSpec as = agent.getSpec().getAutoscaling();
    MetricSpec metric = as.getMetric() != null
        ? new MetricSpecBuilder().withType("Pods").withNewPods().withNewMetric().withName(as.getMetric().getName())
            .endMetric().withNewTarget().withType("AverageValue").withAverageValue(as.getMetric().getTargetAverageValue())
            .endTarget().endPods().build()
        : new MetricSpecBuilder().withType("Resource").withNewResource().withName("cpu").withNewTarget()
            .withType("Utilization").withAverageUtilization(Optional.ofNullable(as.getTargetCPUUtilizationPercentage()).orElse(80))
            .endTarget().endResource().build();
    return new HorizontalPodAutoscalerBuilder().withNewMetadata().withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.labels(agent)).endMetadata()
        .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
        .withName(AgentResources.planner(agent)).endScaleTargetRef()
        .withMinReplicas(as.getMinReplicas()).withMaxReplicas(as.getMaxReplicas()).withMetrics(metric).endSpec().build();
  }

  /** Needed once more than one planner may run: voluntary disruptions keep one available. */
  public static boolean wantsPdb(AgentSpec spec) {
    return AgentDeploymentFactory.autoscaled(spec) ? spec.getAutoscaling().getMinReplicas() > 1
        : spec.getReplicas() != null && spec.getReplicas() > 1;
  }

  public static PodDisruptionBudget pdb(Agent agent) {
    return new PodDisruptionBudgetBuilder().withNewMetadata().withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.labels(agent)).endMetadata()
        .withNewSpec().withMaxUnavailable(new IntOrString(1)).withNewSelector()
        .withMatchLabels(AgentResources.selector(agent)).endSelector().endSpec().build();
  }

  /**
   * Egress only to DNS, the model endpoints (by port, or by address when it is an IP), the bound
   * memory store's pods and served Policies in the namespace; ingress to the planner port.
   */
  public static NetworkPolicy networkPolicy(AgentInputs in) {
    Agent agent = in.agent();
    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    egress.add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewNamespaceSelector().endNamespaceSelector()
        .withNewPodSelector().addToMatchLabels("k8s-app", "kube-dns").endPodSelector().endTo()
        .addNewPort().withProtocol("UDP").withPort(new IntOrString(53)).endPort()
        .addNewPort().withProtocol("TCP").withPort(new IntOrString(53)).endPort().build());
    ModelEndpoint model = agent.getSpec().getModel();
    modelEgress(model).ifPresent(egress::add);
    if (model != null && agent.getSpec().getModel().getFallback() != null) {
      modelEgress(agent.getSpec().getModel().getFallback()).ifPresent(egress::add);
    }
    in.memoryStore().ifPresent(store -> egress.add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewPodSelector()
        .addToMatchLabels("app.kubernetes.io/instance", store.getMetadata().getName())
        .addToMatchLabels("app.kubernetes.io/managed-by", "autonomy-operator").endPodSelector().endTo().build()));
    if (!in.policies().isEmpty()) {
      var rule = new NetworkPolicyEgressRuleBuilder();
      in.policies().forEach(p -> rule.addNewTo().withNewPodSelector()
          .addToMatchLabels("app.kubernetes.io/instance", p.getMetadata().getName())
          .addToMatchLabels("app.kubernetes.io/managed-by", "autonomy-operator").endPodSelector().endTo());
      egress.add(rule.build());
    }
    return new NetworkPolicyBuilder().withNewMetadata().withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.labels(agent)).endMetadata()
        .withNewSpec().withNewPodSelector().withMatchLabels(AgentResources.selector(agent)).endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .addNewIngress().addNewPort().withProtocol("TCP").withPort(new IntOrString(AgentResources.HTTP_PORT)).endPort()
        .endIngress().withEgress(egress).endSpec().build();
  }

  static Optional<NetworkPolicyEgressRule> modelEgress(ModelEndpoint model) {
    if (model == null) {
      return Optional.empty();
    }
    if (model.getEndpoint() == null) {  // hosted providers (anthropic, gemini) are reached on 443
      return Optional.of(new NetworkPolicyEgressRuleBuilder().addNewPort().withProtocol("TCP")
          .withPort(new IntOrString(443)).endPort().build());
    }
    URI uri = URI.create(model.getEndpoint());
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    var rule = new NetworkPolicyEgressRuleBuilder().addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort();
    String host = uri.getHost();
    if (host != null && host.matches("[0-9.]+")) {
      rule.addNewTo().withNewIpBlock().withCidr(host + "/32").endIpBlock().endTo();
    }
    return Optional.of(rule.build());
  }
}
