package dev.autonomy.testsupport;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each {@link KubernetesTest} class a client and a fresh namespace on the chosen cluster. */
public class KubernetesExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(KubernetesExtension.class);
  /** Label on every namespace a test made, so leftovers of killed runs can be found. */
  public static final String TEST_LABEL = "autonomy.dev/test";

  @Override
  public void beforeAll(ExtensionContext context) {
    TestCluster cluster = TestClusters.get();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(cluster.config()).build();
    String name = namespaceName(context.getRequiredTestClass().getSimpleName());
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels(TEST_LABEL, "true").endMetadata().build()).create();
    // Admission refuses pods until the namespace's default ServiceAccount exists.
    client.serviceAccounts().inNamespace(name).withName("default")
        .waitUntilCondition(sa -> sa != null, 30, TimeUnit.SECONDS);
    ExtensionContext.Store store = context.getStore(STORE);
    store.put(KubernetesClient.class, client);
    store.put(TestNamespace.class, new TestNamespace(name));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(STORE);
    KubernetesClient client = store.get(KubernetesClient.class, KubernetesClient.class);
    TestNamespace ns = store.get(TestNamespace.class, TestNamespace.class);
    if (client != null) {
      if (ns != null && !"true".equals(System.getenv("AUTONOMY_TEST_KEEP_NAMESPACES"))) {
        client.namespaces().withName(ns.name()).delete();
      }
      client.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class || type == TestNamespace.class || type == TestCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == TestCluster.class) {
      return TestClusters.get();
    }
    return context.getStore(STORE).get(type, type); // a method's store falls back to its class's
  }

  static String namespaceName(String testClass) {
    String base = testClass.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]", "-");
    if (base.length() > 48) {
      base = base.substring(0, 48);
    }
    return (base + "-" + UUID.randomUUID().toString().substring(0, 6)).replaceAll("-+", "-");
  }
}
