#!/usr/bin/env python3
"""Debian's Dovecot as a throwaway IMAP server on 127.0.0.1 for tests.

  imap_server.py --root DIR [--user NAME:PASSWORD]

Writes a private config under DIR (mail in DIR/mail/<user>/ as a Maildir, plaintext login
allowed, no TLS), starts `dovecot -F` on a free loopback port, prints "PORT <n>" once it
accepts connections, and stops Dovecot when its standard input closes (the test harness holds
it open). Messages are put in the mailbox by writing files into DIR/mail/<user>/new/.
"""
import argparse
import os
import signal
import pwd
import grp
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--user", default="bounces:secret")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    user, password = args.user.split(":", 1)
    for sub in ("run", "state", "mail/%s/new" % user, "mail/%s/cur" % user, "mail/%s/tmp" % user, "home/%s" % user):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
    uid, gid = os.getuid(), os.getgid()
    if uid == 0:
        # Dovecot never reads mail as root: the mail belongs to an unprivileged account.
        account = pwd.getpwnam("nobody")
        uid, gid = account.pw_uid, grp.getgrnam("nogroup").gr_gid
        for folder, _, files in os.walk(os.path.join(root, "mail")):
            os.chown(folder, uid, gid)
        os.chown(os.path.join(root, "home", user), uid, gid)
        login_user = "dovenull"
        internal = "dovecot"
    else:
        login_user = internal = pwd.getpwuid(uid).pw_name
    with open(os.path.join(root, "users"), "w") as f:
        f.write("%s:{PLAIN}%s\n" % (user, password))
    port = free_port()
    conf = os.path.join(root, "dovecot.conf")
    with open(conf, "w") as f:
        f.write("""base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = {uid}
mail_location = maildir:{root}/mail/%u
default_login_user = {login}
default_internal_user = {internal}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
""".format(root=root, uid=uid, gid=gid, port=port, login=login_user, internal=internal))
    server = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                              start_new_session=True)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as s:
                if s.recv(100).startswith(b"* OK"):
                    break
        except OSError:
            time.sleep(0.05)
    else:
        stop(server)
        sys.stderr.write(open(os.path.join(root, "dovecot.log")).read() if os.path.exists(os.path.join(root, "dovecot.log")) else "dovecot did not start\n")
        sys.exit(1)
    print("PORT %d" % port, flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # a SIGTERM still stops Dovecot below
    try:
        sys.stdin.read()
    finally:
        stop(server)


def stop(server):
    """Stops Dovecot and every process of its session (a client still connected keeps the master
    waiting; its children would outlive it)."""
    server.terminate()
    try:
        server.wait(3)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait()


if __name__ == "__main__":
    main()
