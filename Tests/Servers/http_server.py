#!/usr/bin/env python3
"""Loopback HTTP server for Gazette's tests and benchmarks.

Binds 127.0.0.1 on a free port and prints "PORT <n>" as its first line (--http10: answers as an
HTTP/1.0 server that closes each connection). Serves fixtures and
misbehaviours on demand, and reports what it saw at /stats (peak requests in flight, overall and
per Host header; request headers by path; bytes sent by streaming endpoints).

  /file/NAME[?ms=N]           a file under --root (Content-Type from its extension, charset=utf-8),
                              after N ms when asked
  /slow?ms=N                  answers after N ms
  /status/CODE                answers with that status
  /redirect/N                 302 chain of N hops ending at /redirect/0
  /loop                       302 to itself
  /redirect-to-file           302 to file:///etc/hostname
  /gzip                       a text body, gzip-encoded when the client accepts it
  /etag                       ETag + Last-Modified; 304 when the request carries a matching validator
  /flaky/KEY?fail=N&code=C&retry_after=S   C (with Retry-After S) the first N times for KEY, then 200
  /drop/KEY?fail=N            closes the connection without answering the first N times, then 200
  /drip?interval=S&bytes=N    one byte every S seconds
  /endless                    an endless body (stops by itself after 256 MiB or 60 s)
  /big?bytes=N                N bytes with a Content-Length
  /headers                    the request headers as JSON
  /stats, /reset              counters
"""
import argparse
import gzip
import json
import mimetypes
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

LOCK = threading.Lock()
STATE = {}


def reset():
    with LOCK:
        STATE.clear()
        STATE.update(in_flight=0, max_in_flight=0, host_in_flight={}, max_in_flight_by_host={},
                     requests=0, by_path={}, headers={}, keys={}, streamed={})


reset()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without TCP_NODELAY, Nagle's algorithm and the
    # client's delayed ACK add ~40 ms to every response on a kept-alive connection.
    disable_nagle_algorithm = True
    root = "."

    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        path, query = url.path, {k: v[-1] for k, v in parse_qs(url.query).items()}
        if path == "/stats":
            with LOCK:
                return self.send_body(200, json.dumps(STATE).encode(), "application/json")
        if path == "/reset":
            reset()
            return self.send_body(200, b"reset\n")
        host = self.headers.get("Host", "")
        with LOCK:
            STATE["requests"] += 1
            STATE["by_path"][path] = STATE["by_path"].get(path, 0) + 1
            STATE["headers"][path] = dict(self.headers.items())
            STATE["in_flight"] += 1
            STATE["max_in_flight"] = max(STATE["max_in_flight"], STATE["in_flight"])
            per_host = STATE["host_in_flight"]
            per_host[host] = per_host.get(host, 0) + 1
            STATE["max_in_flight_by_host"][host] = max(STATE["max_in_flight_by_host"].get(host, 0), per_host[host])
        try:
            self.route(path, query)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with LOCK:
                STATE["in_flight"] -= 1
                STATE["host_in_flight"][host] -= 1

    def route(self, path, q):
        if path.startswith("/file/"):
            name = os.path.normpath(path[len("/file/"):])
            full = os.path.join(self.root, name)
            if name.startswith("..") or not os.path.isfile(full):
                return self.send_body(404, b"no such fixture\n")
            kind = mimetypes.guess_type(full)[0] or "application/octet-stream"
            if "ms" in q:
                time.sleep(int(q["ms"]) / 1000)
            with open(full, "rb") as f:
                return self.send_body(200, f.read(), kind + "; charset=utf-8")
        if path == "/slow":
            time.sleep(int(q.get("ms", "100")) / 1000)
            return self.send_body(200, b"slow response\n")
        if path.startswith("/status/"):
            return self.send_body(int(path.rsplit("/", 1)[1]), b"status page\n")
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            if n == 0:
                return self.send_body(200, b"arrived\n")
            return self.redirect(f"/redirect/{n - 1}")
        if path == "/loop":
            return self.redirect("/loop")
        if path == "/redirect-to-file":
            return self.redirect("file:///etc/hostname")
        if path == "/gzip":
            text = ("Gazette compressed body. " * 200).encode()
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                return self.send_body(200, gzip.compress(text), "text/plain; charset=utf-8", {"Content-Encoding": "gzip"})
            return self.send_body(200, text, "text/plain; charset=utf-8")
        if path == "/etag":
            validators = {"ETag": '"v1"', "Last-Modified": "Sat, 28 Nov 2026 06:00:00 GMT"}
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send_body(304, b"", None, validators)
            return self.send_body(200, b"<rss>cached body</rss>\n", "application/rss+xml; charset=utf-8", validators)
        if path.startswith("/flaky/") or path.startswith("/drop/"):
            key = path
            with LOCK:
                seen = STATE["keys"].get(key, 0) + 1
                STATE["keys"][key] = seen
            if seen <= int(q.get("fail", "1")):
                if path.startswith("/drop/"):
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                extra = {"Retry-After": q["retry_after"]} if "retry_after" in q else {}
                return self.send_body(int(q.get("code", "503")), b"try later\n", "text/plain", extra)
            return self.send_body(200, f"recovered after {seen - 1} failures\n".encode())
        if path == "/drip":
            interval, count = float(q.get("interval", "0.2")), int(q.get("bytes", "100"))
            self.start_stream(count)
            for _ in range(count):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(interval)
            return
        if path == "/endless":
            self.start_stream(None)
            chunk, sent, start = b"e" * 65536, 0, time.time()
            try:
                while sent < 256 * 1024 * 1024 and time.time() - start < 60:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            finally:
                with LOCK:
                    STATE["streamed"][path] = sent
            return
        if path == "/big":
            return self.send_body(200, b"b" * int(q.get("bytes", "1000")))
        if path == "/headers":
            return self.send_body(200, json.dumps(dict(self.headers.items())).encode(), "application/json")
        return self.send_body(404, b"not found\n")

    def redirect(self, location):
        self.send_body(302, b"", None, {"Location": location})

    def start_stream(self, length):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()

    def send_body(self, status, body, content_type="text/plain; charset=utf-8", extra=None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=".")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--http10", action="store_true",
                        help="answer as HTTP/1.0 (BaseHTTPRequestHandler's default): one request per connection")
    args = parser.parse_args()
    Handler.root = os.path.abspath(args.root)
    if args.http10:
        Handler.protocol_version = "HTTP/1.0"
    class Server(ThreadingHTTPServer):
        # listen() runs in the constructor: the backlog must be a class attribute (the default, 5,
        # drops SYNs under 16+ parallel connects and adds 1 s retransmits to the measurements).
        request_queue_size = 128
        daemon_threads = True

    server = Server(("127.0.0.1", args.port), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    # Stop when the parent closes our stdin, so a crashed test run leaves no server behind.
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
