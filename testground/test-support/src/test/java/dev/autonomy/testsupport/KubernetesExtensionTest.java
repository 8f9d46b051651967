package dev.autonomy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubernetesExtensionTest {
  @Test
  void namespaceNamesAreValidAndUnique() {
    String a = KubernetesExtension.namespaceName("MyVeryLongIntegrationTestClassNameThatGoesOnAndOnForeverIT");
    String b = KubernetesExtension.namespaceName("MyVeryLongIntegrationTestClassNameThatGoesOnAndOnForeverIT");
    assertThat(a).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63).isNotEqualTo(b);
    assertThat(KubernetesExtension.namespaceName("ClusterIT")).startsWith("cluster-it-");
  }
}
