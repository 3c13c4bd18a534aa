#!/usr/bin/env python3
"""Parses messages with Python's email package (policy.default), independently of Gazette,
and prints one JSON object per file (a JSON list): decoded headers, MIME structure, decoded
bodies, and wire facts (CRLF only, longest line).

Usage: inspect_mail.py FILE.eml...
"""
import email
import json
import sys
from email import policy


def inspect(path):
    raw = open(path, "rb").read()
    lines = raw.split(b"\r\n")
    message = email.message_from_bytes(raw, policy=policy.default)
    parts = []
    for part in message.walk():
        if part.is_multipart():
            parts.append({"type": part.get_content_type(), "multipart": True})
            continue
        parts.append({
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": part.get("Content-Transfer-Encoding"),
            "body": part.get_content(),
        })
    headers = {}
    for name, value in message.items():
        headers.setdefault(name.lower(), []).append(str(value))
    return {
        "file": path,
        "defects": [str(d) for d in message.defects] + [str(d) for p in message.walk() for d in p.defects],
        "headers": headers,
        "type": message.get_content_type(),
        "boundary": message.get_boundary(),
        "parts": parts,
        "crlf_only": b"\n" not in raw.replace(b"\r\n", b""),
        "longest_line": max(len(l) for l in lines),
        "to_addresses": [a.addr_spec for a in message["to"].addresses] if message["to"] else [],
        "to_names": [a.display_name for a in message["to"].addresses] if message["to"] else [],
        "from_names": [a.display_name for a in message["from"].addresses] if message["from"] else [],
    }


print(json.dumps([inspect(p) for p in sys.argv[1:]], ensure_ascii=False))
