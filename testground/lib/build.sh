#!/usr/bin/env bash
# Builds the pinned test-ground binaries from Go modules into $BIN_DIR (a no-op when cached).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STAGING="api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider
cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api
cri-client cri-streaming csi-translation-lib dynamic-resource-allocation endpointslice externaljwt kms
kube-aggregator kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics mount-utils
pod-security-admission sample-apiserver sample-cli-plugin sample-controller streaming"

have() { for b in "$@"; do [ -x "$BIN_DIR/$b" ] || return 1; done; }

build_kubernetes() {
  have kube-apiserver kube-controller-manager kube-scheduler kubectl && return 0
  local src="$AUTONOMY_CACHE/src/kubernetes-$K8S_VERSION" start=$SECONDS
  log "building kube-apiserver, kube-controller-manager, kube-scheduler, kubectl $K8S_VERSION (cold: ~4 min)"
  mkdir -p "$src"
  {
    echo "module autonomy.dev/testground/kubernetes"
    echo; echo "go 1.26"; echo
    echo "require k8s.io/kubernetes $K8S_VERSION"; echo
    for m in $STAGING; do echo "replace k8s.io/$m => k8s.io/$m $K8S_STAGING_VERSION"; done
  } > "$src/go.mod"
  cat > "$src/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  (cd "$src" && go mod tidy -e >/dev/null 2>&1 || go mod tidy)
  local date ld="-s -w"
  date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $p.gitVersion=$K8S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=36 -X $p.gitTreeState=clean -X $p.buildDate=$date"
  done
  mkdir -p "$BIN_DIR"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -tags selinux,notest -ldflags "$ld" -o "$BIN_DIR/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl)
  log "kubernetes binaries built in $((SECONDS - start)) s"
}

build_etcd() {
  have etcd && return 0
  local src="$AUTONOMY_CACHE/src/etcd-$ETCD_VERSION" start=$SECONDS
  log "building etcd $ETCD_VERSION"
  mkdir -p "$src"
  printf 'module autonomy.dev/testground/etcd\n\ngo 1.26\n\nrequire go.etcd.io/etcd/server/v3 %s\n' "$ETCD_VERSION" > "$src/go.mod"
  cat > "$src/main.go" <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  (cd "$src" && go mod tidy && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$BIN_DIR/etcd" .)
  log "etcd built in $((SECONDS - start)) s"
}

build_kwok() {
  have kwok kwokctl && return 0
  local start=$SECONDS
  log "building kwok and kwokctl $KWOK_VERSION"
  CGO_ENABLED=0 GOBIN="$BIN_DIR" go install -trimpath -ldflags "-s -w" \
    "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@$KWOK_VERSION"
  log "kwok built in $((SECONDS - start)) s"
}

build_helm() {
  have helm && return 0
  local start=$SECONDS
  log "building helm $HELM_VERSION"
  CGO_ENABLED=0 GOBIN="$BIN_DIR" go install -trimpath -ldflags "-s -w \
    -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION \
    -X helm.sh/helm/v3/internal/version.gitTreeState=clean \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=36" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
  log "helm built in $((SECONDS - start)) s"
}

build_runner() {
  # Our own local runner: rebuilt when its sources change (go's build cache makes that cheap).
  local out="$AUTONOMY_CACHE/bin/local-runner"
  if [ -x "$out" ] && [ -z "$(find "$TG_ROOT/runner" -newer "$out" -type f 2>/dev/null | head -1)" ]; then return 0; fi
  log "building the local runner"
  mkdir -p "$(dirname "$out")"
  (cd "$TG_ROOT/runner" && CGO_ENABLED=0 go build -trimpath -o "$out" .)
}

mkdir -p "$BIN_DIR"
case "${1:-all}" in
  all) build_kubernetes; build_etcd; build_kwok; build_helm; [ -d "$TG_ROOT/runner" ] && build_runner ;;
  runner) build_runner ;;
  *) "build_$1" ;;
esac
exit 0
