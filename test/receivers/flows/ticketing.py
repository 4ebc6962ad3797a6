"""A ticketing integrator's MplusKASSA webhook receiver, in Python's standard library only (no framework).

Written for hookcert's tests of issue 12, in a style unlike the reference receiver: one function per event,
module-level state, JSON by hand. Like a real integrator it opens its flows only for its own data:

  --ticket-text TEXT     the time-slot dialog opens only for lines with this text (seed 001: "Tour Ticket (Adult)")
  --ticket-article N     ... or only for this article number (one only the integrator's catalogue knows)
  --polls                answers a polling event (event.eventPolling) with one unfinished round, then finished
                         (seed 003); without it, polling events get a plain reply (it does not poll)

It verifies X-Mplus-Signature (HMAC-SHA256 keyed with the base64-decoded secret) over the raw body, refuses
what it cannot read with 400 and a vendor error code, and signs every non-empty reply. Prints its port, then
serves until killed.
"""
import argparse
import base64
import hashlib
import hmac
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOTS = {1: "10:00-11:00 (12 seats left)", 2: "11:00-12:00 (3 seats left)", 3: "12:00-13:00 (1 seat left)"}
ROUNDS = {}  # (instanceId, workplaceNumber, event, sessionId) -> polling rounds answered


def options():
    p = argparse.ArgumentParser()
    p.add_argument("--secret", required=True)
    p.add_argument("--ticket-text")
    p.add_argument("--ticket-article", type=int)
    p.add_argument("--polls", action="store_true")
    return p.parse_args()


OPTS = options()
KEY = base64.b64decode(OPTS.secret)


def is_ticket(line):
    if not isinstance(line, dict):
        return False
    if OPTS.ticket_text is not None and line.get("text") == OPTS.ticket_text:
        return True
    return OPTS.ticket_article is not None and line.get("articleNumber") == OPTS.ticket_article


def slot_dialog(again=False):
    dialog = {
        "required": True,
        "allowMultipleOptions": False,
        "dialogTitle": "Choose a time slot",
        "dialogOptions": [{"optionId": k, "optionName": v} for k, v in SLOTS.items()],
    }
    reply = {"dialog": dialog}
    if again:
        reply["message"] = [{"message": "That time slot does not exist, choose again"}]
    return reply


def add_session_line(body):
    line = (body.get("addSessionLine") or {}).get("line") or {}
    if not is_ticket(line):
        return {}
    chosen = (body.get("dialog") or {}).get("selectedDialogOptionIds")
    if chosen is None:
        return slot_dialog()
    if len(chosen) == 1 and chosen[0] in SLOTS:
        return {"message": [{"message": "Reserved " + SLOTS[chosen[0]]}]}
    return slot_dialog(again=True)


def polling(event, body, reply):
    """Seed 003: the process takes two rounds: 'not done yet', then finished."""
    sender = body.get("sender") or {}
    session = (body.get("session") or {}).get("sessionId")
    key = (sender.get("instanceId"), sender.get("workplaceNumber"), event, session)
    rounds = ROUNDS.get(key, 0) + 1
    if rounds == 1:
        ROUNDS[key] = 1
        return {"polling": {"finished": False, "message": "We're not done yet. Please stand-by."}}
    ROUNDS.pop(key, None)
    return dict(reply, polling={"finished": True, "message": "We're done."})


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, reply):
        data = json.dumps(reply).encode("utf-8") if reply else b""
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Mplus-Signature", base64.b64encode(hmac.new(KEY, data, hashlib.sha256).digest()).decode())
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        event = self.path.rstrip("/").split("/")[-1]
        given = self.headers.get("X-Mplus-Signature")
        if not given:
            return self.answer(400, {"error": {"code": "NO_SIGNATURE", "message": "no signature"}})
        wanted = base64.b64encode(hmac.new(KEY, raw, hashlib.sha256).digest()).decode()
        if not hmac.compare_digest(given, wanted):
            return self.answer(400, {"error": {"code": "INVALID_SIGNATURE", "message": "bad signature"}})
        if (self.headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
            return self.answer(400, {"error": {"code": "INVALID_CONTENT_TYPE", "message": "JSON only"}})
        try:
            body = json.loads(raw.decode("utf-8"))
        except ValueError:
            return self.answer(400, {"error": {"code": "INVALID_JSON", "message": "not JSON"}})
        if not isinstance(body, dict):
            return self.answer(400, {"error": {"code": "INVALID_DATA", "message": "not an object"}})
        if "error" in body and "original" in body:
            return self.answer(200, None)
        if not isinstance(body.get("event"), dict):
            return self.answer(400, {"error": {"code": "NO_EVENT_DETAILS", "message": "no event"}})
        reply = add_session_line(body) if event == "addSessionLine" else {}
        if event.endswith("ExternalPayment"):
            reply = external_payment(event, body)
        if body["event"].get("eventPolling") is True and OPTS.polls:
            reply = polling(event, body, reply)
        elif body["event"].get("eventPolling") is True and event == "backgroundPoll":
            reply = {"polling": {"finished": True}}
        self.answer(200, reply)


def external_payment(event, body):
    payment_id = (body.get("externalPayment") or {}).get("externalPaymentId")
    if event == "startExternalPayment":
        return {"externalPayment": {"externalPaymentId": payment_id, "started": True}}
    if event == "pollExternalPayment":
        return {"externalPayment": {"externalPaymentId": payment_id, "confirmed": True}}
    if event == "requestCancelExternalPayment":
        return {"externalPayment": {"externalPaymentId": payment_id, "cancelled": True}}
    return {}


server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
print(server.server_address[1], flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    sys.exit(0)
