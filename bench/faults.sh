#!/usr/bin/env bash
# The fault and abuse suite at full scale: every numbered scenario of docs/reliability.md, against real servers on
# 127.0.0.1 with their real embedded PostgreSQL, bounded in count and time (about 5 minutes on 2 cores). It runs the
# attack tests of the normal suite with their scale raised through faults.* system properties, in one test JVM with
# a fixed heap, and writes one figure line per scenario to bench/results/faults-<date>.txt (and stdout).
#
#   bench/faults.sh                      # everything
#   SCENARIOS='1 4' bench/faults.sh      # some (1 2 4 5 6 7; 3 has no scale to raise and runs with 5)
#
# Scale (environment, defaults below): FLOOD_SECONDS FLOOD_ATTACKERS HALF_SENT HALF_SENT_ADDRESSES HALF_SENT_CAP
# HEADER_SECONDS LOGIN_PARALLEL REGISTRATIONS REGISTRATION_LIMIT RESETS; TEST_HEAP (the test JVM's -Xmx; server and
# attackers share that JVM), MVN_OPTS (extra Maven options, e.g. -o).
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
trap 'rm -f "$FIGURES"' EXIT

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
    5|3) tests+=("EmbeddedPostmasterRecoveryTest" "DatabaseRecoveryTest" "StalePostmasterTest") ;;
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
mvn -B -q $MVN_OPTS test -Dtest="$selection" -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx$TEST_HEAP" -Dfaults.out="$FIGURES" \
  -Dfaults.flood.seconds="$FLOOD_SECONDS" -Dfaults.flood.attackers="$FLOOD_ATTACKERS" -Dfaults.flood.reconnect=true \
  -Dfaults.halfsent.count="$HALF_SENT" -Dfaults.halfsent.addresses="$HALF_SENT_ADDRESSES" \
  -Dfaults.halfsent.cap="$HALF_SENT_CAP" -Dfaults.halfsent.headerSeconds="$HEADER_SECONDS" \
  -Dfaults.login.parallel="$LOGIN_PARALLEL" \
  -Dfaults.register.count="$REGISTRATIONS" -Dfaults.register.limit="$REGISTRATION_LIMIT" \
  -Dfaults.resets.count="$RESETS"
code=$?
set -e
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
