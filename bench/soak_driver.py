"""The soak bench's two helpers, each a process of its own (bench/soak.sh starts and stops them):

  soak_driver.py taskrouter PORT
      a fake TaskRouter REST API on 127.0.0.1:PORT answering the calls the operator load makes, in the shapes of
      the official OpenAPI file (the Workspace, a Task, its Reservations, accepting one, the Workers);
  soak_driver.py operator SERVICE_PORT TOKEN AUTH_TOKEN PUBLIC_BASE RATE SECONDS REPORT
      RATE rounds a second for SECONDS: each round one operator call (by turns: read the Task, list its
      pending Reservations across Workers, accept one) and one signed event callback with a new Sid; writes the
      count of answers and of unexpected statuses to REPORT as JSON.
"""
import base64
import hashlib
import hmac
import http.client
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORKSPACE = "WS00000000000000000000000000000000"
TASK = "WT00000000000000000000000000000001"
RESERVATION = "WR00000000000000000000000000000001"
ALICE = "WK0000000000000000000000000000a11c"
BASE = f"/v1/Workspaces/{WORKSPACE}"


def task():
    return {"account_sid": "AC00000000000000000000000000000000", "age": 25, "assignment_status": "reserved",
            "attributes": "{\"selected_language\":\"es\"}", "date_created": "2014-05-14T18:50:02Z",
            "date_updated": "2014-05-15T07:26:06Z", "priority": 0, "reason": None, "sid": TASK,
            "task_queue_sid": "WQ00000000000000000000000000000001", "task_queue_friendly_name": "Spanish",
            "task_channel_unique_name": "default", "timeout": 86400,
            "workflow_sid": "WW00000000000000000000000000000000", "workflow_friendly_name": "Customer Care",
            "workspace_sid": WORKSPACE, "url": "https://x", "links": {}}


def reservation(status):
    return {"account_sid": "AC00000000000000000000000000000000", "date_created": "2014-05-14T10:50:02Z",
            "date_updated": "2014-05-15T16:03:42Z", "reservation_status": status, "sid": RESERVATION,
            "task_sid": TASK, "worker_name": "Alice", "worker_sid": ALICE, "workspace_sid": WORKSPACE,
            "url": "https://x", "links": {}}


def page(key, items):
    return {key: items, "meta": {"page": 0, "page_size": 1000, "key": key, "next_page_url": None,
                                 "first_page_url": "https://x", "previous_page_url": None, "url": "https://x"}}


class FakeTaskRouter(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = urllib.parse.urlparse(self.path).path
        if path == f"{BASE}/Tasks/{TASK}":
            self.answer(200, task())
        elif path == f"{BASE}/Workers":
            self.answer(200, page("workers", [{
                "account_sid": "AC00000000000000000000000000000000", "activity_name": "Idle",
                "activity_sid": "WA00000000000000000000000000000002", "attributes": "{}", "available": True,
                "date_created": "2014-05-14T10:50:02Z", "date_status_changed": "2014-05-14T10:50:02Z",
                "date_updated": "2014-05-14T10:50:02Z", "friendly_name": "Alice", "sid": ALICE,
                "workspace_sid": WORKSPACE, "url": "https://x", "links": {}}]))
        elif path == f"{BASE}/Workers/{ALICE}/Reservations":
            self.answer(200, page("reservations", [reservation("pending")]))
        elif path == BASE:
            self.answer(200, {"sid": WORKSPACE, "friendly_name": "Soak", "url": "https://x", "links": {}})
        else:
            self.answer(404, {"code": 20404, "message": "not found", "more_info": "https://x", "status": 404})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        if urllib.parse.urlparse(self.path).path == f"{BASE}/Tasks/{TASK}/Reservations/{RESERVATION}":
            self.answer(200, reservation("accepted"))
        else:
            self.answer(404, {"code": 20404, "message": "not found", "more_info": "https://x", "status": 404})


def signature(auth_token, url, params):
    signed = url + "".join(name + params[name] for name in sorted(params))
    return base64.b64encode(hmac.new(auth_token.encode(), signed.encode(), hashlib.sha1).digest()).decode()


def operator(port, token, auth_token, public, rate, seconds, report):
    counts = {"answers": 0, "unexpected": 0, "statuses": {}}
    calls = [("GET", f"/api/tasks/{TASK}", 200), ("GET", "/api/reservations?status=pending", 200),
             ("POST", f"/api/tasks/{TASK}/reservations/{RESERVATION}/accept", 200)]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    started = time.monotonic()
    n = 0
    while time.monotonic() - started < seconds:
        method, path, expected = calls[n % len(calls)]
        results = []
        connection.request(method, path, headers={"Authorization": f"Bearer {token}"})
        reply = connection.getresponse()
        reply.read()
        results.append((reply.status, expected))
        params = {"Sid": "EV%032x" % n, "EventType": "task.updated", "ResourceType": "task", "ResourceSid": TASK,
                  "TaskSid": TASK, "Timestamp": str(int(time.time())), "AccountSid": "AC" + "0" * 32}
        body = urllib.parse.urlencode(params)
        connection.request("POST", "/events", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature(auth_token, public + "/events", params)})
        reply = connection.getresponse()
        reply.read()
        results.append((reply.status, 204))
        for status, wanted in results:
            counts["answers"] += 1
            counts["statuses"][str(status)] = counts["statuses"].get(str(status), 0) + 1
            if status != wanted:
                counts["unexpected"] += 1
        n += 1
        # the next round at its time, whatever this one took
        pause = started + n / rate - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    with open(report, "w") as out:
        json.dump(counts, out)


if __name__ == "__main__":
    if sys.argv[1] == "taskrouter":
        ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), FakeTaskRouter).serve_forever()
    else:
        operator(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6]), float(sys.argv[7]),
                 sys.argv[8])
