"""`kg load` into the embedded store: atomic swaps, idempotent reloads, syntax errors, kills, readers."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, CliResult, invoke_kg, run_kg

G = "https://w3id.org/igkg/graph/"

A_TTL = """@prefix ex: <http://example.org/> .
ex:a ex:p "one" .
ex:a ex:q ex:b .
ex:b ex:p "two" .
"""
B_TTL = """@prefix ex: <http://example.org/> .
ex:c ex:p "three" ; ex:q [ ex:p "four" ] .
"""
# line 3, column 11: the string is never closed
BAD_TTL = """@prefix ex: <http://example.org/> .
ex:x ex:p ex:y .
ex:x ex:p "unterminated .
"""


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in {"a.ttl": A_TTL, "b.ttl": B_TTL, "bad.ttl": BAD_TTL}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        out[name] = tmp_path / name
    return out


def load(*args: str, store: Path, json_out: bool = True,
         process: bool = False) -> CliResult | subprocess.CompletedProcess:
    """`kg load ARGS --store STORE --no-validate --no-reason [--json]`, in-process unless `process`
    (a real `python -m kg` process, where the process boundary is what is tested)."""
    extra = ["--json"] if json_out else []
    run = run_kg if process else invoke_kg
    return run("load", *args, "--store", str(store), "--no-validate", "--no-reason", *extra)


def count(store: Path) -> int:
    from kg.store import open_read_only

    handle = open_read_only(store)
    try:
        return len(handle.store)
    finally:
        handle.lock and handle.lock.close()


def databases(store: Path) -> list[str]:
    return sorted(p.name for p in store.iterdir() if p.is_dir())


def test_load_puts_each_file_in_its_named_graph(tmp_path, files):
    store = tmp_path / "store"
    r = load(str(files["a.ttl"]), str(files["b.ttl"]), store=store)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["graphs"] == {G + "a": 3, G + "b": 3}
    assert summary["triples"] == 6
    assert summary["current"] is False
    meta = json.loads((store / "current.json").read_text())
    assert meta["graphs"] == {G + "a": 3, G + "b": 3}
    assert meta["triples"] == 6 and meta["validated"] == "no" and meta["reasoned"] is False
    assert meta["igkg_version"] and meta["created"] and len(meta["fingerprint"]) == 64
    assert count(store) == 6


def test_summary_lists_graphs_and_seconds(tmp_path, files):
    r = load(str(files["a.ttl"]), store=tmp_path / "s", json_out=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Loaded 3 triples in 1 named graph into ")
    assert f"{G}a" in r.stdout
    assert re.search(r" in \d+\.\d\d s[ .]", r.stdout.splitlines()[0])  # "… in 1.26 s." or "… in 1.26 s (compacting …)."


def test_summary_lists_the_ten_largest_of_many_graphs(tmp_path):
    paths = []
    for i in range(12):  # g00 holds 1 triple, g11 holds 12
        p = tmp_path / f"g{i:02d}.nt"
        p.write_text("".join(f"<http://example.org/s{i}> <http://example.org/p> \"{k}\" .\n" for k in range(i + 1)))
        paths.append(str(p))
    r = load(*paths, store=tmp_path / "s", json_out=False)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Loaded 78 triples in 12 named graphs into ")
    listed = [line.split()[0] for line in lines[2:-1]]
    assert listed == [f"{G}g{i:02d}" for i in range(11, 1, -1)]
    assert lines[-1] == "  … and 2 more graphs with 3 triples (--json lists every graph)"


def test_the_new_database_is_compacted_unless_no_optimize(tmp_path, files):
    on = json.loads(load(str(files["a.ttl"]), store=tmp_path / "on").stdout)
    off = json.loads(load(str(files["a.ttl"]), "--no-optimize", store=tmp_path / "off").stdout)
    assert isinstance(on["optimize_seconds"], float) and off["optimize_seconds"] is None
    assert json.loads((tmp_path / "on" / "current.json").read_text())["optimize_seconds"] == on["optimize_seconds"]
    assert count(tmp_path / "on") == count(tmp_path / "off") == 3


def test_reloading_unchanged_files_is_a_no_op_with_the_same_count(tmp_path, files):
    store = tmp_path / "store"
    first = json.loads(load(str(files["a.ttl"]), str(files["b.ttl"]), store=store).stdout)
    again = json.loads(load(str(files["a.ttl"]), str(files["b.ttl"]), store=store).stdout)
    assert again["current"] is True
    assert again["triples"] == first["triples"] == 6
    assert again["created"] == first["created"]
    assert count(store) == 6


def test_rebuild_replaces_the_database_and_deletes_the_old_one(tmp_path, files):
    store = tmp_path / "store"
    load(str(files["a.ttl"]), store=store)
    before = databases(store)
    r = load(str(files["a.ttl"]), "--rebuild", store=store)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["current"] is False
    after = databases(store)
    assert len(before) == len(after) == 1 and before != after
    assert count(store) == 3


def test_changed_files_are_reloaded(tmp_path, files):
    store = tmp_path / "store"
    load(str(files["a.ttl"]), store=store)
    files["a.ttl"].write_text(A_TTL + 'ex:d ex:p "five" .\n', encoding="utf-8")
    r = load(str(files["a.ttl"]), store=store)
    assert json.loads(r.stdout)["current"] is False
    assert count(store) == 4


def test_syntax_error_exits_2_naming_file_line_column_and_loads_nothing(tmp_path, files):
    store = tmp_path / "store"
    assert load(str(files["a.ttl"]), store=store).returncode == 0
    r = load(str(files["a.ttl"]), str(files["bad.ttl"]), store=store)
    assert r.returncode == 2
    assert f"{files['bad.ttl']}:3:11: syntax error" in r.stderr
    assert "Traceback" not in r.stderr
    assert count(store) == 3  # the previous store, untouched
    assert [p.name for p in store.iterdir() if p.name.startswith("tmp-")] == []


def test_syntax_error_into_a_new_store_creates_no_store(tmp_path, files):
    store = tmp_path / "fresh"
    r = load(str(files["bad.ttl"]), store=store)
    assert r.returncode == 2 and "bad.ttl:3:11" in r.stderr
    assert not (store / "current.json").exists()
    from kg.errors import UsageError
    from kg.store import open_read_only

    with pytest.raises(UsageError, match="run `kg load` first"):
        open_read_only(store)


def test_sigkill_during_a_large_load_leaves_the_previous_store(tmp_path, files):
    store = tmp_path / "store"
    assert load(str(files["a.ttl"]), store=store).returncode == 0
    big = tmp_path / "big.nt"
    with open(big, "w", encoding="ascii") as f:
        for i in range(1_500_000):
            f.write(f'<http://example.org/s{i // 8}> <http://example.org/p{i % 8}> "v{i}" .\n')
    env = dict(os.environ, KG_STORE="")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "load", str(big), "--store", str(store), "--no-validate", "--no-reason"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not any(p.name.startswith("tmp-") for p in store.iterdir()):  # wait until it is writing
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(1.0)
    assert proc.poll() is None, "the load finished before it could be killed; make the file larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert any(p.name.startswith("tmp-") for p in store.iterdir())  # the dead load's half database
    assert count(store) == 3  # the previous store is intact and readable
    # the next load removes what the killed one left behind
    assert load(str(files["b.ttl"]), store=store).returncode == 0
    assert [p.name for p in store.iterdir() if p.name.startswith("tmp-")] == []
    assert count(store) == 3 and len(databases(store)) == 1


def test_a_load_is_refused_while_another_holds_the_store(tmp_path, files):
    import fcntl

    store = tmp_path / "store"
    assert load(str(files["a.ttl"]), store=store).returncode == 0
    with open(store / "load.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        r = load(str(files["b.ttl"]), store=store, process=True)
    assert r.returncode == 2 and "another `kg load` is writing" in r.stderr
    assert count(store) == 3


def test_load_refuses_a_folder_that_is_not_a_store(tmp_path, files):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    r = load(str(files["a.ttl"]), store=folder)
    assert r.returncode == 2 and "not a kg store" in r.stderr
    assert (folder / "notes.txt").read_text() == "keep me"


def test_a_reader_keeps_its_database_until_it_closes(tmp_path, files):
    from kg.store import open_read_only

    store = tmp_path / "store"
    load(str(files["a.ttl"]), store=store)
    reader = open_read_only(store)
    old = reader.location.name
    assert load(str(files["a.ttl"]), str(files["b.ttl"]), store=store, process=True).returncode == 0
    assert (store / old).is_dir()  # kept: a reader holds it
    assert len(reader.store) == 3  # and the reader still sees its snapshot
    assert count(store) == 6  # new readers see the new database
    reader.lock.close()
    del reader
    assert load(str(files["a.ttl"]), store=store, process=True).returncode == 0
    assert not (store / old).exists()  # freed, so the next load deleted it


def test_several_read_only_opens_work_together(tmp_path, files):
    from kg.store import open_read_only

    store = tmp_path / "store"
    load(str(files["a.ttl"]), store=store)
    one, two = open_read_only(store), open_read_only(store)
    assert len(one.store) == len(two.store) == 3


def test_kg_store_env_sets_the_default_location(tmp_path, files):
    store = tmp_path / "env-store"
    r = invoke_kg("load", str(files["a.ttl"]), "--no-validate", "--no-reason", "--json",
                  env={"KG_STORE": str(store)})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["target"] == str(store)
    assert count(store) == 3


def test_validation_refuses_non_conforming_data_with_the_violations(tmp_path, files):
    store = tmp_path / "store"
    load(str(files["a.ttl"]), store=store)
    bad = tmp_path / "person.ttl"
    bad.write_text("@prefix igkg: <https://w3id.org/igkg/ontology#> .\n"
                   "<https://w3id.org/igkg/id/person/nobody> a igkg:Person .\n")
    r = invoke_kg("load", str(bad), "--store", str(store), "--no-reason")
    assert r.returncode == 1
    assert "https://w3id.org/igkg/id/person/nobody http://www.w3.org/2000/01/rdf-schema#label" in r.stderr
    assert "Nothing loaded" in r.stderr
    assert count(store) == 3
    forced = invoke_kg("load", str(bad), "--store", str(store), "--no-reason", "--force", "--json")
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout)["validated"] == "forced"
    assert count(store) == 1


def test_validation_passes_conforming_data(tmp_path, files):
    r = invoke_kg("load", str(files["a.ttl"]), "--store", str(tmp_path / "s"), "--no-reason", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["validated"] == "yes"


def test_reason_writes_the_inferred_graph(tmp_path):
    data = tmp_path / "succession.ttl"
    data.write_text(
        "@prefix igkg: <https://w3id.org/igkg/ontology#> .\n"
        "@prefix h: <https://w3id.org/igkg/id/holding/> .\n"
        "h:second igkg:succeeds h:first .\n"
    )
    store = tmp_path / "store"
    onto = ROOT / "ontology" / "igkg.ttl"  # the rules come from the ontology's axioms
    r = invoke_kg("load", str(onto), str(data), "--store", str(store), "--no-validate", "--reason", "--json")
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["reasoned"] is True and summary["inferred"] >= 1
    assert summary["graphs"][G + "inferred"] == summary["inferred"]
    from kg.backend import open_backend

    backend = open_backend(store=str(store))
    assert bool(backend.query(
        "ASK { GRAPH iggraph:inferred { igholding:first igkg:succeededBy igholding:second } }"
    ))


def test_open_backend_uses_the_default_store_only_when_current(tmp_path, monkeypatch, files):
    from kg.backend import open_backend
    from kg.dataset import default_sources
    from kg.store import load as store_load

    store = tmp_path / "store"
    monkeypatch.setenv("KG_STORE", str(store))
    assert open_backend().description == "in-memory build of the project files"  # no store yet
    store_load([s for s in default_sources()], path=store)
    current = open_backend()
    assert current.description.startswith(f"store {store} (current")
    assert current.triple_count() == json.loads((store / "current.json").read_text())["triples"]
    store_load(default_sources()[:1], path=store)  # now it holds other files: not current
    assert open_backend().description == "in-memory build of the project files"
    explicit = open_backend(store=str(store))
    assert explicit.description == f"on-disk store {store}"
    assert explicit.graph_counts() == {G + "ontology": explicit.triple_count()}


def test_open_backend_with_a_missing_store_is_a_usage_error(tmp_path):
    from kg.backend import open_backend
    from kg.errors import UsageError

    with pytest.raises(UsageError, match="run `kg load` first"):
        open_backend(store=str(tmp_path / "nope"))


def test_the_store_answers_like_the_in_memory_build(tmp_path, real_store):
    from kg.backend import OxigraphBackend, open_backend
    from kg.dataset import default_sources
    from kg.store import load as store_load

    store = tmp_path / "store"
    store_load(default_sources(), path=store)
    disk, memory = open_backend(store=str(store)), OxigraphBackend(real_store)
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) } ORDER BY ?s ?p ?o"
    assert [tuple(r) for r in disk.query(q)] == [tuple(r) for r in memory.query(q)]
    assert disk.graph_counts() == memory.graph_counts()


def test_leftovers_of_a_killed_first_load_are_cleaned_up(tmp_path, files):
    store = tmp_path / "store"
    (store / "tmp-20260101T000000-1-abcdef").mkdir(parents=True)
    (store / "tmp-20260101T000000-1-abcdef" / "000001.sst").write_bytes(b"half")
    (store / ".current.json.1.tmp").write_text("{")
    (store / "load.lock").write_text("")
    r = load(str(files["a.ttl"]), store=store)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in store.iterdir() if not p.name.startswith("db-")) == ["current.json", "load.lock"]
    assert count(store) == 3


def test_a_large_load_is_quiet_when_not_on_a_terminal(tmp_path):
    big = tmp_path / "medium.nt"
    with open(big, "w", encoding="ascii") as f:  # ~6 MB: above the progress bar's threshold
        for i in range(100_000):
            f.write(f'<http://example.org/s{i}> <http://example.org/p> "value number {i}" .\n')
    r = load(str(big), store=tmp_path / "store", json_out=False, process=True)
    assert r.returncode == 0
    assert r.stderr == ""
    assert r.stdout.startswith("Loaded 100,000 triples in 1 named graph into")
