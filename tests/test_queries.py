"""The query library on the real data: both engines agree, parameters bind safely, labels resolve,
and the result writers match pyoxigraph's own serialiser."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg import queries as lib
from kg.errors import UsageError

LIBRARY = lib.library()
NAMES = sorted(LIBRARY)
ID = "https://w3id.org/igkg/id/"


@pytest.fixture(scope="module")
def backend(real_store):
    from kg.backend import OxigraphBackend

    return OxigraphBackend(real_store)


def normalised(result: lib.QueryResult) -> set[tuple]:
    """Rows as comparable values: numbers by value, dates by value, everything else as text."""
    out = set()
    for row in result.to_dicts():
        out.add(tuple(sorted(
            (k, float(v) if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) else str(v))
            for k, v in row.items()
        )))
    return out


def variants(q: lib.NamedQuery) -> list[dict[str, str]]:
    """The required examples only, and every example (optional parameters too)."""
    required = {p.name: p.example for p in q.params if p.required}
    full = {p.name: p.example for p in q.params}
    return [required] if required == full else [required, full]


# ------------------------------------------------------------------------------ both engines


@pytest.mark.parametrize("name", NAMES)
def test_oxigraph_and_rdflib_return_the_same_rows(backend, name):
    q = LIBRARY[name]
    for params in variants(q):
        ox_rows = lib.run(q, params, backend=backend)
        rl_rows = lib.run(q, params, backend=backend, engine="rdflib")
        assert ox_rows.columns == rl_rows.columns == q.columns
        assert normalised(ox_rows) == normalised(rl_rows), params
        assert len(ox_rows.rows) == len(rl_rows.rows), "same number of rows (DISTINCT behaves alike)"


def test_every_query_answers_its_own_example(backend):
    """Examples in the headers are real: each query with all its examples returns rows.

    Data-quality queries answer nothing on healthy data, and inference queries nothing before
    `kg load --reason` (tests/test_inference_queries.py runs them on the inferred graph).
    """
    empty = [name for name in NAMES
             if not {"quality", "inference"} & set(LIBRARY[name].tags) and not lib.run(LIBRARY[name], variants(LIBRARY[name])[-1],
                                                                   backend=backend).rows]
    assert empty == []


# ------------------------------------------------------------------------------ injection


INJECTIONS = ['x" ) } ; DROP ALL ; #', '" || true || "', "') } UNION { ?fact ?p ?quote } #", "\\\" || 1 #"]


@pytest.mark.parametrize("text", INJECTIONS)
@pytest.mark.parametrize("engine", lib.ENGINES)
def test_string_parameter_cannot_inject(backend, real_store, text, engine):
    before, rdflib_before = len(real_store), len(lib.rdflib_dataset(backend))
    for name in ("quotes-mentioning", "search-by-label"):
        result = lib.run(name, {"text": text}, backend=backend, engine=engine)
        assert result.rows == ()
    assert len(real_store) == before
    assert len(lib.rdflib_dataset(backend)) == rdflib_before


def test_iri_parameter_cannot_inject(backend):
    for bad in ['<http://x/> } ; DROP ALL ; #', 'http://x/a> ?p ?o } #', 'igorg:cnnic> . ?s ?p ?o']:
        with pytest.raises(UsageError):
            lib.run("people-of-organisation", {"org": bad}, backend=backend)


def test_a_label_with_sparql_syntax_is_only_a_label(backend):
    with pytest.raises(UsageError, match="nothing is labelled"):
        lib.run("people-of-organisation", {"org": '" || true || "'}, backend=backend)


# ------------------------------------------------------------------------------ parameters


def test_label_resolves_to_the_one_entity(backend):
    by_label = lib.run("people-of-organisation", {"org": "CNNIC"}, backend=backend)
    by_name = lib.run("people-of-organisation", {"org": "igorg:cnnic"}, backend=backend)
    assert by_label == by_name and by_label.rows


def test_ambiguous_label_lists_the_candidates(backend):
    # "participant" labels both the role concept and the ontology property igkg:participant
    with pytest.raises(UsageError, match=r"ambiguous: .*igrole:participant.*igkg:participant"):
        lib.run("event-participants", {"event": "participant"}, backend=backend)


@pytest.mark.parametrize("value, datatype", [
    ("2017-03-29", "date"), ("2017-03", "gYearMonth"), ("2017", "gYear"),
])
def test_dates_are_typed_by_precision(value, datatype):
    term = lib.parse_date("d", value)
    assert (term.value, term.datatype.value) == (value, lib.XSD + datatype)


@pytest.mark.parametrize("value", ["2017-3-29", "17", "2017-00", "2017-02-29", "2017-03-29T10:00", ""])
def test_bad_dates_are_refused(value):
    with pytest.raises(UsageError, match="parameter 'd'"):
        lib.parse_date("d", value)


def test_missing_required_parameter_is_named():
    with pytest.raises(UsageError, match="needs parameter 'person' of type iri"):
        lib.check_params(LIBRARY["career-of-person"], {})


def test_integer_default_and_bounds(backend):
    q = LIBRARY["partnership-network"]
    assert lib.bind_params(q, {"org": "igorg:cnnic"})["hops"].value == "2"
    with pytest.raises(UsageError, match="'hops': 0 is outside 1..3"):
        lib.check_params(q, {"org": "igorg:cnnic", "hops": "0"})


# ------------------------------------------------------------------------------ results


def test_python_values_are_typed(backend):
    import datetime

    row = lib.run("holder-of-post-on-date", {"date": "2017-03-29",
                                              "post": "igpost:director-icann-beijing-engagement-center"},
                  backend=backend).to_dicts()[0]
    assert row["date"] == datetime.date(2017, 3, 29)
    assert row["from"] == "2017-03" and row["person"] == ID + "person/song-zheng"
    counts = lib.run("partners-of-organisation", {"org": "igorg:cnnic"}, backend=backend).to_dicts()
    assert all(isinstance(r["agreements"], int) for r in counts)


@pytest.mark.parametrize("name", NAMES)
def test_writers_match_pyoxigraph_serialiser(backend, name):
    import pyoxigraph as ox

    from kg import results

    q = LIBRARY[name]
    params = variants(q)[-1]
    bindings = lib.bind_params(q, params, lambda text, b=None: lib.run_oxigraph(backend, text, b))
    subs = {ox.Variable(k): v for k, v in bindings.items()} or None
    mine = lib.run(q, params, backend=backend)
    for fmt, writer in [("JSON", results.to_json), ("XML", results.to_xml), ("CSV", results.to_csv),
                        ("TSV", results.to_tsv)]:
        theirs = backend.query(q.text, substitutions=subs).serialize(format=getattr(ox.QueryResultsFormat, fmt))
        assert writer(mine).rstrip("\n") == theirs.decode("utf-8").rstrip("\n"), fmt


def test_ask_results():
    from kg import results

    yes = lib.QueryResult(columns=(), rows=(), boolean=True)
    assert results.to_json(yes) == '{"head":{},"boolean":true}\n'
    assert "<boolean>true</boolean>" in results.to_xml(yes)
    assert results.to_table(yes) == "yes\n"


def test_csv_quotes_commas_quotes_and_newlines():
    import pyoxigraph as ox

    from kg import results

    r = lib.QueryResult(columns=("a", "b"), rows=((ox.Literal('x,"y"\nz', language="en"), None),))
    assert results.to_csv(r) == 'a,b\r\n"x,""y""\nz",\r\n'
    assert results.to_tsv(r) == '?a\t?b\n"x,\\"y\\"\\nz"@en\t\n'


# ------------------------------------------------------------------------------ date precision


TINY = """
@prefix igkg: <https://w3id.org/igkg/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix igholding: <https://w3id.org/igkg/id/holding/> . @prefix igpost: <https://w3id.org/igkg/id/post/> .
@prefix igperson: <https://w3id.org/igkg/id/person/> . @prefix igdoc: <https://w3id.org/igkg/id/doc/> .
igdoc:d a igkg:SourceDocument ; igkg:reportsPeriod "2020-06"^^xsd:gYearMonth .
igholding:a a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:a ; prov:wasDerivedFrom igdoc:d ;
    schema:startDate "2014"^^xsd:gYear ; schema:endDate "2017-03"^^xsd:gYearMonth .
igholding:b a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:b ; prov:wasDerivedFrom igdoc:d ;
    schema:startDate "2017-03-29"^^xsd:date .
igholding:c a igkg:PostHolding ; igkg:post igpost:p ; org:member igperson:c ; prov:wasDerivedFrom igdoc:d .
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
    ("2016", ["a"]),
    ("2017-03-28", ["a"]),           # within the end month "2017-03"
    ("2017-03-29", ["a", "b"]),      # a's end month and b's start day
    ("2017-03", ["a", "b"]),         # month precision: overlaps both
    ("2017-04-01", ["b"]),
    ("2017", ["a", "b"]),
    ("2020-06-15", ["b", "c"]),      # c has no dates: known only in its source's period 2020-06
    ("2020-06", ["b", "c"]),
    ("2020-07", []),                 # b states no end: known only up to its source's period
])
@pytest.mark.parametrize("engine", lib.ENGINES)
def test_holder_on_date_compares_dates_at_the_common_precision(tiny, date, holders, engine):
    result = lib.run("holder-of-post-on-date", {"date": date}, backend=tiny, engine=engine)
    assert sorted(row["person"].rsplit("/", 1)[1] for row in result.to_dicts()) == holders


def test_holder_on_date_says_which_bounds_are_stated(tiny):
    import datetime

    rows = lib.run("holder-of-post-on-date", {"date": "2017-03-29"}, backend=tiny).to_dicts()
    assert [(r["person"].rsplit("/", 1)[1], r["from"], r["to"], r["basis"]) for r in rows] == [
        ("a", "2014", "2017-03", "stated dates"),
        ("b", datetime.date(2017, 3, 29), "2020-06", "stated start, end from source period"),
    ]


# ------------------------------------------------------------------------------ VALUES binding


def test_values_block_goes_first_in_the_where_group():
    def head(text):
        at = lib.where_brace(text)
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

    q = lib.get("quotes-mentioning")
    plain = {"text": ox.Literal("take over")}
    text, rest = lib.values_binding(q.text, plain)
    assert rest == {} and 'WHERE { VALUES (?text) { ("take over") }' in text
    iri = {"fact": ox.NamedNode(ID + "org/cnnic")}
    text, rest = lib.values_binding(lib.get("provenance-of").text, iri)
    assert rest == {} and f"VALUES (?fact) {{ (<{ID}org/cnnic>) }}" in text
    for evil in lib_injections():
        text, rest = lib.values_binding(q.text, {"text": ox.Literal(evil)})
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

    q = LIBRARY[name]
    for params in variants(q):
        runner = lambda text, b=None: lib.run_oxigraph(backend, text, b)  # noqa: E731
        bindings = lib.bind_params(q, params, runner)
        mine = lib.run_oxigraph(backend, q.text, bindings)
        subs = {ox.Variable(k): v for k, v in bindings.items()} or None
        theirs = lib._from_oxigraph(backend.query(q.text, substitutions=subs))
        assert mine.columns == theirs.columns
        assert mine.rows == theirs.rows, params
