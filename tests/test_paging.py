"""Paging a named query's ordered rows: `kg query NAME --limit N --offset M` and `run(limit=, offset=)`."""

from __future__ import annotations

import csv
import io

import pytest

from oracle import run_rdflib

from kg import queries as lib
from kg.backend import OxigraphBackend
from kg.errors import UsageError
from kg.queries.library import NamedQuery
from kg.sparqltext import page

PERSON = "https://w3id.org/igkg/id/person/"


@pytest.fixture(scope="module")
def backend(real_store):
    return OxigraphBackend(real_store)


def people(result) -> list[str]:
    return [row[0].value.removeprefix(PERSON) for row in result]


def test_pages_of_people_put_together_are_the_whole_ordered_list(backend):
    whole = people(lib.run("people", backend=backend))
    assert len(whole) == 16
    pages = [people(lib.run("people", backend=backend, limit=5, offset=k)) for k in (0, 5, 10, 15)]
    assert [len(p) for p in pages] == [5, 5, 5, 1]
    assert sum(pages, []) == whole
    assert pages[0] == ["cai-xiongshan-30ac5c", "chu-nan-359b70", "guo-feng-0ee565", "jia-rong-low-dc02d2", "kan-kaili-cf3332"]


def test_a_page_past_the_end_is_empty_and_offset_alone_skips(backend):
    assert list(lib.run("people", backend=backend, limit=5, offset=16)) == []
    assert people(lib.run("people", backend=backend, offset=14)) == people(lib.run("people", backend=backend))[14:]


def test_rdflib_pages_the_same_rows(backend):
    ox = tuple(tuple(row) for row in lib.run("people-of-organisation", {"org": "igorg:cnnic"}, backend=backend,
                                             limit=2, offset=1))
    rd = run_rdflib("people-of-organisation", {"org": "igorg:cnnic"}, backend=backend, limit=2, offset=1)
    assert ox == rd.rows and len(ox) == 2


@pytest.mark.parametrize("limit, offset", [(0, 0), (-1, 0), (5, -1), ("5", 0), (True, 0), (2.0, 0)])
def test_page_takes_only_sane_integers(limit, offset):
    with pytest.raises(ValueError, match="limit must be an integer"):
        page("SELECT * WHERE { ?s ?p ?o }", limit, offset)


@pytest.mark.parametrize("text, word", [
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 3", "LIMIT"),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s offset 1", "OFFSET"),
    ("SELECT * WHERE { ?s ?p ?o } VALUES ?s { <urn:x> }", "VALUES"),
])
def test_page_refuses_a_query_with_its_own_modifiers(text, word):
    with pytest.raises(ValueError, match=f"its own top-level {word}"):
        page(text, 10)


@pytest.mark.parametrize("text, message", [
    ("SELECT * { ?s ?p ?o } \\u004CIMIT 2", "uses \\\\u escapes"),
    ("ASK", "no WHERE group to page"),
])
def test_page_refuses_what_it_cannot_read_for_sure(text, message):
    with pytest.raises(ValueError, match=message):
        page(text, 10)


def test_limit_inside_a_subquery_or_string_does_not_count():
    text = 'SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p "LIMIT 1" } LIMIT 2 } } ORDER BY ?s'
    assert page(text, 10, 20).endswith("ORDER BY ?s\nLIMIT 10 OFFSET 20\n")
    assert page(text, None, 0) == text


def test_the_cli_pages_and_says_where_the_next_page_starts(kg):
    r = kg("query", "people", "--limit", "3", "--offset", "2", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert [row[1] for row in rows[1:]] == ["Guo Feng", "Jia-Rong LOW", "Kan Kaili"]
    t = kg("query", "people", "--limit", "3")
    assert t.returncode == 0 and t.stderr == "(rows 1-3; the next page: --offset 3)\n"


@pytest.mark.parametrize("args, message", [
    (["--limit", "0"], "0 is not in the range x>=1"),
    (["--offset", "-2"], "-2 is not in the range x>=0"),
    (["--limit", "ten"], "'ten' is not a valid integer"),
])
def test_the_cli_refuses_bad_page_options_with_exit_2(kg, args, message):
    r = kg("query", "people", *args)
    assert r.returncode == 2 and message in r.stderr


def test_run_turns_a_page_refusal_into_a_usage_error(backend):
    query = NamedQuery(name="own-limit", path=None, summary="", description="", params=(), columns=("s",),
                       tags=(), text="SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    with pytest.raises(UsageError, match="query 'own-limit': the query has its own top-level LIMIT"):
        lib.run(query, backend=backend, limit=5)
