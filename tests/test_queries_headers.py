"""The query library's files: headers, parameters, projections, ORDER BY, and the catalogue."""

from __future__ import annotations

import re

import pytest

from kg.queries.library import NamedQuery, library, load_query
from kg.queries.params import check_params
from kg.sparqltext import check_adhoc, deep_enough_to_parse, keywords

LIBRARY = library()
NAMES = sorted(LIBRARY)


def body(q: NamedQuery) -> str:
    """The query text without comment lines (the header)."""
    return "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))


def projection(q: NamedQuery) -> list[str]:
    """The variables the top-level SELECT projects, as pyoxigraph parses them (on an empty store)."""
    import pyoxigraph as ox

    return [v.value for v in ox.Store().query(q.text).variables]


def test_library_has_at_least_thirty_queries():
    assert len(LIBRARY) >= 30


def test_every_topic_of_the_issue_is_covered():
    tags = {t for q in LIBRARY.values() for t in q.tags}
    assert {"people", "posts", "organisations", "hierarchy", "agreements", "network", "events", "topics",
            "statistics", "provenance", "quality", "time"} <= tags


@pytest.mark.parametrize("name", NAMES)
def test_header_is_complete(name):
    q = LIBRARY[name]
    assert q.summary.endswith("?"), "the summary is the question in plain words"
    assert q.columns and q.tags
    for p in q.params:
        assert p.example is not None, f"parameter {p.name} needs an example"


@pytest.mark.parametrize("name", NAMES)
def test_query_parses_on_both_engines(name):
    from rdflib.plugins.sparql import prepareQuery

    import pyoxigraph as ox

    q = LIBRARY[name]
    ox.Store().query(q.text)  # raises SyntaxError when invalid
    deep_enough_to_parse()  # as kg does before rdflib parses
    prepareQuery(q.text)


@pytest.mark.parametrize("name", NAMES)
def test_columns_are_exactly_the_projection(name):
    q = LIBRARY[name]
    assert projection(q) == list(q.columns)


@pytest.mark.parametrize("name", NAMES)
def test_every_parameter_is_a_projected_variable_used_in_the_body(name):
    q = LIBRARY[name]
    text = body(q)
    for p in q.params:
        uses = re.findall(rf"[?$]{re.escape(p.name)}\b", text)
        assert len(uses) >= 2, f"?{p.name} is declared but not used in the WHERE clause"
        # pyoxigraph substitutes only projected variables
        assert p.name in projection(q)
        # rdflib ignores initial bindings of variables assigned by BIND (FINDINGS.md)
        assert not re.search(rf"\bAS\s+[?$]{re.escape(p.name)}\b", text, re.I), f"?{p.name} is assigned by BIND"
        # optional parameters must sit in required triple patterns, never in OPTIONAL/MINUS/BOUND
        assert not re.search(rf"BOUND\s*\(\s*[?$]{re.escape(p.name)}\b", text, re.I)


@pytest.mark.parametrize("name", NAMES)
def test_every_query_has_order_by(name):
    assert "ORDER BY" in [" ".join(pair) for pair in zip(keywords(LIBRARY[name].text),
                                                          keywords(LIBRARY[name].text)[1:])]


@pytest.mark.parametrize("name", NAMES)
def test_query_file_is_read_only_and_local(name):
    assert check_adhoc(LIBRARY[name].text) in ("SELECT", "ASK")


@pytest.mark.parametrize("name", NAMES)
def test_examples_are_well_typed(name):
    q = LIBRARY[name]
    check_params(q, {p.name: p.example for p in q.params})


def test_catalogue_is_current(root):
    """queries/README.md is what `python -m kg.queries.catalogue` generates (regenerate with --write)."""
    from kg.queries.catalogue import catalogue_markdown

    assert (root / "queries" / "README.md").read_text(encoding="utf-8") == catalogue_markdown()


def test_header_error_names_the_file_and_line(tmp_path):
    from kg.errors import InputError

    bad = tmp_path / "bad.rq"
    bad.write_text("#+ summary: What?\n#+ columns: [a\n#+ tags: x: y\nSELECT ?a WHERE {} ORDER BY ?a\n")
    with pytest.raises(InputError, match=r"bad\.rq:\d+: bad '#\+' header"):
        load_query(bad)


@pytest.mark.parametrize("field, message", [
    ('{qlever: "why"}', "incomplete_on: unknown engine 'qlever'"),
    ('{virtuoso: ""}', "incomplete_on: 'virtuoso' needs a one-line reason"),
    ('[virtuoso]', "incomplete_on must map engines to reasons"),
])
def test_a_bad_incomplete_on_field_is_an_input_error(tmp_path, field, message):
    from kg.errors import InputError
    from kg.queries.library import load_query

    path = tmp_path / "q.rq"
    path.write_text(f"#+ summary: s\n#+ columns: [x]\n#+ incomplete_on: {field}\nSELECT ?x WHERE {{}}\n")
    with pytest.raises(InputError, match=message):
        load_query(path)


def test_incomplete_on_names_engines_and_reasons():
    from kg.queries.library import ENGINES, get, library

    marked = {n: q.incomplete_on for n, q in library().items() if q.incomplete_on}
    assert set(marked) == {"events-in-year", "holder-of-post-on-date"}
    assert all(set(m) == {"virtuoso"} and "(docs/stores.md)" in m["virtuoso"] for m in marked.values())
    assert set(ENGINES) >= {"virtuoso", "oxigraph"}
    assert get("events-in-year").as_dict()["incomplete_on"] == marked["events-in-year"]


@pytest.mark.parametrize("server, family", [
    ("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu", "virtuoso"),
    ("Oxigraph/0.4.9", "oxigraph"), ("Apache Jena Fuseki (5.0.0)", "fuseki"), ("", ""), ("nginx/1.24", ""),
])
def test_the_server_family_comes_from_the_server_header(server, family):
    from kg.remote import family_of

    assert family_of(server) == family


def test_missing_header_is_an_input_error(tmp_path):
    from kg.errors import InputError

    bad = tmp_path / "plain.rq"
    bad.write_text("SELECT ?a WHERE {} ORDER BY ?a\n")
    with pytest.raises(InputError, match="no '#\\+' metadata header"):
        load_query(bad)


def _blocks(text: str, keyword: str) -> list[str]:
    """The `{ … }` groups that follow `keyword` (for SELECT: the group enclosing each sub-select)."""
    out = []
    upper = text.upper()
    start = 0
    first_select = upper.find("SELECT")
    while True:
        i = upper.find(keyword, start)
        if i < 0:
            return out
        start = i + len(keyword)
        if keyword == "SELECT":
            if i == first_select:
                continue
            open_at = text.rfind("{", 0, i)
        else:
            open_at = text.find("{", i)
        depth = 0
        for j in range(open_at, len(text)):
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            if depth == 0:
                out.append(text[open_at:j + 1])
                break


@pytest.mark.parametrize("name", NAMES)
def test_parameters_stay_out_of_subselects_and_are_bound_by_required_patterns(name):
    """The engines scope pre-bound variables differently in sub-selects, OPTIONAL, MINUS and
    NOT EXISTS (measured). So a parameter never appears in a sub-select, and wherever it appears in
    the other three it is also used in the required part of the WHERE clause."""
    q = LIBRARY[name]
    text = body(q)
    for block in _blocks(text, "SELECT"):
        for p in q.params:
            assert not re.search(rf"[?$]{re.escape(p.name)}\b", block), f"?{p.name} inside a sub-select"
    where = text[text.upper().index("WHERE"):]
    for keyword in ("OPTIONAL", "MINUS", "NOT EXISTS"):
        for block in _blocks(where, keyword):
            where = where.replace(block, "{}")
    for p in q.params:
        assert re.search(rf"[?$]{re.escape(p.name)}\b", where), f"?{p.name} is used only in OPTIONAL/MINUS/NOT EXISTS"
