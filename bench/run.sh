#!/usr/bin/env bash
# One command for the whole benchmark: builds the server and the generator, installs the Node
# peers, starts every server pinned to one core and the generator pinned to another, measures
# (idle memory, fixed-rate runs alternating peers A-B-A-B, optionally the max-rate search), writes
# bench/results/<timestamp>.json and .md, and stops everything it started, whatever happens.
#
#   bench/run.sh                                  # the full matrix (long: see README.md)
#   ROOMS=5 MEMBERS=5 RATE=2 DURATION=10 WARMUP=3 REPEAT=1 IDLE_COUNTS=0,50,100 bench/run.sh   # a smoke run
#
# Options (environment): ROOMS MEMBERS RATE DURATION WARMUP DRAIN REPEAT PAYLOAD_BYTES
#   RATE_SEARCH=1 SEARCH_DURATION SEARCH_WARMUP SEARCH_P99_MS SEARCH_START_RATE SEARCH_MAX_RATE
#   SEARCH_MAX_STEPS SEARCH_REPEAT IDLE_COUNTS IDLE_SETTLE TARGET_P99_MS GEN_LOOPS CONNECT_CONCURRENCY
#   DISK_PROBE (seconds of flush-latency probing of the database's disk before the runs; 20, 0: none)
#   BENCH_WORK_DIR (where the servers' data goes, default /tmp; /dev/shm takes the disk out of a run)
#   PEERS (default ws,socketio,talkingstick,talkingstick-bare) SERVER_CPU (0) GEN_CPU (1)
#   SERVER_JAVA_OPTS GEN_JAVA_OPTS SKIP_BUILD=1 KEEP_WORK=1 BASE_PORT (19100)
#   SERVER_JAR (a prebuilt server jar; the server build is skipped)
#   CRISIS_EVERY (TalkingStick: one message in N of each client a crisis text, inbox alerts timed; 0: off)
set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO"

PEERS="${PEERS:-ws,socketio,talkingstick,talkingstick-bare}"
SERVER_CPU="${SERVER_CPU:-0}"
GEN_CPU="${GEN_CPU:-1}"
BASE_PORT="${BASE_PORT:-19100}"
GEN_JAVA_OPTS="${GEN_JAVA_OPTS:--Xms1g -Xmx2g -XX:+UseSerialGC}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms1g -Xmx1g -Xmn160m}" # as docs/operations.md recommends
SERVER_JAR="${SERVER_JAR:-}"
SERVER_ENV="${SERVER_ENV:-}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$BENCH_DIR/results"
WORK="$(mktemp -d "${BENCH_WORK_DIR:-/tmp}/talkingstick-bench.XXXXXX")"
STARTED_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  for pid in "${STARTED_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]:-}"; do
    [[ -z "$pid" ]] && continue
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  # an embedded PostgreSQL whose JVM did not get to stop it: its postmaster is ours too
  for pidfile in "$WORK"/*/postgres/postmaster.pid; do
    [[ -f "$pidfile" ]] || continue
    local pg
    pg="$(head -n1 "$pidfile" 2>/dev/null || true)"
    if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
      kill -TERM "$pg" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pg" 2>/dev/null || true
    fi
  done
  if [[ "${KEEP_WORK:-0}" == "1" ]]; then
    log "server logs and data kept in $WORK"
  else
    if [[ $code -ne 0 ]]; then
      for f in "$WORK"/*.log; do [[ -f "$f" ]] && { echo "---- last lines of $f"; tail -n 20 "$f"; }; done
    fi
    rm -rf "$WORK"
  fi
  exit $code
}
trap cleanup EXIT INT TERM

# ---------------------------------------------------------------- the machine
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open files allowed per process: $(ulimit -n)"
CPUS="$(nproc)"
if (( CPUS < 2 )); then
  log "only $CPUS CPU: server and generator share it (results will say so)"
  SERVER_CPU=0; GEN_CPU=0
fi
command -v taskset >/dev/null || { echo "taskset (util-linux) is required" >&2; exit 1; }
command -v node >/dev/null || { echo "node is required for the Socket.IO and ws peers" >&2; exit 1; }

# ---------------------------------------------------------------- builds
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  if [[ -z "$SERVER_JAR" ]]; then
    log "building the server (mvn -DskipTests package)"
    mvn -B -q -DskipTests package
  fi
  log "building the load generator"
  mvn -B -q -f "$BENCH_DIR/pom.xml" package
  log "installing the Node peers (npm ci)"
  (cd "$BENCH_DIR/peers" && npm ci --no-audit --no-fund --loglevel=error)
fi
SERVER_JAR="${SERVER_JAR:-$REPO/target/talkingstick.jar}"
[[ -f "$SERVER_JAR" ]] || { echo "$SERVER_JAR is missing" >&2; exit 1; }
[[ -f "$BENCH_DIR/target/talkingstick-bench.jar" ]] || { echo "bench/target/talkingstick-bench.jar is missing" >&2; exit 1; }

# ---------------------------------------------------------------- servers
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_health() { # name url pid seconds
  local name=$1 url=$2 pid=$3 limit=$4
  for _ in $(seq 1 $((limit * 2))); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start; its log:" >&2; tail -n 40 "$WORK/$name.log" >&2; return 1
    fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url")" == "200" ]]; then return 0; fi
    sleep 0.5
  done
  echo "$name did not become healthy within ${limit}s; its log:" >&2; tail -n 40 "$WORK/$name.log" >&2
  return 1
}

ADMIN_USERNAME="benchadmin"
ADMIN_PASSWORD="bench-$(openssl rand -hex 12)"
PEER_ARGS=()
port=$BASE_PORT
IFS=',' read -r -a WANTED <<< "$PEERS"
for name in "${WANTED[@]}"; do
  port=$((port + 1))
  port_free "$port" || { echo "port $port is in use: set BASE_PORT" >&2; exit 1; }
  case "$name" in
    ws)
      PORT=$port taskset -c "$SERVER_CPU" node "$BENCH_DIR/peers/ws-server.js" >"$WORK/$name.log" 2>&1 &
      pid=$!; STARTED_PIDS+=("$pid")
      wait_health "$name" "http://127.0.0.1:$port/health" "$pid" 30
      PEER_ARGS+=(--peer "name=ws,kind=ws,port=$port,pid=$pid")
      ;;
    socketio)
      PORT=$port taskset -c "$SERVER_CPU" node "$BENCH_DIR/peers/socketio-server.js" >"$WORK/$name.log" 2>&1 &
      pid=$!; STARTED_PIDS+=("$pid")
      wait_health "$name" "http://127.0.0.1:$port/health" "$pid" 30
      PEER_ARGS+=(--peer "name=socketio,kind=socketio,port=$port,pid=$pid")
      ;;
    talkingstick|talkingstick-bare)
      profile=""
      if [[ "$name" == "talkingstick-bare" ]]; then
        # The server with moderation and persistence off (TS_PROFILE=bare): what they cost.
        profile="bare"
      fi
      mkdir -p "$WORK/$name"
      # every bench client registers from 127.0.0.1: the per-address registration limit is lifted (SERVER_ENV may say otherwise)
      # shellcheck disable=SC2086
      env REGISTRATIONS_PER_ADDRESS_PER_HOUR=1000000 $SERVER_ENV DATA_DIR="$WORK/$name" PORT=$port HOST=127.0.0.1 \
        ADMIN_USERNAME="$ADMIN_USERNAME" ADMIN_PASSWORD="$ADMIN_PASSWORD" TS_PROFILE="$profile" \
        taskset -c "$SERVER_CPU" java $SERVER_JAVA_OPTS -jar "$SERVER_JAR" >"$WORK/$name.log" 2>&1 &
      pid=$!; STARTED_PIDS+=("$pid")
      wait_health "$name" "http://127.0.0.1:$port/health" "$pid" 180
      durable="yes"; [[ "$profile" == "bare" ]] && durable="no"
      PEER_ARGS+=(--peer "name=$name,kind=talkingstick,port=$port,pid=$pid,pgdata=$WORK/$name/postgres,durable=$durable")
      ;;
    *) echo "unknown peer '$name' in PEERS (ws, socketio, talkingstick, talkingstick-bare)" >&2; exit 1 ;;
  esac
  log "$name is up on 127.0.0.1:$port (pinned to CPU $SERVER_CPU)"
done

# ---------------------------------------------------------------- the generator
mkdir -p "$RESULTS"
log "load generator pinned to CPU $GEN_CPU; results in bench/results/$STAMP.{json,md}"
# shellcheck disable=SC2086
TS_ADMIN_USERNAME="$ADMIN_USERNAME" TS_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  BENCH_ENV="servers pinned to CPU $SERVER_CPU and generator to CPU $GEN_CPU with taskset, $CPUS CPUs, ulimit -n $(ulimit -n)" \
  taskset -c "$GEN_CPU" java $GEN_JAVA_OPTS -jar "$BENCH_DIR/target/talkingstick-bench.jar" \
  --out "$RESULTS/$STAMP" "${PEER_ARGS[@]}"
