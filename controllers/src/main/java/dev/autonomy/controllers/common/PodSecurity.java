package dev.autonomy.controllers.common;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/** Security contexts that meet Pod Security {@code restricted}. Pure. */
public final class PodSecurity {
  private PodSecurity() {}

  /** Pod level: non-root, seccomp RuntimeDefault. */
  public static PodSecurityContext restrictedPod() {
    return new PodSecurityContextBuilder().withRunAsNonRoot(true)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
  }

  /** Container level: no privilege escalation, every capability dropped, read-only root filesystem. */
  public static SecurityContext restrictedContainer() {
    return new SecurityContextBuilder().withRunAsNonRoot(true).withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true).withNewCapabilities().withDrop("ALL").endCapabilities()
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
  }
}
