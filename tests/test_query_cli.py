"""`kg queries`, `kg query` and `kg sparql` as a user runs them: exit codes, messages, every output
format parsed back with exact content, and the refusals."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import run_kg

ID = "https://w3id.org/igkg/id/"
DOC = ID + "doc/circleid-icann58-readout"
POST = ID + "post/director-icann-beijing-engagement-center"
SONG = ID + "person/song-zheng-5f9c3a"
ZHANG = ID + "person/zhang-jianchuan-db8cb8"
GYM = "http://www.w3.org/2001/XMLSchema#gYearMonth"
GY = "http://www.w3.org/2001/XMLSchema#gYear"
DIRECTOR = ["query", "holder-of-post-on-date", "-p", "date=2017-03-29",
            "-p", "post=igpost:director-icann-beijing-engagement-center"]
COLUMNS = ["date", "post", "person", "from", "to", "basis", "status", "source", "inferred"]
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
IN_OFFICE = ID + "vocab/in-office"
SRX = "{http://www.w3.org/2005/sparql-results#}"


def expected_bindings(date_type="http://www.w3.org/2001/XMLSchema#date", date="2017-03-29"):
    """Only Song Zheng: Zhang Jianchuan's holding is announced that day, with an unknown start after it."""
    return [
        {
            "date": {"type": "literal", "value": date, "datatype": date_type},
            "post": {"type": "uri", "value": POST},
            "person": {"type": "uri", "value": SONG},
            "from": {"type": "literal", "value": "2017-03-29", "datatype": XSD_DATE},
            "to": {"type": "literal", "value": "2017-03-29", "datatype": XSD_DATE},
            "basis": {"type": "literal", "value": "stated"},
            "status": {"type": "uri", "value": IN_OFFICE},
            "source": {"type": "uri", "value": DOC},
            "inferred": {"type": "literal", "value": "true", "datatype": XSD_BOOLEAN},
        }
    ]


# ------------------------------------------------------------------------------ kg queries


def test_queries_lists_every_file_as_json(kg, root):
    r = kg("queries", "--format", "json")
    assert r.returncode == 0, r.stderr
    listed = json.loads(r.stdout)
    assert [q["name"] for q in listed] == sorted(p.stem for p in (root / "queries").glob("*.rq"))
    hops = next(q for q in listed if q["name"] == "partnership-network")
    assert hops["params"] == [
        {"name": "org", "type": "iri", "required": True, "example": "igorg:cnnic",
         "class": "https://w3id.org/igkg/ontology#Organization"},
        {"name": "hops", "type": "integer", "required": False, "example": "2", "default": "2"},
    ]
    assert hops["columns"] == ["org", "hops", "partner", "distance"]


def test_queries_table_shows_parameters(kg):
    r = kg("queries")
    assert r.returncode == 0
    assert "holder-of-post-on-date" in r.stdout
    assert "-p date=<date>  (required, e.g. 2017-03-28)" in r.stdout


def test_queries_markdown_is_the_catalogue(kg, root):
    r = kg("queries", "--format", "markdown")
    assert r.returncode == 0, r.stderr
    assert r.stdout == (root / "queries" / "README.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ kg query: formats


def test_query_json_is_sparql_results_json(kg):
    r = kg(*DIRECTOR, "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["head"] == {"vars": COLUMNS}
    assert doc["results"]["bindings"] == expected_bindings()


def test_query_date_parameter_of_month_precision(kg):
    r = kg("query", "holder-of-post-on-date", "-p", "date=2017-03", "-p",
           "post=igpost:director-icann-beijing-engagement-center", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["results"]["bindings"] == expected_bindings(GYM, "2017-03")


def test_query_csv(kg):
    r = kg(*DIRECTOR, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows == [
        COLUMNS,
        ["2017-03-29", POST, SONG, "2017-03-29", "2017-03-29", "stated", IN_OFFICE, DOC, "true"],
    ]


def test_csv_lines_end_with_crlf_and_tsv_with_lf(kg):
    def raw(fmt):
        r = kg(*DIRECTOR, "--format", fmt)
        assert r.returncode == 0, r.stderr
        return r.stdout

    csv_text, tsv_text = raw("csv"), raw("tsv")
    assert csv_text.count("\r\n") == 2 and csv_text.endswith("\r\n")
    assert "\r" not in tsv_text and tsv_text.count("\n") == 2


def test_query_tsv(kg):
    r = kg(*DIRECTOR, "--format", "tsv")
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    day = f'"2017-03-29"^^<{XSD_DATE}>'
    assert rows == [
        [f"?{c}" for c in COLUMNS],
        [day, f"<{POST}>", f"<{SONG}>", day, day, '"stated"', f"<{IN_OFFICE}>", f"<{DOC}>", "true"],
    ]


def test_query_xml(kg):
    r = kg(*DIRECTOR, "--format", "xml")
    assert r.returncode == 0, r.stderr
    root = ET.fromstring(r.stdout)
    assert root.tag == SRX + "sparql"
    assert [v.get("name") for v in root.iter(SRX + "variable")] == COLUMNS
    results = []
    for res in root.iter(SRX + "result"):
        row = {}
        for b in res.iter(SRX + "binding"):
            (term,) = list(b)
            row[b.get("name")] = (term.tag.removeprefix(SRX), term.text, term.get("datatype"))
        results.append(row)
    assert [row["person"] for row in results] == [("uri", SONG, None)]
    assert results[0]["from"] == ("literal", "2017-03-29", XSD_DATE)
    assert results[0]["basis"] == ("literal", "stated", None)
    assert results[0]["date"] == ("literal", "2017-03-29", "http://www.w3.org/2001/XMLSchema#date")


def test_query_table_shortens_iris(kg):
    r = kg(*DIRECTOR, env={"COLUMNS": None})  # not a terminal, no width: nothing is cut
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == COLUMNS
    assert lines[2].split() == ["2017-03-29", "igpost:director-icann-beijing-engagement-center",
                                "igperson:song-zheng-5f9c3a", "2017-03-29", "2017-03-29", "stated",
                                "igvocab:in-office", "igdoc:circleid-icann58-readout", "true"]
    assert lines[-1] == "(1 row)"


def test_query_json_is_what_the_rdflib_oracle_answers(kg, real_store):
    import pyoxigraph as ox

    from oracle import run_rdflib

    from kg.backend import OxigraphBackend

    a = kg(*DIRECTOR, "--format", "json")
    assert a.returncode == 0, a.stderr
    parsed = ox.parse_query_results(a.stdout.encode(), format=ox.QueryResultsFormat.JSON)
    columns = tuple(v.value for v in parsed.variables)
    rows = tuple(tuple(row) for row in parsed)
    params = dict(arg.split("=", 1) for arg in DIRECTOR[3::2])
    oracle = run_rdflib(DIRECTOR[1], params, backend=OxigraphBackend(real_store))
    assert (columns, rows) == (oracle.columns, oracle.rows)


@pytest.mark.parametrize("args", [DIRECTOR, ["sparql", "ASK { ?s ?p ?o }"]])
def test_the_engine_option_is_gone(kg, args):
    """rdflib's engine left the user's path: `--engine` is an unknown option of `kg query` and `kg sparql`."""
    r = kg(*args, "--engine", "rdflib")
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "No such option '--engine'" in r.stderr
    assert r.stdout == ""


def test_label_parameter_resolves_case_insensitively(kg):
    a = kg("query", "people-of-organisation", "-p", "org=cnnic", "--format", "json")
    b = kg("query", "people-of-organisation", "-p", "org=igorg:cnnic", "--format", "json")
    c = kg("query", "people-of-organisation", "-p", f"org=<{ID}org/cnnic>", "--format", "json")
    assert a.returncode == b.returncode == c.returncode == 0, a.stderr
    assert json.loads(a.stdout) == json.loads(b.stdout) == json.loads(c.stdout)
    assert json.loads(a.stdout)["results"]["bindings"]


# ------------------------------------------------------------------------------ kg query: errors


@pytest.mark.parametrize("args, message", [
    (["query", "holder-of-post-on-date"], "needs parameter 'date' of type date"),
    (["query", "holder-of-post-on-date", "-p", "date=2017-02-30"], "parameter 'date': '2017-02-30' is not a date"),
    (["query", "holder-of-post-on-date", "-p", "date=March 2017"], "parameter 'date'"),
    (["query", "events-in-year", "-p", "year=twenty"], "parameter 'year': 'twenty' is not an integer"),
    (["query", "partnership-network", "-p", "org=igorg:cnnic", "-p", "hops=4"], "parameter 'hops': 4 is outside 1..3"),
    (["query", "events-at-place", "-p", "place=http://exa mple/x"], "parameter 'place'"),
    (["query", "events-at-place", "-p", 'place=<http://example/"x>'], "not a valid absolute IRI"),
    (["query", "events-at-place", "-p", "place=nowhere-at-all"],
     "parameter 'place': 'nowhere-at-all': no igkg:Place has this IRI, prefixed name or label"),
    (["query", "events", "-p", "x=1"], "has no parameter 'x'"),
    (["query", "events-in-year", "-p", "year"], "write -p name=value"),
    (["query", "no-such-query"], "no query named 'no-such-query'"),
    (["query", "../etc/passwd"], "no query named"),
])
def test_query_usage_errors_exit_2_naming_the_problem(kg, args, message):
    r = kg(*args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert message in r.stderr
    assert r.stdout == ""


def test_unknown_label_lists_candidates(kg):
    r = kg("query", "people-of-organisation", "-p", "org=Engagement")
    assert r.returncode == 2
    assert r.stderr.startswith("error: parameter 'org': 'Engagement': no igkg:Organization has this IRI, prefixed "
                               "name or label\ndid you mean:\n"
                               "  ICANN Beijing Engagement Center (igorg:icann-beijing-engagement-center)\n")


# ------------------------------------------------------------------------------ kg sparql


def test_sparql_select_with_predeclared_prefixes(kg):
    r = kg("sparql", "SELECT ?p WHERE { ?h igkg:post ?p ; org:member igperson:song-zheng-5f9c3a } ORDER BY ?p",
           "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["p", POST]


def test_sparql_ask_json(kg):
    r = kg("sparql", "ASK { igperson:zhang-jianchuan-db8cb8 a igkg:Person }", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"head": {}, "boolean": True}


def test_sparql_construct_turtle_parses_back(kg):
    import pyoxigraph as ox

    r = kg("sparql", "CONSTRUCT { ?h org:member ?p } WHERE { ?h igkg:post igpost:director-icann-beijing-engagement-center ;"
           " org:member ?p }", "--format", "turtle")
    assert r.returncode == 0, r.stderr
    triples = {(t.subject.value, t.object.value) for t in ox.parse(r.stdout.encode(), format=ox.RdfFormat.TURTLE)}
    assert triples == {
        (ID + "holding/song-zheng-5f9c3a--director-icann-beijing-engagement-center--1", SONG),
        (ID + "holding/zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1", ZHANG),
    }


def test_sparql_describe_ntriples(kg):
    r = kg("sparql", "DESCRIBE igperson:song-zheng-5f9c3a", "--format", "ntriples")
    assert r.returncode == 0, r.stderr
    assert f'<{SONG}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/igkg/ontology#Person> .' \
        in r.stdout.splitlines()


def test_sparql_from_file_and_stdin(kg, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { igperson:song-zheng-5f9c3a a igkg:Person }")
    a = kg("sparql", "--file", str(f), "--format", "csv")
    b = kg("sparql", "--file", "-", "--format", "csv", input=f.read_text())
    assert a.returncode == b.returncode == 0, a.stderr
    assert a.stdout.splitlines() == b.stdout.splitlines() == ["n", "1"]


@pytest.mark.parametrize("query, word", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("DROP ALL", "DROP"),
    ("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", "INSERT"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE"),
    ("CLEAR DEFAULT", "CLEAR"),
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "\\u / \\U escapes"),
    ("SELECT * WHERE { { SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }", "SERVICE"),
    ("ASK { FILTER NOT EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }", "SERVICE"),
])
def test_sparql_refuses_network_files_and_updates(kg, query, word):
    r = kg("sparql", query)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert f"refused: {word}" in r.stderr


def test_keywords_inside_strings_iris_comments_and_names_are_not_refused(kg):
    q = ('SELECT ?q WHERE { ?f igkg:quote ?q FILTER(CONTAINS(?q, "SERVICE FROM LOAD DROP")) '
         "FILTER(?f != <http://example.org/SERVICE/FROM>) } # DROP ALL\nORDER BY ?q")
    r = kg("sparql", q, "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["q"]


def test_sparql_syntax_error_exits_2_with_the_engine_message(kg):
    r = kg("sparql", "SELECT ?s WHERE { ?s ?p }")
    assert r.returncode == 2
    assert "SPARQL syntax error" in r.stderr


@pytest.mark.parametrize("query, fmt", [
    ("CONSTRUCT WHERE { ?s ?p ?o }", "json"),
    ("SELECT * WHERE { ?s ?p ?o }", "turtle"),
])
def test_sparql_format_must_fit_the_query_form(kg, query, fmt):
    r = kg("sparql", query, "--format", fmt)
    assert r.returncode == 2
    assert "--format" in r.stderr


def test_sparql_timeout_stops_a_runaway_query():
    """A real `kg` process: the query runs in a forked child, which the deadline kills."""
    r = run_kg("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--timeout", "1")
    assert r.returncode == 2
    assert r.stderr == ("error: the query ran longer than 1 s and was stopped (the --timeout bound); "
                        "raise it with --timeout SECONDS, or --timeout 0 for none\n")


def test_a_cross_product_of_the_store_with_itself_is_stopped_by_the_bound(kg):
    """Four copies of every triple joined with each other (3,271^4 rows): stopped, exit 2, one line."""
    r = kg("sparql", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a ?l",
           "--format", "csv", "--timeout", "0.5")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr.startswith("error: the query ran longer than 0.5 s and was stopped (the --timeout bound)")
    assert len(r.stderr.splitlines()) == 1


def test_a_query_beyond_the_memory_bound_is_stopped(kg):
    """The sorted cross product needs far more than 400 MiB: the child is stopped, exit 2, one line."""
    r = kg("sparql", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?i", "--format", "csv",
           "--timeout", "0", "--memory-mb", "400")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == ("error: the query needed more than 400 MiB and was stopped (the --memory-mb bound); "
                        "raise it with --memory-mb MIB, or --memory-mb 0 for none\n")


@pytest.mark.parametrize("command", ["sparql", "query", "describe", "stats"])
def test_every_query_command_has_the_documented_default_bounds(command, root):
    import importlib

    from kg.commands.options import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S

    params = {p.name: p for p in importlib.import_module(f"kg.commands.{command}").command.params}
    assert params["timeout"].default == DEFAULT_TIMEOUT_S == 30
    assert params["memory_mb"].default == DEFAULT_MEMORY_MB == 4096
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "`--timeout SECONDS` (default 30 s; 0: none)" in readme
    assert "`--memory-mb MIB` (default 4096 MiB; 0: none)" in readme


@pytest.mark.parametrize("args", [
    ["query", "events"], ["describe", "CNNIC"], ["stats"], ["sparql", "ASK {}"],
])
def test_the_bound_applies_to_every_query_command(kg, args):
    """1 ms cannot hold building the store from the files, so each command is stopped."""
    r = kg(*args, "--timeout", "0.001")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr.startswith("error: the query ran longer than 0.001 s and was stopped")


def test_timeout_0_means_no_bound(kg):
    r = kg("sparql", "ASK { igperson:song-zheng-5f9c3a a igkg:Person }", "--format", "json", "--timeout", "0")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"head": {}, "boolean": True}


def test_sparql_with_timeout_answers_and_reports_errors_like_without(kg):
    ok = kg("sparql", "ASK { igperson:song-zheng-5f9c3a a igkg:Person }", "--format", "json", "--timeout", "30")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout) == {"head": {}, "boolean": True}
    bad = kg("sparql", "SELECT ?s WHERE { ?s ?p }", "--timeout", "30")
    assert bad.returncode == 2 and "SPARQL syntax error" in bad.stderr


def test_sparql_needs_exactly_one_query(kg):
    assert kg("sparql").returncode == 2
    assert kg("sparql", "ASK {}", "--file", "x.rq").returncode == 2


# ------------------------------------------------------------------------------ start-up


def test_query_path_imports_no_heavy_library(root):
    code = (
        "import sys\nfrom kg.cli import cli\n"
        "try:\n    cli.main(['query', 'events', '--format', 'csv'], standalone_mode=False)\n"
        "finally:\n    print(sorted({m.split('.')[0] for m in sys.modules} & {'rdflib', 'pyshacl', 'owlready2', 'rich'}))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "[]"


def test_query_cold_start_answers():
    """A cold `kg query` (a new interpreter) answers; its speed is for the benchmarks, not asserted here."""
    r = run_kg(*DIRECTOR)
    assert r.returncode == 0, r.stderr
