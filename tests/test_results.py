"""Result formats come from pyoxigraph's own writers, byte for byte, for the whole query library;
the one correction (XML carriage returns) is tested against the defect it mends."""

from __future__ import annotations

import pytest

from kg.queries.library import library

LIBRARY = library()
FORMATS = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}


@pytest.fixture(scope="module")
def backend():
    """What the CLI reads without a store: the project files with the rules' inferences."""
    from kg.backend import build_backend

    return build_backend()


@pytest.fixture(scope="module")
def reasoned_store(tmp_path_factory) -> str:
    """A store of the project loaded with --reason: what the CLI answers from after `make demo`
    (tests/test_same_answer.py shows it answers as the in-memory build does)."""
    from conftest import invoke_kg

    path = str(tmp_path_factory.mktemp("results") / "store")
    assert invoke_kg("load", "--reason", "--no-validate", "--store", path).returncode == 0
    return path


def example_params(q) -> dict[str, str]:
    return {p.name: p.example for p in q.params if p.example is not None}


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_kg_query_output_is_what_pyoxigraph_serialises(kg, backend, reasoned_store, name):
    """The CLI (reading a reasoned store here) writes exactly `QuerySolutions.serialize` of the same
    query run directly on the engine (the in-memory build) with the typed parameters as `substitutions`."""
    import pyoxigraph as ox

    from kg.queries.execute import prepare

    q = LIBRARY[name]
    params = example_params(q)
    text, bindings = prepare(q, params, backend=backend)
    args = [a for k, v in params.items() for a in ("-p", f"{k}={v}")]
    for fmt, ox_format in FORMATS.items():
        direct = backend.query(text, substitutions={ox.Variable(k): v for k, v in bindings.items()} or None)
        expected = direct.serialize(format=getattr(ox.QueryResultsFormat, ox_format))
        cli = kg("query", name, *args, "--format", fmt, "--store", reasoned_store)
        assert cli.returncode == 0, cli.stderr
        assert cli.stdout.encode("utf-8") == expected, fmt


def _one_literal(value: str):
    import pyoxigraph as ox

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                      ox.Literal(value), ox.DefaultGraph()))
    return store.query("SELECT ?o WHERE { ?s ?p ?o }")


def test_pyoxigraph_xml_writer_leaves_a_carriage_return_raw_so_it_reads_back_as_a_line_feed():
    """The defect kg.results.serialize corrects (pyoxigraph 0.5): an XML parser normalises CR LF."""
    import xml.etree.ElementTree as ET

    raw = _one_literal("a\r\nb").serialize(format=__import__("pyoxigraph").QueryResultsFormat.XML)
    assert b"a\r\nb" in raw
    assert ET.fromstring(raw).find(".//{http://www.w3.org/2005/sparql-results#}literal").text == "a\nb"


def test_xml_results_keep_a_carriage_return_and_are_otherwise_pyoxigraphs():
    import xml.etree.ElementTree as ET

    import pyoxigraph as ox

    from kg.results import serialize

    ours = serialize(_one_literal("a\r\nb"), "xml")
    assert ours == _one_literal("a\r\nb").serialize(format=ox.QueryResultsFormat.XML).replace(b"\r", b"&#xD;")
    assert ET.fromstring(ours).find(".//{http://www.w3.org/2005/sparql-results#}literal").text == "a\r\nb"
    parsed = ox.parse_query_results(ours, ox.QueryResultsFormat.XML)
    assert [row["o"] for row in parsed] == [ox.Literal("a\r\nb")]


def test_table_cuts_long_cells_and_counts_rows():
    from kg.results import table

    shown = table(_one_literal("x" * 70), width=60)
    assert shown.rows == 1
    assert table(_one_literal("x" * 70)).text == "o\n" + "-" * 70 + "\n" + "x" * 70 + "\n(1 row)\n"
    assert shown.text == "o\n" + "-" * 60 + "\n" + "x" * 59 + "…\n(1 row)\n"


def test_records_are_plain_python_values(backend):
    from decimal import Decimal

    from kg.queries.execute import run
    from kg.results import records

    rows = records(run("statistics", {"measure": "igvocab:cn-domain-names"}, backend=backend))
    assert [(r["period"], r["value"], r["multiplier"], r["area"]) for r in rows] == [
        ("2014-12", Decimal("11.09"), 6, "https://w3id.org/igkg/id/place/china")]


def test_the_readme_python_example_runs_and_prints_cnnic_people(capsys, monkeypatch, tmp_path):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    code = re.search(r"From Python:\n\n```python\n(.*?)```", readme, re.S).group(1)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "no-store"))  # the in-memory build of the files
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the project's own README
    assert capsys.readouterr().out.splitlines() == [
        "https://w3id.org/igkg/id/person/chu-nan-359b70 affiliation",
        "https://w3id.org/igkg/id/person/liyun-han-3e929e post",
        "https://w3id.org/igkg/id/person/shen-zhi-b695bb affiliation",
    ]
    assert [r["successor"] for r in namespace["rows"]] == ["https://w3id.org/igkg/id/person/zhang-jianchuan-db8cb8"] * 2
    assert namespace["json_bytes"].startswith(b'{"head":{"vars":["person","name","honorific","source"]}')
