#!/usr/bin/env python3
"""The benchmark peer: a minimal FastAPI + uvicorn WebSocket chat server that speaks ShopTalk's frames
(welcome, message → reply) with a keyword intent classifier and a regex entity extractor, and no
database. `shoptalk bench ws --peer` runs the same load against it as against ShopTalk.

    python3 Scripts/bench/peer_fastapi.py --port 18181

fastapi and uvicorn are installed from PyPI on first use.
"""
import argparse
import importlib
import json
import re
import secrets
import subprocess
import sys


def ensure(packages):
    missing = [name for name, module in packages if importlib.util.find_spec(module) is None]
    if missing:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *missing])


ensure([("fastapi", "fastapi"), ("uvicorn[standard]", "uvicorn")])

from fastapi import FastAPI, WebSocket, WebSocketDisconnect  # noqa: E402
import uvicorn  # noqa: E402

KEYWORDS = {
    "greeting": ["hi", "hello", "hey", "morning"],
    "goodbye": ["bye", "goodbye", "later"],
    "thanks": ["thanks", "thank", "cheers"],
    "help": ["help", "what can you do"],
    "find_discounts": ["deal", "deals", "discount", "discounts", "promo", "coupon", "sale"],
    "apply_discount": ["code", "apply", "work on"],
    "order_status": ["order", "tracking", "delivery", "shipped"],
    "complaint": ["broken", "damaged", "refund", "complaint", "wrong"],
    "check_stock": ["in stock", "available", "stock"],
    "price_inquiry": ["how much", "price", "cost"],
    "product_recommendation": ["recommend", "suggest", "best"],
    "product_details": ["tell me about", "details", "specs"],
    "find_products": ["show", "find", "looking for", "do you have", "want", "need", "cheap", "under"],
}
CATEGORIES = ["headphones", "phones", "laptops", "tvs", "shoes", "clothing", "smartwatches", "tablets", "gaming", "accessories"]
BRANDS = ["sony", "samsung", "apple", "jbl", "lg", "nike", "adidas", "dyson", "bose", "anker", "garmin", "dell", "hp", "lenovo"]
COLORS = ["black", "white", "red", "blue", "green", "grey", "silver", "pink"]
MONEY = re.compile(r"(under|below|less than|over|above)?\s*\$(\d+(?:\.\d{1,2})?)")
SIZE = re.compile(r"\bsize (\w+)")
CODE = re.compile(r"\b([A-Z]{3,}\d+)\b")


def classify(text):
    lowered = text.lower()
    best, score = "out_of_scope", 0
    for intent, words in KEYWORDS.items():
        hits = sum(1 for word in words if re.search(r"\b" + re.escape(word) + r"\b", lowered))
        if hits > score:
            best, score = intent, hits
    return best, min(1.0, 0.4 + 0.2 * score) if score else 0.3


def extract(text):
    lowered = text.lower()
    entities = []
    for category in CATEGORIES:
        start = lowered.find(category)
        if start >= 0:
            entities.append({"type": "category", "value": category, "start": start, "end": start + len(category)})
    for brand in BRANDS:
        match = re.search(r"\b" + brand + r"\b", lowered)
        if match:
            entities.append({"type": "brand", "value": brand, "start": match.start(), "end": match.end()})
    for color in COLORS:
        match = re.search(r"\b" + color + r"\b", lowered)
        if match:
            entities.append({"type": "color", "value": color, "start": match.start(), "end": match.end()})
    for match in MONEY.finditer(lowered):
        bound = "max" if match.group(1) in ("under", "below", "less than") else "min" if match.group(1) else "amount"
        entities.append({"type": "price", "value": {bound: float(match.group(2))}, "start": match.start(), "end": match.end()})
    for match in SIZE.finditer(lowered):
        entities.append({"type": "size", "value": match.group(1), "start": match.start(), "end": match.end()})
    for match in CODE.finditer(text):
        entities.append({"type": "discount_code", "value": match.group(1), "start": match.start(), "end": match.end()})
    return entities


app = FastAPI()


@app.get("/health")
def health():
    return {"status": "ok"}


@app.websocket("/chat")
async def chat(socket: WebSocket):
    await socket.accept()
    session = secrets.token_urlsafe(18)
    await socket.send_text(json.dumps({"type": "welcome", "session": session, "store": {"slug": "demo"}, "role": "customer", "resumed": False}))
    count = 0
    try:
        while True:
            raw = await socket.receive_text()
            try:
                frame = json.loads(raw)
                text = frame["text"]
            except (ValueError, KeyError, TypeError):
                await socket.send_text(json.dumps({"type": "error", "code": "bad_json", "message": "bad frame"}))
                continue
            count += 1
            intent, confidence = classify(text)
            reply = {"type": "reply", "id": f"r{count}", "replyTo": frame.get("id"), "text": f"({intent})",
                     "intent": {"name": intent, "confidence": confidence}, "entities": extract(text), "suggestions": []}
            await socket.send_text(json.dumps(reply))
    except WebSocketDisconnect:
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=18181)
    args = parser.parse_args()
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", ws_max_size=1 << 20)
