# Shared settings for the test-ground scripts. Source, don't run.
TG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$TG_ROOT/.." && pwd)"
# shellcheck source=versions.sh
. "$TG_ROOT/lib/versions.sh"
AUTONOMY_CACHE="${AUTONOMY_CACHE:-$HOME/.cache/autonomy}"
BIN_DIR="$AUTONOMY_CACHE/bin/k8s-$K8S_VERSION-etcd-$ETCD_VERSION-kwok-$KWOK_VERSION-helm-$HELM_VERSION"
VENV_DIR="$AUTONOMY_CACHE/venv"
STATE_DIR="${AUTONOMY_STATE:-$AUTONOMY_CACHE/state}"
CLUSTER_NAME="${AUTONOMY_CLUSTER:-autonomy}"
export GOMODCACHE="${GOMODCACHE_OVERRIDE:-$AUTONOMY_CACHE/go/mod}"
export GOCACHE="${GOCACHE_OVERRIDE:-$AUTONOMY_CACHE/go/build}"
export GOFLAGS="-buildvcs=false -modcacherw"
export KWOK_WORKDIR="$STATE_DIR/kwok"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true

log() { printf '[testground %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
