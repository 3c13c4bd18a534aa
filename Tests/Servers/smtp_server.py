#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) on 127.0.0.1 for Gazette's tests and benchmarks.

Prints "PORT <n>" once listening on a free port; exits when its standard input closes.
Every accepted message is written to --maildir as <n>.eml (the bytes received) plus
<n>.json ({"mail_from", "rcpt_tos", "auth", "tls"}); --maildir/connections holds the number of
connections accepted so far.

Behaviours (all optional):
  --auth USER:PASS       require AUTH PLAIN/LOGIN with these credentials
  --auth-reply REPLY     with --auth: answer every AUTH with REPLY (e.g. "454 4.7.0 Temporary
                         authentication failure" or "535 5.7.8 Authentication credentials invalid")
  --silent               accept connections and never send a greeting (a stuck relay)
  --tempfail N           answer "451 4.3.0 try again" to the first N DATA commands
  --reject ADDRESS       answer "550 5.1.1 no such user" to RCPT TO for ADDRESS (repeatable)
  --drop N               close the connection after the data of the first N messages, before replying
  --tls DIR              offer STARTTLS with a self-signed certificate created in DIR (cert.pem)
  --implicit-tls         with --tls: TLS from the first byte (smtps://) instead of STARTTLS
  --require-tls          refuse MAIL before STARTTLS
  --stall-after K --stall-file PATH
                         after K accepted messages, hold each further DATA while PATH exists;
                         a message whose client has gone meanwhile is not accepted
  --no-save              count messages but do not write them (benchmarks)
"""
import argparse
import asyncio
import json
import os
import ssl
import subprocess
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult


class Handler:
    def __init__(self, args):
        self.args = args
        self.count = 0
        self.tempfails = 0
        self.drops = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.args.reject:
            return "550 5.1.1 <%s>: no such user" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.args.stall_file and self.count >= self.args.stall_after:
            while os.path.exists(self.args.stall_file):
                await asyncio.sleep(0.05)
            if server.transport is None or server.transport.is_closing():
                return "421 4.4.2 client went away"
        if self.tempfails < self.args.tempfail:
            self.tempfails += 1
            return "451 4.3.0 try again later"
        if self.drops < self.args.drop:
            self.drops += 1
            server.transport.close()
            return "421 closing"
        self.count += 1
        if not self.args.no_save:
            base = os.path.join(self.args.maildir, "%06d" % self.count)
            with open(base + ".tmp", "wb") as f:
                f.write(envelope.original_content)
            meta = {
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "auth": session.authenticated,
                "tls": session.ssl is not None or server.transport.get_extra_info("sslcontext") is not None,
            }
            with open(base + ".json", "w") as f:
                json.dump(meta, f)
            os.rename(base + ".tmp", base + ".eml")
        return "250 2.0.0 queued as %d" % self.count


def make_tls(directory):
    os.makedirs(directory, exist_ok=True)
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    if not os.path.exists(cert):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
             "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maildir", default=None)
    parser.add_argument("--auth", default=None)
    parser.add_argument("--auth-reply", default=None)
    parser.add_argument("--silent", action="store_true")
    parser.add_argument("--tempfail", type=int, default=0)
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--drop", type=int, default=0)
    parser.add_argument("--tls", default=None)
    parser.add_argument("--require-tls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--stall-after", type=int, default=0)
    parser.add_argument("--stall-file", default=None)
    args = parser.parse_args()
    args.reject = [r.lower() for r in args.reject]
    if args.maildir:
        os.makedirs(args.maildir, exist_ok=True)
    elif not args.no_save:
        parser.error("--maildir or --no-save is required")

    handler = Handler(args)
    tls = make_tls(args.tls) if args.tls else None
    kwargs = {"hostname": "gazette-test", "data_size_limit": 50 * 1024 * 1024}
    if tls is not None and not args.implicit_tls:
        kwargs.update(tls_context=tls, require_starttls=args.require_tls)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            if args.auth_reply:
                return AuthResult(success=False, handled=False, message=args.auth_reply)
            ok = auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    connections = [0]

    class Silent(asyncio.Protocol):
        """Holds the connection open and says nothing."""

        def connection_made(self, transport):
            self.transport = transport

    def protocol():
        connections[0] += 1
        if args.maildir:
            with open(os.path.join(args.maildir, "connections"), "w") as f:
                f.write(str(connections[0]))
        return Silent() if args.silent else SMTP(handler, loop=loop, **kwargs)

    server = loop.run_until_complete(
        loop.create_server(protocol, host="127.0.0.1", port=0, ssl=tls if args.implicit_tls else None))
    port = server.sockets[0].getsockname()[1]
    print("PORT %d" % port, flush=True)

    def wait_for_stdin():
        sys.stdin.read()
        loop.call_soon_threadsafe(loop.stop)

    threading.Thread(target=wait_for_stdin, daemon=True).start()
    loop.run_forever()


if __name__ == "__main__":
    main()
