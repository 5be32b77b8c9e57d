#!/usr/bin/env python3
"""A local HTTP server for the `clinicsite check --external` tests. Loopback only.

Prints its port on the first line of standard output, then answers:
  /ok            200
  /missing       404
  /slow          200 after SLOW seconds (default 5): longer than the test's timeout
  /head-refused  405 to HEAD, 200 to GET
  /flaky         503 to the first two requests, 200 afterwards
  /delay/<n>     200 after 0.3 seconds (several of them show how many run at once)
  /_stats        JSON: requests per path, user agents seen, most requests in flight at once

It stops on SIGTERM, and by itself after LIFETIME seconds (default 120) so that a test that
dies cannot leave it running.
"""
import json
import os
import select
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
LIFETIME = float(sys.argv[2]) if len(sys.argv) > 2 else 120.0

# The test process may start us with signals blocked: take SIGTERM back.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
threading.Timer(LIFETIME, lambda: os._exit(0)).start()
lock = threading.Lock()
requests = {}
agents = set()
in_flight = 0
most_in_flight = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answered(self):
        """The request is no longer in flight: called before the first byte of the answer
        goes out (a client may send its next request as soon as it has read the answer, before
        this thread would get to its `finally`)."""
        global in_flight
        if getattr(self, "counted", False):
            with lock:
                in_flight -= 1
            self.counted = False

    def answer(self, status, body=b"ok\n", send_body=True):
        self.answered()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def handle_request(self, send_body):
        global in_flight, most_in_flight
        path = self.path
        if path == "/_stats":
            with lock:
                body = json.dumps({"requests": requests, "agents": sorted(agents),
                                   "most_in_flight": most_in_flight}).encode()
            self.answer(200, body, send_body)
            return
        with lock:
            key = self.command + " " + path
            requests[key] = requests.get(key, 0) + 1
            agents.add(self.headers.get("User-Agent", ""))
            count = sum(n for k, n in requests.items() if k.endswith(" " + path))
            in_flight += 1
            most_in_flight = max(most_in_flight, in_flight)
        self.counted = True
        try:
            if path == "/ok":
                self.answer(200, send_body=send_body)
            elif path == "/missing":
                self.answer(404, b"not here\n", send_body)
            elif path == "/slow":
                # In flight while the client waits: a client that gave up (closed the
                # connection) no longer counts, so most_in_flight is what clients have open.
                deadline = time.monotonic() + SLOW
                while time.monotonic() < deadline:
                    readable, _, _ = select.select([self.connection], [], [], 0.05)
                    if readable and self.connection.recv(1, socket.MSG_PEEK) == b"":
                        return
                self.answer(200, send_body=send_body)
            elif path == "/head-refused":
                self.answer(405 if self.command == "HEAD" else 200, send_body=send_body)
            elif path == "/flaky":
                self.answer(503 if count <= 2 else 200, send_body=send_body)
            elif path.startswith("/delay/"):
                time.sleep(0.3)
                self.answer(200, send_body=send_body)
            else:
                self.answer(404, b"unknown\n", send_body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self.answered()

    def do_HEAD(self):
        self.handle_request(send_body=False)

    def do_GET(self):
        self.handle_request(send_body=True)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
