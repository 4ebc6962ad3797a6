#!/usr/bin/env python3
"""An MplusKASSA receiver written strictly from the JSON reference (seed 002) and nothing else.

Where the vendor's pages differ from seed 002 it accepts only the seed-002 form and refuses the other with
400 INVALID_DATA: a deselect is {"selectRelation": {"relation": null}} (the vendor's selectRelation page sends
{"selectRelation": null}); scanCode.codeType is "barcode" or "rfid" (the table of 002; seed 000's triggers
also know "qrcode"); session.lines is an array that is always there (002 does not mark it optional).
A relation desk: selecting a relation greets the customer, scans are never recognized.

Environment: RECEIVER_SECRET (base64), RECEIVER_SUBSCRIPTION_ID. Prints its base URL, serves until killed.
"""
import base64
import hashlib
import hmac
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = base64.b64decode(os.environ["RECEIVER_SECRET"])
SUBSCRIPTION_ID = os.environ.get("RECEIVER_SUBSCRIPTION_ID", "")
EVENTS = ("startSession", "scanCode", "addSessionLine", "selectRelation", "completeSession")


def signature(data):
    return base64.b64encode(hmac.new(KEY, data, hashlib.sha256).digest()).decode("ascii")


def invalid(message):
    return 400, {"error": {"code": "INVALID_DATA", "message": message}}


def check_002(event, request):
    """The request as seed 002 describes it; a message for the first thing that differs, else None."""
    if not isinstance(request.get("sender"), dict):
        return "sender must be an object"
    session = request.get("session")
    if not isinstance(session, dict) or not isinstance(session.get("sessionId"), str):
        return "session.sessionId must be a string"
    if not isinstance(session.get("lines"), list):
        return "session.lines must be an array (seed 002)"
    if event == "scanCode":
        scan = request.get("scanCode")
        if not isinstance(scan, dict) or not isinstance(scan.get("scannedCode"), str):
            return "scanCode.scannedCode must be a string"
        if scan.get("codeType") not in ("barcode", "rfid"):
            return "scanCode.codeType must be barcode or rfid (seed 002)"
    if event == "addSessionLine":
        added = request.get("addSessionLine")
        if not isinstance(added, dict) or not isinstance(added.get("line"), dict):
            return "addSessionLine.line must be an object (seed 002)"
    if event == "selectRelation":
        selected = request.get("selectRelation")
        if not isinstance(selected, dict) or "relation" not in selected:
            return "selectRelation must be an object with relation, null on deselect (seed 002)"
    return None


def respond(event, request):
    if "error" in request and "original" in request:
        return 200, None
    if not isinstance(request.get("event"), dict):
        return 400, {"error": {"code": "NO_EVENT_DETAILS", "message": "no event object"}}
    if type(request["event"].get("eventCounter")) is not int:
        return invalid("event.eventCounter must be an int")
    if event == "scanCode" and not isinstance((request.get("scanCode") or {}).get("scannedCode"), str):
        return 400, {"error": {"code": "NO_SCANNED_CODE", "message": "no scanned code"}}
    problem = check_002(event, request)
    if problem:
        return invalid(problem)
    if request["event"].get("eventPolling"):
        return 200, {"polling": {"finished": True}}
    if event == "scanCode":
        return 200, {"scanCode": {"recognized": False}}
    if event == "selectRelation":
        relation = request["selectRelation"]["relation"]
        if isinstance(relation, dict) and relation.get("name"):
            return 200, {"message": [{"customerMessage": "Welcome back, " + str(relation["name"])[:40]}]}
    return 200, None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = 1 << 16  # the status line, headers and body leave in one write

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, obj = self.judge(body)
        data = b"" if obj is None else json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Mplus-Signature", signature(data))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def judge(self, body):
        prefix, _, event = self.path.rpartition("/")
        if prefix != "/webhooks" or event not in EVENTS:
            return 404, None
        subscription = self.headers.get("X-Mplus-Subscription-Id")
        if subscription is None:
            return 400, {"error": {"code": "NO_SUBSCRIPTION_ID", "message": "no subscription id"}}
        if subscription != SUBSCRIPTION_ID:
            return 400, {"error": {"code": "INVALID_SUBSCRIPTION_ID", "message": "unknown subscription id"}}
        given = self.headers.get("X-Mplus-Signature")
        if not given:
            return 400, {"error": {"code": "NO_SIGNATURE", "message": "no signature"}}
        if not hmac.compare_digest(given.encode("ascii", "replace"), signature(body).encode("ascii")):
            return 400, {"error": {"code": "INVALID_SIGNATURE", "message": "the signature does not match"}}
        content_type = self.headers.get("Content-Type")
        if content_type is None:
            return 400, {"error": {"code": "NO_CONTENT_TYPE", "message": "no Content-Type"}}
        if content_type.partition(";")[0].strip().lower() != "application/json":
            return 400, {"error": {"code": "INVALID_CONTENT_TYPE", "message": "Content-Type must be application/json"}}
        try:
            request = json.loads(body.decode("utf-8"))
        except ValueError:
            return 400, {"error": {"code": "INVALID_JSON", "message": "the body is not JSON"}}
        if not isinstance(request, dict):
            return invalid("the body must be a JSON object")
        return respond(event, request)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("http://127.0.0.1:%d/webhooks" % server.server_address[1], flush=True)
    server.serve_forever()
