package dev.autonomy.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against a real Kubernetes API server. Test methods and lifecycle methods may take a
 * {@link io.fabric8.kubernetes.client.KubernetesClient} and a {@link TestNamespace}: a fresh
 * namespace per test class, deleted afterwards. The cluster is chosen by {@link TestClusters}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KubernetesExtension.class)
public @interface KubernetesTest {}
