#!/usr/bin/env python3
"""A Kopo Kopo webhook and callback receiver the way the official Python SDK (k2-connect-python) verifies:
the lowercase hex HMAC-SHA256 of the *raw* body bytes, keyed with the API key as text, compared with
hmac.compare_digest; 401 when it does not match. It reads the raw body whatever the Content-Type says (as the
SDKs do), books what it understands, acknowledges every signed JSON object with 200 (an unknown topic too:
Kopo Kopo adds topics) and refuses a body that is not a JSON object with 400. A re-delivered event id gets
the same 200 and is booked once.

Environment: RECEIVER_SECRET (the API key). Prints its URL (http://127.0.0.1:PORT/k2), serves until killed.
"""
import hashlib
import hmac
import json
import os
import threading
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

API_KEY = os.environ["RECEIVER_SECRET"].encode("utf-8")
booked = {}  # event id -> amount in cents
lock = threading.Lock()


def cents(amount):
    try:
        return int(Decimal(str(amount)) * 100)
    except (InvalidOperation, ValueError, TypeError):
        return None


def book(payload):
    """The id and amount of what was paid, from a webhook, a Daraja payload or a result callback."""
    if "data" in payload and isinstance(payload["data"], dict):
        attributes = payload["data"].get("attributes") or {}
        resource = (attributes.get("event") or {}).get("resource") or {}
        return payload["data"].get("id"), cents(resource.get("amount")) if isinstance(resource, dict) else None
    if "TransID" in payload:
        return payload.get("TransID"), cents(payload.get("TransAmount"))
    resource = (payload.get("event") or {}).get("resource") or {}
    return payload.get("id"), cents(resource.get("amount")) if isinstance(resource, dict) else None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = 1 << 16  # the status line, headers and body leave in one write

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        given = self.headers.get("X-KopoKopo-Signature", "")
        expected = hmac.new(API_KEY, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(given.encode("latin-1"), expected.encode("ascii")):
            return self.answer(401, {"error": "invalid signature"})
        try:
            payload = json.loads(body)
        except ValueError:
            return self.answer(400, {"error": "the body is not JSON"})
        if not isinstance(payload, dict):
            return self.answer(400, {"error": "the body is not a JSON object"})
        event_id, amount = book(payload)
        with lock:
            if event_id is not None:
                booked.setdefault(str(event_id), amount)
        self.answer(200, {"status": "received"})

    def answer(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"http://127.0.0.1:{server.server_address[1]}/k2", flush=True)
    server.serve_forever()
