package dev.autonomy.controllers.events;

import dev.autonomy.controllers.status.Reason;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Records core/v1 Events on our resources. A repeat of the same reason and message on the same
 * object bumps the count of the existing Event instead of creating another, like kubelet does.
 */
@ApplicationScoped
public class EventRecorder {
  public static final String COMPONENT = "autonomy-operator";
  private static final Logger LOG = Logger.getLogger(EventRecorder.class);
  private static final int REMEMBERED = 4096;

  private final KubernetesClient client;
  private final Map<String, RecordedEvent> recent = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RecordedEvent> eldest) {
      return size() > REMEMBERED;
    }
  };

  private record RecordedEvent(String name, int count) {}

  public EventRecorder(KubernetesClient client) {
    this.client = client;
  }

  public void normal(HasMetadata on, Reason reason, String message) {
    record(on, "Normal", reason, message);
  }

  public void warning(HasMetadata on, Reason reason, String message) {
    record(on, "Warning", reason, message);
  }

  private void record(HasMetadata on, String type, Reason reason, String message) {
    String key = on.getMetadata().getUid() + "/" + type + "/" + reason + "/" + message;
    String now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    String namespace = on.getMetadata().getNamespace();
    try {
      RecordedEvent previous;
      synchronized (recent) {
        previous = recent.get(key);
      }
      if (previous != null) {
        int count = previous.count() + 1;
        client.v1().events().inNamespace(namespace).withName(previous.name()).edit(e -> new EventBuilder(e)
            .withCount(count).withLastTimestamp(now).build());
        remember(key, new RecordedEvent(previous.name(), count));
        return;
      }
      String name = on.getMetadata().getName() + "." + Long.toHexString(System.nanoTime());
      client.v1().events().inNamespace(namespace).resource(new EventBuilder()
          .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(on.getApiVersion()).withKind(on.getKind())
              .withName(on.getMetadata().getName()).withNamespace(namespace).withUid(on.getMetadata().getUid())
              .withResourceVersion(on.getMetadata().getResourceVersion()).build())
          .withType(type).withReason(reason.name()).withMessage(message).withCount(1)
          .withFirstTimestamp(now).withLastTimestamp(now)
          .withNewSource().withComponent(COMPONENT).endSource().withReportingComponent(COMPONENT).build()).create();
      remember(key, new RecordedEvent(name, 1));
    } catch (KubernetesClientException e) {
      // An Event is a courtesy: never fail a reconcile because one could not be written.
      LOG.debugf("event %s on %s/%s not recorded: %s", reason, namespace, on.getMetadata().getName(), e.getMessage());
      synchronized (recent) {
        recent.remove(key);
      }
    }
  }

  private void remember(String key, RecordedEvent event) {
    synchronized (recent) {
      recent.put(key, event);
    }
  }
}
