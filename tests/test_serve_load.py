"""`kg serve` under load and attack, over HTTP against a real server on 127.0.0.1 (the project data,
loaded with `--reason` into a temporary store; `--timeout-s 3` so that the test stays short, and
`--max-bytes 1000000`): 20 concurrent clients × 50 ordinary requests with 4 heavy queries alongside
(the ordinary ones all answered in full, the heavy ones stopped by the bound: HTTP 503, never a 200
with a cut body); SERVICE refused before any request leaves; updates refused; a foreign Host
header refused; a streaming answer past `--max-bytes` refused with HTTP 413.
Latencies are measured by bench/web.py, not asserted here.
"""

from __future__ import annotations

import json
import threading
import time

import pytest

from servers import kg_serve, reasoned_store
from test_adhoc_refusals import Listener

TIMEOUT_S = 3
MAX_BYTES = 1_000_000
CLIENTS, REQUESTS = 20, 50
# A cross product of the store with itself, three times over: far past any deadline.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Every triple twice over, streamed: tens of megabytes of JSON.
STREAMING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with kg_serve(reasoned_store(tmp_path_factory.mktemp("load")), "--timeout-s", str(TIMEOUT_S), "--max-bytes", str(MAX_BYTES)) as url:
        yield url


def ordinary_requests() -> list[tuple[str, dict, str]]:
    """(path, query parameters, what a full answer ends with): pages, library results and /sparql."""
    organisations = "SELECT ?o WHERE { ?o a igkg:Organization } ORDER BY ?o LIMIT 20"
    return [
        ("/", {}, "</html>"),
        ("/search", {"q": "cnnic"}, "</html>"),
        ("/id/org/cnnic", {}, "</html>"),
        ("/queries/people-of-organisation.json", {"org": "igorg:cnnic"}, "}"),
        ("/queries/successions.csv", {}, "\r\n"),
        ("/sparql", {"query": organisations}, "}"),
        ("/sparql", {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}, "}"),
    ]


def test_ordinary_requests_are_all_answered_while_heavy_queries_are_stopped_by_the_bound(base):
    import httpx

    urls = ordinary_requests()
    results: list[tuple[str, int, str]] = []
    heavy: list[tuple[int, str, float]] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        with httpx.Client(base_url=base, trust_env=False, timeout=120) as c:
            for i in range(REQUESTS):
                path, params, end = urls[(n + i) % len(urls)]
                r = c.get(path, params=params)
                complete = end in r.text[-len(end) - 2:]
                if r.status_code == 200 and (path == "/sparql" or path.endswith(".json")):
                    json.loads(r.text)  # a full document, never a cut one
                with lock:
                    results.append((path, r.status_code, complete, r.text[:80]))

    def heavy_client() -> None:
        with httpx.Client(base_url=base, trust_env=False, timeout=120) as c:
            t = time.monotonic()
            r = c.post("/sparql", data={"query": HEAVY}, headers={"Accept": "application/sparql-results+json"})
            with lock:
                heavy.append((r.status_code, r.text, time.monotonic() - t))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    threads += [threading.Thread(target=heavy_client) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == CLIENTS * REQUESTS
    failed = [(p, s, text) for p, s, complete, text in results if s != 200 or not complete]
    assert failed == []
    assert [(s, text) for s, text, _ in heavy] == [
        (503, f"the query ran longer than {TIMEOUT_S} s and was stopped (--timeout-s)\n")] * 4


def test_a_service_call_is_refused_and_no_request_leaves(base):
    import httpx

    listener = Listener()
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        hidden = (f"SELECT ?x WHERE {{ BIND(igorg:a\\#b AS ?q) SERVICE <http://127.0.0.1:{listener.port}/x> "
                  "{ ?x ?y ?z } }")
        with httpx.Client(base_url=base, trust_env=False, timeout=60) as c:
            for text in (query, hidden):
                r = c.post("/sparql", data={"query": text})
                assert r.status_code == 400
                assert "SERVICE" in r.text
                r = c.get("/sparql", params={"query": text})
                assert r.status_code == 400
        time.sleep(0.5)
        assert listener.requests == []
    finally:
        listener.close()


def test_updates_are_refused_by_every_route(base):
    import httpx

    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    refused = "SPARQL Update is refused: this endpoint is read-only\n"
    with httpx.Client(base_url=base, trust_env=False, timeout=60) as c:
        for r in (c.post("/sparql", data={"update": update}),
                  c.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"}),
                  c.post("/update", data={"update": update})):
            assert (r.status_code, r.text) == (403, refused)
        r = c.post("/sparql", data={"query": update})
        assert r.status_code == 400
        count = c.get("/sparql", params={"query": "ASK { <http://example.org/a> ?p ?o }"},
                      headers={"Accept": "application/sparql-results+json"})
        assert count.json()["boolean"] is False


def test_a_foreign_host_header_is_refused(base):
    import httpx

    port = base.rsplit(":", 1)[1]
    with httpx.Client(trust_env=False, timeout=60) as c:
        for path in ("/sparql?query=ASK%20%7B%7D", "/", "/id/org/cnnic"):
            r = c.get(base + path, headers={"Host": f"rebound.example:{port}"})
            assert (r.status_code, r.text) == (400, "Invalid host header")


def test_a_streaming_answer_past_max_bytes_answers_413(base):
    import httpx

    with httpx.Client(base_url=base, trust_env=False, timeout=120) as c:
        for accept in ("application/sparql-results+json", "text/csv", "text/tab-separated-values",
                       "application/sparql-results+xml"):
            r = c.post("/sparql", data={"query": STREAMING}, headers={"Accept": accept})
            assert (r.status_code, r.headers["content-type"]) == (413, "text/plain; charset=utf-8")
            assert r.text == f"the answer is larger than {MAX_BYTES} bytes; add a LIMIT or select fewer columns\n"
