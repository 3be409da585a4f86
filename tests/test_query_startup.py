"""What a cold `kg query NAME` on a loaded store imports, and the kept query headers
(kg.queries.headercache) that spare it PyYAML. Its speed is measured by `make bench-cold-start`,
not asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.queries import headercache
from kg.queries.library import load_query
from servers import reasoned_store

# Run `kg` in this interpreter and print what it imported: the top-level packages outside the
# standard library, and igkg's own modules. --timeout 0 --memory-mb 0 keep the query in this
# process (with a bound it runs in a forked child, whose imports the parent would not see).
PROBE = (
    "import json, sys\n"
    "from kg.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit as e:\n"
    "    code = e.code\n"
    "top = {m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)\n"
    "top = {m for m in top if not m.startswith('_')} - {'cython_runtime'}  # registered by yaml's C loader\n"
    "ours = sorted(m for m in sys.modules if m == 'kg' or m.startswith('kg.'))\n"
    "print(json.dumps({'code': code, 'third_party': sorted(top - {'kg'}), 'kg': ours}), file=sys.stderr)\n"
)
HEAVY = {"rdflib", "pyshacl", "owlready2", "jinja2", "starlette", "uvicorn", "httpx", "rich", "matplotlib",
         "graphviz", "SPARQLWrapper", "pandas", "multiprocessing"}
PEOPLE = ["query", "people", "--format", "csv", "--timeout", "0", "--memory-mb", "0"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return reasoned_store(tmp_path_factory.mktemp("startup"))


def probe(args: list[str], store: Path, **env: str) -> tuple[dict, str]:
    """(what `kg ARGS` imported, its standard output), run in a new interpreter on `store`."""
    import os

    full = {k: v for k, v in os.environ.items() if k not in ("PYTHONPYCACHEPREFIX", "KG_STORE")}
    full.update({"KG_STORE": str(store), "PYTHONDONTWRITEBYTECODE": "1", **env})
    r = subprocess.run([sys.executable, "-c", PROBE, *args], env=full, capture_output=True, text=True, timeout=120)
    seen = json.loads(r.stderr.strip().splitlines()[-1])
    assert seen["code"] in (0, None), r.stderr
    return seen, r.stdout


def test_kg_query_on_a_loaded_store_imports_click_pyoxigraph_and_yaml_only(store):
    seen, out = probe(PEOPLE, store)
    assert out.splitlines()[0] == "person,name,honorific,source"
    # yaml parses the header unless a kept one is found (a checkout where `kg query` ran without -B)
    assert set(seen["third_party"]) - {"yaml"} == {"click", "pyoxigraph"}
    assert not HEAVY & set(seen["third_party"])
    assert [m for m in seen["kg"] if m.startswith("kg.commands.")] == ["kg.commands.options", "kg.commands.query"]
    assert not [m for m in seen["kg"] if m.split(".")[1:2] in (["reason"], ["web"], ["viz"])]
    assert not {"kg.rdflib_bridge", "kg.validate", "kg.search", "kg.remote", "kg.httpclient",
                "kg.labels", "kg.describe"} & set(seen["kg"])


def test_kg_query_with_its_header_kept_does_not_import_yaml(store, tmp_path):
    prefix = tmp_path / "pycache"
    first, out1 = probe(PEOPLE, store, PYTHONDONTWRITEBYTECODE="", PYTHONPYCACHEPREFIX=str(prefix))
    second, out2 = probe(PEOPLE, store, PYTHONDONTWRITEBYTECODE="", PYTHONPYCACHEPREFIX=str(prefix))
    assert "yaml" in first["third_party"] and second["third_party"] == ["click", "pyoxigraph"]
    assert out1 == out2 and out2.splitlines()[0] == "person,name,honorific,source"
    kept = [p.name for p in prefix.rglob("*.header.json")]
    assert kept == ["people.rq.header.json"]


def test_kg_query_with_a_bound_keeps_the_parent_free_of_the_store(store):
    """With the default bounds the query runs in a forked child; the parent imports less still."""
    seen, out = probe(["query", "members-of-organisation", "-p", "org=igorg:knet", "--format", "csv"], store)
    assert out.splitlines() == ["org,member,graph,source",
                                "https://w3id.org/igkg/id/org/knet,https://w3id.org/igkg/id/person/wang-wei-6e68c4,"
                                "https://w3id.org/igkg/graph/inferred,https://w3id.org/igkg/id/doc/circleid-icann58-readout",
                                "https://w3id.org/igkg/id/org/knet,https://w3id.org/igkg/id/person/zhang-jianchuan-db8cb8,"
                                "https://w3id.org/igkg/graph/inferred,https://w3id.org/igkg/id/doc/circleid-icann58-readout"]
    assert not HEAVY & set(seen["third_party"])
    assert "kg.store" not in seen["kg"] and "kg.deadline" in seen["kg"]


# ------------------------------------------------------------------------------ kept headers

QUERY = """#+ summary: Who is there?
#+ columns: [person]
#+ params:
#+   - {name: org, type: iri, example: "igorg:cnnic"}
SELECT ?person WHERE { ?person a <https://w3id.org/igkg/ontology#Person> } ORDER BY ?person
"""


@pytest.fixture()
def writable(monkeypatch, tmp_path) -> Path:
    """Headers kept under a temporary PYTHONPYCACHEPREFIX, written even under PYTHONDONTWRITEBYTECODE."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    return tmp_path


def test_a_kept_header_is_read_back_and_an_edited_file_parsed_again(writable):
    rq = writable / "who.rq"
    rq.write_text(QUERY, encoding="utf-8")
    first = load_query(rq)
    entry = headercache.entry_path(rq)
    assert entry.is_file() and entry.name == "who.rq.header.json"
    assert headercache.read(rq, headercache.digest(QUERY)) == {
        "summary": "Who is there?", "columns": ["person"],
        "params": [{"name": "org", "type": "iri", "example": "igorg:cnnic"}]}
    assert load_query(rq) == first
    rq.write_text(QUERY.replace("Who is there?", "Who else?"), encoding="utf-8")
    assert load_query(rq).summary == "Who else?"


def test_a_header_json_cannot_give_back_is_parsed_every_time(writable):
    rq = writable / "dated.rq"
    rq.write_text(QUERY.replace('example: "igorg:cnnic"', "example: 2017-03-29"), encoding="utf-8")
    assert load_query(rq).params[0].example == "2017-03-29"  # YAML reads a date; the header says the text
    assert not headercache.entry_path(rq).exists()


def test_a_damaged_or_foreign_entry_is_ignored(writable):
    rq = writable / "who.rq"
    rq.write_text(QUERY, encoding="utf-8")
    entry = headercache.entry_path(rq)
    entry.parent.mkdir(parents=True)
    for bad in ("{not json", "[]", json.dumps({"format": 1, "sha256": "0" * 64, "header": {"summary": "stale"}})):
        entry.write_text(bad, encoding="utf-8")
        assert load_query(rq).summary == "Who is there?"


def test_no_header_is_kept_under_dont_write_bytecode(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    rq = tmp_path / "who.rq"
    rq.write_text(QUERY, encoding="utf-8")
    assert load_query(rq).summary == "Who is there?"
    assert not (tmp_path / "__pycache__").exists()
