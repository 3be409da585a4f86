"""`make bench-web`: the web app's server time per page kind and its behaviour under 20 concurrent clients.

    python bench/web.py                      # the seed data (loaded with --reason into a temporary store)
    python bench/web.py --store PATH         # an existing store (e.g. a synthetic world from bench/generate.py)
    python bench/web.py --clients 20 --requests 50
    python bench/web.py --heavy 4            # with 4 heavy /sparql queries alongside the load

A real `kg serve` runs on 127.0.0.1 on a free port. Server time is the app's own
`Server-Timing: app;dur=…` header (time to the response's first byte, ms), read over HTTP with
httpx. Per page kind the median over its URLs is given twice: the first request for each URL (entity
pages are then rendered; they are kept afterwards) and a repeat. Then `--clients` threads each send
`--requests` requests drawn in turn from every page kind; errors (non-2xx or a transport error) and
client-side latency p50/p99 are given. With `--heavy N`, N more clients each send one query
that no bound lets finish (a three-way cross product of the store, counted) at the start of the
load; their status and time are given (the server's `--timeout-s`, default 30 s, answers 503). Output: a Markdown table on standard output, also written to
bench/results/web-<date>-<host>-<label>.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KINDS = {
    "organisation": "igkg:Organization", "person": "igkg:Person", "event": "igkg:Event",
    "agreement": "igkg:Agreement", "post holding": "igkg:PostHolding", "source document": "igkg:SourceDocument",
}
FIXED = {
    "home": ["/"],
    "search": ["/search?q=cnnic", "/search?q=icann", "/search?q=zhang"],
    "browse": [f"/browse/{k}" for k in ("organisations", "people", "events", "agreements", "documents")],
    "query form + rows": ["/queries/people-of-organisation?org={org}", "/queries/career-of-person?person={person}",
                          "/queries/events-in-year?year=2014"],
    "query .json": ["/queries/people-of-organisation.json?org={org}", "/queries/career-of-person.json?person={person}"],
    "query library": ["/queries"],
    "/sparql SELECT": ["/sparql?query=SELECT%20%3Fo%20WHERE%20%7B%20%3Fo%20a%20igkg%3AOrganization%20%7D%20LIMIT%2050"],
    "ontology": ["/ontology"],
    "editor": ["/editor"],
    "entity as Turtle": ["/id/{org_path}?format=ttl", "/id/{person_path}?format=ttl"],
    "pictures of the whole graph": ["/network", "/timeline"],
    "an entity's pictures (network, timeline)": ["/pictures?around=https://w3id.org/igkg/id/{org_path}",
                                                 "/pictures?around=https://w3id.org/igkg/id/{person_path}"],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_ms(response) -> float:
    return float(response.headers["server-timing"].split("dur=")[1])


def entity_urls(client, per_kind: int) -> dict[str, list[str]]:
    """Up to `per_kind` entity page paths per kind, asked of the server's own /sparql."""
    out = {}
    for kind, cls in KINDS.items():
        q = f"SELECT DISTINCT ?x WHERE {{ ?x a {cls} }} ORDER BY ?x LIMIT {per_kind}"
        r = client.get("/sparql", params={"query": q}, headers={"Accept": "text/csv"})
        r.raise_for_status()
        iris = r.text.split("\r\n")[1:]
        out[f"entity: {kind}"] = ["/id/" + i.split("/igkg/id/", 1)[1] for i in iris if "/igkg/id/" in i]
    return out


def measure(client, kinds: dict[str, list[str]]) -> list[tuple[str, int, float, float]]:
    rows = []
    for kind, urls in kinds.items():
        first, again = [], []
        for u in urls:
            r = client.get(u)
            r.raise_for_status()
            first.append(server_ms(r))
        for u in urls:
            again.append(server_ms(client.get(u)))
        rows.append((kind, len(urls), statistics.median(first), statistics.median(again)))
    return rows


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def load(clients: int, requests: int, base: str, urls: list[str],
         heavy: int = 0) -> tuple[int, float, float, float, list[tuple[int, float]]]:
    import httpx

    latencies: list[float] = []
    errors = [0]
    heavy_answers: list[tuple[int, float]] = []
    lock = threading.Lock()

    def heavy_client() -> None:
        with httpx.Client(base_url=base, trust_env=False, timeout=600) as c:
            t = time.perf_counter()
            status = c.post("/sparql", data={"query": HEAVY}).status_code
            with lock:
                heavy_answers.append((status, time.perf_counter() - t))

    def client(n: int) -> None:
        with httpx.Client(base_url=base, trust_env=False, timeout=60) as c:
            for i in range(requests):
                u = urls[(n * requests + i) % len(urls)]
                t = time.perf_counter()
                try:
                    ok = c.get(u).is_success
                except httpx.HTTPError:
                    ok = False
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    latencies.append(ms)
                    errors[0] += not ok

    start = time.perf_counter()
    threads = [threading.Thread(target=heavy_client) for _ in range(heavy)]
    threads += [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads[heavy:]:
        t.join()
    wall = time.perf_counter() - start
    for t in threads[:heavy]:
        t.join()
    q = statistics.quantiles(latencies, n=100)
    return errors[0], q[49], q[98], len(latencies) / wall, sorted(heavy_answers)


def main() -> None:
    import httpx

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", help="an existing store folder (default: the seed data, loaded here)")
    ap.add_argument("--per-kind", type=int, default=20, help="entity pages measured per kind")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=50, help="requests per client")
    ap.add_argument("--heavy", type=int, default=0, help="heavy /sparql queries sent alongside the load")
    ap.add_argument("--label", default="seed", help="names the results file (web-<date>-<host>-<label>.md)")
    args = ap.parse_args()
    kg = [sys.executable, "-m", "kg"]
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = str(Path(tmp) / "kg")
            subprocess.run(kg + ["load", "--store", store, "--reason", "--no-validate"], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(kg + ["serve", "--store", store, "--port", str(port)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            proc.stdout.readline()  # "Serving …": the app has started
            with httpx.Client(base_url=base, trust_env=False, timeout=120) as client:
                entities = entity_urls(client, args.per_kind)
                org, person = entities["entity: organisation"][0][4:], entities["entity: person"][0][4:]
                names = {"org": "igorg:" + org.split("/", 1)[1], "person": "igperson:" + person.split("/", 1)[1],
                         "org_path": org, "person_path": person}
                fixed = {k: [u.format(**names) for u in us] for k, us in FIXED.items()}
                kinds = {**fixed, **entities}
                rows = measure(client, kinds)
            urls = [u for us in kinds.values() for u in us]
            errors, p50, p99, rate, heavy = load(args.clients, args.requests, base, urls, args.heavy)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    lines = [f"# Web app benchmark ({dt.date.today()}, {platform.node()}, {os.cpu_count()} CPUs, "
             f"store: {args.store or 'seed data, reasoned'})", "",
             "| page kind | URLs | median server ms, first request | median server ms, again |",
             "|---|---:|---:|---:|"]
    lines += [f"| {k} | {n} | {a:.1f} | {b:.1f} |" for k, n, a, b in rows]
    lines += ["", f"{args.clients} concurrent clients × {args.requests} requests on 127.0.0.1 (all page kinds in turn): "
                  f"{errors} errors, p50 {p50:.1f} ms, p99 {p99:.1f} ms, {rate:.0f} requests/s", ""]
    if heavy:
        lines += [f"{len(heavy)} heavy queries alongside (`{HEAVY}`, sent at the start): "
                  + ", ".join(f"HTTP {status} after {seconds:.1f} s" for status, seconds in heavy), ""]
    text = "\n".join(lines)
    print(text)
    out = HERE / "results" / f"web-{dt.date.today()}-{platform.node()}-{args.label}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
