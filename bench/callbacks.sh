#!/usr/bin/env bash
# Load on signed assignment callbacks, on loopback, bounded in time, beside two ceilings measured the same way:
# nginx answering fixed JSON, and bench/noop-endpoint (Quarkus REST alone: one @NonBlocking endpoint that reads
# the form as a String and answers the service's constant). For each it prints requests/s, p50/p99, non-2xx and,
# for the two Quarkus processes, the server's CPU time per request in µs (utime+stime from /proc/PID/stat over
# the measured run: it travels between machines better than requests/s); then the callback as a share of both.
# Needs wrk, openssl and jq (Debian: apt-get install wrk openssl jq; nginx for its ceiling). Starts the packaged
# jar itself (./mvnw package first; the no-op endpoint is built here when missing, ~10 s) and stops only what it
# started. NATIVE=1 measures the native executables instead (./mvnw package -Dnative first).
#   bench/callbacks.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-50}
SECONDS_=${2:-10}
WARMUP=${WARMUP:-15}
PORT=18181
NOOP_PORT=18183
NGINX_PORT=18190
TOKEN=bench-token
PUBLIC=https://bench.example
TICKS=$(getconf CLK_TCK)
WORK=$(mktemp -d)
PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # each holds its port for quarkus.shutdown.delay after the signal: wait for them, not for python's or wrk's
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null
  rm -rf "$WORK"
}
trap stop_all EXIT

source bench/signed-callback.sh

cpu_ticks() { # pid: utime + stime, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

declare -A RPS P50 P99 CPU
run() { # key name url [pid]
  local key=$1 name=$2 url=$3 pid=${4:-} before after out
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/callback.lua" "$url" >/dev/null # the JIT needs a few seconds
  [ -n "$pid" ] && before=$(cpu_ticks "$pid")
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$WORK/callback.lua" "$url")
  [ -n "$pid" ] && after=$(cpu_ticks "$pid")
  RPS[$key]=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  P50[$key]=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  P99[$key]=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  local requests non2xx
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out"); non2xx=${non2xx:-0}
  if [ -n "$pid" ]; then
    CPU[$key]=$(awk -v t=$((after - before)) -v hz="$TICKS" -v n="$requests" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
  else
    CPU[$key]="-"
  fi
  printf '%-44s %10s req/s  p50 %8s  p99 %8s  non-2xx %s  CPU/request %s µs\n' "$name" "${RPS[$key]}" \
    "${P50[$key]}" "${P99[$key]}" "$non2xx" "${CPU[$key]}"
  grep -q 'Socket errors' <<<"$out" && grep 'Socket errors' <<<"$out" || true
}

start() { # port log command...: starts it, waits for its port to answer, leaves its PID in STARTED
  local port=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$port/assignment_callback" -X POST && return 0
    sleep 0.25
  done
  echo "did not start: $*"; cat "$log"; exit 1
}

echo "== $CONNECTIONS connections, ${SECONDS_} s after a ${WARMUP} s warm-up, wrk -t1 on the same machine"
if command -v nginx >/dev/null; then
  mkdir -p "$WORK/logs"
  cat > "$WORK/nginx.conf" <<NGX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$NGINX_PORT;
  location / { default_type application/json; return 200 '{"instruction":"accept"}'; } } }
NGX
  nginx -p "$WORK" -c "$WORK/nginx.conf"
  run nginx "nginx fixed JSON (ceiling)" "http://127.0.0.1:$NGINX_PORT/assignment_callback"
fi

NOOP_DIR=bench/noop-endpoint/target
if [ "${NATIVE:-0}" = 1 ]; then
  NOOP_CMD=$(ls "$NOOP_DIR"/*-runner 2>/dev/null | head -1 || true)
  [ -n "$NOOP_CMD" ] || ./mvnw -B -q -f bench/noop-endpoint/pom.xml package -Dnative >/dev/null
  NOOP_CMD=$(ls "$NOOP_DIR"/*-runner | head -1)
  SERVICE_CMD=$(ls target/*-runner | head -1)
  KIND=native
else
  [ -f "$NOOP_DIR/quarkus-app/quarkus-run.jar" ] || ./mvnw -B -q -f bench/noop-endpoint/pom.xml package >/dev/null
  NOOP_CMD="java -jar $NOOP_DIR/quarkus-app/quarkus-run.jar"
  SERVICE_CMD="java -jar target/quarkus-app/quarkus-run.jar"
  KIND=JVM
fi

QUARKUS_HTTP_PORT=$NOOP_PORT QUARKUS_LOG_LEVEL=WARN start $NOOP_PORT "$WORK/noop.log" $NOOP_CMD
NOOP_PID=$STARTED
run noop "no-op endpoint, Quarkus REST ($KIND)" "http://127.0.0.1:$NOOP_PORT/assignment_callback" "$NOOP_PID"
kill "$NOOP_PID"

TWILIO_AUTH_TOKEN=$TOKEN PUBLIC_BASE_URL=$PUBLIC QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
  ASSIGNMENT_INSTRUCTION=accept start $PORT "$WORK/app.log" $SERVICE_CMD
APP_PID=$STARTED
answer=$(curl -s -X POST "http://127.0.0.1:$PORT/assignment_callback" -H 'Content-Type: application/x-www-form-urlencoded' \
  -H "X-Twilio-Signature: $SIGNATURE" --data "$BODY")
[ "$answer" = '{"instruction":"accept"}' ] || { echo "the signed callback was refused: $answer"; exit 1; }
run service "signed assignment callbacks ($KIND)" "http://127.0.0.1:$PORT/assignment_callback" "$APP_PID"

share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f %%", 100 * a / b }'; }
echo "== the signed callback"
[ -n "${RPS[nginx]:-}" ] && echo "  requests/s: $(share "${RPS[service]}" "${RPS[nginx]}") of nginx's"
echo "  requests/s: $(share "${RPS[service]}" "${RPS[noop]}") of the no-op endpoint's"
echo "  CPU per request: ${CPU[service]} µs against the no-op endpoint's ${CPU[noop]} µs" \
  "($(share "${CPU[service]}" "${CPU[noop]}"))"
