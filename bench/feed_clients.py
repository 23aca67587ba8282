"""What both feed benchmarks do on loopback: read event streams and post signed event callbacks."""
import asyncio
import base64
import hashlib
import hmac
import sys
import time
import urllib.parse


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def read_stream(port, operator, ready, received):
    """Follows /api/events/stream; records each event's arrival under its sid in received."""
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(f"GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {operator}\r\n\r\n".encode())
    await w.drain()
    while True:
        line = await r.readline()
        if not line:
            return
        if b"connected" in line and not ready.done():
            ready.set_result(None)
        elif line.startswith(b"data:"):
            sid = line.split(b'"sid":"')[1].split(b'"')[0].decode()
            received.setdefault(sid, []).append(time.monotonic())


async def open_streams(ports, clients, operator, received):
    """Opens clients streams on each port; returns their tasks once every one is connected, and a second more."""
    readies, tasks = [], []
    for port in ports:
        for _ in range(clients):
            ready = asyncio.get_running_loop().create_future()
            readies.append(ready)
            tasks.append(asyncio.create_task(read_stream(port, operator, ready, received)))
    await asyncio.wait_for(asyncio.gather(*readies), 60)
    await asyncio.sleep(1)
    return tasks


async def post_event(port, sid, token, public):
    """Posts one task.created event callback, signed as Twilio signs it; exits unless it gets 204."""
    params = {"Sid": sid, "EventType": "task.created", "ResourceType": "task", "ResourceSid": "WT" + "0" * 32,
              "TaskSid": "WT" + "0" * 32, "EventDescription": "bench", "Timestamp": "1732492800",
              "AccountSid": "AC" + "0" * 32}
    signed = public + "/events" + "".join(k + params[k] for k in sorted(params))
    signature = base64.b64encode(hmac.new(token.encode(), signed.encode(), hashlib.sha1).digest()).decode()
    body = urllib.parse.urlencode(params).encode()
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write((f"POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
             f"X-Twilio-Signature: {signature}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body)
    await w.drain()
    status = await r.readline()
    w.close()
    if b" 204 " not in status:
        sys.exit(f"the event was refused: {status!r}")
