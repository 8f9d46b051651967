package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.common.AutoscalingSpec;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.ServingSpec;
import dev.autonomy.controllers.common.PodSecurity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serving of the promoted checkpoint: the trainer image in serve mode behind a Service, with an HPA
 * when spec.serving.autoscaling is on. The revision is in the pods' env, so a promotion or a
 * rollback rolls them (the server also reloads on its own when status.servingRevision changes). Pure.
 */
public final class PolicyServingFactory {
  static final String CONTAINER = "server";

  private PolicyServingFactory() {}

  /** Serving runs once enabled and a checkpoint has been promoted. */
  public static boolean wanted(Policy policy, String servingRevision) {
    return enabled(policy) && servingRevision != null;
  }

  public static boolean enabled(Policy policy) {
    return policy.getSpec().getServing() != null && Boolean.TRUE.equals(policy.getSpec().getServing().getEnabled());
  }

  public static boolean autoscaled(Policy policy) {
    ServingSpec serving = policy.getSpec().getServing();
    return serving != null && serving.getAutoscaling() != null && Boolean.TRUE.equals(serving.getAutoscaling().getEnabled());
  }

  public static Deployment deployment(PolicyInputs in) {
    Policy policy = in.policy();
    ServingSpec serving = policy.getSpec().getServing() == null ? new ServingSpec() : policy.getSpec().getServing();
    List<EnvVar> env = new ArrayList<>(TrainerPods.env(policy));
    env.add(TrainerPods.env("AUTONOMY_SERVING_REVISION", in.servingRevision()));
    // No AUTONOMY_SERVE_PORT: the server's default is the container port, and a pod's env would
    // override the port the test ground's local runner assigns through the image's env.
    var pullPolicy = PolicyJobFactory.jobBackend(policy).getImagePullPolicy();
    var spec = new DeploymentBuilder().withNewMetadata().withName(PolicyResources.serving(policy))
        .withNamespace(PolicyResources.namespace(policy)).withLabels(PolicyResources.labels(policy, PolicyResources.SERVING))
        .endMetadata().withNewSpec();
    if (!autoscaled(policy)) {
      spec.withReplicas(serving.getReplicas());  // with autoscaling on, replicas belong to the HPA
    }
    return spec.withNewSelector().withMatchLabels(PolicyResources.selector(policy, PolicyResources.SERVING)).endSelector()
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate().withMaxUnavailable(new IntOrString(0))
        .withMaxSurge(new IntOrString(1)).endRollingUpdate().endStrategy()
        .withNewTemplate().withNewMetadata()
        .withLabels(TrainerPods.podLabels(policy, PolicyResources.SERVING, in.runLocal())).endMetadata()
        .withNewSpec().withServiceAccountName(PolicyResources.trainer(policy)).withAutomountServiceAccountToken(true)
        .withSecurityContext(TrainerPods.podSecurity())
        .addNewContainer().withName(CONTAINER).withImage(in.servingImage())
        .withImagePullPolicy(pullPolicy == null ? null : pullPolicy.value()).withArgs("serve")
        .addNewPort().withName("http").withContainerPort(PolicyResources.HTTP_PORT).withProtocol("TCP").endPort()
        .withEnv(env).withResources(serving.getResources()).withVolumeMounts(TrainerPods.mounts(true))
        .withSecurityContext(PodSecurity.restrictedContainer())
        .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withPort(new IntOrString("http")).endHttpGet()
        .withPeriodSeconds(5).withTimeoutSeconds(2).withFailureThreshold(3).endReadinessProbe()
        .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http")).endHttpGet()
        .withInitialDelaySeconds(10).withPeriodSeconds(20).withTimeoutSeconds(5).withFailureThreshold(3).endLivenessProbe()
        .endContainer().withVolumes(TrainerPods.volumes(policy, true)).endSpec().endTemplate().endSpec().build();
  }

  /** {@code <policy>}: port 80 to the servers' {@code http} port. */
  public static Service service(Policy policy) {
    return new ServiceBuilder().withNewMetadata().withName(PolicyResources.service(policy))
        .withNamespace(PolicyResources.namespace(policy)).withLabels(PolicyResources.labels(policy, PolicyResources.SERVING))
        .endMetadata()
        .withNewSpec().withType("ClusterIP").withSelector(PolicyResources.selector(policy, PolicyResources.SERVING))
        .addNewPort().withName("http").withPort(PolicyResources.SERVICE_PORT).withTargetPort(new IntOrString("http"))
        .withProtocol("TCP").endPort().endSpec().build();
  }

  public static HorizontalPodAutoscaler hpa(Policy policy) {
    AutoscalingSpec as = policy.getSpec().getServing().getAutoscaling();
    MetricSpec metric = as.getMetric() != null
        ? new MetricSpecBuilder().withType("Pods").withNewPods().withNewMetric().withName(as.getMetric().getName())
            .endMetric().withNewTarget().withType("AverageValue").withAverageValue(as.getMetric().getTargetAverageValue())
            .endTarget().endPods().build()
        : new MetricSpecBuilder().withType("Resource").withNewResource().withName("cpu").withNewTarget()
            .withType("Utilization").withAverageUtilization(Optional.ofNullable(as.getTargetCPUUtilizationPercentage()).orElse(80))
            .endTarget().endResource().build();
    return new HorizontalPodAutoscalerBuilder().withNewMetadata().withName(PolicyResources.serving(policy))
        .withNamespace(PolicyResources.namespace(policy)).withLabels(PolicyResources.labels(policy, PolicyResources.SERVING))
        .endMetadata()
        .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
        .withName(PolicyResources.serving(policy)).endScaleTargetRef()
        .withMinReplicas(as.getMinReplicas()).withMaxReplicas(as.getMaxReplicas()).withMetrics(metric).endSpec().build();
  }
}
