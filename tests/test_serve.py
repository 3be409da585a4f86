"""`kg serve`: the web app and its read-only SPARQL endpoint over the store, on loopback, stopped by Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import ROOT, invoke_kg
from servers import free_port, wait_for_port

A_TTL = """@prefix ex: <http://example.org/> .
ex:a ex:p "one" .
ex:a ex:q ex:b .
ex:b ex:p "two" .
"""


def http(url: str, *, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str, bytes]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(req, timeout=30) as r:
            return r.status, r.headers.get_content_type(), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get_content_type(), e.read()


def sparql(base: str, query: str, accept: str) -> tuple[int, str, bytes]:
    body = urllib.parse.urlencode({"query": query}).encode()
    return http(f"{base}/query", data=body, headers={
        "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})


@pytest.fixture()
def served(tmp_path):
    data = tmp_path / "a.ttl"
    data.write_text(A_TTL)
    store = tmp_path / "store"
    r = invoke_kg("load", str(data), "--store", str(store), "--no-validate", "--no-reason")
    assert r.returncode == 0, r.stderr
    port = free_port()
    env = dict(os.environ)
    env.pop("KG_STORE", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port), "--timeout-s", "5"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        wait_for_port(port, proc)
        banner = [proc.stdout.readline() for _ in range(3)]  # printed once the server answers
        proc.banner = "".join(banner)
        yield proc, f"http://127.0.0.1:{port}", store
    finally:
        if proc.poll() is None:
            proc.terminate()  # kg serve stops its server child, then exits
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_serve_answers_select_as_json_over_the_union_of_graphs(served):
    proc, base, _ = served
    status, ctype, body = sparql(base, "SELECT ?o WHERE { <http://example.org/a> <http://example.org/p> ?o }",
                                 "application/sparql-results+json")
    assert (status, ctype) == (200, "application/sparql-results+json")
    assert [b["o"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["one"]


def test_serve_answers_construct_as_turtle(served):
    import pyoxigraph as ox

    proc, base, _ = served
    status, ctype, body = sparql(base, "CONSTRUCT WHERE { ?s <http://example.org/p> ?o }", "text/turtle")
    assert (status, ctype) == (200, "text/turtle")
    triples = {(t.subject.value, t.object.value) for t in ox.parse(body, ox.RdfFormat.TURTLE)}
    assert triples == {("http://example.org/a", "one"), ("http://example.org/b", "two")}


def test_serve_refuses_updates_and_graph_store_writes(served):
    proc, base, store = served
    status, _, _ = http(f"{base}/update", data=b"INSERT DATA { <http://x> <http://y> <http://z> }",
                        headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, _ = http(f"{base}/store?graph=http://x", data=b"<http://x> <http://y> <http://z> .",
                        headers={"Content-Type": "application/n-triples"})
    assert status == 403
    _, _, body = sparql(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"


def test_serve_prints_the_urls_and_stops_cleanly_on_sigint(served):
    proc, base, _ = served
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert proc.banner.startswith("Serving store ")
    assert f"\n  SPARQL endpoint: {base}/sparql\n" in proc.banner
    assert proc.banner.endswith(f"\n  web app:         {base}/\n")
    assert "Stopped." in err
    time.sleep(0.2)
    with pytest.raises(OSError):  # nothing listens any more
        urllib.request.build_opener(urllib.request.ProxyHandler({})).open(f"{base}/", timeout=2)


def test_serve_stops_cleanly_on_sigterm(served):
    proc, _, _ = served
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=20)
    assert proc.returncode == 0


def test_the_server_dies_with_a_killed_kg_serve(served):
    proc, base, _ = served
    proc.kill()  # SIGKILL: kg serve cannot stop anything
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            urllib.request.build_opener(urllib.request.ProxyHandler({})).open(f"{base}/", timeout=1).close()
        except OSError:
            return  # nothing listens any more
        time.sleep(0.1)
    raise AssertionError("something still listens after kg serve was killed")


def test_serve_without_a_store_says_to_run_kg_load(tmp_path, kg):
    r = kg("serve", "--store", str(tmp_path / "none"))
    assert r.returncode == 2
    assert "run `kg load` first" in r.stderr


def test_loading_into_the_read_only_endpoint_reports_the_refusal(served, tmp_path, kg):
    proc, base, _ = served
    data = tmp_path / "b.ttl"
    data.write_text(A_TTL)
    r = kg("load", str(data), "--endpoint", f"{base}/store", "--no-validate")
    assert r.returncode == 2
    assert f"error: PUT {base}/store?graph=https%3A%2F%2Fw3id.org%2Figkg%2Fgraph%2Fb: HTTP 403 Forbidden" in r.stderr
    assert "Traceback" not in r.stderr


def test_the_web_app_answers_over_http_with_httpx(served):
    import httpx

    proc, base, _ = served
    with httpx.Client(base_url=base, trust_env=False, timeout=30) as client:
        home = client.get("/")
        assert home.status_code == 200 and "<h1>Internet Governance Knowledge Graph</h1>" in home.text
        assert client.get("/id/no/such-thing").status_code == 404
        r = client.post("/sparql", content="SELECT ?o WHERE { <http://example.org/a> <http://example.org/p> ?o }",
                        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
        assert (r.status_code, r.text) == (200, "o\r\none\r\n")


def test_a_request_naming_another_host_is_refused(served):
    """DNS rebinding: a page from attacker.example whose name now resolves to 127.0.0.1 sends
    `Host: attacker.example`; the app answers only its own address."""
    import httpx

    proc, base, _ = served
    port = base.rsplit(":", 1)[1]
    with httpx.Client(trust_env=False, timeout=30) as client:
        bad = client.get(f"{base}/sparql", params={"query": "ASK {}"}, headers={"Host": f"attacker.example:{port}"})
        assert (bad.status_code, bad.text) == (400, "Invalid host header")
        good = client.get(f"{base}/sparql", params={"query": "ASK {}"}, headers={"Host": f"localhost:{port}"})
        assert good.status_code == 200


def test_serve_on_a_busy_port_fails_with_one_line_before_the_banner(served, tmp_path):
    proc, base, store = served
    port = base.rsplit(":", 1)[1]
    env = dict(os.environ)
    env.pop("KG_STORE", None)
    r = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", port],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr == f"error: cannot serve on {base}: the port is in use; pick another with --port\n"
