#!/usr/bin/env bash
# The fault and abuse suite at full scale: every numbered scenario of docs/reliability.md, against real servers on
# 127.0.0.1 with their real embedded PostgreSQL, bounded in count and time (about 4-5 minutes on 2 cores). It runs the
# attack tests of the normal suite with their scale raised through faults.* system properties, in one test JVM with
# a fixed heap, and writes one figure line per scenario to bench/results/faults-<date>.txt (and stdout).
#
#   bench/faults.sh                      # everything
#   SCENARIOS='1 4' bench/faults.sh      # some (1 2 4 5 6 7; item 3 is one bad request, not a volume: normal suite only)
#
# Scale (environment, defaults below): FLOOD_SECONDS FLOOD_ATTACKERS HALF_SENT HALF_SENT_ADDRESSES HALF_SENT_CAP
# HEADER_SECONDS LOGIN_PARALLEL REGISTRATIONS REGISTRATION_LIMIT RESETS; TEST_HEAP (the test JVM's -Xmx; server and
# attackers share that JVM), MVN_OPTS (extra Maven options, e.g. -o); item 5: KILL_PORT (19480), KILL_AFTER_SECONDS (4).
set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO"

SCENARIOS="${SCENARIOS:-1 2 4 5 6 7}"
FLOOD_SECONDS="${FLOOD_SECONDS:-30}"
FLOOD_ATTACKERS="${FLOOD_ATTACKERS:-4}"
# item 2: 30 addresses (127.0.1.1-30) x the default cap of 200 = 6,000 held, 8,000 tried. Client and server ends live
# in the same JVM: 8,000 client handles + up to 6,000 server handles stay under a limit of 20,000 (ulimit -n).
HALF_SENT="${HALF_SENT:-8000}"
HALF_SENT_ADDRESSES="${HALF_SENT_ADDRESSES:-30}"
HALF_SENT_CAP="${HALF_SENT_CAP:-200}"
HEADER_SECONDS="${HEADER_SECONDS:-20}"
LOGIN_PARALLEL="${LOGIN_PARALLEL:-300}"
REGISTRATIONS="${REGISTRATIONS:-2000}"
REGISTRATION_LIMIT="${REGISTRATION_LIMIT:-20}"
RESETS="${RESETS:-1000}"
TEST_HEAP="${TEST_HEAP:-512m}"
MVN_OPTS="${MVN_OPTS:-}"

DATE="$(date -u +%Y-%m-%d)"
RESULTS="$BENCH_DIR/results"
OUT="$RESULTS/faults-$DATE.txt"
mkdir -p "$RESULTS"
FIGURES="$(mktemp /tmp/talkingstick-faults.XXXXXX)"
KILL_WORK=""
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  if [[ -n "$KILL_WORK" && -f "$KILL_WORK/data/postgres/postmaster.pid" ]]; then
    kill "$(head -1 "$KILL_WORK/data/postgres/postmaster.pid")" 2>/dev/null || true # what a failed restart left
  fi
  [[ -n "$KILL_WORK" ]] && rm -rf "$KILL_WORK"
  rm -f "$FIGURES"
}
trap cleanup EXIT

limit="$(ulimit -n)"
needed=$(( HALF_SENT + HALF_SENT_ADDRESSES * HALF_SENT_CAP + 1000 ))
if [[ " $SCENARIOS " == *" 2 "* && "$limit" != unlimited && "$needed" -gt "$limit" ]]; then
  echo "item 2 needs about $needed file handles; ulimit -n is $limit: lower HALF_SENT or HALF_SENT_ADDRESSES" >&2
  exit 2
fi

tests=()
for s in $SCENARIOS; do
  case "$s" in
    1) tests+=("SocketFloodTest#aSocketSendingTooFastIsClosed+aSocketThatStopsReadingIsClosed") ;;
    2) tests+=("ConnectionLimitsTest#halfSentRequestsAreRefusedOrClosedWhileOthersAreServed") ;;
    4) tests+=("LoginAttacksTest#sixtyParallelWrongPasswordsForOneUsernameGetFiveChecks+sixtyParallelWrongPasswordsFromOneAddressAcrossUsernamesGetTwentyChecks") ;;
    5) tests+=("EmbeddedPostmasterRecoveryTest" "DatabaseRecoveryTest" "StalePostmasterTest") ;;
    6) tests+=("LogHygieneTest#fiftyAbruptDisconnectsLogNoErrorAndNoStackTrace") ;;
    7) tests+=("LoginAttacksTest#registrationsPerAddressAreLimitedAndBadDetailsCountForNothing") ;;
    *) echo "unknown scenario $s (1 2 4 5 6 7)" >&2; exit 2 ;;
  esac
done
selection="$(IFS=,; echo "${tests[*]}")"

started=$(date +%s)
echo "[$(date +%H:%M:%S)] fault suite: $selection"
set +e
# shellcheck disable=SC2086
[[ ${#tests[@]} -gt 0 ]] && mvn -B -q $MVN_OPTS test -Dtest="$selection" -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx$TEST_HEAP" -Dfaults.out="$FIGURES" \
  -Dfaults.flood.seconds="$FLOOD_SECONDS" -Dfaults.flood.attackers="$FLOOD_ATTACKERS" -Dfaults.flood.reconnect=true \
  -Dfaults.halfsent.count="$HALF_SENT" -Dfaults.halfsent.addresses="$HALF_SENT_ADDRESSES" \
  -Dfaults.halfsent.cap="$HALF_SENT_CAP" -Dfaults.halfsent.headerSeconds="$HEADER_SECONDS" \
  -Dfaults.login.parallel="$LOGIN_PARALLEL" \
  -Dfaults.register.count="$REGISTRATIONS" -Dfaults.register.limit="$REGISTRATION_LIMIT" \
  -Dfaults.resets.count="$RESETS"
code=$?
set -e

# Item 5 for real: kill -9 of a server process (the jar) while clients register, then a restart on the same DATA_DIR.
# Every registration answered 201 before the kill must sign in afterwards.
kill9() {
  local jar="$REPO/target/talkingstick.jar" port="${KILL_PORT:-19480}" base ok=0 lost=0 n=0 t0 restart_ms up_ms
  [[ -f "$jar" ]] || mvn -B -q $MVN_OPTS -DskipTests package
  KILL_WORK="$(mktemp -d /tmp/talkingstick-kill9.XXXXXX)"
  base="http://127.0.0.1:$port"
  start_server() {
    PORT=$port HOST=127.0.0.1 DATA_DIR="$KILL_WORK/data" CONDUCT_WARMUP_MS=0 REGISTRATIONS_PER_ADDRESS_PER_HOUR=1000000 \
      java -Xmx512m -jar "$jar" >> "$KILL_WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
      curl -fs -o /dev/null "$base/health" && return 0
      kill -0 "$SERVER_PID" 2>/dev/null || return 1
      sleep 0.1
    done
    return 1
  }
  start_server || { echo "kill -9: the server did not start (see $KILL_WORK/server.log)" >&2; return 1; }
  : > "$KILL_WORK/acknowledged"
  (
    i=0
    while :; do
      i=$((i + 1))
      status=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -H 'Content-Type: application/json' \
        -d "{\"username\":\"survivor$i\",\"password\":\"correct horse battery\",\"displayName\":\"Survivor $i\"}" \
        "$base/api/auth/register") || true
      [[ "$status" == 201 ]] && echo "survivor$i" >> "$KILL_WORK/acknowledged"
      [[ "$status" == 000 ]] && break
    done
  ) &
  local writer=$!
  sleep "${KILL_AFTER_SECONDS:-4}"
  kill -9 "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  wait "$writer" 2>/dev/null || true
  t0=$(date +%s%N)
  start_server || { echo "kill -9: the restart failed (see $KILL_WORK/server.log)" >&2; return 1; }
  restart_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  while read -r user; do
    n=$((n + 1))
    status=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -H 'Content-Type: application/json' \
      -d "{\"username\":\"$user\",\"password\":\"correct horse battery\"}" "$base/api/auth/login") || true
    if [[ "$status" == 200 ]]; then ok=$((ok + 1)); else lost=$((lost + 1)); fi
  done < "$KILL_WORK/acknowledged"
  echo "FAULTS 5 | kill -9 of a server process (the jar) while clients register, then a restart on its DATA_DIR |" \
    "$n registrations acknowledged (201) before the kill, $ok sign in after the restart, $lost lost;" \
    "restart to /health 200 in $restart_ms ms ($(grep -c 'left running by an earlier server' "$KILL_WORK/server.log") stale postmaster stopped)" \
    >> "$FIGURES"
  kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  [[ $lost -eq 0 && $n -gt 0 ]]
}
if [[ " $SCENARIOS " == *" 5 "* ]]; then
  echo "[$(date +%H:%M:%S)] kill -9 of a server process"
  kill9 || code=1
fi
took=$(( $(date +%s) - started ))

{
  echo "# TalkingStick fault suite, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (uncommitted changes)')"
  echo "# command: SCENARIOS='$SCENARIOS' FLOOD_SECONDS=$FLOOD_SECONDS FLOOD_ATTACKERS=$FLOOD_ATTACKERS HALF_SENT=$HALF_SENT HALF_SENT_ADDRESSES=$HALF_SENT_ADDRESSES HALF_SENT_CAP=$HALF_SENT_CAP HEADER_SECONDS=$HEADER_SECONDS LOGIN_PARALLEL=$LOGIN_PARALLEL REGISTRATIONS=$REGISTRATIONS REGISTRATION_LIMIT=$REGISTRATION_LIMIT RESETS=$RESETS TEST_HEAP=$TEST_HEAP bench/faults.sh"
  echo "# machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, ulimit -n $limit, $(java -version 2>&1 | head -1)"
  echo "# one JVM holds the servers and the attackers (heap -Xmx$TEST_HEAP); tests $( [ $code -eq 0 ] && echo passed || echo "FAILED (exit $code): see target/surefire-reports" ) in ${took} s"
  cat "$FIGURES"
} | tee -a "$OUT"
echo "written to $OUT"
exit $code
