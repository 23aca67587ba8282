#!/usr/bin/env bash
# One live feed, many readers: opens CLIENTS event streams on loopback against the packaged jar (or, with
# NATIVE=1, the native executable), then posts EVENTS signed events to /events one after the other and measures,
# for each, the delay until every client has it (p50/p99/max over the events) and every client's own delay
# (p50/p99 over all deliveries); and the service's RSS growth per open stream. The first WARMUP events (default 5)
# are reported on their own, the very first being a cold start's, and left out of the percentiles. Bounded in
# time; starts only its own processes and stops them by PID. Needs python3. Build first: ./mvnw -B package -DskipTests
#   [WARMUP=5] [NATIVE=1] bench/stream-fanout.sh [clients] [events]
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-1000}
EVENTS=${2:-20}
WARMUP=${WARMUP:-5}
PORT=18183
TOKEN=bench-auth-token
OPERATOR=bench-operator-token
PUBLIC=https://bench.example
ulimit -n "$(ulimit -Hn)" # a socket per client, on both ends
WORK=$(mktemp -d)
APP_PID=""
# waits for it: a stopping service holds its port for quarkus.shutdown.delay (5 s)
trap '[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
if [ "${NATIVE:-0}" = 1 ]; then
  COMMAND=(target/*-runner)
else
  COMMAND=(java -jar target/quarkus-app/quarkus-run.jar)
fi
TWILIO_AUTH_TOKEN=$TOKEN OPERATOR_TOKEN=$OPERATOR PUBLIC_BASE_URL=$PUBLIC QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_LOG_LEVEL=WARN "${COMMAND[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/q/health/live" >/dev/null && break; sleep 0.2; done

BENCH_DIR=bench python3 - "$PORT" "$CLIENTS" "$EVENTS" "$TOKEN" "$OPERATOR" "$PUBLIC" "$APP_PID" "$WARMUP" <<'PY'
import asyncio, os, sys, time
sys.path.insert(0, os.environ["BENCH_DIR"])
from feed_clients import open_streams, percentile, post_event
port, clients, events, token, operator, public, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:7], int(sys.argv[7])
warmup = int(sys.argv[8])
port = int(port)

def rss_kib():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1])

received = {}  # event sid -> list of arrival times


async def main():
    before = rss_kib()
    tasks = await open_streams((port,), clients, operator, received)
    opened = rss_kib()
    everyone, each, cold = [], [], []
    for n in range(warmup + events):
        sid = "EV%032d" % n
        started = time.monotonic()
        await post_event(port, sid, token, public)
        deadline = started + 10
        while len(received.get(sid, [])) < clients and time.monotonic() < deadline:
            await asyncio.sleep(0.001)
        arrivals = received.get(sid, [])
        if len(arrivals) < clients:
            sys.exit(f"event {n}: only {len(arrivals)} of {clients} clients had it after 10 s")
        delays = [(at - started) * 1000 for at in arrivals]
        if n < warmup:
            cold.append(max(delays))
        else:
            everyone.append(max(delays))
            each.extend(delays)
        await asyncio.sleep(0.2)
    print(f"{clients} streams, {events} events one after the other, after {warmup} warm-up events")
    if cold:
        print("warm-up events, until every client had it: " + ", ".join(f"{d:.1f}" for d in cold) + " ms")
    print(f"until every client had it: p50 {percentile(everyone, 50):.1f} ms, p99 {percentile(everyone, 99):.1f} ms, max {max(everyone):.1f} ms")
    print(f"each delivery: p50 {percentile(each, 50):.1f} ms, p99 {percentile(each, 99):.1f} ms")
    print(f"RSS {before} KiB before, {opened} KiB with the streams open: {(opened - before) / clients:.1f} KiB per stream")
    for t in tasks:
        t.cancel()

asyncio.run(main())
PY
