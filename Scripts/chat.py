#!/usr/bin/env python3
"""Chat with a ShopTalk server from a terminal.

Interactive:   python3 Scripts/chat.py [ws://127.0.0.1:8080/chat] [--store demo]
Scripted:      python3 Scripts/chat.py --script lines.txt   (one message per line; prints each reply as a JSON line)

Needs the `websockets` package (pip install websockets).
"""
import argparse
import asyncio
import itertools
import json
import sys
import urllib.parse

try:
    import websockets
except ImportError:  # pragma: no cover - told to the user
    sys.exit("Scripts/chat.py needs the websockets package: pip install websockets")


def chat_url(base, store, session):
    query = {"store": store}
    if session:
        query["session"] = session
    return f"{base}?{urllib.parse.urlencode(query)}"


async def answer_to(socket, message_id, timeout):
    """Reads frames until the reply (or error) for message_id arrives; returns every frame read."""
    frames = []
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout))
        frames.append(frame)
        if frame.get("type") in ("reply", "error") and frame.get("replyTo") == message_id:
            return frames


def show(frame):
    kind = frame.get("type")
    if kind == "reply":
        print(f"bot> {frame['text']}")
        for product in frame.get("products") or []:
            was = f" (was {product['originalPrice']})" if product.get("originalPrice") else ""
            print(f"     - {product['name']}  {product['price']} {product['currency']}{was}  [{product['stock']['state']}]")
        if frame.get("suggestions"):
            print("     try: " + " | ".join(frame["suggestions"]))
    elif kind == "error":
        print(f"error> {frame['code']}: {frame['message']}")
    else:
        print(f"{kind}> {json.dumps(frame)}")


async def run(args):
    async with websockets.connect(chat_url(args.url, args.store, args.session), max_size=4 * 1024 * 1024) as socket:
        welcome = json.loads(await socket.recv())
        counter = itertools.count(1)
        if args.token:
            await socket.send(json.dumps({"type": "auth", "token": args.token}))
            auth = json.loads(await socket.recv())
            if not args.script:
                show(auth)
        if args.script:
            print(json.dumps(welcome), flush=True)
            with open(args.script, encoding="utf-8") as lines:
                for line in lines:
                    text = line.rstrip("\n")
                    if not text.strip():
                        continue
                    message_id = f"s{next(counter)}"
                    await socket.send(json.dumps({"type": "message", "id": message_id, "text": text}))
                    for frame in await answer_to(socket, message_id, args.timeout):
                        print(json.dumps(frame, ensure_ascii=False), flush=True)
            return
        print(f"Connected to {welcome['store']['name']} (session {welcome['session']}). Ctrl-D to quit.")
        loop = asyncio.get_running_loop()
        while True:
            text = await loop.run_in_executor(None, lambda: input("you> "))
            if not text.strip():
                continue
            message_id = f"i{next(counter)}"
            await socket.send(json.dumps({"type": "message", "id": message_id, "text": text}))
            for frame in await answer_to(socket, message_id, args.timeout):
                show(frame)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", nargs="?", default="ws://127.0.0.1:8080/chat")
    parser.add_argument("--store", default="demo")
    parser.add_argument("--session", help="resume token from an earlier welcome")
    parser.add_argument("--token", help="owner token, sent in an auth frame")
    parser.add_argument("--script", help="file of messages, one per line; replies are printed as JSON lines")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for each reply")
    args = parser.parse_args()
    try:
        asyncio.run(run(args))
    except (EOFError, KeyboardInterrupt):
        print()
    except websockets.exceptions.InvalidStatus as error:
        sys.exit(f"The server refused the connection: HTTP {error.response.status_code} {error.response.body.decode(errors='replace')}")


if __name__ == "__main__":
    main()
