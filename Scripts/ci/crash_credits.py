#!/usr/bin/env python3
"""Crash safety of the AI-credits ledger: kill -9 the server in the middle of metered AI calls, restart it,
and check that no ledger entry was lost or duplicated.

A local fake chat-completions server answers every call. Twenty WebSocket clients send messages the rules
cannot place (so each one is answered through the metered LLM) until the server is killed with SIGKILL.
After a restart on the same database the script checks that:
  - no hold is left (a hold of the dead process charged nothing),
  - every request id appears once,
  - every AI answer a client received has its charge in the ledger,
  - the balance equals the grant minus the charges.
Loopback only; bounded in time. Usage: crash_credits.py SHOPTALK_BINARY [--postgres URL]
With --postgres the server runs on a fresh database made on that PostgreSQL server (and dropped after),
with --stale-hold-age 0 (one instance, so every hold left at start-up is a dead process's).
"""
import asyncio, json, os, sqlite3, subprocess, sys, tempfile

import websockets

from shoptalk_server import PostgresDatabase, Server, serve_stand_in_ai

ANSWER = "We would love to help you find something in our shop today."


async def client(port, index, received, stop):
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}/chat?store=demo") as ws:
            await ws.recv()
            n = 0
            while not stop.is_set():
                n += 1
                await ws.send(json.dumps({"type": "message", "id": f"{index}-{n}", "text": "is it going to rain this weekend?"}))
                while True:
                    frame = json.loads(await ws.recv())
                    if frame.get("replyTo") == f"{index}-{n}":
                        break
                if frame.get("type") == "reply" and frame.get("text") == ANSWER:
                    received.append(frame["id"])
    except Exception:
        pass  # the server was killed


async def load(port, seconds):
    received, stop = [], asyncio.Event()
    tasks = [asyncio.create_task(client(port, i, received, stop)) for i in range(20)]
    await asyncio.sleep(seconds)
    return received, stop, tasks


class SQLiteLedger:
    """The ledger's figures, read from the SQLite file."""

    def __init__(self, path):
        self.path = path

    def figures(self):
        con = sqlite3.connect(self.path)
        try:
            holds = con.execute("SELECT COUNT(*) FROM credit_ledger WHERE kind = 'hold'").fetchone()[0]
            total, distinct = con.execute("SELECT COUNT(*), COUNT(DISTINCT requestId) FROM credit_ledger").fetchone()
            charges = con.execute("SELECT COUNT(*) FROM credit_ledger WHERE kind = 'charge'").fetchone()[0]
            balance = con.execute("SELECT SUM(millicredits) FROM credit_ledger").fetchone()[0]
            failed = con.execute("SELECT COUNT(*) FROM credit_ledger WHERE kind = 'failed'").fetchone()[0]
        finally:
            con.close()
        return holds, total, distinct, charges, balance, failed


class PostgresLedger:
    """The ledger's figures, read with psql from a database of its own on the PostgreSQL server."""

    def __init__(self, server_url):
        self.database = PostgresDatabase(server_url, f"crash_credits_{os.getpid()}")
        self.url = self.database.url

    def figures(self):
        row = self.database.rows("SELECT count(*) FILTER (WHERE kind = 'hold'), count(*), count(DISTINCT request_id), "
                                 "count(*) FILTER (WHERE kind = 'charge'), sum(millicredits), count(*) FILTER (WHERE kind = 'failed') "
                                 "FROM credit_ledger WHERE store_id = (SELECT id FROM stores WHERE slug = 'demo')")[0]
        return tuple(int(value) for value in row)

    def drop(self):
        self.database.drop()


def main():
    binary = sys.argv[1]
    postgres = sys.argv[sys.argv.index("--postgres") + 1] if "--postgres" in sys.argv else None
    work = tempfile.mkdtemp()
    fake, llm = serve_stand_in_ai(ANSWER)
    port = 18000 + os.getpid() % 1000
    extra = ["--llm-url", llm, "--rate-limit", "1000", "--rate-burst", "1000"]
    env = dict(os.environ, SHOPTALK_LLM_API_KEY="sk-crash-test")
    if postgres:
        ledger = PostgresLedger(postgres)
        db = ledger.url
        # The first start migrates and seeds the demo store; the credits go in before the load.
        server = Server(binary, port, db, extra + ["--stale-hold-age", "0"], env=env, log_path=os.path.join(work, "server.log"))
        server.start()
        subprocess.run([binary, "credits", "grant", "--store", "demo", "--credits", "1000", "--reference", "crash-grant", "--db", db], check=True, capture_output=True)
    else:
        db = os.path.join(work, "crash.sqlite")
        ledger = SQLiteLedger(db)
        subprocess.run([binary, "seed", "--db", db], check=True, capture_output=True)
        subprocess.run([binary, "credits", "grant", "--store", "demo", "--credits", "1000", "--reference", "crash-grant", "--db", db], check=True, capture_output=True)
        server = Server(binary, port, db, extra, env=env, log_path=os.path.join(work, "server.log"))
        server.start()
    backend = "PostgreSQL" if postgres else "SQLite"

    async def run():
        received, stop, tasks = await load(port, 4)
        server.kill()
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        return received

    received = asyncio.run(run())
    server.start()
    try:
        holds, total, distinct, charges, balance, failed = ledger.figures()
        print(f"crash ({backend}): {len(received)} AI answers received before kill -9; ledger: {charges} charges, {failed} failed/released, {holds} holds, "
              f"{total} entries ({distinct} distinct request ids), balance {balance / 1000:.1f} credits")
        assert len(received) > 0, "no AI answer was received before the kill"
        assert holds == 0, "a hold of the dead process is still there"
        assert total == distinct, "a request id appears twice"
        assert charges >= len(received), "an answer a client received has no charge"
        assert balance == 1_000_000 - 200 * charges, "the balance is not the grant minus the charges"
        print(f"crash ({backend}): ledger consistent after kill -9 and restart")
    finally:
        server.stop()
        fake.shutdown()
        if postgres:
            ledger.drop()


if __name__ == "__main__":
    main()
