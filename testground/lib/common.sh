# Shared settings for the test-ground scripts. Source, don't run.
TG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$TG_ROOT/.." && pwd)"
# shellcheck source=versions.sh
. "$TG_ROOT/lib/versions.sh"
AUTONOMY_CACHE="${AUTONOMY_CACHE:-$HOME/.cache/autonomy}"
BIN_DIR="$AUTONOMY_CACHE/bin/k8s-$K8S_VERSION-etcd-$ETCD_VERSION-kwok-$KWOK_VERSION-helm-$HELM_VERSION"
VENV_DIR="$AUTONOMY_CACHE/venv"
STATE_DIR="${AUTONOMY_STATE:-$AUTONOMY_CACHE/state}"
# Unix sockets (PostgreSQL's, Ray's session) live in a short directory of their own under /tmp, one per
# user and state directory: a socket path may not exceed 107 bytes, and $HOME or the cache can be long.
SOCKET_DIR="${AUTONOMY_SOCKET_DIR:-/tmp/autonomy-$(id -u)-$(printf %s "$STATE_DIR" | sha1sum | cut -c1-8)}"
CLUSTER_NAME="${AUTONOMY_CLUSTER:-autonomy}"
export GOMODCACHE="${GOMODCACHE_OVERRIDE:-$AUTONOMY_CACHE/go/mod}"
export GOCACHE="${GOCACHE_OVERRIDE:-$AUTONOMY_CACHE/go/build}"
export GOFLAGS="-buildvcs=false -modcacherw"
export KWOK_WORKDIR="$STATE_DIR/kwok"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true

log() { printf '[testground %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Creates $SOCKET_DIR (or subdirectory $1) and refuses one that another user made or that is a link.
socket_dir() {
  local dir="$SOCKET_DIR${1:+/$1}"
  mkdir -p -m 0755 "$SOCKET_DIR" "$dir"
  [ -O "$SOCKET_DIR" ] && [ ! -L "$SOCKET_DIR" ] || die "$SOCKET_DIR belongs to someone else: remove it or set AUTONOMY_SOCKET_DIR"
  echo "$dir"
}
