#!/usr/bin/env bash
# Where a signed assignment callback's CPU goes: the packaged jar under 50 connections of signed callbacks (wrk,
# loopback, bounded in time) with a JFR recording (profile settings: a Java stack sampled every 10 ms per
# thread), then bench/jfr_steps.py sorts the samples of the event-loop threads into the callback's steps.
# Needs wrk, openssl, jq; run ./mvnw package first. The recording and its samples stay in target/profile/. Starts the jar itself and stops only what it started.
#   bench/profile_callbacks.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${1:-20}
PORT=18185
TOKEN=bench-token
PUBLIC=https://bench.example
WORK=$(mktemp -d)
APP_PID=
stop_all() {
  [ -n "$APP_PID" ] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap stop_all EXIT
source bench/signed-callback.sh

TWILIO_AUTH_TOKEN=$TOKEN PUBLIC_BASE_URL=$PUBLIC QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
  ASSIGNMENT_INSTRUCTION=accept java -XX:StartFlightRecording=settings=profile,filename="$WORK/run.jfr",delay=15s \
  -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/q/health/live" && break
  sleep 0.25
done
# 15 s of warm-up before the recording starts (delay=15s), then the measured load
wrk -t1 -c50 -d"$((15 + SECONDS_))s" -s "$WORK/callback.lua" "http://127.0.0.1:$PORT/assignment_callback" \
  | grep -E "Requests/sec|Non-2xx" || true
jcmd "$APP_PID" JFR.dump filename="$WORK/run.jfr" >/dev/null
# kept under target/profile: bench/jfr_steps.py can sort them again, and `jfr` can read the recording
mkdir -p target/profile
cp "$WORK/run.jfr" target/profile/callbacks.jfr
jfr print --events jdk.ExecutionSample --stack-depth 96 "$WORK/run.jfr" > target/profile/cpu.txt
jfr print --events jdk.ObjectAllocationSample --stack-depth 96 "$WORK/run.jfr" > target/profile/allocations.txt
python3 bench/jfr_steps.py target/profile/cpu.txt target/profile/allocations.txt
