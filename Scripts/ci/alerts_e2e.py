#!/usr/bin/env python3
"""Owner alerts end to end, against a real SMTP server (aiosmtpd) and a real webhook receiver.

    python3 Scripts/ci/alerts_e2e.py BINARY [--port 18096]

Starts aiosmtpd and an HTTP receiver on loopback ports, then `shoptalk serve --smtp 127.0.0.1:PORT`
on a fresh demo database, and checks as an owner would:
  - preferences are validated (422 per field) and the webhook secret is never echoed;
  - the daily digest arrives by email and webhook when its hour has come, once;
  - an order that takes a product below the owner's threshold sends an email and a webhook call whose
    X-ShopTalk-Signature is the HMAC-SHA256 of the body with the owner's secret;
  - during quiet hours a new alert waits (pending), and goes out once they are cleared;
  - the alert history lists each alert with its deliveries, and "mark the … alert done" in chat
    resolves it.
"""

import argparse
import datetime as dt
import email
import hashlib
import hmac
import http.server as httpserver
import json
import os
import socket
import sys
import tempfile
import threading
import time

from aiosmtpd.controller import Controller

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shoptalk_server import Server, create_token, http  # noqa: E402

SECRET = "ci-webhook-secret-0123456789abcdef"


class Mailbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        self.messages.append({"to": envelope.rcpt_tos, "subject": message["Subject"],
                              "body": message.get_payload(decode=True).decode("utf-8", "replace")})
        return "250 OK"


class Hooks(httpserver.BaseHTTPRequestHandler):
    calls = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        Hooks.calls.append({"body": body, "signature": self.headers.get("X-ShopTalk-Signature"),
                            "event": self.headers.get("X-ShopTalk-Event")})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def wait_for(what, predicate, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise SystemExit(f"alerts: timed out waiting for {what}")


def check(condition, message):
    if not condition:
        raise SystemExit(f"alerts: FAILED: {message}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--port", type=int, default=18096)
    args = parser.parse_args()

    mailbox = Mailbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        smtp_port = probe.getsockname()[1]
    smtp = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    hooks = httpserver.ThreadingHTTPServer(("127.0.0.1", 0), Hooks)
    threading.Thread(target=hooks.serve_forever, daemon=True).start()
    hook_url = f"http://127.0.0.1:{hooks.server_address[1]}/hook"

    work = tempfile.mkdtemp(prefix="shoptalk-alerts-")
    database = os.path.join(work, "alerts.sqlite")
    server = Server(args.binary, args.port, database, ["--smtp", f"127.0.0.1:{smtp_port}", "--alert-interval", "1",
                                                       "--smtp-from", "alerts@shop.example"])
    base = f"http://127.0.0.1:{args.port}/api/stores/demo"
    try:
        server.start()
        token = create_token(args.binary, database, name="alerts-e2e")

        status, body = http("PUT", f"{base}/alerts/preferences", {"email": "not-an-address", "webhookUrl": hook_url}, token)
        check(status == 422 and set(body["error"]["fields"]) == {"email", "webhookSecret"}, f"bad preferences are refused: {status} {body}")

        # The digest hour is now: the digest comes at once, by both channels, and only once.
        hour = dt.datetime.now(dt.timezone.utc).hour
        status, view = http("PUT", f"{base}/alerts/preferences", {
            "email": "owner@shop.example", "webhookUrl": hook_url, "webhookSecret": SECRET, "lowStockThreshold": 1000000,
            "digestHour": hour}, token)
        check(status == 200 and view["webhookSecretSet"] is True and "webhookSecret" not in view, f"preferences saved: {view}")
        wait_for("the digest email", lambda: any("Daily digest" in m["subject"] for m in mailbox.messages))
        wait_for("the digest webhook", lambda: any(c["event"] == "digest" for c in Hooks.calls))
        time.sleep(2.5)
        check(sum("Daily digest" in m["subject"] for m in mailbox.messages) == 1, "one digest a day")
        print(f"alerts: digest arrived by email ({mailbox.messages[0]['subject']!r}) and webhook")

        # An order takes a product under the owner's threshold: email and a signed webhook call.
        _, products = http("GET", f"{base}/products?limit=5")
        first, second = products["products"][0], products["products"][1]
        status, _ = http("POST", f"{base}/orders", {"email": "buyer@example.org", "items": [{"productId": first["id"], "quantity": 1}]}, token)
        check(status == 201, f"order placed: {status}")
        mail = wait_for("the low-stock email", lambda: next((m for m in mailbox.messages if first["name"] in m["subject"]), None))
        check(mail["to"] == ["owner@shop.example"] and "low on stock" in mail["body"], f"the email: {mail}")
        call = wait_for("the low-stock webhook", lambda: next((c for c in Hooks.calls if c["event"] == "alert"), None))
        expected = "sha256=" + hmac.new(SECRET.encode(), call["body"], hashlib.sha256).hexdigest()
        check(call["signature"] == expected, f"the webhook signature {call['signature']} is the HMAC of its body")
        check(json.loads(call["body"])["kind"] == "low_stock", "the webhook says what happened")
        print(f"alerts: low stock of {first['name']!r} arrived by email and by a webhook call with a valid signature")

        # Quiet hours hold the next alert; clearing them lets it go.
        status, _ = http("PUT", f"{base}/alerts/preferences", {"quietHours": {"start": hour, "end": (hour + 1) % 24}}, token)
        check(status == 200, "quiet hours set")
        before = len(mailbox.messages)
        http("POST", f"{base}/orders", {"email": "buyer@example.org", "items": [{"productId": second["id"], "quantity": 1}]}, token)
        time.sleep(3)
        check(len(mailbox.messages) == before, "nothing is sent in quiet hours")
        _, history = http("GET", f"{base}/alerts?status=open", None, token)
        held = next(a for a in history["alerts"] if second["name"] in a["message"])
        check("email pending" in held["deliveries"], f"the held alert is pending: {held}")
        http("PUT", f"{base}/alerts/preferences", {"quietHours": None}, token)
        wait_for("the held email", lambda: any(second["name"] in m["subject"] for m in mailbox.messages))
        print("alerts: an alert raised in quiet hours waited, then went out when they ended")

        # Resolve in chat by a word of the product's name.
        word = next(w for w in first["name"].split() if len(w) >= 4)
        status, reply = http("POST", "http://127.0.0.1:%d/api/chat" % args.port, {"store": "demo", "text": f"mark the {word} alert done"}, token)
        check(status == 200 and reply["text"].startswith("Done: alert"), f"resolved in chat: {reply.get('text')}")
        _, history = http("GET", f"{base}/alerts?status=all", None, token)
        resolved = next(a for a in history["alerts"] if first["name"] in a["message"])
        check(resolved.get("resolvedAt") and "email sent" in resolved["deliveries"] and "webhook sent" in resolved["deliveries"],
              f"history keeps it, resolved, with its deliveries: {resolved}")
        print(f"alerts: '{reply['text'][:80]}'; history shows {resolved['deliveries']}")
        print("alerts: all checks passed")
    finally:
        server.stop()
        smtp.stop()
        hooks.shutdown()


if __name__ == "__main__":
    main()
