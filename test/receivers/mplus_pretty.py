#!/usr/bin/env python3
"""An MplusKASSA receiver subscribed to every event, whose replies are JSON as Python writes it: pretty-printed,
keys sorted, ", " and ": " separators, non-ASCII as \\u escapes. Each reply is signed over exactly those bytes.

A small all-rounder: scans are looked up (never found) with a message, startSession reports its version,
completeSession and printBill print a footer, a custom action renames its button, external payments are paid
at once by a house account, polling events finish in one round, every other event is acknowledged empty.

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
WITHOUT_SESSION = {"backgroundPoll", "kitchenStartCourse", "kitchenCompleteCourse", "kitchenServeCourse"}
FOOTER = {"textBefore": "Thank you for your visit\nSee you soon", "textBeforeOptions": {"align": "center", "bold": True},
          "barcode": {"codeType": "code128", "code": "8712345678901"}}


def dumps(obj):
    return json.dumps(obj, indent=2, sort_keys=True).encode("ascii")


def mac(data):
    return base64.b64encode(hmac.new(KEY, data, hashlib.sha256).digest()).decode()


def refuse(code, message):
    return 400, {"error": {"code": code, "message": message}}


def external_payment(event, payment):
    pid = payment["externalPaymentId"]
    if event == "startExternalPayment":
        return {"externalPayment": {"externalPaymentId": pid, "started": True}}
    if event == "pollExternalPayment":
        return {"externalPayment": {"externalPaymentId": pid, "confirmed": True, "externalTransactionReference": "HOUSE-" + pid[:8]}}
    if event == "requestCancelExternalPayment":
        return {"externalPayment": {"externalPaymentId": pid, "cancelled": True}}
    return None  # cancelExternalPayment: a courtesy, nothing to say


def reply_to(event, request):
    if request["event"].get("eventPolling"):
        return {"polling": {"finished": True, "message": "Synchronised \u2713"}}
    if event.endswith("ExternalPayment"):
        return external_payment(event, request["externalPayment"])
    if event == "scanCode":
        return {"scanCode": {"recognized": False}, "message": [{"message": "Code %s is not a voucher" % request["scanCode"]["scannedCode"][:30]}]}
    if event == "startSession":
        return {"version": "pretty-receiver 2.4"}
    if event == "completeSession":
        return {"receiptFooter": FOOTER}
    if event == "printBill":
        return {"billFooter": [FOOTER]}
    if event == "customAction" and not request["customAction"].get("onStartup"):
        action = request["customAction"]
        return {"customActionChange": {"customActionId": action["customActionId"], "buttonCaption": "Pressed \u00e9\u00e9n keer"}}
    return None


def validate(event, request):
    if not isinstance(request.get("event"), dict):
        return refuse("NO_EVENT_DETAILS", "no event object")
    if type(request["event"].get("eventCounter")) is not int or not isinstance(request.get("sender"), dict):
        return refuse("INVALID_DATA", "event.eventCounter or sender is malformed")
    session = request.get("session")
    if event not in WITHOUT_SESSION and (not isinstance(session, dict) or not isinstance(session.get("lines", []), list)):
        return refuse("INVALID_DATA", "session is malformed")
    if event == "scanCode" and not isinstance((request.get("scanCode") or {}).get("scannedCode"), str):
        return refuse("NO_SCANNED_CODE", "no scanned code")
    if event.endswith("ExternalPayment") and not isinstance((request.get("externalPayment") or {}).get("externalPaymentId"), str):
        return refuse("INVALID_DATA", "no externalPaymentId")
    if event == "customAction" and not isinstance((request.get("customAction") or {}).get("customActionId"), str):
        return refuse("INVALID_DATA", "no customActionId")
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = 1 << 16  # the status line, headers and body leave in one write

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, obj = self.answer(self.path.rpartition("/")[2], body)
        data = b"" if obj is None else dumps(obj)
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("X-Mplus-Signature", mac(data))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def answer(self, event, body):
        if not self.path.startswith("/webhooks/"):
            return 404, None
        if self.headers.get("X-Mplus-Subscription-Id") is None:
            return refuse("NO_SUBSCRIPTION_ID", "no subscription id")
        if self.headers["X-Mplus-Subscription-Id"] != SUBSCRIPTION_ID:
            return refuse("INVALID_SUBSCRIPTION_ID", "unknown subscription id")
        if not self.headers.get("X-Mplus-Signature"):
            return refuse("NO_SIGNATURE", "no signature")
        if not hmac.compare_digest(self.headers["X-Mplus-Signature"].encode("latin-1"), mac(body).encode()):
            return refuse("INVALID_SIGNATURE", "the signature does not match")
        content_type = self.headers.get("Content-Type", "")
        if not content_type:
            return refuse("NO_CONTENT_TYPE", "no Content-Type")
        if content_type.split(";")[0].strip().lower() != "application/json":
            return refuse("INVALID_CONTENT_TYPE", "not application/json")
        try:
            request = json.loads(body)
        except ValueError:
            return refuse("INVALID_JSON", "the body is not JSON")
        if not isinstance(request, dict):
            return refuse("INVALID_DATA", "the body is not an object")
        if "error" in request and "original" in request:
            return 200, None
        problem = validate(event, request)
        return problem or (200, reply_to(event, request))

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("http://127.0.0.1:%d/webhooks" % server.server_address[1], flush=True)
    server.serve_forever()
