"""The claim ledgers (docs/sources/<document>.md) against the seed texts and the graph.

Each ledger row is one claim of its document: an id, the quote it rests on, its status (`fact` or
`set aside`), where it is in the graph (a triple in prefixed names, or `ASK <id>` naming a SPARQL
ASK in the ledger) and its basis. Checked here: every quote occurs in the document's text
(white space collapsed, kg.sources.collapse); every fact is in the graph, read through the
project's loader (kg.dataset); a triple's basis in the ledger is the graph's (the basis of an
rdf:Statement that reifies the triple, else of its subject, else stated); and at least 90% of each
document's claims are facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LEDGERS = ROOT / "docs" / "sources"
DOCUMENTS = ("circleid-icann58-readout", "cnnic-inter-cctld-cooperation")
MIN_COVERAGE = 0.90
BASES = ("stated", "read-from-layout", "editor-inferred")

_ROW = re.compile(r'^\| ([A-Z]\d+) \| "(.*)" \| (fact|set aside) \| (.*) \| (.*) \|$')
_ASK = re.compile(r"^### ([A-Z]\d+)\n\n```sparql\n(.*?)\n```", re.S | re.M)
_TERM = re.compile(r'"[^"]*"|\S+')


@dataclass(frozen=True)
class Claim:
    """One ledger row: id, quote, status ("fact" | "set aside"), where (triple, `ASK id` or reason), basis."""

    id: str
    quote: str
    status: str
    where: str
    basis: str


def read_ledger(slug: str) -> tuple[list[Claim], dict[str, str]]:
    """The claims of docs/sources/<slug>.md in order, and its ASK queries by claim id."""
    text = (LEDGERS / f"{slug}.md").read_text(encoding="utf-8")
    claims = [Claim(*m.groups()) for line in text.splitlines() if (m := _ROW.match(line))]
    return claims, dict(_ASK.findall(text))


def triple_of(claim: Claim) -> tuple[str, str, str]:
    """(subject, property, object) of a fact row's `where`, as written (object may be a quoted literal)."""
    inner = claim.where.strip()
    assert inner.startswith("`") and inner.endswith("`"), f"{claim.id}: where is not a `triple`: {inner}"
    terms = _TERM.findall(inner[1:-1])
    assert len(terms) == 3, f"{claim.id}: a triple needs subject, property and object: {inner}"
    return terms[0], terms[1], terms[2]


def _pattern(s: str, p: str, o: str) -> tuple[str, str]:
    """A graph pattern matching the triple (a quoted object by its lexical form) and the object term."""
    if o.startswith('"'):
        return f"{s} {p} ?o FILTER(STR(?o) = {o})", "?o"
    return f"{s} {p} {o}", o


@pytest.fixture(scope="module")
def graph():
    """The ontology, the reference data and the two documents (conftest.documents_store's sources)."""
    from conftest import document_sources

    from kg.dataset import build_store

    return build_store(document_sources())


def ask(store, query: str) -> bool:
    from kg.namespaces import sparql_prologue

    return bool(store.query(sparql_prologue() + query, use_default_graph_as_union=True))


def graph_basis(store, s: str, p: str, o: str) -> str:
    """The basis the graph gives the triple: its rdf:Statement's, else its subject's, else stated."""
    from kg.namespaces import sparql_prologue

    pattern, obj = _pattern(s, p, o)
    if obj == "?o":
        stmt = f"?st rdf:subject {s} ; rdf:predicate {p} ; rdf:object ?o ; igkg:basis ?b . {s} {p} ?o FILTER(STR(?o) = {o})"
    else:
        stmt = f"?st rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ; igkg:basis ?b"
    for where in (stmt, f"{s} igkg:basis ?b"):
        rows = list(store.query(sparql_prologue() + f"SELECT ?b WHERE {{ {where} }}", use_default_graph_as_union=True))
        if rows:
            return rows[0]["b"].value.rsplit("/", 1)[1]
    return "stated"


def coverage(claims: list[Claim]) -> float:
    return sum(c.status == "fact" for c in claims) / len(claims)


@pytest.mark.parametrize("slug", DOCUMENTS)
def test_every_quote_occurs_in_its_seed(slug, seeds):
    from kg.sources import collapse

    claims, _asks = read_ledger(slug)
    seed = next(seeds.glob(f"{'000' if slug.startswith('circleid') else '001'}_*.txt"))
    text = collapse(seed.read_text(encoding="utf-8"))
    assert [c.id for c in claims if collapse(c.quote) not in text] == []


@pytest.mark.parametrize("slug", DOCUMENTS)
def test_every_row_is_well_formed(slug):
    claims, asks = read_ledger(slug)
    assert len(claims) > 50
    assert len({c.id for c in claims}) == len(claims)
    for c in claims:
        if c.status == "fact":
            assert c.basis in BASES, c.id
            if c.where.startswith("ASK "):
                assert c.where == f"ASK {c.id}" and c.id in asks, c.id
            else:
                triple_of(c)
        else:
            assert c.basis == "—" and len(c.where) > 20, f"{c.id}: a set-aside row says why"


@pytest.mark.parametrize("slug", DOCUMENTS)
def test_every_fact_row_is_in_the_graph_with_its_basis(graph, slug):
    claims, asks = read_ledger(slug)
    missing, wrong_basis = [], []
    for c in claims:
        if c.status != "fact":
            continue
        if c.where.startswith("ASK "):
            if not ask(graph, asks[c.id]):
                missing.append(c.id)
            continue
        s, p, o = triple_of(c)
        if not ask(graph, f"ASK {{ {_pattern(s, p, o)[0]} }}"):
            missing.append(c.id)
        elif graph_basis(graph, s, p, o) != c.basis:
            wrong_basis.append((c.id, c.basis, graph_basis(graph, s, p, o)))
    assert (missing, wrong_basis) == ([], [])


@pytest.mark.parametrize(("slug", "claims", "facts"), [
    ("circleid-icann58-readout", 81, 76),
    ("cnnic-inter-cctld-cooperation", 96, 90),
])
def test_coverage_is_at_least_ninety_percent(slug, claims, facts, capsys):
    rows, _asks = read_ledger(slug)
    got = coverage(rows)
    with capsys.disabled():
        print(f"\n{slug}: {sum(c.status == 'fact' for c in rows)} facts of {len(rows)} claims ({got:.1%}), "
              f"{sum(c.status == 'set aside' for c in rows)} set aside")
    assert (len(rows), sum(c.status == "fact" for c in rows)) == (claims, facts)
    assert got >= MIN_COVERAGE


def test_a_fact_row_the_graph_lacks_fails(graph):
    # the check itself: a triple that is not in the graph, and a basis that is not the graph's
    claim = Claim("Z01", "the ICANN 58 Copenhagen Meeting", "fact",
                  "`igevent:icann-58-copenhagen-meeting schema:location igplace:beijing`", "stated")
    s, p, o = triple_of(claim)
    assert not ask(graph, f"ASK {{ {_pattern(s, p, o)[0]} }}")
    assert graph_basis(graph, "igevent:icann-58-copenhagen-meeting", "schema:location", "igplace:copenhagen") \
        == "editor-inferred"
    assert graph_basis(graph, "igevent:icann-58-readout-session", "schema:startDate", '"2017-03-29"') == "editor-inferred"
    assert graph_basis(graph, "igobs:china-netizen-number-2014-12", "igkg:obsValue", '"649"') == "read-from-layout"
    assert graph_basis(graph, "igaff:liu-yue-032bdc--caict--1", "org:organization", "igorg:caict") == "stated"
