"""Real SPARQL servers for the tests, each on 127.0.0.1 with free ports and a temporary database:
Oxigraph's server (`oxigraph serve`, from the `oxigraph` PyPI package beside this Python) and
OpenLink Virtuoso 7 (`virtuoso-t` from Debian's `virtuoso-opensource`; `make test` installs it).
"""

from __future__ import annotations

import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def reasoned_store(folder: Path) -> Path:
    """The project's data loaded with its inferences (not validated) into `folder`/store, as
    `kg load --reason --no-validate` loads it; the store's path."""
    from kg.dataset import default_sources
    from kg.store import load

    path = folder / "store"
    load(default_sources(), path=path, reason=True, validated="no")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the server exited with {proc.returncode}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


def stop(proc: subprocess.Popen) -> None:
    """Terminate a server this module started, and wait for it (kill after 20 s)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextmanager
def oxigraph_server(directory: Path) -> Iterator[str]:
    """A read-write `oxigraph serve` with its database in `directory`; yields its base URL."""
    exe = Path(sys.executable).parent / "oxigraph"
    port = free_port()
    proc = subprocess.Popen(
        [str(exe), "serve", "--location", str(directory / "server-db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso: its HTTP base URL, the SQL port, and the `dba` account's password."""

    url: str
    sql_port: int
    password: str
    directory: Path

    def isql(self, statement: str) -> str:
        """Run one SQL statement as dba through `isql-vt`; returns its output (AssertionError on failure)."""
        done = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", self.password, f"exec={statement}"],
                              check=False, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and "*** Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        return done.stdout


def virtuoso_available() -> bool:
    return shutil.which("virtuoso-t") is not None and VIRTUOSO_INI.is_file()


def virtuoso_ini(directory: Path, *, http_port: int, sql_port: int, buffers: int = 10000,
                 settings: dict[str, dict[str, str]] | None = None) -> Path:
    """A copy of Debian's virtuoso.ini with the database in `directory`, both servers on
    127.0.0.1 at the given ports, and `buffers` 8 KB pages of cache (Virtuoso advises about
    85,000 per GB of memory it may use). `settings` maps a section name (`"SPARQL"`) to
    `{key: value}` set in it, replacing the key's line or adding one."""
    text = VIRTUOSO_INI.read_text(encoding="utf-8")
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{directory}/")
    sections = re.split(r"(?m)^(?=\[)", text)
    for i, section in enumerate(sections):
        if section.startswith("[Parameters]"):
            section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{sql_port}", section)
            section = re.sub(r"(?m)^NumberOfBuffers\s*=.*$", f"NumberOfBuffers = {buffers}", section)
            section = re.sub(r"(?m)^MaxDirtyBuffers\s*=.*$", f"MaxDirtyBuffers = {buffers * 3 // 4}", section)
        elif section.startswith("[HTTPServer]"):
            section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{http_port}", section)
        name = section[1:section.find("]")] if section.startswith("[") else ""
        for key, value in (settings or {}).get(name, {}).items():
            line = f"{key} = {value}"
            section, n = re.subn(rf"(?m)^{re.escape(key)}\s*=.*$", line, section)
            if n == 0:
                section = section.rstrip("\n") + f"\n{line}\n\n"
        sections[i] = section
    ini = directory / "virtuoso.ini"
    ini.write_text("".join(sections), encoding="utf-8")
    return ini


@contextmanager
def shared_virtuoso(directory: Path, prepare: Callable[[Virtuoso], dict] | None = None
                    ) -> Iterator[tuple[Virtuoso, dict]]:
    """One Virtuoso for every process of a test session (the xdist workers) that asks with the same
    `directory`: the first to arrive starts it and runs `prepare` on it (whose JSON-able answer
    every user gets), the last to leave stops it (by its process id). A lock file serialises
    them; `server.json` holds the server, what `prepare` answered, and the number of users."""
    import fcntl
    import json
    import os
    import signal

    directory.mkdir(parents=True, exist_ok=True)
    info = directory / "server.json"
    with open(directory / "lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state = json.loads(info.read_text()) if info.exists() else None
        if state is None:
            db = directory / f"db-{os.getpid()}"
            db.mkdir()
            server, proc = start_virtuoso(db)
            state = {"url": server.url, "sql_port": server.sql_port, "password": server.password, "db": str(db),
                     "pid": proc.pid, "users": 0}
            try:
                state["prepared"] = prepare(server) if prepare else {}
            except BaseException:
                stop(proc)
                raise
        state["users"] += 1
        info.write_text(json.dumps(state))
    try:
        yield Virtuoso(state["url"], state["sql_port"], state["password"], Path(state["db"])), state["prepared"]
    finally:
        with open(directory / "lock", "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            state = json.loads(info.read_text())
            state["users"] -= 1
            if state["users"] > 0:
                info.write_text(json.dumps(state))
            else:
                info.unlink()
                os.kill(state["pid"], signal.SIGTERM)  # the server this function started
                port = int(state["url"].rsplit(":", 1)[1])
                deadline = time.monotonic() + 20
                while time.monotonic() < deadline:
                    try:
                        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                        time.sleep(0.1)
                    except OSError:
                        break


def start_virtuoso(directory: Path, *, buffers: int = 10000, settings: dict[str, dict[str, str]] | None = None
                   ) -> tuple[Virtuoso, subprocess.Popen]:
    """Start Virtuoso with a new database in `directory` (`buffers`, `settings`: see virtuoso_ini);
    the default `dba` password is changed to a random one before anything else happens. Returns
    the server and its process."""
    http_port, sql_port = free_port(), free_port()
    ini = virtuoso_ini(directory, http_port=http_port, sql_port=sql_port, buffers=buffers, settings=settings)
    proc = subprocess.Popen(["virtuoso-t", "-c", str(ini), "+foreground"], cwd=directory,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(http_port, proc, seconds=120)
        wait_for_port(sql_port, proc, seconds=60)
        password = secrets.token_urlsafe(12)
        Virtuoso(f"http://127.0.0.1:{http_port}", sql_port, "dba", directory).isql(
            f"USER_SET_PASSWORD('dba', '{password}');")
    except BaseException:
        stop(proc)
        raise
    return Virtuoso(f"http://127.0.0.1:{http_port}", sql_port, password, directory), proc


@contextmanager
def virtuoso_server(directory: Path, *, buffers: int = 10000) -> Iterator[Virtuoso]:
    """Virtuoso with a new database in `directory` (see start_virtuoso), stopped on exit."""
    server, proc = start_virtuoso(directory, buffers=buffers)
    try:
        yield server
    finally:
        stop(proc)


# --- a proxy in front of a real server, answering some requests itself ------------------------


@dataclass
class Seen:
    """A request the proxy received: method, path with query string, headers, body."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, list[str]]:
        from urllib.parse import parse_qs

        return parse_qs(self.body.decode("utf-8", "replace"))


@dataclass
class Fault:
    """What the proxy does instead of (or on top of) forwarding a request.

    `status`/`body`/`headers`: answer this itself (status None: forward); `delay`: seconds to wait
    first; `trickle`: seconds between single bytes of the answer; `content_type`: replace the
    forwarded answer's type; `cut`: send only this many bytes of the body (Content-Length stays);
    `after`: forward, then answer with this status and `body` instead of the server's answer."""

    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] | None = None
    delay: float = 0.0
    trickle: float = 0.0
    content_type: str | None = None
    cut: int | None = None
    after: int | None = None


class FaultProxy:
    """An HTTP server on a free loopback port that forwards every request to `upstream` unless a
    rule (a callable taking a Seen and returning a Fault or None) says otherwise. `seen` lists
    what arrived. Use as a context manager; `url` is its base URL."""

    def __init__(self, upstream: str | None = None):
        self.upstream = upstream
        self.rules: list = []
        self.seen: list[Seen] = []

    def __enter__(self) -> Self:
        import http.server
        import threading

        import httpx

        proxy = self
        client = httpx.Client(timeout=120)

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_one(self):
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(self.command, self.path, dict(self.headers), self.rfile.read(length))
                proxy.seen.append(seen)
                fault = next((f for rule in proxy.rules if (f := rule(seen)) is not None), Fault())
                if fault.delay:
                    time.sleep(fault.delay)
                if fault.status is not None:
                    status, headers, body = fault.status, dict(fault.headers or {}), fault.body
                    headers.setdefault("Content-Type", "text/plain")
                else:
                    skip = {"host", "connection", "accept-encoding", "content-length", "transfer-encoding"}
                    answer = client.request(seen.method, proxy.upstream + seen.path, content=seen.body,
                                            headers={k: v for k, v in seen.headers.items() if k.lower() not in skip})
                    status, body = answer.status_code, answer.content
                    headers = {k.title(): v for k, v in answer.headers.items()
                               if k.lower() in ("content-type", "www-authenticate", "location")}
                    if fault.content_type:
                        headers["Content-Type"] = fault.content_type
                    if fault.after is not None:
                        status, body = fault.after, fault.body
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                sent = body if fault.cut is None else body[:fault.cut]
                if fault.trickle:
                    for i in range(len(sent)):
                        self.wfile.write(sent[i:i + 1])
                        self.wfile.flush()
                        time.sleep(fault.trickle)
                else:
                    self.wfile.write(sent)
                self.close_connection = True

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_one

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request, client_address):  # a client that hung up on a slow answer
                pass

        self._client = client
        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()


@contextmanager
def kg_serve(store: Path, *options: str) -> Iterator[str]:
    """A real `kg serve --store STORE OPTIONS…` on 127.0.0.1 and a free port; yields its base URL
    once it answers, and stops it (SIGTERM) afterwards."""
    import os

    root = Path(__file__).resolve().parent.parent
    port = free_port()
    env = dict(os.environ)
    env.pop("KG_STORE", None)
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port), *options],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        wait_for_port(port, proc, seconds=60)
        proc.stdout.readline()  # the banner's first line is printed once the server answers
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)
