#!/usr/bin/env bash
# Two replicas, one Redis: starts redis-server and two instances of the packaged jar (or, with NATIVE=1, the
# native executable) sharing it, opens CLIENTS event streams on each, then
#  1. posts EVENTS signed events one after the other, to A and B in turn, and measures for each the delay until
#     every client of both replicas has it (p50/p99), after WARMUP events left out;
#  2. posts BURST events as fast as 16 concurrent posters can, and measures events per second through the shared
#     feed: from the first post until the last client of either replica has the last event. A burst outruns
#     the default stream.client-buffer (256 events a client may fall behind), so the replicas run with
#     STREAM_CLIENT_BUFFER (default here 4096) rather than drop the bench's one slow reader process.
# Loopback only, bounded in time; starts only its own processes and stops them by PID. Needs python3 and
# redis-server. Build first: ./mvnw -B package -DskipTests
#   [NATIVE=1] [WARMUP=5] bench/shared-feed.sh [clients per replica] [events] [burst]
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-500}
EVENTS=${2:-20}
BURST=${3:-1000}
WARMUP=${WARMUP:-5}
REDIS_PORT=16391
PORT_A=18191
PORT_B=18192
TOKEN=bench-auth-token
OPERATOR=bench-operator-token
PUBLIC=https://bench.example
ulimit -n "$(ulimit -Hn)"
WORK=$(mktemp -d)
PIDS=()
# waits for each: a stopping replica holds its port for quarkus.shutdown.delay (5 s)
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
if [ "${NATIVE:-0}" = 1 ]; then
  COMMAND=(target/*-runner)
else
  COMMAND=(java -jar target/quarkus-app/quarkus-run.jar)
fi
redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
for port in $PORT_A $PORT_B; do
  REDIS_URL=redis://127.0.0.1:$REDIS_PORT TWILIO_AUTH_TOKEN=$TOKEN OPERATOR_TOKEN=$OPERATOR PUBLIC_BASE_URL=$PUBLIC \
    STREAM_CLIENT_BUFFER=${STREAM_CLIENT_BUFFER:-4096} QUARKUS_HTTP_PORT=$port QUARKUS_LOG_LEVEL=WARN "${COMMAND[@]}" >"$WORK/app-$port.log" 2>&1 &
  PIDS+=($!)
done
for port in $PORT_A $PORT_B; do
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 0.2; done
done

BENCH_DIR=bench python3 - "$PORT_A" "$PORT_B" "$CLIENTS" "$EVENTS" "$BURST" "$WARMUP" "$TOKEN" "$OPERATOR" "$PUBLIC" <<'PY'
import asyncio, os, sys, time
sys.path.insert(0, os.environ["BENCH_DIR"])
from feed_clients import open_streams, percentile, post_event
port_a, port_b, clients, events, burst, warmup = (int(v) for v in sys.argv[1:7])
token, operator, public = sys.argv[7:10]

received = {}  # event sid -> arrival times at every client of both replicas


async def everyone_has(sid, deadline):
    while len(received.get(sid, [])) < 2 * clients and time.monotonic() < deadline:
        await asyncio.sleep(0.001)
    if len(received.get(sid, [])) < 2 * clients:
        sys.exit(f"{sid}: only {len(received.get(sid, []))} of {2 * clients} clients had it")

async def main():
    tasks = await open_streams((port_a, port_b), clients, operator, received)
    delays = []
    for n in range(warmup + events):
        sid = "EV%032d" % n
        started = time.monotonic()
        await post_event(port_a if n % 2 == 0 else port_b, sid, token, public)
        await everyone_has(sid, started + 10)
        if n >= warmup:
            delays.append((max(received[sid]) - started) * 1000)
        await asyncio.sleep(0.2)
    print(f"2 replicas on one Redis, {clients} streams on each")
    print(f"one event at a time, posted to A and B in turn, until all {2 * clients} clients had it: "
          f"p50 {percentile(delays, 50):.1f} ms, p99 {percentile(delays, 99):.1f} ms (after {warmup} warm-up events)")
    sids = ["EV%032d" % (100000 + n) for n in range(burst)]
    queue = asyncio.Queue()
    for i, sid in enumerate(sids):
        queue.put_nowait((port_a if i % 2 == 0 else port_b, sid))
    async def poster():
        while not queue.empty():
            port, sid = queue.get_nowait()
            await post_event(port, sid, token, public)
    started = time.monotonic()
    await asyncio.gather(*(poster() for _ in range(16)))
    posted = time.monotonic()
    for sid in sids:
        await everyone_has(sid, posted + 60)
    finished = max(max(received[sid]) for sid in sids)
    print(f"burst of {burst} events: posted at {burst / (posted - started):.0f}/s; every client of both replicas had "
          f"all of them after {finished - started:.2f} s: {burst / (finished - started):.0f} events/s through the shared feed")
    for t in tasks:
        t.cancel()

asyncio.run(main())
PY
