#!/usr/bin/env bash
# Load on signed assignment callbacks, on loopback, bounded in time; optionally beside an nginx fixed-JSON
# ceiling measured the same way. Needs wrk and openssl (Debian: apt-get install wrk openssl; nginx for the
# ceiling). Starts the packaged jar itself (./mvnw package first) and stops only what it started.
#   bench/callbacks.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-16}
SECONDS_=${2:-15}
PORT=18181
NGINX_PORT=18190
TOKEN=bench-token
PUBLIC=https://bench.example
WORK=$(mktemp -d)
# waits for the service: it holds its port, and its jar, for quarkus.shutdown.delay (5 s) after the signal
trap 'kill ${APP_PID:-} 2>/dev/null && wait ${APP_PID:-} 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null; rm -rf "$WORK"' EXIT

source bench/signed-callback.sh

run() { # name url
  wrk -t1 -c"$CONNECTIONS" -d10s -s "$WORK/callback.lua" "$2" >/dev/null # warm-up: the JIT needs a few seconds
  echo "== $1: wrk -t1 -c$CONNECTIONS -d${SECONDS_}s"
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$WORK/callback.lua" "$2" \
    | grep -E 'Requests/sec|  50%|  99%|Non-2xx|Socket errors'
}

if command -v nginx >/dev/null; then
  mkdir -p "$WORK/logs"
  cat > "$WORK/nginx.conf" <<NGX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$NGINX_PORT;
  location / { default_type application/json; return 200 '{}'; } } }
NGX
  nginx -p "$WORK" -c "$WORK/nginx.conf"
  run "nginx fixed JSON (ceiling)" "http://127.0.0.1:$NGINX_PORT/assignment_callback"
fi

TWILIO_AUTH_TOKEN=$TOKEN PUBLIC_BASE_URL=$PUBLIC QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
  java -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
answer=$(curl -s -X POST "http://127.0.0.1:$PORT/assignment_callback" -H 'Content-Type: application/x-www-form-urlencoded' \
  -H "X-Twilio-Signature: $SIGNATURE" --data "$BODY")
[ "$answer" = "{}" ] || { echo "the signed callback was refused: $answer"; exit 1; }
run "signed assignment callbacks (JVM)" "http://127.0.0.1:$PORT/assignment_callback"
