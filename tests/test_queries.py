"""The query library on the real data: rdflib's engine (the oracle) agrees, parameters bind safely,
labels resolve, and the results are written as pyoxigraph's own serialiser writes them."""

from __future__ import annotations

import re
import sys
from decimal import Decimal

import pytest

from oracle import rdflib_dataset, run_rdflib

from kg import queries as lib
from kg.errors import UsageError
from kg.namespaces import XSD
from kg.queries.library import NamedQuery, library
from kg.queries.params import bind_params, check_params, parse_date
from kg.results import records

LIBRARY = library()
NAMES = sorted(LIBRARY)
ID = "https://w3id.org/igkg/id/"


@pytest.fixture(scope="module")
def backend(real_store):
    from kg.backend import OxigraphBackend

    return OxigraphBackend(real_store)


ENGINES = ("oxigraph", "rdflib")


def normalised(rows: list[dict]) -> set[tuple]:
    """Rows (kg.results.records) as comparable values: numbers by value, dates by value, everything
    else as text."""
    out = set()
    for row in rows:
        out.add(tuple(sorted(
            (k, float(v) if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) else str(v))
            for k, v in row.items()
        )))
    return out


def variants(q: NamedQuery) -> list[dict[str, str]]:
    """The required examples only, and every example (optional parameters too)."""
    required = {p.name: p.example for p in q.params if p.required}
    full = {p.name: p.example for p in q.params}
    return [required] if required == full else [required, full]


def columns(result) -> tuple[str, ...]:
    return tuple(v.value for v in result.variables)


def answer(result) -> tuple[tuple[str, ...], list[tuple]]:
    """A SELECT result (consumed) as its columns and its rows of terms, in order."""
    cols = columns(result)
    return cols, [tuple(row) for row in result]


def run_records(engine: str, name, params, backend) -> list[dict]:
    """The named query's rows as plain Python values, run by kg (pyoxigraph) or by the rdflib oracle."""
    if engine == "rdflib":
        return run_rdflib(name, params, backend=backend).records()
    return records(lib.run(name, params, backend=backend))


# ------------------------------------------------------------------------------ the package


def test_the_package_names_its_functions():
    """`from kg import queries as lib` then `lib.run`, `lib.prepare` and `lib.get` name the functions
    of kg.queries.execute and kg.queries.library, also once those are imported (`lib.library` is
    the submodule, as Python makes it once imported)."""
    import kg.queries.execute
    import kg.queries.library

    for _ in range(2):
        assert lib.run is kg.queries.execute.run
        assert lib.prepare is kg.queries.execute.prepare
        assert lib.get is sys.modules["kg.queries.library"].get
        assert lib.library is sys.modules["kg.queries.library"]


# ------------------------------------------------------------------------------ the rdflib oracle


@pytest.mark.parametrize("name", NAMES)
def test_oxigraph_and_rdflib_return_the_same_rows(backend, name):
    q = LIBRARY[name]
    for params in variants(q):
        ox_result = lib.run(q, params, backend=backend)
        ox_columns = columns(ox_result)
        ox_rows = records(ox_result)
        rl = run_rdflib(q, params, backend=backend)
        assert ox_columns == rl.columns == q.columns
        assert normalised(ox_rows) == normalised(rl.records()), params
        assert len(ox_rows) == len(rl.rows), "same number of rows (DISTINCT behaves alike)"


def test_every_query_answers_its_own_example(backend):
    """Examples in the headers are real: each query with all its examples returns rows.

    Data-quality queries answer nothing on healthy data, and inference queries nothing before
    `kg load --reason` (tests/test_inference_queries.py runs them on the inferred graph).
    """
    empty = [name for name in NAMES
             if not {"quality", "inference"} & set(LIBRARY[name].tags)
             and not list(lib.run(LIBRARY[name], variants(LIBRARY[name])[-1], backend=backend))]
    assert empty == []


# ------------------------------------------------------------------------------ injection


INJECTIONS = ['x" ) } ; DROP ALL ; #', '" || true || "', "') } UNION { ?fact ?p ?quote } #", "\\\" || 1 #"]


@pytest.mark.parametrize("text", INJECTIONS)
@pytest.mark.parametrize("engine", ENGINES)
def test_string_parameter_cannot_inject(backend, real_store, text, engine):
    before, rdflib_before = len(real_store), len(rdflib_dataset(real_store))
    for name in ("quotes-mentioning", "search-by-label"):
        if engine == "rdflib":
            assert run_rdflib(name, {"text": text}, backend=backend).rows == ()
        else:
            assert list(lib.run(name, {"text": text}, backend=backend)) == []
    assert len(real_store) == before
    assert len(rdflib_dataset(real_store)) == rdflib_before


def test_iri_parameter_cannot_inject(backend):
    for bad in ['<http://x/> } ; DROP ALL ; #', 'http://x/a> ?p ?o } #', 'igorg:cnnic> . ?s ?p ?o']:
        with pytest.raises(UsageError):
            lib.run("people-of-organisation", {"org": bad}, backend=backend)


def test_a_label_with_sparql_syntax_is_only_a_label(backend):
    with pytest.raises(UsageError, match=re.escape(
            """parameter 'org': '" || true || "': no igkg:Organization has this IRI, prefixed name or label""")):
        lib.run("people-of-organisation", {"org": '" || true || "'}, backend=backend)


# ------------------------------------------------------------------------------ parameters


def test_label_resolves_to_the_one_entity(backend):
    by_label = answer(lib.run("people-of-organisation", {"org": "CNNIC"}, backend=backend))
    by_name = answer(lib.run("people-of-organisation", {"org": "igorg:cnnic"}, backend=backend))
    assert by_label == by_name and by_label[1]


def test_ambiguous_label_lists_the_candidates(backend):
    # "participant" labels both the role concept and the ontology property igkg:participant
    with pytest.raises(UsageError, match=r"ambiguous: .*igrole:participant.*igkg:participant"):
        lib.run("statement-provenance", {"subject": "participant"}, backend=backend)
    # a parameter of a class looks among its instances only, and says what the label names
    with pytest.raises(UsageError, match=r"'participant' names igrole:participant, igkg:participant, not a igkg:Event"):
        lib.run("event-participants", {"event": "participant"}, backend=backend)


@pytest.mark.parametrize("value, datatype", [
    ("2017-03-29", "date"), ("2017-03", "gYearMonth"), ("2017", "gYear"),
])
def test_dates_are_typed_by_precision(value, datatype):
    term = parse_date("d", value)
    assert (term.value, term.datatype.value) == (value, XSD + datatype)


@pytest.mark.parametrize("value", ["2017-3-29", "17", "2017-00", "2017-02-29", "2017-03-29T10:00", ""])
def test_bad_dates_are_refused(value):
    with pytest.raises(UsageError, match="parameter 'd'"):
        parse_date("d", value)


def test_missing_required_parameter_is_named():
    with pytest.raises(UsageError, match="needs parameter 'person' of type iri"):
        check_params(LIBRARY["career-of-person"], {})


def test_integer_default_and_bounds(backend):
    q = LIBRARY["partnership-network"]
    assert bind_params(q, {"org": "igorg:cnnic"})["hops"].value == "2"
    with pytest.raises(UsageError, match="'hops': 0 is outside 1..3"):
        check_params(q, {"org": "igorg:cnnic", "hops": "0"})


# ------------------------------------------------------------------------------ results


def test_python_values_are_typed(backend):
    import datetime

    row = records(lib.run("holder-of-post-on-date", {"date": "2017-03-29",
                                                      "post": "igpost:director-icann-beijing-engagement-center"},
                          backend=backend))[0]
    assert row["date"] == datetime.date(2017, 3, 29)
    assert row["from"] == datetime.date(2017, 3, 29) and row["person"] == ID + "person/song-zheng-5f9c3a"
    counts = records(lib.run("partners-of-organisation", {"org": "igorg:cnnic"}, backend=backend))
    assert all(isinstance(r["agreements"], int) for r in counts)


@pytest.mark.parametrize("name", NAMES)
def test_writers_match_pyoxigraph_serialiser(backend, name):
    """What `kg query --format F` writes (the query run by kg, parameters in a VALUES block) is what
    pyoxigraph's serialiser writes for the query with the parameters substituted."""
    import pyoxigraph as ox

    from kg import results

    q = LIBRARY[name]
    params = variants(q)[-1]
    bindings = bind_params(q, params, backend)
    subs = {ox.Variable(k): v for k, v in bindings.items()} or None
    for fmt in ("JSON", "XML", "CSV", "TSV"):
        mine = results.serialize(lib.run(q, params, backend=backend), fmt.lower())
        theirs = backend.query(q.text, substitutions=subs).serialize(format=getattr(ox.QueryResultsFormat, fmt))
        assert mine.decode("utf-8").rstrip("\n") == theirs.decode("utf-8").rstrip("\n"), fmt


def test_ask_results():
    import pyoxigraph as ox

    from kg import results

    def yes():
        return ox.Store().query("ASK {}")

    assert results.serialize(yes(), "json") == b'{"head":{},"boolean":true}'
    assert b"<boolean>true</boolean>" in results.serialize(yes(), "xml")
    assert results.table(yes()).text == "yes\n"


def test_csv_quotes_commas_quotes_and_newlines():
    import pyoxigraph as ox

    from kg import results

    def r():  # one row: ?a = 'x,"y"\nz' in English, ?b unbound
        return ox.Store().query('SELECT ?a ?b WHERE { VALUES ?a { "x,\\"y\\"\\nz"@en } }')

    assert [list(row) for row in r()] == [[ox.Literal('x,"y"\nz', language="en"), None]]
    assert results.serialize(r(), "csv") == b'a,b\r\n"x,""y""\nz",\r\n'
    assert results.serialize(r(), "tsv") == b'?a\t?b\n"x,\\"y\\"\\nz"@en\t\n'


# ------------------------------------------------------------------------------ date precision


TINY = """
@prefix igkg: <https://w3id.org/igkg/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix igvocab: <https://w3id.org/igkg/id/vocab/> .
@prefix igholding: <https://w3id.org/igkg/id/holding/> . @prefix igpost: <https://w3id.org/igkg/id/post/> .
@prefix igperson: <https://w3id.org/igkg/id/person/> . @prefix igdoc: <https://w3id.org/igkg/id/doc/> .
igdoc:d a igkg:SourceDocument ; igkg:reportsPeriod "2020-06"^^xsd:gYearMonth .
igholding:a a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:a ; prov:wasDerivedFrom igdoc:d ;
    schema:startDate "2014"^^xsd:gYear ; schema:endDate "2017-03"^^xsd:gYearMonth .
igholding:b a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:b ; prov:wasDerivedFrom igdoc:d ;
    schema:startDate "2017-03-29"^^xsd:date ; igkg:earliestEnd "2020-06"^^xsd:gYearMonth .
igholding:c a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:c ; prov:wasDerivedFrom igdoc:d .
igholding:d a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:d ; prov:wasDerivedFrom igdoc:d ;
    igkg:holdingStatus igvocab:announced ; igkg:earliestStart "2017-01-10"^^xsd:date .
igholding:e a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:e ; prov:wasDerivedFrom igdoc:d ;
    igkg:holdingStatus igvocab:in-office ; igkg:latestStart "2017-05"^^xsd:gYearMonth ;
    igkg:earliestEnd "2017-05"^^xsd:gYearMonth ; igkg:approximateDuration "P2Y"^^xsd:duration .
igholding:f a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:f ; prov:wasDerivedFrom igdoc:d ;
    schema:startDate "2019"^^xsd:gYear .
"""


@pytest.fixture(scope="module")
def tiny():
    import pyoxigraph as ox

    from kg.backend import OxigraphBackend

    store = ox.Store()
    store.load(TINY.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://w3id.org/igkg/graph/d"))
    return OxigraphBackend(store)


@pytest.mark.parametrize("date, holders", [
    ("2013-12-31", []),
    ("2014-01-01", ["a"]),
    ("2014", ["a"]),
    ("2015-04", ["a"]),              # e's approximate span (P2Y up to 2017-05) starts circa 2015-05
    ("2016", ["a", "e"]),
    ("2017-03-28", ["a", "e"]),      # within a's end month "2017-03"; d is only announced
    ("2017-03-29", ["a", "b", "e"]), # a's end month and b's start day
    ("2017-03", ["a", "b", "e"]),    # month precision: overlaps all three
    ("2017-04-01", ["b", "e"]),
    ("2017", ["a", "b", "e"]),
    ("2019-06", ["b"]),              # f started in 2019 but states no end: not known to hold after
    ("2020-06-15", ["b"]),           # c has no dates: never placed in time (no source period fill)
    ("2020-06", ["b"]),
    ("2020-07", []),                 # b is known to hold only up to its earliest end 2020-06
])
@pytest.mark.parametrize("engine", ENGINES)
def test_holder_on_date_compares_dates_at_the_common_precision(tiny, date, holders, engine):
    rows = run_records(engine, "holder-of-post-on-date", {"date": date}, tiny)
    assert sorted(row["person"].rsplit("/", 1)[1] for row in rows) == holders


def test_holder_on_date_says_which_bounds_are_stated(tiny):
    import datetime

    rows = records(lib.run("holder-of-post-on-date", {"date": "2017-03-29"}, backend=tiny))
    assert [(r["person"].rsplit("/", 1)[1], r["from"], r["to"], r["basis"]) for r in rows] == [
        ("a", "2014", "2017-03", "stated"),
        ("b", datetime.date(2017, 3, 29), "2020-06", "stated"),
        ("e", "circa 2015-05", "2017-05", "circa: P2Y up to the latest start 2017-05"),
    ]


def test_holder_on_date_returns_only_song_zheng_before_and_on_the_announcement(backend):
    """Announced is not held: Zhang Jianchuan's holding is announced on 2017-03-29 with an unknown
    start after it, so only Song Zheng is Director on 2017-03-28, 2017-03-29 and 2017-03-01."""
    for date in ("2017-03-28", "2017-03-29", "2017-03-01"):
        rows = records(lib.run("holder-of-post-on-date", {
            "date": date, "post": "igpost:director-icann-beijing-engagement-center"}, backend=backend))
        assert [r["person"] for r in rows] == [ID + "person/song-zheng-5f9c3a"], date
    successions = records(lib.run("successions", {}, backend=backend))
    assert {(r["successor"], r["status"], r.get("changeDate"), r["notBefore"]) for r in successions} == {
        (ID + "person/zhang-jianchuan-db8cb8", ID + "vocab/announced", None, datetime_date(2017, 3, 29))}


def datetime_date(*ymd):
    import datetime

    return datetime.date(*ymd)


# ------------------------------------------------------------------------------ VALUES binding


def test_values_block_goes_first_in_the_where_group():
    from kg.sparqltext import where_brace

    def head(text):
        at = where_brace(text)
        return None if at is None else text[:at]

    assert head('SELECT ?x WHERE { ?x ?p "{" }') == "SELECT ?x WHERE {"
    assert head("SELECT (EXISTS { ?a ?b ?c } AS ?x) # { a comment\n WHERE { ?x ?p ?o }").endswith("\n WHERE {")
    assert head("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }") == "CONSTRUCT { ?s ?p ?o } WHERE {"
    assert head("CONSTRUCT WHERE { ?s ?p ?o }") == "CONSTRUCT WHERE {"
    assert head("PREFIX ex: <http://x/{}> SELECT * { ?s ?p ?o }") == "PREFIX ex: <http://x/{}> SELECT * {"
    assert head("SELECT * WHERE { ?s ?p '\\u007B' }") is None  # codepoint escapes: no guessing
    assert head("DESCRIBE <http://x/>") is None


def test_values_binding_writes_typed_terms_and_leaves_escapes_to_the_engine():
    import pyoxigraph as ox

    from kg.sparqltext import values_binding

    q = lib.get("quotes-mentioning")
    plain = {"text": ox.Literal("take over")}
    text, rest = values_binding(q.text, plain)
    assert rest == {} and 'WHERE { VALUES (?text) { ("take over") }' in text
    iri = {"fact": ox.NamedNode(ID + "org/cnnic")}
    text, rest = values_binding(lib.get("provenance-of").text, iri)
    assert rest == {} and f"VALUES (?fact) {{ (<{ID}org/cnnic>) }}" in text
    for evil in lib_injections():
        text, rest = values_binding(q.text, {"text": ox.Literal(evil)})
        if '"' in evil or "\\" in evil or "\n" in evil:  # would need an escape: the engine binds it
            assert text == q.text and rest == {"text": ox.Literal(evil)}, evil
        else:  # nothing to escape: one string literal, exactly the typed term's N-Triples form
            assert rest == {} and f'VALUES (?text) {{ ("{evil}") }}' in text, evil


def lib_injections():
    return INJECTIONS + ['a\\u0022 || true || \\u0022', "new\nline"]


@pytest.mark.parametrize("name", NAMES)
def test_values_and_substitutions_give_the_same_rows(backend, name):
    """The VALUES block (the default on pyoxigraph) answers exactly like engine substitutions."""
    import pyoxigraph as ox

    from kg.queries.execute import run_bound

    q = LIBRARY[name]
    for params in variants(q):
        bindings = bind_params(q, params, backend)
        mine_columns, mine_rows = answer(run_bound(backend, q.text, bindings))
        subs = {ox.Variable(k): v for k, v in bindings.items()} or None
        theirs_columns, theirs_rows = answer(backend.query(q.text, substitutions=subs))
        assert mine_columns == theirs_columns
        assert mine_rows == theirs_rows, params
