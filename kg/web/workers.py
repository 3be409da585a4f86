"""Ad-hoc SPARQL queries in worker processes that can be stopped: a deadline and a size bound.

pyoxigraph has no query timeout and a running query cannot be interrupted from Python, so the
web app runs the queries of its SPARQL endpoint in child processes (spawned, each with its own
read-only open of the store, kg.backend). A query that runs past the deadline has its worker
killed and replaced; the client gets `QueryTimeout`. The answer is serialised in the worker into a
buffer bounded to `max_bytes`; a larger answer is abandoned and the client gets `ResultTooLarge`,
never a truncated body.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass

from kg.errors import KgError

DEFAULT_TIMEOUT_S = 30
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_WORKERS = 2
STARTUP_S = 60  # seconds a new worker may take to start (import, open the store); not part of a query's time
# Seconds a request may wait for a free worker, counted apart from the query's own deadline: a few
# queries stopped by the deadline then delay the others (each heavy one holds a worker for at most
# timeout_s, plus a restart) instead of failing them; past this wait the answer is HTTP 503.
DEFAULT_WAIT_S = 120


class QueryTimeout(KgError):
    """The query ran longer than the server's timeout (seconds) and was stopped."""


class ResultTooLarge(KgError):
    """The answer is larger than the server's bound (bytes) and was not sent."""


class QueryFailed(KgError):
    """The engine refused the query (syntax error or evaluation error); the message says why."""


@dataclass(frozen=True)
class Answer:
    """A serialised answer: its bytes and the format name (kg.results: json, xml, csv, tsv for
    SELECT/ASK; turtle, ntriples, jsonld, rdfxml for CONSTRUCT/DESCRIBE)."""

    body: bytes
    fmt: str


class _Full(Exception):
    pass


class _Bounded:
    """A write-only byte buffer that raises _Full past `limit` bytes."""

    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _Full()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def answer(backend, text: str, fmt: str, max_bytes: int, dataset: tuple[list[str], list[str]] | None = None) -> Answer:
    """Run `text` on `backend` and serialise the answer in `fmt` (SELECT/ASK: json, xml, csv, tsv;
    CONSTRUCT/DESCRIBE: turtle, ntriples, jsonld, rdfxml) into at most `max_bytes` bytes.
    `dataset`: the SPARQL Protocol's (default-graph-uri, named-graph-uri) lists, graph IRIs of the
    store (a graph it lacks is empty; nothing is fetched), instead of the union default graph.
    Raises QueryFailed (syntax or evaluation error, an invalid graph IRI) or ResultTooLarge."""
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES
    from kg.results import GRAPH_FORMATS, SERIALIZED

    try:
        if dataset is None:
            result = backend.query(text)
        else:
            try:
                default, named = ([ox.NamedNode(g) for g in gs] for gs in dataset)
            except ValueError as e:
                raise QueryFailed(f"invalid graph IRI in default-graph-uri / named-graph-uri: {e}") from None
            result = backend.store.query(text, default_graph=default, named_graphs=named, prefixes=PREFIXES)
        out = _Bounded(max_bytes)
        if isinstance(result, ox.QueryTriples):
            fmt = fmt if fmt in GRAPH_FORMATS else "turtle"
            prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
            ox.serialize(result, out, getattr(ox.RdfFormat, GRAPH_FORMATS[fmt]), prefixes=prefixes)
        else:
            fmt = fmt if fmt in SERIALIZED else "json"
            result.serialize(out, getattr(ox.QueryResultsFormat, SERIALIZED[fmt]))
    except _Full:
        raise ResultTooLarge(f"the answer is larger than {max_bytes} bytes; add a LIMIT or select fewer columns") from None
    except SyntaxError as e:
        from kg.sparqlerrors import syntax_message

        raise QueryFailed(syntax_message(text, e)) from None
    except OSError as e:  # pyoxigraph raises OSError for evaluation errors
        if isinstance(e.__context__, _Full) or "_Full" in str(e):
            raise ResultTooLarge(f"the answer is larger than {max_bytes} bytes; add a LIMIT") from None
        raise QueryFailed(f"the query failed: {e}") from None
    body = b"".join(out.parts)
    if fmt == "xml":  # as kg.results.serialize: a raw carriage return would be read back as a line feed
        body = body.replace(b"\r", b"&#13;")
    return Answer(body, fmt)


def _worker_main(conn, store: str, max_bytes: int) -> None:  # pragma: no cover - runs in a child
    import signal

    from kg.backend import open_backend

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent stops us
    backend = open_backend(store=store)
    conn.send(("ready", None))
    while True:
        try:
            text, fmt, dataset = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        try:
            conn.send(("ok", answer(backend, text, fmt, max_bytes, dataset)))
        except KgError as e:
            conn.send((type(e).__name__, str(e)))
        except Exception as e:  # noqa: BLE001 - reported to the parent as a failed query
            conn.send(("QueryFailed", f"{type(e).__name__}: {e}"))


class _Worker:
    def __init__(self, ctx, store: str, max_bytes: int):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store, max_bytes), daemon=True,
                                name="kg-sparql-worker")
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(timeout):
            try:
                self.ready = self.conn.recv()[0] == "ready"
            except EOFError:
                return False
        return self.ready

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)
        self.conn.close()


_ERRORS = {"QueryFailed": QueryFailed, "ResultTooLarge": ResultTooLarge, "UsageError": QueryFailed,
           "InputError": QueryFailed}


class WorkerPool:
    """`size` worker processes answering ad-hoc queries on the store at `store` (a folder made by
    `kg load`), each stopped after `timeout_s` seconds and bounded to `max_bytes` of answer; a query
    waits at most `wait_s` seconds for a free worker."""

    def __init__(self, store: str, *, size: int = DEFAULT_WORKERS, timeout_s: float = DEFAULT_TIMEOUT_S,
                 max_bytes: int = DEFAULT_MAX_BYTES, wait_s: float = DEFAULT_WAIT_S):
        import multiprocessing

        self.store, self.timeout_s, self.max_bytes, self.wait_s = str(store), timeout_s, max_bytes, wait_s
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._spawn()

    def _spawn(self) -> None:
        with self._lock:
            if self._closed:
                return
            w = _Worker(self._ctx, self.store, self.max_bytes)
            self._all.add(w)
        self._idle.put(w)

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.stop()
        threading.Thread(target=self._spawn, daemon=True).start()

    def run(self, text: str, fmt: str, dataset: tuple[list[str], list[str]] | None = None) -> Answer:
        """The answer to `text` in `fmt` over `dataset` (see `answer`). Raises QueryTimeout when no worker is free
        within `wait_s` or the query runs past `timeout_s` counted from when a started worker receives it
        (the worker is then killed and replaced), ResultTooLarge, or QueryFailed."""
        import time

        try:
            w = self._idle.get(timeout=self.wait_s)
        except queue.Empty:
            raise QueryTimeout(f"no query worker became free within {self.wait_s:g} s; try again later") from None
        try:
            if not w.wait_ready(STARTUP_S):
                raise QueryTimeout(f"the query worker did not start within {STARTUP_S} s")
            deadline = time.monotonic() + self.timeout_s
            w.conn.send((text, fmt, dataset))
            if not w.conn.poll(max(deadline - time.monotonic(), 0.01)):
                raise QueryTimeout(f"the query ran longer than {self.timeout_s:g} s and was stopped (--timeout-s)")
            status, payload = w.conn.recv()
        except (QueryTimeout, EOFError, OSError) as e:
            self._replace(w)
            if isinstance(e, QueryTimeout):
                raise
            raise QueryFailed("the query worker died; the query may need more memory than the server has") from None
        self._idle.put(w)
        if status == "ok":
            return payload
        raise _ERRORS.get(status, QueryFailed)(payload)

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()
