#!/usr/bin/env bash
# The packaged jar and the native executable side by side, in one run, on loopback, bounded in time:
#   time from exec to the first 200 of a signed assignment callback (best and median of STARTS runs),
#   RSS right after that first 200 and after LOAD_SECONDS of signed callbacks at CONNECTIONS connections,
#   the requests/s and p50/p99 of that load, and the size of the binary and of the jar's directory.
# Needs wrk, openssl, jq, python3 (Debian: apt-get install wrk openssl jq python3). Build both first:
#   ./mvnw -B package -DskipTests && ./mvnw -B package -Dnative -DskipTests
# then: bench/jvm-vs-native.sh [connections] [load-seconds] [starts]
# JAVA_OPTS and NATIVE_OPTS add options to each (e.g. NATIVE_OPTS=-Xmn32m). When the build made an AppCDS
# archive (target/quarkus-app/app-cds.jsa, -Dquarkus.package.jar.appcds.enabled=true), the jar is measured
# with it too.
# Beside them, the stack's own floor: bench/noop-endpoint (Quarkus REST, one @NonBlocking endpoint that answers a
# constant), built here when missing (its jar in ~10 s; its native executable in ~4 min when GRAALVM_HOME is
# set). What the service costs is the difference. FLOOR=0 skips it.
# Starts only its own processes and stops them by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-50}
LOAD_SECONDS=${2:-10}
STARTS=${3:-5}
PORT=18182
TOKEN=bench-token
PUBLIC=https://bench.example
JAR=target/quarkus-app/quarkus-run.jar
BINARY=$(ls target/*-runner 2>/dev/null | head -1 || true)
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B package -DskipTests first"; exit 1; }
[ -n "$BINARY" ] || { echo "no target/*-runner: run ./mvnw -B package -Dnative -DskipTests first"; exit 1; }
FLOOR_DIR=bench/noop-endpoint/target
if [ "${FLOOR:-1}" = 1 ]; then
  [ -f "$FLOOR_DIR/quarkus-app/quarkus-run.jar" ] || ./mvnw -B -q -f bench/noop-endpoint/pom.xml package >/dev/null
  if ! ls "$FLOOR_DIR"/*-runner >/dev/null 2>&1 && [ -n "${GRAALVM_HOME:-}" ]; then
    ./mvnw -B -q -f bench/noop-endpoint/pom.xml package -Dnative >/dev/null
  fi
fi
WORK=$(mktemp -d)
APP_PID=""
trap '[ -n "$APP_PID" ] && stop_app; rm -rf "$WORK"' EXIT
source bench/signed-callback.sh

# Starts the command, polls the signed callback every millisecond from the instant of exec, prints the
# milliseconds to the first 200 and leaves the process running; its PID goes to $WORK/pid.
cat > "$WORK/first200.py" <<'PY'
import os, socket, subprocess, sys, time
port, body, signature, log = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3], sys.argv[4]
request = (f"POST /assignment_callback HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
           f"Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: {signature}\r\n"
           f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
started = time.monotonic()
process = subprocess.Popen(sys.argv[5:], stdout=open(log, "wb"), stderr=subprocess.STDOUT)
open(os.path.join(os.path.dirname(log), "pid"), "w").write(str(process.pid))
while time.monotonic() - started < 30:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(request)
            answer = s.recv(64)
            if answer.startswith(b"HTTP/1.1 200"):
                print(f"{(time.monotonic() - started) * 1000:.0f}")
                sys.exit(0)
    except OSError:
        pass
    if process.poll() is not None:
        sys.exit(f"the process exited with {process.returncode}; see {log}")
    time.sleep(0.001)
sys.exit("no 200 within 30 s")
PY

rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# The anonymous part of the RSS (heap, stacks, malloc, the JIT's code): the rest is file-backed and clean (the
# native executable's own image, shared libraries, the JDK's class-data archive), pages the kernel may drop
# under a memory limit and read again.
anon_mib() { awk '/^Anonymous/ { printf "%.0f", $2 / 1024 }' "/proc/$1/smaps_rollup"; }
# The process is python's child, not this shell's: wait until it is gone, or the next start finds the port held
# (and, during a shutdown delay, the old process would answer the next start's first request).
stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  while kill -0 "$APP_PID" 2>/dev/null; do sleep 0.05; done
  APP_PID=""
}
# no shutdown delay: nothing balances load here, and each start waits for the last process to be gone
export TWILIO_AUTH_TOKEN=$TOKEN PUBLIC_BASE_URL=$PUBLIC QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
  QUARKUS_SHUTDOWN_DELAY=0s

measure() { # name command...
  local name=$1; shift
  local times=() ms
  for _ in $(seq 1 "$STARTS"); do
    ms=$(python3 "$WORK/first200.py" "$PORT" "$BODY" "$SIGNATURE" "$WORK/app.log" "$@")
    APP_PID=$(cat "$WORK/pid")
    times+=("$ms")
    stop_app
  done
  # the last run again, kept running for the load
  python3 "$WORK/first200.py" "$PORT" "$BODY" "$SIGNATURE" "$WORK/app.log" "$@" >/dev/null
  APP_PID=$(cat "$WORK/pid")
  local rss_start anon_start
  rss_start=$(rss_mib "$APP_PID")
  anon_start=$(anon_mib "$APP_PID")
  local load
  load=$(wrk -t1 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --latency -s "$WORK/callback.lua" \
    "http://127.0.0.1:$PORT/assignment_callback")
  local rss_load anon_load
  rss_load=$(rss_mib "$APP_PID")
  anon_load=$(anon_mib "$APP_PID")
  stop_app
  local sorted best median rps p50 p99 non2xx
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  best=$(echo "$sorted" | head -1)
  median=$(echo "$sorted" | sed -n "$(( (STARTS + 1) / 2 ))p")
  rps=$(echo "$load" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
  p50=$(echo "$load" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$load" | awk '$1 == "99%" { print $2 }')
  non2xx=$(echo "$load" | awk '/Non-2xx/ { print $NF }')
  printf '| %s | %s ms (median %s, %s starts) | %s MiB (%s) | %s MiB (%s) | %s | %s / %s | %s |\n' \
    "$name" "$best" "$median" "$STARTS" "$rss_start" "$anon_start" "$rss_load" "$anon_load" "$rps" "$p50" "$p99" \
    "${non2xx:-0}"
}

echo "| build | exec to first 200 | RSS after start (anonymous) | RSS after ${LOAD_SECONDS} s at ${CONNECTIONS} connections (anonymous) | requests/s | p50 / p99 | non-2xx |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
JAVA_VERSION=$(java -version 2>&1 | head -1 | cut -d'"' -f2)
# shellcheck disable=SC2086 # the options are meant to split
measure "JVM (java -jar, $JAVA_VERSION${JAVA_OPTS:+, $JAVA_OPTS})" java ${JAVA_OPTS:-} -jar "$JAR"
if [ -f target/quarkus-app/app-cds.jsa ]; then
  # shellcheck disable=SC2086
  measure "JVM with AppCDS" java ${JAVA_OPTS:-} -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -jar "$JAR"
fi
# shellcheck disable=SC2086
measure "native${NATIVE_OPTS:+ ($NATIVE_OPTS)}" "$BINARY" ${NATIVE_OPTS:-}
if [ "${FLOOR:-1}" = 1 ]; then
  # shellcheck disable=SC2086
  measure "floor: no-op endpoint, JVM" java ${JAVA_OPTS:-} -jar "$FLOOR_DIR/quarkus-app/quarkus-run.jar"
  FLOOR_BINARY=$(ls "$FLOOR_DIR"/*-runner 2>/dev/null | head -1 || true)
  if [ -n "$FLOOR_BINARY" ]; then
    # shellcheck disable=SC2086
    measure "floor: no-op endpoint, native" "$FLOOR_BINARY" ${NATIVE_OPTS:-}
  fi
fi
echo
echo "binary $(du -m "$BINARY" | cut -f1) MB ($BINARY); jar directory $(du -sm target/quarkus-app | cut -f1) MB (target/quarkus-app)"
