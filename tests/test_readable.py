"""Answers a person can read: names beside IRIs (--labels), tables that fit the terminal without
cutting an IRI, parameters looked up by their class, names in either order, a suggestion for a
misspelt query name, and SPARQL syntax errors in the user's terms."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg import queries as lib
from kg.errors import UsageError
from kg.queries.library import library
from kg.results import records, table, with_labels

ID = "https://w3id.org/igkg/id/"
LIBRARY = library()


@pytest.fixture()
def files(tmp_path):
    """The environment for answers from the in-memory build of the project files."""
    return {"KG_STORE": str(tmp_path / "none")}


@pytest.fixture(scope="module")
def backend():
    from kg.backend import build_backend

    return build_backend()


# ------------------------------------------------------------------------------ names beside IRIs


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_iri_column_gets_a_label_column_after_it(backend, name):
    import pyoxigraph as ox

    from kg.labels import names_of

    params = dict(a.split("=", 1) for a in LIBRARY[name].example_args()[1::2])
    plain = lib.run(name, params, backend=backend)
    columns = [v.value for v in plain.variables]
    rows = [list(r) for r in plain]
    labelled = with_labels(lib.run(name, params, backend=backend), backend)
    iri_columns = [i for i, c in enumerate(columns)
                   if c + "Label" not in columns and any(isinstance(r[i], ox.NamedNode) for r in rows)]
    expected = []
    for i, c in enumerate(columns):
        expected += [c, c + "Label"] if i in iri_columns else [c]
    assert [v.value for v in labelled.variables] == expected
    # a column may hold IRIs and literals (facts-by-basis's object): only IRIs have names
    names = names_of(backend, {r[i].value for r in rows for i in iri_columns if isinstance(r[i], ox.NamedNode)})
    for row, out in zip(rows, labelled):
        for i in iri_columns:
            term = row[i]
            want = names.get(term.value) if isinstance(term, ox.NamedNode) else None
            assert out[columns[i] + "Label"] == want
            assert out[columns[i]] == term


def test_csv_labels_on_the_real_data(kg, files):
    r = kg("query", "people-of-organisation", "-p", "org=CNNIC", "--format", "csv", "--labels", env=files)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["org", "orgLabel", "person", "personLabel", "relation", "post", "postLabel",
                             "status", "statusLabel", "start", "end", "source", "sourceLabel"]
    assert [(row["orgLabel"], row["personLabel"], row["relation"], row["postLabel"]) for row in rows] == [
        ("CNNIC", "Chu Nan", "affiliation", ""),
        ("CNNIC", "Liyun HAN", "post", "Global Strategic Partnership Manager (CNNIC)"),
        ("CNNIC", "Shen Zhi", "affiliation", ""),
    ]


def test_json_labels_are_literals_beside_the_iri(kg, files):
    r = kg("query", "members-of-organisation", "-p", "org=KNET", "--format", "json", "--labels", env=files)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["head"]["vars"] == ["org", "orgLabel", "member", "memberLabel", "graph", "graphLabel",
                                   "source", "sourceLabel"][: len(doc["head"]["vars"])]
    assert [(b["member"]["value"], b["memberLabel"]["value"]) for b in doc["results"]["bindings"]] == [
        (ID + "person/wang-wei-6e68c4", "Wang Wei"), (ID + "person/zhang-jianchuan-db8cb8", "Zhang Jianchuan")]


def test_table_with_labels_shows_the_name_and_the_prefixed_name(kg, files):
    r = kg("query", "members-of-organisation", "-p", "org=KNET", "--labels", "--wide", env=files)
    assert r.returncode == 0, r.stderr
    assert "Zhang Jianchuan (igperson:zhang-jianchuan-db8cb8)" in r.stdout
    assert "KNET (igorg:knet)" in r.stdout


def test_sparql_labels(kg, files):
    r = kg("sparql", "SELECT ?org WHERE { ?org a igkg:Registry } ORDER BY ?org LIMIT 2", "--labels",
           "--format", "csv", env=files)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "org,orgLabel"


# ------------------------------------------------------------------------------ tables that fit


def _solutions(cols, rows):
    """A QuerySolutions of `rows` (tuples of terms) through pyoxigraph's JSON results parser."""
    import pyoxigraph as ox

    from kg.results import _json_term

    data = {"head": {"vars": cols}, "results": {"bindings": [
        {c: _json_term(t) for c, t in zip(cols, r) if t is not None} for r in rows]}}
    return ox.parse_query_results(json.dumps(data).encode(), ox.QueryResultsFormat.JSON)


def test_table_fits_the_width_by_cutting_literals_never_iris():
    import pyoxigraph as ox

    iri = ox.NamedNode(ID + "post/director-icann-beijing-engagement-center")
    text = ox.Literal("he also announced that Song would leave his position and Zhang would succeed him")
    shown = table(_solutions(["post", "quote"], [(iri, text)]), width=80)
    line = shown.text.splitlines()[2]
    assert line.startswith("igpost:director-icann-beijing-engagement-center  he also")
    assert line.endswith("…") and len(line) == 80
    wide = table(_solutions(["post", "quote"], [(iri, text)]), width=None)
    assert wide.text.splitlines()[2].endswith("succeed him")
    narrow = table(_solutions(["post", "quote"], [(iri, text)]), width=20).text.splitlines()[2]
    assert "igpost:director-icann-beijing-engagement-center" in narrow  # an IRI stays whole


def test_query_table_follows_columns_and_wide(kg, files):
    cut = kg("query", "successions", env={**files, "COLUMNS": "120"})
    wide = kg("query", "successions", "--wide", env={**files, "COLUMNS": "120"})
    assert cut.returncode == wide.returncode == 0
    assert "…" in cut.stdout and "…" not in wide.stdout
    assert "igpost:director-icann-beijing-engagement-center" in cut.stdout


# ------------------------------------------------------------------------------ parameters


def test_an_organisation_parameter_looks_among_organisations(backend):
    from kg.labels import find_labelled

    assert len(find_labelled(backend, "ICANN")) >= 1
    rows = records(lib.run("people-of-organisation", {"org": "ICANN"}, backend=backend))
    assert {r["org"] for r in rows} == {ID + "org/icann"}


def test_a_parameter_of_another_class_says_what_the_label_names(backend):
    with pytest.raises(UsageError, match=r"parameter 'org': 'Zhang Jianchuan' names igperson:zhang-jianchuan-db8cb8, "
                                         r"not a igkg:Organization"):
        lib.run("people-of-organisation", {"org": "Zhang Jianchuan"}, backend=backend)


def test_a_name_in_the_other_order_finds_the_person(backend):
    for name in ("Han Liyun", "HAN LIYUN", "Liyun Han", "Xiangning Li", "Li Xiangning"):
        rows = records(lib.run("career-of-person", {"person": name}, backend=backend))
        assert rows, name
    assert {r["person"] for r in records(lib.run("career-of-person", {"person": "Han Liyun"}, backend=backend))} == {
        ID + "person/liyun-han-3e929e"}
    with pytest.raises(UsageError, match="no igkg:Person"):  # the data does not say which is his family name
        lib.run("career-of-person", {"person": "Jianchuan Zhang"}, backend=backend)


def test_a_misspelt_query_name_gets_a_suggestion(kg):
    r = kg("query", "sucessions")
    assert r.returncode == 2
    assert r.stderr == "error: no query named 'sucessions'; did you mean successions?\n"


# ------------------------------------------------------------------------------ syntax errors


def test_a_syntax_error_names_line_column_and_token(kg, files):
    r = kg("sparql", "SELECT ?x WHERE {\n  ?x a igkg:Person .\n  FILTR(?x)\n}", env=files)
    assert r.returncode == 2
    assert r.stderr == ("error: SPARQL syntax error at line 3, column 3 near 'FILTR': 'FILTR' is not a SPARQL "
                        "keyword; did you mean FILTER?\n    FILTR(?x)\n    ^\n")


def test_an_undeclared_prefix_is_named_with_the_predeclared_ones(kg, files):
    r = kg("sparql", "SELECT ?x WHERE { ?x a ig:Person }", env=files)
    assert r.returncode == 2
    first = r.stderr.splitlines()[0]
    assert first.startswith("error: SPARQL syntax error at line 1, column ")
    assert "near 'ig:Person': prefix 'ig:' is not declared; predeclared: igkg:, igorg:, " in first
    assert first.endswith("; or add PREFIX ig: <…> before the query")
    assert "expected one of" not in r.stderr and "u{" not in r.stderr
