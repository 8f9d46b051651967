package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.security.SecureRandom;

/**
 * A MemoryStore's children as JOSDK dependents (server-side apply, informers on our labels only).
 * Each {@code desired()} only calls a pure factory with the inputs the reconciler decided. The
 * connection Secret and the backup claim are create-only and carry no owner reference, so they
 * survive the store under {@code deletionPolicy: Retain}; the others are owned (garbage-collected).
 */
public final class MemoryStoreDependents {
  private static final SecureRandom RANDOM = new SecureRandom();

  private MemoryStoreDependents() {}

  static MemoryStoreInputs inputs(Context<MemoryStore> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(MemoryStoreInputs.class, MemoryStoreInputs.class);
  }

  /** Created once with generated credentials; never updated, so never rotated by accident. */
  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class ConnectionSecret extends KubernetesDependentResource<Secret, MemoryStore>
      implements Creator<Secret, MemoryStore> {
    public ConnectionSecret() {
      super(Secret.class);
    }

    @Override
    protected Secret desired(MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreSecretFactory.secret(store, RANDOM);
    }

    /** By name, so credentials are generated only when the Secret is created. */
    @Override
    protected ResourceID targetSecondaryResourceID(MemoryStore store, Context<MemoryStore> context) {
      return new ResourceID(MemoryStoreResources.secret(store), store.getMetadata().getNamespace());
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class Scripts extends CRUDKubernetesDependentResource<ConfigMap, MemoryStore> {
    public Scripts() {
      super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreScripts.configMap(store);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class ClientService extends CRUDKubernetesDependentResource<Service, MemoryStore> {
    public ClientService() {
      super(Service.class);
    }

    @Override
    protected Service desired(MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreNetworkFactory.service(store);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class HeadlessService extends CRUDKubernetesDependentResource<Service, MemoryStore> {
    public HeadlessService() {
      super(Service.class);
    }

    @Override
    protected Service desired(MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreNetworkFactory.headlessService(store);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class Database extends CRUDKubernetesDependentResource<StatefulSet, MemoryStore> {
    public Database() {
      super(StatefulSet.class);
    }

    @Override
    protected StatefulSet desired(MemoryStore store, Context<MemoryStore> context) {
      MemoryStoreInputs in = inputs(context);
      // Reconciled after the Secret: the pods carry its UID, so a re-created Secret restarts them.
      var credentials = context.getSecondaryResource(Secret.class).map(s -> s.getMetadata().getUid());
      return MemoryStoreStatefulSetFactory.statefulSet(store, in.image(), in.replicas(), in.claimTemplateSize(), credentials);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class DisruptionBudget extends CRUDKubernetesDependentResource<PodDisruptionBudget, MemoryStore> {
    public DisruptionBudget() {
      super(PodDisruptionBudget.class);
    }

    @Override
    protected PodDisruptionBudget desired(MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreNetworkFactory.podDisruptionBudget(store);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class Ingress extends CRUDKubernetesDependentResource<NetworkPolicy, MemoryStore> {
    public Ingress() {
      super(NetworkPolicy.class);
    }

    @Override
    protected NetworkPolicy desired(MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreNetworkFactory.networkPolicy(store);
    }
  }

  /** Created once; not owned, so backups survive the store under Retain (the Cleaner deletes it under Delete). */
  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class BackupClaim extends KubernetesDependentResource<PersistentVolumeClaim, MemoryStore>
      implements Creator<PersistentVolumeClaim, MemoryStore> {
    public BackupClaim() {
      super(PersistentVolumeClaim.class);
    }

    @Override
    protected PersistentVolumeClaim desired(MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreBackupFactory.claim(store);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = MemoryStoreResources.CHILDREN_SELECTOR))
  public static class Backup extends CRUDKubernetesDependentResource<CronJob, MemoryStore> {
    public Backup() {
      super(CronJob.class);
    }

    @Override
    protected CronJob desired(MemoryStore store, Context<MemoryStore> context) {
      MemoryStoreInputs in = inputs(context);
      return MemoryStoreBackupFactory.cronJob(store, in.image(), in.toolsImage());
    }
  }

  public static class MoreThanOneReplica implements Condition<PodDisruptionBudget, MemoryStore> {
    @Override
    public boolean isMet(DependentResource<PodDisruptionBudget, MemoryStore> dr, MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreNetworkFactory.wantsPodDisruptionBudget(store);
    }
  }

  public static class BackupEnabled implements Condition<CronJob, MemoryStore> {
    @Override
    public boolean isMet(DependentResource<CronJob, MemoryStore> dr, MemoryStore store, Context<MemoryStore> context) {
      return MemoryStoreBackupFactory.enabled(store);
    }
  }

  public static class BackupClaimWanted implements Condition<PersistentVolumeClaim, MemoryStore> {
    @Override
    public boolean isMet(DependentResource<PersistentVolumeClaim, MemoryStore> dr, MemoryStore store,
        Context<MemoryStore> context) {
      return MemoryStoreBackupFactory.wantsClaim(store);
    }
  }
}
