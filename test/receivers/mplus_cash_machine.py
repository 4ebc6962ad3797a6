#!/usr/bin/env python3
"""A slow cash machine (seed 001, "Cash Machine Payment"): the MplusKASSA external payment flow.

startExternalPayment starts a payment and answers started: true; each pollExternalPayment is a long-poll the
machine holds for 700 ms while the customer inserts cash, answering with a status message, and the 4th poll
confirms the payment; requestCancelExternalPayment cancels a running payment (or says it is too late); the
courtesy cancelExternalPayment is acknowledged. Once the final status is known the callbackUrl, when given, is
called. A re-delivered event (same instanceId and eventCounter) gets its first reply again, and moves nothing.

The signature is checked as text: the expected base64 string against the header, with hmac.compare_digest.
Environment: RECEIVER_SECRET (base64), RECEIVER_SUBSCRIPTION_ID. Prints its base URL, serves until killed.
"""
import base64
import hashlib
import hmac
import json
import os
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = base64.b64decode(os.environ["RECEIVER_SECRET"])
SUBSCRIPTION_ID = os.environ.get("RECEIVER_SUBSCRIPTION_ID", "")
POLLS_TO_PAY = 4
HOLD_SECONDS = 0.7

lock = threading.Lock()
payments = {}  # externalPaymentId -> {"polls": int, "status": "running" | "confirmed" | "cancelled", "amount": float}
answered = {}  # (instanceId, branch, workplace, eventCounter) -> (status, bytes): what each event was answered


def sign(data):
    return base64.b64encode(hmac.new(KEY, data, hashlib.sha256).digest()).decode()


def error(code, message):
    return 400, {"error": {"code": code, "message": message}}


def payment_reply(payment_id, **fields):
    return 200, {"externalPayment": {"externalPaymentId": payment_id, **fields}}


def call_back(url):
    """'Please call it when you have the final status': best effort, off the request's thread."""
    def call():
        try:
            urllib.request.urlopen(urllib.request.Request(url, method="POST", data=b""), timeout=3).close()
        except Exception:
            pass
    threading.Thread(target=call, daemon=True).start()


def start(p):
    with lock:
        payments[p["externalPaymentId"]] = {"polls": 0, "status": "running", "amount": p["amount"], "callback": p.get("callbackUrl")}
    return payment_reply(p["externalPaymentId"], started=True,
                         messages=[{"message": "Cash machine ready", "customerMessage": f"Please insert EUR {p['amount']:.2f}"}])


def poll(p):
    pid = p["externalPaymentId"]
    with lock:
        payment = payments.get(pid)
    if payment is None:
        return payment_reply(pid, cancelled=True, messages=[{"message": "This cash machine has no such payment"}])
    if payment["status"] == "running":
        time.sleep(HOLD_SECONDS)  # the long-poll: wait for the customer to insert cash
    with lock:
        if payment["status"] == "running":
            payment["polls"] += 1
            if payment["polls"] >= POLLS_TO_PAY:
                payment["status"] = "confirmed"
                if payment["callback"]:
                    call_back(payment["callback"])
        status, polls = payment["status"], payment["polls"]
    if status == "confirmed":
        return payment_reply(pid, confirmed=True, messages=[{"message": "Paid in cash", "customerMessage": "Thank you!"}])
    if status == "cancelled":
        return payment_reply(pid, cancelled=True)
    return payment_reply(pid, messages=[{"customerMessage": f"Inserted {polls} of {POLLS_TO_PAY} notes"}])


def request_cancel(p):
    pid = p["externalPaymentId"]
    with lock:
        payment = payments.get(pid)
        if payment and payment["status"] == "confirmed":
            return payment_reply(pid, messages=[{"message": "The customer has already paid: the payment cannot be cancelled"}])
        if payment:
            payment["status"] = "cancelled"
    return payment_reply(pid, cancelled=True, messages=[{"message": "Payment cancelled, cash returned"}])


def courtesy_cancel(p):
    with lock:
        payment = payments.get(p["externalPaymentId"])
        if payment and payment["status"] == "running":
            payment["status"] = "cancelled"
    return 200, None


HANDLERS = {"startExternalPayment": start, "pollExternalPayment": poll,
            "requestCancelExternalPayment": request_cancel, "cancelExternalPayment": courtesy_cancel}


def handle(event, headers, body):
    subscription = headers.get("X-Mplus-Subscription-Id")
    if not subscription:
        return error("NO_SUBSCRIPTION_ID", "X-Mplus-Subscription-Id is missing")
    if subscription != SUBSCRIPTION_ID:
        return error("INVALID_SUBSCRIPTION_ID", "unknown subscription")
    signature = headers.get("X-Mplus-Signature")
    if not signature:
        return error("NO_SIGNATURE", "X-Mplus-Signature is missing")
    if not hmac.compare_digest(signature.encode(), sign(body).encode()):
        return error("INVALID_SIGNATURE", "X-Mplus-Signature does not match")
    content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        return error("INVALID_CONTENT_TYPE" if content_type else "NO_CONTENT_TYPE", "send application/json")
    try:
        request = json.loads(body)
    except ValueError:
        return error("INVALID_JSON", "the body is not JSON")
    if not isinstance(request, dict):
        return error("INVALID_DATA", "the body is not a JSON object")
    if "error" in request and "original" in request:
        return 200, None
    details, sender = request.get("event"), request.get("sender")
    if not isinstance(details, dict):
        return error("NO_EVENT_DETAILS", "no event object")
    if not isinstance(sender, dict) or type(details.get("eventCounter")) is not int:
        return error("INVALID_DATA", "sender or event.eventCounter is missing")
    p = request.get("externalPayment")
    if not isinstance(p, dict) or not isinstance(p.get("externalPaymentId"), str) or not isinstance(p.get("amount"), (int, float)):
        return error("INVALID_DATA", "externalPayment is missing or incomplete")
    session = request.get("session")
    if not isinstance(session, dict) or not isinstance(session.get("lines", []), list):
        return error("INVALID_DATA", "session is not a session object")
    return HANDLERS[event](p)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = 1 << 16  # the status line, headers and body leave in one write

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        event = self.path.rsplit("/", 1)[-1]
        if event not in HANDLERS:
            return self.send(404, b"")
        key = self.event_key(body)
        with lock:
            seen = answered.get(key) if key else None
        if seen:
            return self.send(*seen)
        status, obj = handle(event, self.headers, body)
        data = b"" if obj is None else json.dumps(obj, separators=(",", ":")).encode()
        if key and status == 200:
            with lock:
                answered[key] = (status, data)
        self.send(status, data)

    def event_key(self, body):
        """The identity of a correctly signed event, to know a re-delivery (None for anything else)."""
        if not hmac.compare_digest((self.headers.get("X-Mplus-Signature") or "").encode(), sign(body).encode()):
            return None
        try:
            request = json.loads(body)
            return (request["sender"]["instanceId"], request["sender"]["branchNumber"], request["sender"]["workplaceNumber"], request["event"]["eventCounter"])
        except Exception:
            return None

    def send(self, status, data):
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("X-Mplus-Signature", sign(data))
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
