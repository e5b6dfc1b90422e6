"""Part of the hardening suite (Scripts/ci/hardening.py runs it; see its docstring): the check registry,
raw TCP and WebSocket clients (blocking sockets, every read with a deadline), and the WebSocket,
origin and session checks."""
import base64
import json
import multiprocessing
import os
import re
import select
import socket
import sqlite3
import statistics
import struct
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from shoptalk_server import ROOT, create_token

# ------------------------------------------------------------------ the registry and raw TCP

CHECKS = []  # (group, name, server config, function), in definition order


def check(group, server="main"):
    """Registers `fn(ctx, srv)` as a check of `group`, run against the server configuration `server`."""
    def register(fn):
        CHECKS.append((group, fn.__name__, server, fn))
        return fn
    return register


def parallel(cases, fn, workers=16):
    """Runs `fn(case)` for every case concurrently; the list of "case: error" strings of those that raised."""
    def run(case):
        try:
            fn(case)
            return None
        except Exception as error:  # noqa: BLE001 - every failure is reported, whatever its type
            return f"{case[0] if isinstance(case, tuple) else case}: {type(error).__name__}: {error}"
    with ThreadPoolExecutor(max_workers=min(workers, max(1, len(cases)))) as pool:
        return [failure for failure in pool.map(run, cases) if failure]


def connect(port, source="127.0.0.1", timeout=5.0, rcvbuf=None):
    """A TCP socket to the server on 127.0.0.1, bound to `source` (another loopback address = another client)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(timeout)
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


# ------------------------------------------------------------------ WebSocket frames and the client

def frame(opcode, payload=b"", fin=True, mask=True, rsv=0):
    """One client WebSocket frame: the only place frames are built. `rsv` is OR-ed into the first byte (0x40 = RSV1)."""
    header = bytearray([(0x80 if fin else 0) | rsv | opcode])
    length = len(payload)
    flag = 0x80 if mask else 0
    if length < 126:
        header.append(flag | length)
    elif length < 1 << 16:
        header += bytes([flag | 126]) + struct.pack("!H", length)
    else:
        header += bytes([flag | 127]) + struct.pack("!Q", length)
    if not mask:
        return bytes(header) + payload
    key = os.urandom(4)
    repeated = (key * (length // 4 + 1))[:length]
    masked = (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(length, "big") if length else b""
    return bytes(header) + key + masked


def fragments(payload, count):
    """`payload` as a text message in `count` fragments (first text fin=0, continuations, last fin=1)."""
    size = -(-len(payload) // count)
    pieces = [payload[i:i + size] for i in range(0, len(payload), size)]
    return [frame(0x1 if i == 0 else 0x0, piece, fin=i == len(pieces) - 1) for i, piece in enumerate(pieces)]


def message(text, id=None):
    """A chat message frame's JSON bytes."""
    return json.dumps({"type": "message", "id": id, "text": text} if id else {"type": "message", "text": text}).encode()


class Refused(Exception):
    """The server answered the upgrade with an HTTP status other than 101."""

    def __init__(self, status, body):
        super().__init__(f"upgrade refused with HTTP {status}: {body[:200]!r}")
        self.status, self.body = status, body


class Closed(Exception):
    """The server sent a close frame (`code`) or ended the TCP connection (`code` None)."""

    def __init__(self, code):
        super().__init__(f"connection closed (close code {code})")
        self.code = code


class WS:
    """A raw client connection to /chat: sends any frame at all, reads frames with deadlines."""

    def __init__(self, sock, leftover=b""):
        self.sock, self.buffer = sock, bytearray(leftover)

    @classmethod
    def open(cls, port, path="/chat?store=demo", source="127.0.0.1", host=None, origin=None, rcvbuf=None, timeout=5.0):
        sock = connect(port, source, timeout, rcvbuf)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {path} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n" + (f"Origin: {origin}\r\n" if origin else "") + "\r\n")
        sock.sendall(request.encode())
        data, deadline = b"", time.monotonic() + timeout
        while b"\r\n\r\n" not in data:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                sock.close()
                raise TimeoutError(f"no answer to the WebSocket upgrade within {timeout:.0f} s (got {data[:40]!r})") from None
            if not chunk:
                sock.close()
                raise Refused(None, data)
            data += chunk
        head, rest = data.split(b"\r\n\r\n", 1)
        status = int(head.split(b" ", 2)[1])
        if status != 101:
            try:
                sock.settimeout(0.5)
                rest += sock.recv(65536)
            except OSError:
                pass
            sock.close()
            raise Refused(status, rest)
        return cls(sock, rest)

    def send(self, *frames):
        self.sock.sendall(b"".join(frames))

    def send_json(self, obj):
        self.send(frame(0x1, json.dumps(obj).encode()))

    def _read(self, count, deadline):
        while len(self.buffer) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no frame from the server in time")
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(1 << 16)
            except socket.timeout:
                raise TimeoutError("no frame from the server in time") from None
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                raise Closed(None)
            self.buffer += chunk
        out = bytes(self.buffer[:count])
        del self.buffer[:count]
        return out

    def recv_frame(self, timeout=5.0, deadline=None):
        """(opcode, payload) of the next frame."""
        deadline = deadline or time.monotonic() + timeout
        first, second = self._read(2, deadline)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", self._read(2, deadline))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._read(8, deadline))[0]
        return first & 0x0F, self._read(length, deadline)

    def recv_json(self, timeout=5.0, skip=("alert", "reply_delta")):
        """The next JSON text frame (answering pings, skipping pongs and `skip` types); Closed on a close frame."""
        deadline = time.monotonic() + timeout
        while True:
            opcode, payload = self.recv_frame(deadline=deadline)
            if opcode == 0x8:
                raise Closed(struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None)
            if opcode == 0x9:
                self.send(frame(0xA, payload))
            elif opcode == 0x1:
                obj = json.loads(payload)
                if obj.get("type") not in skip:
                    return obj

    def expect_close(self, timeout=3.0):
        """(close code or None, text frames seen before it, whether TCP then closed) within `timeout`."""
        deadline, texts, code = time.monotonic() + timeout, [], None
        try:
            while True:
                opcode, payload = self.recv_frame(deadline=deadline)
                if opcode == 0x1:
                    texts.append(payload[:120])
                elif opcode == 0x8:
                    code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                    break
        except (TimeoutError, Closed, OSError):
            return code, texts, False
        try:
            self.send(frame(0x8, struct.pack("!H", 1000)))
        except OSError:
            pass
        return code, texts, wait_closed(self.sock, deadline)[1] is not None

    def chat(self, text, id="m1", timeout=5.0):
        """Sends a message and returns the frame that answers it (reply or error with replyTo == id)."""
        self.send(frame(0x1, message(text, id)))
        deadline = time.monotonic() + timeout
        while True:
            answer = self.recv_json(timeout=max(0.01, deadline - time.monotonic()))
            if answer.get("replyTo") == id:
                return answer

    def close(self, handshake=True):
        """Close handshake (1000, then the server's close frame) and socket close; never raises."""
        try:
            if handshake:
                self.send(frame(0x8, struct.pack("!H", 1000)))
                deadline = time.monotonic() + 2
                while self.recv_frame(deadline=deadline)[0] != 0x8:
                    pass
        except (OSError, Closed, TimeoutError, ValueError):
            pass
        self.sock.close()


def wait_closed(sock, deadline):
    """Reads (and keeps) until the peer closes or `deadline`: (bytes received, seconds until closed or None)."""
    started, data = time.monotonic(), bytearray()
    while (remaining := deadline - time.monotonic()) > 0:
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(1 << 16)
        except socket.timeout:
            break
        except (ConnectionResetError, BrokenPipeError):
            chunk = b""
        if not chunk:
            return bytes(data), time.monotonic() - started
        data += chunk
    return bytes(data), None


def exchange(port, data, timeout=3.0, source="127.0.0.1", until_close=True):
    """Sends raw bytes while reading; (bytes received, whether the server closed within `timeout`)."""
    sock = connect(port, source, timeout)
    sock.setblocking(False)
    pending, received, deadline = memoryview(data), bytearray(), time.monotonic() + timeout
    closed = False
    while (remaining := deadline - time.monotonic()) > 0:
        readable, writable, _ = select.select([sock], [sock] if pending else [], [], remaining)
        if writable:
            try:
                pending = pending[sock.send(pending[:1 << 16]):]
            except (BrokenPipeError, ConnectionResetError):
                pending = memoryview(b"")
        if readable:
            try:
                chunk = sock.recv(1 << 16)
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                closed = True
                break
            received += chunk
            if not until_close and complete(received):
                break
    sock.close()
    return bytes(received), closed


def complete(data):
    """Whether `data` holds a whole HTTP response (Content-Length or chunked)."""
    if b"\r\n\r\n" not in data:
        return False
    head, body = data.split(b"\r\n\r\n", 1)
    length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    return len(body) >= int(length.group(1)) if length else body.endswith(b"0\r\n\r\n")


def status_of(data):
    """The status code of the HTTP response at the start of `data`, or None."""
    found = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return int(found.group(1)) if found else None


def closed_now(sock):
    """Whether the server has closed (or answered and closed) `sock`, without waiting."""
    try:
        while select.select([sock], [], [], 0)[0]:
            if not sock.recv(1 << 16):
                return True
    except OSError:
        return True
    return False


def open_chat(port, source="127.0.0.1", path="/chat?store=demo", timeout=5.0):
    """(connection, welcome frame) for a new chat."""
    ws = WS.open(port, path=path, source=source, timeout=timeout)
    welcome = ws.recv_json(timeout)
    assert welcome.get("type") == "welcome", welcome
    return ws, welcome


def stored_texts(database, ids):
    """{client message id: stored turn text} from the server's SQLite file, read-only."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
        marks = ",".join("?" * len(ids))
        return dict(db.execute(f"SELECT clientMessageId, text FROM turns WHERE clientMessageId IN ({marks})", list(ids)))


def median_reply_ms(port, source, count=20, text="show me headphones under $100"):
    """Median ms of `count` sequential WebSocket chat replies of one session from `source`."""
    ws, _ = open_chat(port, source)
    latencies = []
    try:
        for index in range(count):
            started = time.perf_counter()
            answer = ws.chat(text, id=f"lat{index}", timeout=10)
            latencies.append((time.perf_counter() - started) * 1000)
            assert answer["type"] == "reply", answer
    finally:
        ws.close()
    return statistics.median(latencies)


# ------------------------------------------------------------------ protocol conformance

PING, PONG, CLOSE, TEXT, BINARY, CONT = 0x9, 0xA, 0x8, 0x1, 0x2, 0x0
VALID_START = b'{"type":"message","id":"u1","text":"caf\xc3\xa9 '

PROTOCOL_CASES = [  # (name, frames to send, the close code the server must answer with)
    ("invalid UTF-8 (surrogate)", [frame(TEXT, b"\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xed\xa0\x80edited")], 1007),
    ("invalid UTF-8 (overlong)", [frame(TEXT, b"\xc0\xaf")], 1007),
    ("invalid UTF-8 in the 2nd fragment, final never sent",
     [frame(TEXT, VALID_START, fin=False), frame(CONT, b"\xf4\x90\x80\x80", fin=False)], 1007),
    ("continuation without a message", [frame(CONT, b"hello")], 1002),
    ("new text frame inside a fragmented message", [frame(TEXT, b"ab", fin=False), frame(TEXT, b"cd")], 1002),
    ("binary frame inside a fragmented text message", [frame(TEXT, b"ab", fin=False), frame(BINARY, b"cd")], 1002),
    ("unmasked client frame", [frame(TEXT, b'{"type":"ping"}', mask=False)], 1002),
    ("ping with RSV1", [frame(PING, b"x", rsv=0x40)], 1002),
    ("pong with RSV1", [frame(PONG, b"x", rsv=0x40)], 1002),
    ("close reason not UTF-8", [frame(CLOSE, struct.pack("!H", 1000) + b"\xff\xfe\xfd")], 1007),
    ("fragmented ping", [frame(PING, b"x", fin=False)], 1002),
    ("ping payload of 126 bytes", [frame(PING, b"p" * 126)], 1002),
    ("reserved opcode 0x3", [frame(0x3, b"x")], 1002),
    ("close code 999", [frame(CLOSE, struct.pack("!H", 999))], 1002),
]


@check("websocket")
def ws_protocol_errors(ctx, srv):
    """Each protocol violation gets a close frame with the right code, then the TCP connection ends."""
    def run(case):
        name, frames, expected = case
        ws, _ = open_chat(srv.port)
        try:
            ws.send(*frames)
            code, texts, tcp_closed = ws.expect_close(3.0)
        finally:
            ws.sock.close()
        assert code == expected, f"close code {code} (want {expected}); text frames {texts[:2]}"
        assert tcp_closed, "close frame sent but the TCP connection stayed open"
    failures = parallel(PROTOCOL_CASES, run)
    assert not failures, f"{len(failures)} of {len(PROTOCOL_CASES)} wrong: " + "; ".join(failures)


def padded_text(length, prefix="show me headphones "):
    """A message text of exactly `length` characters: `prefix` and numbered filler words."""
    words, index = [prefix.rstrip()], 0
    while len(" ".join(words)) < length:
        index += 1
        words.append(f"pad{index:04d}")
    return " ".join(words)[:length]


def collect_answers(ws, ids, timeout):
    """{id: answer frame} for the messages `ids`, plus the error frames that named no message."""
    answers, unattributed, deadline = {}, [], time.monotonic() + timeout
    while len(answers) < len(ids) and time.monotonic() < deadline:
        try:
            obj = ws.recv_json(timeout=max(0.01, deadline - time.monotonic()))
        except (TimeoutError, Closed, OSError):
            break
        if obj.get("type") in ("reply", "error") and obj.get("replyTo") in ids:
            answers[obj["replyTo"]] = obj
        elif obj.get("type") == "error":
            unattributed.append(obj.get("code"))
    return answers, unattributed


def assert_whole(srv, sent, answers, unattributed):
    """Every message answered (reply or error naming it); every replied message stored exactly as sent."""
    missing = [id for id in sent if id not in answers]
    assert not unattributed, f"{len(unattributed)} error frames named no message (codes {sorted(set(map(str, unattributed)))})"
    assert not missing, f"{len(missing)} of {len(sent)} messages got no answer, e.g. {missing[:3]}"
    replied = [id for id, answer in answers.items() if answer["type"] == "reply"]
    stored = stored_texts(srv.database, replied) if replied else {}
    altered = [id for id in replied if stored.get(id) != sent[id]]
    assert not altered, (f"{len(altered)} answered messages were not stored as sent, e.g. {altered[0]}: "
                         f"{len(stored.get(altered[0]) or '')} of {len(sent[altered[0]])} characters stored")


@check("websocket")
def ws_fragmented_message(ctx, srv):
    """1,600 characters in 16 fragments: answered and stored whole, or refused with an error naming it."""
    id = f"f1-{uuid.uuid4().hex[:8]}"
    sent = {id: padded_text(1600)}
    ws, _ = open_chat(srv.port)
    try:
        ws.send(*fragments(message(sent[id], id), 16))
        answers, unattributed = collect_answers(ws, set(sent), 10)
    finally:
        ws.close()
    assert_whole(srv, sent, answers, unattributed)


@check("websocket")
def ws_flood_then_fragmented(ctx, srv):
    """400 messages sent without reading, then a fragmented one: each answered or refused by id, none altered."""
    tag = uuid.uuid4().hex[:6]
    sent = {f"q{index}-{tag}": f"show me headphones under ${100 + index}" for index in range(400)}
    last = f"f2-{tag}"
    sent[last] = padded_text(1600)
    ws, _ = open_chat(srv.port, source="127.0.0.4")
    try:
        ws.send(*(frame(TEXT, message(text, id)) for id, text in sent.items() if id != last))
        ws.send(*fragments(message(sent[last], last), 16))
        answers, unattributed = collect_answers(ws, set(sent), 30)
    finally:
        ws.close()
    assert_whole(srv, sent, answers, unattributed)


def tcp_state(sock):
    """The kernel's TCP state of `sock` (1 established, 7 closed, 8 close-wait): a FIN or RST seen without reading."""
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0]


@check("websocket")
def ws_ping_flood(ctx, srv, seconds=20.0):
    """A client that floods 125-byte pings and never reads is disconnected within write-timeout + 5 s of backing up."""
    ws = WS.open(srv.port, source="127.0.0.5", rcvbuf=4096)
    assert ws.recv_json()["type"] == "welcome"
    sock = ws.sock
    sock.setblocking(False)
    ping = frame(PING, b"p" * 125)
    burst = ping * 64
    started = time.monotonic()
    filled = closed = None
    pending = memoryview(b"")
    while (elapsed := time.monotonic() - started) < seconds:
        if tcp_state(sock) != 1:
            closed = elapsed
            break
        try:
            if not pending:
                pending = memoryview(burst)
            pending = pending[sock.send(pending):]
        except BlockingIOError:
            filled = filled if filled is not None else elapsed
            time.sleep(0.05)
        except (ConnectionResetError, BrokenPipeError):
            closed = elapsed
            break
    sock.close()
    assert closed is not None, (f"still connected after {seconds:.0f} s of pings without reading "
                                f"(sends blocked from {filled if filled is None else round(filled, 1)} s)")
    if filled is not None:
        assert closed - filled <= 3 + 5, f"closed {closed - filled:.1f} s after the client's sends blocked (want <= 8 s)"


def _resume_abuser(port, session, count, read_seconds, results):
    """Child process: two connections resume `session` and send `count` resume frames each without reading,
    then read for at most `read_seconds`; puts (bytes sent, bytes received, saw rate_limited) per connection."""
    def abuse():
        sent = received = 0
        limited = False
        try:
            ws = WS.open(port, path=f"/chat?store=demo&session={session}", source="127.0.0.1", timeout=10)
            burst = b"".join(frame(TEXT, b'{"type":"resume"}') for _ in range(count))
            ws.sock.settimeout(10)
            ws.sock.sendall(burst)
            sent = len(burst)
            results.put(("sent", 0, 0, False))
            tail, deadline = b"", time.monotonic() + read_seconds
            while (remaining := deadline - time.monotonic()) > 0:
                ws.sock.settimeout(remaining)
                chunk = ws.sock.recv(1 << 20)
                if not chunk:
                    break
                received += len(chunk)
                limited = limited or b'"rate_limited"' in tail + chunk
                tail = chunk[-32:]
        except OSError:
            pass
        results.put(("done", sent, received, limited))
    threads = [threading.Thread(target=abuse) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(read_seconds + 30)


@check("websocket")
def ws_resume_abuse(ctx, srv, count=2000):
    """2 x 2,000 resume frames on a 30-reply session: bounded bytes back, and another client's p50 stays near normal."""
    ws, welcome = open_chat(srv.port, source="127.0.0.1")
    try:
        for index in range(30):
            assert ws.chat("show me laptops", id=f"r{index}", timeout=10)["type"] == "reply"
    finally:
        ws.close()
    baseline = median_reply_ms(srv.port, "127.0.0.2")
    results = multiprocessing.get_context("fork").Queue()
    abuser = multiprocessing.get_context("fork").Process(
        target=_resume_abuser, args=(srv.port, welcome["session"], count, 8.0, results), daemon=True)
    abuser.start()
    try:
        started = [results.get(timeout=20) for _ in range(2)]
        assert all(kind == "sent" for kind, *_ in started), started
        loaded = median_reply_ms(srv.port, "127.0.0.2")
        done = [results.get(timeout=40) for _ in range(2)]
    finally:
        abuser.join(45)
        if abuser.is_alive():
            abuser.kill()
    sent = sum(item[1] for item in done)
    received = sum(item[2] for item in done)
    limited = any(item[3] for item in done)
    assert sent > 0, "the resume frames could not be sent"
    assert received < 50 * sent, (f"{received / 1e6:.1f} MB sent back for {sent / 1e3:.0f} KB of resume frames "
                                  f"({received / sent:.0f}x, want < 50x; rate_limited seen: {limited})")
    assert loaded <= 3 * baseline + 20, f"another client's p50 went from {baseline:.1f} ms to {loaded:.1f} ms"


# ------------------------------------------------------------------ origin and sessions

@check("http-low")
def ws_origin_host(ctx, srv):
    """A foreign Origin with a matching foreign Host (DNS rebinding) is refused with 403; the server's own origin is accepted."""
    try:
        ws = WS.open(srv.port, origin="http://evil.example", host="evil.example")
        ws.close()
        raise AssertionError("Origin http://evil.example with Host evil.example was accepted")
    except Refused as refused:
        assert refused.status == 403, f"refused with HTTP {refused.status}"
    own = f"127.0.0.1:{srv.port}"
    ws = WS.open(srv.port, origin=f"http://{own}", host=own)
    assert ws.recv_json()["type"] == "welcome"
    ws.close()


def session_rows(database):
    """Rows of the server's `sessions` table (read-only)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
        return db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]


@check("sessions")
def sessions_churn(ctx, srv, cycles=3000):
    """3,000 connect/welcome/close cycles: RSS grows < 15 MB after the first 200; < 50 new session rows."""
    def cycle(_):
        ws, _ = open_chat(srv.port, source="127.0.0.8")
        ws.close()
    before = session_rows(srv.database)
    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(cycle, range(200)))
        rss_first = srv.rss_mb
        list(pool.map(cycle, range(cycles - 200)))
    time.sleep(1)
    grown, rows = srv.rss_mb - rss_first, session_rows(srv.database) - before
    assert grown < 15, f"RSS grew {grown:.1f} MB over {cycles - 200} cycles"
    assert rows < 50, f"{rows} session rows added by {cycles} sessions that sent nothing"


@check("sessions", server="sessions")
def sessions_rate(ctx, srv):
    """--new-sessions-per-minute 10: the 15th new session from one address is refused; resuming one still works."""
    ws, welcome = open_chat(srv.port, source="127.0.0.9")
    assert ws.chat("hello", id="keep")["type"] in ("reply", "error")  # a session with a turn is kept
    ws.close()
    outcome = None
    for _ in range(14):
        try:
            ws = WS.open(srv.port, source="127.0.0.9")
            first = ws.recv_json()
            outcome = first.get("code") if first.get("type") == "error" else first.get("type")
            ws.close()
        except Refused as refused:
            outcome = refused.status
        except Closed as closed:
            outcome = f"closed {closed.code}"
    assert outcome in (429, "rate_limited"), f"the 15th new session got {outcome!r}"
    ws, resumed = open_chat(srv.port, source="127.0.0.9", path=f"/chat?store=demo&session={welcome['session']}")
    ws.close()
    assert resumed.get("resumed"), f"the resume was refused: {resumed}"


def token_id(ctx, database, token_name):
    """The id `shoptalk token list` shows for the token named `token_name`."""
    out = subprocess.run([ctx.binary, "token", "list", "--store", "demo", "--db", database], capture_output=True, text=True,
                         check=True, timeout=60, cwd=ROOT).stdout
    return next(line.split()[0] for line in out.splitlines() if token_name in line.split())


@check("sessions")
def sessions_revoke(ctx, srv):
    """A token revoked by the CLI while its owner is signed in: an unauthorized frame within 1.5 s, then customer answers."""
    name = f"revoke-{uuid.uuid4().hex[:6]}"
    token = create_token(ctx.binary, srv.database, "demo", name)
    ws, _ = open_chat(srv.port)
    try:
        ws.send_json({"type": "auth", "token": token})
        assert ws.recv_json()["type"] == "auth_ok"
        subprocess.run([ctx.binary, "token", "revoke", token_id(ctx, srv.database, name), "--db", srv.database],
                       check=True, capture_output=True, timeout=60, cwd=ROOT)
        try:
            pushed = ws.recv_json(timeout=1.5)
        except TimeoutError:
            raise AssertionError("no frame within 1.5 s of the revocation") from None
        assert pushed.get("type") == "error" and pushed.get("code") == "unauthorized", pushed
        reply = ws.chat("what was revenue last month", id="after")
        assert reply["type"] == "reply" and "result" not in reply, f"still answered as the owner: {reply.get('text', '')[:80]!r}"
    finally:
        ws.close()


@check("sessions")
def sessions_owner_replay(ctx, srv):
    """Resuming an owner's session without signing in replays owner turns as placeholders, not the figures."""
    token = ctx.token(srv)
    ws, welcome = open_chat(srv.port)
    try:
        ws.send_json({"type": "auth", "token": token})
        assert ws.recv_json()["type"] == "auth_ok"
        original = ws.chat("top customers by revenue", id="own1")
        assert "result" in original, f"harness: the owner's reply has no result: {original}"
    finally:
        ws.close()
    ws, resumed = open_chat(srv.port, path=f"/chat?store=demo&session={welcome['session']}")
    replayed = {}
    try:
        ws.send_json({"type": "resume"})
        for _ in range(50):
            item = ws.recv_json()
            if item["type"] == "resume_ok":
                break
            replayed[item.get("replyTo")] = item
    finally:
        ws.close()
    turn = replayed.get("own1")
    assert turn is not None, f"the owner turn was not replayed at all ({list(replayed)})"
    assert "result" not in turn and turn.get("text") != original["text"], f"replayed with the figures: {turn.get('text', '')[:80]!r}"
    assert re.search(r"sign[- ]?in", turn.get("text", ""), re.I), f"the placeholder does not ask to sign in: {turn.get('text')!r}"
