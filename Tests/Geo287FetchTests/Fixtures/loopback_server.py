#!/usr/bin/env python3
"""Loopback HTTP server for Geo287FetchTests (stdlib only).

Serves --root on 127.0.0.1 (a free port, printed on stdout and written to --port-file) and exits
by itself after --deadline seconds. Every request is appended to --log as a JSON line
({"path", "user_agent"}). Fault routes, each followed by a path into --root:

  /fault/404/<path>               404 Not Found
  /fault/flaky/<n>/<key>/<path>   HTTP 500 for the first n requests with this key, then the file
  /fault/busy/<n>/<key>/<path>    HTTP 429 likewise
  /fault/truncate/<path>          Content-Length larger than the body; half the body; close
  /fault/garble/<path>            the file with one byte changed
  /fault/stall/<path>             accepts the request and never answers
  /fault/slow/<path>              the file in 10 pieces, 0.3 s apart (alive, but slower than 1 s)
"""
import argparse
import http.server
import json
import os
import signal
import sys
import threading

lock = threading.Lock()
counts = {}
stop = threading.Event()


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def record(self):
        if ARGS.log:
            with lock, open(ARGS.log, "a") as f:
                f.write(json.dumps({"path": self.path, "user_agent": self.headers.get("User-Agent", "")}) + "\n")

    def file_bytes(self, rest):
        self.path = "/" + rest
        local = self.translate_path(self.path)
        if not os.path.isfile(local):
            return None
        with open(local, "rb") as f:
            return f.read()

    def send_body(self, status, body, length=None, content_type="application/octet-stream"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True

    def do_GET(self):
        self.record()
        parts = self.path.split("/")
        if len(parts) < 3 or parts[1] != "fault":
            self.close_connection = True
            return super().do_GET()
        kind = parts[2]
        if kind == "404":
            return self.send_body(404, b"not here\n", content_type="text/plain")
        if kind == "stall":
            stop.wait(ARGS.deadline)
            return
        if kind in ("flaky", "busy"):
            n, key, rest = int(parts[3]), parts[4], "/".join(parts[5:])
            with lock:
                counts[key] = counts.get(key, 0) + 1
                seen = counts[key]
            if seen <= n:
                return self.send_body(500 if kind == "flaky" else 429, b"try again\n", content_type="text/plain")
            self.close_connection = True
            self.path = "/" + rest
            return super().do_GET()
        body = self.file_bytes("/".join(parts[3:]))
        if body is None:
            return self.send_body(404, b"no fixture\n", content_type="text/plain")
        if kind == "truncate":
            return self.send_body(200, body[: len(body) // 2], length=len(body) + 1000)
        if kind == "slow":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            step = max(1, len(body) // 10 + 1)
            for i in range(0, len(body), step):
                self.wfile.write(body[i:i + step])
                self.wfile.flush()
                stop.wait(0.3)
            self.close_connection = True
            return
        if kind == "garble":
            mid = len(body) // 2
            return self.send_body(200, body[:mid] + bytes([body[mid] ^ 0xFF]) + body[mid + 1:])
        return self.send_body(400, b"unknown fault\n", content_type="text/plain")


def main():
    # A parent's thread may have SIGTERM blocked; make termination work either way.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Handler(*a, directory=ARGS.root))
    server.daemon_threads = True
    port = server.server_address[1]
    print(port, flush=True)
    if ARGS.port_file:
        tmp = ARGS.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(str(port))
        os.replace(tmp, ARGS.port_file)
    threading.Timer(ARGS.deadline, lambda: os._exit(0)).start()
    server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--port-file")
    parser.add_argument("--log")
    parser.add_argument("--deadline", type=float, default=120)
    ARGS = parser.parse_args()
    sys.exit(main())
