#!/usr/bin/env python3
"""An MplusKASSA receiver that verifies X-Mplus-Signature the careful way: it decodes the header from base64
and compares the MAC *bytes* with hmac.compare_digest. The '=' padding is optional in the header (as with the
RFC 4648 "no padding" encoders many platforms use): it is the MAC that must match, not its spelling.

A loyalty desk (seed 001, "Loyalty Vouchers") subscribed to the session events of seed 000: it knows no code
yet, so a scan is answered "not recognized"; every other event is acknowledged with an empty 200.

Environment: RECEIVER_SECRET (the Secret Key, base64), RECEIVER_SUBSCRIPTION_ID (optional).
Prints its base URL (http://127.0.0.1:PORT/webhooks) on stdout, then serves until killed.
"""
import base64
import binascii
import hashlib
import hmac
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = base64.b64decode(os.environ["RECEIVER_SECRET"])
SUBSCRIPTION_ID = os.environ.get("RECEIVER_SUBSCRIPTION_ID", "")
EVENTS = {"startSession", "scanCode", "addSessionLine", "removeSessionLine", "pauseSession", "resumeSession",
          "startPayment", "cancelPayment", "mergeSession", "cancelSession", "completeSession"}


class Refused(Exception):
    """A request answered 400 with one of the vendor's error codes."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def mac_in(header):
    """The MAC bytes the header carries, or None when it is not base64 at all."""
    try:
        return base64.b64decode(header + "=" * (-len(header) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def verify(headers, body):
    subscription = headers.get("X-Mplus-Subscription-Id")
    if subscription is None:
        raise Refused("NO_SUBSCRIPTION_ID", "X-Mplus-Subscription-Id is missing")
    if SUBSCRIPTION_ID and subscription != SUBSCRIPTION_ID:
        raise Refused("INVALID_SUBSCRIPTION_ID", "unknown subscription")
    signature = headers.get("X-Mplus-Signature")
    if not signature:
        raise Refused("NO_SIGNATURE", "X-Mplus-Signature is missing")
    given = mac_in(signature)
    expected = hmac.new(KEY, body, hashlib.sha256).digest()
    if given is None or not hmac.compare_digest(given, expected):
        raise Refused("INVALID_SIGNATURE", "X-Mplus-Signature does not match the body")
    content_type = headers.get("Content-Type")
    if not content_type:
        raise Refused("NO_CONTENT_TYPE", "Content-Type is missing")
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise Refused("INVALID_CONTENT_TYPE", "send application/json")


def parse(body):
    try:
        request = json.loads(body)
    except ValueError:
        raise Refused("INVALID_JSON", "the body is not JSON")
    if not isinstance(request, dict):
        raise Refused("INVALID_DATA", "the body is not a JSON object")
    return request


def validate(event, request):
    details = request.get("event")
    if not isinstance(details, dict):
        raise Refused("NO_EVENT_DETAILS", "the event object is missing")
    if type(details.get("eventCounter")) is not int:
        raise Refused("INVALID_DATA", "event.eventCounter is not an integer")
    if not isinstance(request.get("sender"), dict):
        raise Refused("INVALID_DATA", "sender is not an object")
    session = request.get("session")
    if not isinstance(session, dict) or not isinstance(session.get("lines", []), list):
        raise Refused("INVALID_DATA", "session is not a session object")
    if event == "scanCode":
        scan = request.get("scanCode")
        if not isinstance(scan, dict) or not isinstance(scan.get("scannedCode"), str):
            raise Refused("NO_SCANNED_CODE", "scanCode.scannedCode is missing")


def answer(event, request):
    """The reply object for a valid request (None: an empty body)."""
    if request["event"].get("eventPolling"):
        return {"polling": {"finished": True}}
    if event == "scanCode":
        return {"scanCode": {"recognized": False}}
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = 1 << 16  # the status line, headers and body leave in one write

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        event = self.path.rsplit("/", 1)[-1]
        if not self.path.startswith("/webhooks/") or event not in EVENTS:
            return self.reply(404, None)
        try:
            verify(self.headers, body)
            request = parse(body)
            if "error" in request and "original" in request:
                return self.reply(200, None)  # the POS could not apply an earlier reply; nothing to undo here
            validate(event, request)
            self.reply(200, answer(event, request))
        except Refused as refused:
            self.reply(400, {"error": {"code": refused.code, "message": str(refused)}})

    def reply(self, status, obj):
        data = b"" if obj is None else json.dumps(obj).encode()
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Mplus-Signature", base64.b64encode(hmac.new(KEY, data, hashlib.sha256).digest()).decode())
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"http://127.0.0.1:{server.server_address[1]}/webhooks", flush=True)
    server.serve_forever()
