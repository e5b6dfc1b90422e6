#!/usr/bin/env python3
"""Three ShopTalk instances on one PostgreSQL behind nginx (deploy/run.sh), checked from outside:
  1. nginx spreads requests over all three (no sticky sessions);
  2. a session resumes and replays through the balancer, landing on another instance, and a refinement
     there continues the search started elsewhere;
  3. two connections of one session, on two instances, sending at once: every message answered, and the
     stored replies are r1..rN with no gap or repeat;
  4. an owner signed in on instance 1 gets the alert of a complaint filed on instance 2 within a second;
  5. a product created over REST on instance 1 is found by the chat on instances 2 and 3 within a second
     (their catalog snapshots follow the event stream);
  6. 20 orders at once through nginx with a code limited to 5 uses: exactly 5 placed, the code used 5 times;
  7. 1,000 shoppers at once through nginx, each sending a message only the metered AI can answer, against
     50 credits at 0.5 a call: exactly 100 AI answers, spread over all three instances, 100 charges in the
     ledger, no hold left and a balance of 0;
  8. kill -9 of one instance under load: every client reconnects through nginx, resumes, and finds every
     reply it was sent (no acknowledged write lost).
Loopback only; bounded in time. Usage: multi_instance.py [PORT] (deploy/run.sh must have started it). For
check 7 the instances must use the stand-in AI this script serves on PORT+99, at 0.5 credits a fallback
answer (as .ci/run starts them):
  SHOPTALK_SERVE_ARGS="--llm-url http://127.0.0.1:8199 --credit-prices fallback_chat=0.5 --ai-calls-per-minute 10000" \
      bash deploy/run.sh start 3 8100
"""
import asyncio, glob, json, os, resource, shutil, signal, subprocess, sys, time, urllib.error, urllib.request
from concurrent.futures import ThreadPoolExecutor

import websockets

from shoptalk_server import serve_stand_in_ai

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8100
DIR = os.environ.get("SHOPTALK_DEPLOY_DIR", "/tmp/shoptalk-deploy")
LB = f"ws://127.0.0.1:{PORT}/chat?store=demo"


AI_ANSWER = "Happy to help you find something in our shop today."


def instance_url(n):
    return f"ws://127.0.0.1:{PORT + n}/chat?store=demo"


def health(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
        return json.load(response)


async def next_frame(ws, kind=None, timeout=30):
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if kind is None or frame.get("type") in (kind if isinstance(kind, tuple) else (kind,)):
            return frame


async def converse(url, messages, session=None):
    async with websockets.connect(url + (f"&session={session}" if session else ""), max_size=2**22) as ws:
        welcome = await next_frame(ws)
        replies = []
        for index, text in enumerate(messages):
            await ws.send(json.dumps({"type": "message", "id": f"m{index}", "text": text}))
            replies.append(await next_frame(ws, ("reply", "error")))
        return welcome, replies


async def replay(url, session):
    """Every stored reply of the session, paging past the 200 one resume sends."""
    async with websockets.connect(f"{url}&session={session}", max_size=2**22) as ws:
        await next_frame(ws)
        ids = []
        while True:
            await ws.send(json.dumps({"type": "resume", "after": ids[-1]} if ids else {"type": "resume"}))
            page = 0
            while True:
                frame = await next_frame(ws, ("reply", "resume_ok", "error"))
                if frame.get("type") == "error":
                    if frame.get("code") != "rate_limited":
                        raise SystemExit(f"FAIL resume after {ids[-1] if ids else 'nothing'} was refused: {frame}")
                    await asyncio.sleep(1)  # a resume costs tokens: wait for the bucket
                    break
                if frame.get("type") == "resume_ok":
                    break
                ids.append(frame.get("id"))
                page += 1
            if frame.get("type") == "resume_ok" and page == 0:
                return ids


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        raise SystemExit(1)


async def spread():
    seen = {health(PORT)["instance"] for _ in range(9)}
    check(len(seen) == 3, f"nginx spreads requests over every instance: {sorted(seen)}")
    check(all(health(PORT)["backend"] == "postgresql" for _ in range(3)), "every instance reports the PostgreSQL backend")


async def moving_session():
    welcome, first = await converse(LB, ["show me headphones"])
    session = welcome["session"]
    welcome2, second = await converse(LB, ["under $100"], session=session)
    cards = second[0].get("products") or []
    check(welcome2.get("resumed") is True and second[0].get("id") == "r2", "a session resumes through the balancer")
    check(cards and all(c["category"] == "headphones" and c["price"] <= 100 for c in cards),
          f"a refinement on another instance continues the search ({len(cards)} headphones under $100)")
    check(await replay(LB, session) == ["r1", "r2"], "its replies replay through the balancer")


async def two_connections_one_session():
    welcome, _ = await converse(instance_url(1), ["hello"])
    session = welcome["session"]

    async def sender(n, count):
        async with websockets.connect(f"{instance_url(n)}&session={session}") as ws:
            await next_frame(ws)
            for i in range(count):
                await ws.send(json.dumps({"type": "message", "id": f"i{n}-{i}", "text": f"thanks {i}"}))
            got = []
            while len(got) < count:
                frame = await next_frame(ws, ("reply", "error"))
                got.append(frame)
            return got

    results = await asyncio.gather(sender(2, 12), sender(3, 12))
    errors = [f for r in results for f in r if f.get("type") == "error"]
    check(not errors, f"24 messages at once on two instances are all answered ({len(errors)} errors)")
    ids = await replay(LB, session)
    check(ids == [f"r{i}" for i in range(1, 26)], f"the stored replies are r1..r25 in order ({len(ids)} replies)")


def owner_token():
    return subprocess.run([os.environ.get("SHOPTALK_BIN", ".build/debug/shoptalk"), "token", "create", "--store", "demo",
                           "--db", open(f"{DIR}/database-url").read().strip()],
                          capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]


def rest(port, method, path, token, body=None):
    """One REST call; returns (status, parsed body)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/stores/demo{path}", method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


async def product_change_everywhere():
    token = owner_token()
    name = f"Quillonwick Brass Lantern {int(time.time()) % 100000}"
    status, created = rest(PORT + 1, "POST", "/products", token,
                           {"sku": f"QBL-{int(time.time() * 1000)}", "name": name, "price": 24.5, "stock": 12, "category": "lighting"})
    check(status == 201, f"a product is created over REST on instance 1 ({status} {created})")
    started = time.monotonic()
    seen = set()
    while len(seen) < 2 and time.monotonic() - started < 10:
        for n in (2, 3):
            if n not in seen:
                _, replies = await converse(instance_url(n), ["show me the quillonwick lantern"])
                if name.lower() in json.dumps(replies[0]).lower():
                    seen.add(n)
        await asyncio.sleep(0.05)
    elapsed = time.monotonic() - started
    check(seen == {2, 3}, f"the chat on instances 2 and 3 finds it (found on {sorted(seen)})")
    check(elapsed < 1.0, f"within a second ({elapsed * 1000:.0f} ms after the write returned)")


async def code_limit_through_balancer():
    token = owner_token()
    code = f"MILIMIT{int(time.time()) % 100000}"
    status, _ = rest(PORT + 1, "POST", "/discounts", token, {"code": code, "kind": "percentage", "percentOff": 10, "usageLimit": 5})
    check(status == 201, f"a code limited to 5 uses is created ({status})")
    _, listing = rest(PORT + 2, "GET", "/products?limit=50", token)
    product = max(listing["products"], key=lambda p: p.get("stock", 0))
    check(product.get("stock", 0) >= 20, f"a product with stock for 20 orders ({product.get('name')}: {product.get('stock')})")

    def order(n):
        return rest(PORT, "POST", "/orders", token, {"email": f"multi{n}@example.com", "items": [{"productId": product["id"], "quantity": 1}],
                                                     "code": code})[0]
    with ThreadPoolExecutor(20) as pool:
        statuses = list(pool.map(order, range(20)))
    placed = statuses.count(201)
    check(placed == 5 and all(s in (201, 409, 422) for s in statuses), f"20 orders at once through nginx: {placed} placed with the code (statuses {sorted(set(statuses))})")
    _, discount = rest(PORT + 3, "GET", f"/discounts/{code}", token)
    used = (discount.get("discount") or discount).get("usedCount")
    check(used == 5, f"the code is used 5 times, read on instance 3 ({used})")


async def alert_across_instances():
    token = owner_token()
    async with websockets.connect(instance_url(1)) as owner:
        await next_frame(owner)
        await owner.send(json.dumps({"type": "auth", "token": token}))
        check((await next_frame(owner)).get("type") == "auth_ok", "an owner signs in on instance 1 with a token made by the CLI")
        _, replies = await converse(instance_url(2), ["my headphones arrived broken"])
        reference = (replies[0].get("ticket") or {}).get("reference")
        started = time.monotonic()
        alert = await next_frame(owner, "alert", timeout=10)
        elapsed = time.monotonic() - started
        check(reference and reference in alert.get("message", ""), f"the owner gets the alert for {reference}, filed on instance 2")
        check(elapsed < 1.0, f"within a second ({elapsed * 1000:.0f} ms after the complaint was answered)")


def database(sql):
    """Rows of a query on the deployment's database, through Debian's psql."""
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), key=lambda path: int(path.split("/")[-3].split(".")[0]))
    psql = versions[-1] if versions else shutil.which("psql")
    out = subprocess.run([psql, open(f"{DIR}/database-url").read().strip(), "-At", "-F", "\t", "-c", sql],
                         capture_output=True, text=True, check=True)
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def messages_answered(port):
    """The messages an instance has answered, from its /metrics."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        lines = response.read().decode().splitlines()
    return sum(float(line.rsplit(" ", 1)[1]) for line in lines if line.startswith("shoptalk_messages_total"))


async def credits_across_instances():
    ledger = "FROM credit_ledger WHERE store_id = (SELECT id FROM stores WHERE slug = 'demo')"
    balance, charged = (int(v) for v in database(f"SELECT coalesce(sum(millicredits), 0), count(*) FILTER (WHERE kind = 'charge') {ledger}")[0])
    check(balance == 0, f"the demo store starts with no AI credits ({balance / 1000} credits)")
    subprocess.run([os.environ.get("SHOPTALK_BIN", ".build/debug/shoptalk"), "credits", "grant", "--store", "demo", "--credits", "50",
                    "--reference", f"multi-{int(time.time())}", "--db", open(f"{DIR}/database-url").read().strip()],
                   capture_output=True, text=True, check=True)
    before = {n: messages_answered(PORT + n) for n in (1, 2, 3)}
    connected, go = [0], asyncio.Event()

    async def shopper(n):
        # Ten loopback addresses, so that no client address passes the per-address new-session limit.
        async with websockets.connect(LB, local_addr=(f"127.0.0.{2 + n % 10}", 0), open_timeout=60) as ws:
            await next_frame(ws, timeout=60)
            connected[0] += 1
            if connected[0] == 1000:
                go.set()
            await go.wait()
            await ws.send(json.dumps({"type": "message", "id": f"ai{n}", "text": "is it going to rain this weekend?"}))
            return await next_frame(ws, ("reply", "error"), timeout=120)

    replies = await asyncio.gather(*(shopper(n) for n in range(1000)))
    answered = [r for r in replies if r.get("type") == "reply"]
    by_ai = [r for r in answered if r.get("text") == AI_ANSWER]
    after = {n: messages_answered(PORT + n) - before[n] for n in (1, 2, 3)}
    check(len(answered) == 1000, f"1,000 messages sent at once through nginx are all answered ({len(answered)})")
    check(all(count >= 100 for count in after.values()), f"spread over the three instances ({', '.join(f'{int(c)}' for c in after.values())})")
    check(len(by_ai) == 100, f"against 50 credits at 0.5 a call, exactly 100 are answered by the AI ({len(by_ai)})")
    charges, holds, balance = (int(v) for v in database(
        f"SELECT count(*) FILTER (WHERE kind = 'charge'), count(*) FILTER (WHERE kind = 'hold'), sum(millicredits) {ledger}")[0])
    charges -= charged
    check(charges == 100 and holds == 0 and balance == 0, f"the ledger holds 100 new charges, no hold, and a balance of 0 ({charges}, {holds}, {balance / 1000})")


async def kill_one_under_load():
    victim = 2
    pid = int(open(f"{DIR}/instance-i{victim}.pid").read())
    received = {}
    sessions = {}
    stop = asyncio.Event()

    async def client(n):
        session = None
        sent = 0
        while not stop.is_set() or session is None:
            try:
                async with websockets.connect(LB + (f"&session={session}" if session else "")) as ws:
                    welcome = await next_frame(ws)
                    session = session or welcome["session"]
                    sessions[n] = session
                    while not stop.is_set():
                        await ws.send(json.dumps({"type": "message", "id": f"c{n}-{sent}", "text": "show me headphones" if sent % 2 else "hi"}))
                        sent += 1
                        frame = await next_frame(ws, ("reply", "error"), timeout=20)
                        if frame.get("type") == "reply":
                            received.setdefault(n, []).append(frame["id"])
            except (OSError, websockets.ConnectionClosed, asyncio.TimeoutError):
                await asyncio.sleep(0.2)  # the instance died under us: reconnect through nginx

    # More clients than an instance has pooled connections: a turn must never wait on a pool its lock holds.
    tasks = [asyncio.create_task(client(n)) for n in range(40)]
    await asyncio.sleep(3)
    os.kill(pid, signal.SIGKILL)
    killed_at = sum(len(v) for v in received.values())
    await asyncio.sleep(4)
    stop.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 60)
    after = sum(len(v) for v in received.values())
    check(after > killed_at, f"clients went on through the other instances after kill -9 ({killed_at} replies before, {after} in all)")
    lost = 0
    for n, ids in received.items():
        stored = set(await replay(LB, sessions[n]))
        lost += len([i for i in ids if i not in stored])
    check(lost == 0, f"every reply a client was sent replays from the database ({after} replies, {lost} lost)")


async def main():
    deadline = 240
    for step in (spread, moving_session, two_connections_one_session, alert_across_instances, product_change_everywhere,
                 code_limit_through_balancer, credits_across_instances, kill_one_under_load):
        print(f"== {step.__name__}", flush=True)
        await asyncio.wait_for(step(), deadline)
    print("multi-instance: all checks passed")


if __name__ == "__main__":
    # 1,000 shoppers at once, and the stand-in AI's connections: past the common default of 1,024 files.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 65536, hard))
    serve_stand_in_ai(AI_ANSWER, PORT + 99)
    asyncio.run(main())
