"""`shoptalk serve` as a child process for the CI scripts, and the HTTP, token and stand-in AI helpers they share."""
import json
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Server:
    """One `shoptalk serve` on a fixed port and database file; its output is appended to `log_path`."""

    def __init__(self, binary, port, database, extra=(), env=None, log_path=None):
        self.binary, self.port, self.database = os.path.abspath(binary), port, database
        self.extra, self.env = list(extra), env
        self.log_path = log_path or database + ".log"
        self.process = None

    def start(self, timeout=120):
        """Starts the server (again, after a stop or a kill) and waits until /health answers."""
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--port", str(self.port), "--db", self.database,
                 "--public", os.path.join(ROOT, "Public"), "--intents", os.path.join(ROOT, "Intents"), *self.extra],
                stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=self.env)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"the server did not become healthy in {timeout} s")

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout=60):
        """SIGTERM, then the exit status (killed if it does not exit within `timeout`)."""
        if not self.alive():
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise

    def kill(self):
        """SIGKILL, as a crash would."""
        self.process.kill()
        self.process.wait()

    @property
    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0

    def log_tail(self, characters=4000):
        with open(self.log_path) as log:
            return log.read()[-characters:]


def create_token(binary, database, store="demo", name="ci", role="owner"):
    """An owner (or staff) token made with `shoptalk token create` (printed as its last line)."""
    out = subprocess.run([os.path.abspath(binary), "token", "create", "--store", store, "--name", name, "--role", role, "--db", database],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return out.strip().splitlines()[-1].strip()


def http(method, url, body=None, token=None):
    """(status, parsed JSON body) for a JSON request, also for 4xx and 5xx answers."""
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


class PostgresDatabase:
    """A database of its own on the PostgreSQL server at `server_url` (as Scripts/ci/postgres.sh prints it),
    made fresh and dropped with `drop()`; `rows` runs a query with Debian's psql."""

    def __init__(self, server_url, name):
        import glob
        self.psql = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]
        self.admin, self.name = server_url, name
        self.url = f"{server_url.rsplit('/', 1)[0]}/{name}"
        self._run(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", self.admin)
        self._run(f"CREATE DATABASE {name}", self.admin)

    def _run(self, sql, url):
        out = subprocess.run([self.psql, url, "-At", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True)
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    def rows(self, sql):
        return self._run(sql, self.url)

    def drop(self):
        self._run(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)", self.admin)


def serve_stand_in_ai(answer, port=0):
    """An OpenAI-compatible chat-completions endpoint on loopback that answers every call with `answer`
    after 50 ms, in a thread of its own; returns the server (`shutdown()` ends it) and its base URL."""
    body = json.dumps({"id": "x", "model": "gpt-4o-mini", "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}}],
                       "usage": {"prompt_tokens": 100, "completion_tokens": 20}}).encode()

    class StandIn(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            time.sleep(0.05)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256  # calls arrive by the hundred at once

    server = Server(("127.0.0.1", port), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
