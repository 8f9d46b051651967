package dev.autonomy.operator;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * JOSDK reconcile metrics on /q/metrics (reconciliations started, succeeded, failed, retried, queued,
 * per controller and namespace). Aggregated per controller, so 1,000s of resources stay cheap.
 */
public class MetricsProducer {
  @Produces
  @Singleton
  Metrics reconcileMetrics(MeterRegistry registry) {
    return new MicrometerMetricsV2.MicrometerMetricsV2Builder(registry).withNamespaceAsTag().build();
  }
}
