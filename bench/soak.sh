#!/usr/bin/env bash
# A soak: MINUTES of signed assignment callbacks at a moderate rate (wrk, CONNECTIONS connections each pausing
# PAUSE_MS between requests) plus RATE rounds a second of operator calls and signed event callbacks
# (bench/soak_driver.py) against a fake TaskRouter on loopback. Prints, for each minute, the callbacks' requests/s,
# p50/p99 and non-2xx, and the service's RSS after it; then the first minute against the last, and the operator
# and event answers that were not the expected status. Bounded in time; starts only its own processes and stops
# them by PID. Needs wrk, openssl, jq, python3. Build first: ./mvnw -B package -DskipTests (NATIVE=1 with
# ./mvnw -B package -Dnative -DskipTests for the native executable).
#   bench/soak.sh [minutes] [connections] [pause-ms] [operator-rounds-per-second]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
CONNECTIONS=${2:-4}
PAUSE_MS=${3:-2}
RATE=${4:-10}
PORT=18184
TASKROUTER_PORT=18195
TOKEN=bench-token
OPERATOR_TOKEN=bench-operator-token
PUBLIC=https://bench.example
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
source bench/signed-callback.sh
cat >> "$WORK/callback.lua" <<LUA
function delay() return $PAUSE_MS end
LUA

python3 bench/soak_driver.py taskrouter "$TASKROUTER_PORT" &
PIDS+=($!)
if [ "${NATIVE:-0}" = 1 ]; then SERVICE=$(ls target/*-runner | head -1); KIND=native
else SERVICE="java -jar target/quarkus-app/quarkus-run.jar"; KIND=JVM; fi
TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 TWILIO_AUTH_TOKEN=$TOKEN \
  TWILIO_WORKSPACE_SID=WS00000000000000000000000000000000 TWILIO_WORKFLOW_SID=WW00000000000000000000000000000000 \
  TWILIO_API_BASE_URL=http://127.0.0.1:$TASKROUTER_PORT OPERATOR_TOKEN=$OPERATOR_TOKEN PUBLIC_BASE_URL=$PUBLIC \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN ASSIGNMENT_INSTRUCTION=accept $SERVICE >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=("$APP_PID")
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "not ready"; cat "$WORK/app.log"; exit 1; }
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }

echo "== soak ($KIND): $MINUTES min; callbacks on $CONNECTIONS connections, ${PAUSE_MS} ms apart each;" \
  "$RATE operator calls and $RATE signed events a second; RSS after start $(rss) MiB"
python3 bench/soak_driver.py operator "$PORT" "$OPERATOR_TOKEN" "$TOKEN" "$PUBLIC" "$RATE" $((MINUTES * 60)) \
  "$WORK/operator.json" &
DRIVER=$!
PIDS+=("$DRIVER")
first="" last=""
for minute in $(seq 1 "$MINUTES"); do
  out=$(wrk -t1 -c"$CONNECTIONS" -d60s --latency -s "$WORK/callback.lua" "http://127.0.0.1:$PORT/assignment_callback")
  line=$(printf 'minute %2d: %8s req/s  p50 %8s  p99 %8s  non-2xx %s  RSS %s MiB' "$minute" \
    "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
    "$(awk '$1 == "99%" { print $2 }' <<<"$out")" "$(awk '/Non-2xx/ { print $NF }' <<<"$out" | grep . || echo 0)" \
    "$(rss)")
  echo "$line"
  [ -z "$first" ] && first=$line
  last=$line
done
wait "$DRIVER" || true
echo "== first and last minute"
echo "$first"; echo "$last"
echo "== operator calls and signed events: $(cat "$WORK/operator.json")"
echo "== ERROR lines in the service's log: $(grep -c '"level":"ERROR"\|ERROR ' "$WORK/app.log" || true)"
