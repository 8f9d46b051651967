{{/*
The chart name, overridable.
*/}}
{{- define "autonomy-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name: the prefix of every resource name. Truncated to 63 characters (DNS label) less the
longest suffix we add ("-cluster-reads", 14).
*/}}
{{- define "autonomy-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 49 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 49 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 49 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "autonomy-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels: stable for the life of a release (a Deployment's selector is immutable).
*/}}
{{- define "autonomy-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "autonomy-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels on every resource. Call with the root context; the component defaults to "operator".
Use "autonomy-operator.componentLabels" for another component.
*/}}
{{- define "autonomy-operator.labels" -}}
{{ include "autonomy-operator.componentLabels" (dict "root" . "component" "operator") }}
{{- end }}

{{/*
Labels on every resource, with a component: (dict "root" $ "component" "rbac").
*/}}
{{- define "autonomy-operator.componentLabels" -}}
{{- $root := .root -}}
helm.sh/chart: {{ include "autonomy-operator.chart" $root }}
{{ include "autonomy-operator.selectorLabels" $root }}
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: autonomy
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
{{- end }}

{{/*
The operator's ServiceAccount name.
*/}}
{{- define "autonomy-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "autonomy-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The operator image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "autonomy-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
QUARKUS_OPERATOR_SDK_NAMESPACES: the watched namespaces, or JOSDK_ALL_NAMESPACES.
*/}}
{{- define "autonomy-operator.watchNamespacesEnv" -}}
{{- if .Values.watchNamespaces }}
{{- join "," (uniq .Values.watchNamespaces) }}
{{- else }}
{{- "JOSDK_ALL_NAMESPACES" }}
{{- end }}
{{- end }}

{{/*
The operator's rules on namespaced resources, derived from what the reconcilers do. Used by the
ClusterRole (all namespaces) or by a Role in each watched namespace.
Per-Agent Roles the operator creates grant get/list/watch on pods, services, configmaps, events,
deployments, jobs and the autonomy.dev kinds, per-Policy trainer Roles get/patch on that one Policy
and its status: the operator holds each of those rules itself, so it needs neither `escalate` nor
`bind`.
*/}}
{{- define "autonomy-operator.namespacedRules" -}}
# The custom resources: read, patch (server-side apply, finalizers), status, finalizers.
- apiGroups: ["autonomy.dev"]
  resources: ["agents", "policies", "leagues", "memorystores"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["autonomy.dev"]
  resources: ["agents/status", "policies/status", "leagues/status", "memorystores/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["autonomy.dev"]
  resources: ["agents/finalizers", "policies/finalizers", "leagues/finalizers", "memorystores/finalizers"]
  verbs: ["update"]
# Pods: watched for health; deleted to restart an unhealthy agent (healing).
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch", "delete"]
# Children the operator owns.
- apiGroups: [""]
  resources: ["services", "configmaps", "serviceaccounts", "persistentvolumeclaims"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# MemoryStore connection credentials are created; Secrets referenced by specs are read.
# Owned Secrets are removed by garbage collection (ownerReferences), so no delete.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "patch"]
# Events on our resources (a repeat bumps the count of the existing Event).
- apiGroups: [""]
  resources: ["events"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: ["apps"]
  resources: ["deployments", "statefulsets"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["batch"]
  resources: ["jobs", "cronjobs"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# A read-only Role (and its RoleBinding) per Agent, for the agent's own ServiceAccount; a trainer
# Role per Policy (its trainer and servers report to that Policy's status).
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles", "rolebindings"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
{{- end }}

{{/*
The operator's rules on cluster-scoped resources: always a ClusterRole, whatever it watches.
*/}}
{{- define "autonomy-operator.clusterRules" -}}
# Node conditions (NotReady) for healing: read only.
- apiGroups: [""]
  resources: ["nodes"]
  verbs: ["get", "list", "watch"]
# The operator SDK checks the CRDs it serves at start: read only.
- apiGroups: ["apiextensions.k8s.io"]
  resources: ["customresourcedefinitions"]
  verbs: ["get", "list"]
{{- end }}
