"""Full-text search over labels, alternative names, acronyms and quotes (SQLite FTS5, BM25 ranking).

Oxigraph has no text index, so one is kept beside it: an SQLite database with one FTS5 row per
(entity, text) — `rdfs:label`, `skos:prefLabel` (field "label"), `skos:altLabel` ("altLabel"),
`igkg:acronym` ("acronym") and `igkg:quote` ("quote") — tokenised by FTS5's `unicode61` tokenizer
(diacritics removed) with the Porter stemmer. The stored text stays verbatim; a second, hidden column
holds what text extraction split apart, joined again: every run of 2 to 6 words that contains a
one-letter word, written as one word ("Par t ner ship" -> "partnership"), so "Partnership Manager"
finds "Global St r a t egic Par t ner ship Manager".

`kg load` writes the index into the new database folder (`search.sqlite`) before that database
becomes current, so store and index change together. Other backends (an in-memory build, a store
loaded before the index existed, a SPARQL endpoint) get an in-memory index built on first use.

A query is split into words; texts holding all of them (FTS5 `AND`) come first, then, when these
give fewer entities than asked for, texts holding any of them (`OR`); within each group texts are
ranked by FTS5's `bm25()` (Robertson–Spärck Jones BM25, k1 = 1.2, b = 0.75). Each entity is
reported once, with its best-ranked text.
"""

from __future__ import annotations

import re
import sqlite3
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.namespaces import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

INDEX_FILE = "search.sqlite"
FIELDS = {  # predicate -> field name, in the order a label is chosen for an entity
    PREFIXES["rdfs"] + "label": "label",
    PREFIXES["skos"] + "prefLabel": "label",
    PREFIXES["igkg"] + "acronym": "acronym",
    PREFIXES["skos"] + "altLabel": "altLabel",
    PREFIXES["igkg"] + "quote": "quote",
}
_SCHEMA = """
CREATE TABLE names(entity TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE VIRTUAL TABLE texts USING fts5(entity UNINDEXED, field UNINDEXED, text, joined,
                                      tokenize = 'porter unicode61 remove_diacritics 2');
"""
_WORD = re.compile(r"\w+")
_SINGLE = re.compile(r"(?<!\w)[^\W\d_](?!\w)")  # a one-letter word
_SPARQL = """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel igkg:acronym igkg:quote }
  GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && isLiteral(?o) && ?g != iggraph:ontology)
}"""
_CACHE: "weakref.WeakKeyDictionary[object, sqlite3.Connection]" = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Hit:
    """One entity found: its IRI and name, the field and verbatim text that matched best, a snippet of
    that text with the matched words in [brackets] (… where cut), and its BM25 score (higher is better)."""

    entity: str
    label: str | None
    field: str
    text: str
    snippet: str
    score: float

    def as_dict(self) -> dict:
        return {"entity": self.entity, "label": self.label, "field": self.field, "text": self.text,
                "snippet": self.snippet, "score": self.score}


def rejoined(text: str) -> str:
    """The words text extraction split apart, joined: each run of 2–6 words holding a one-letter word,
    as one lower-case word ("St r a t egic" -> "strategic"); space-separated, each once."""
    if not _SINGLE.search(text):
        return ""
    words = _WORD.findall(text)
    singles = [k for k, w in enumerate(words) if len(w) == 1 and w.isalpha()]
    out: dict[str, None] = {}
    for k in singles:
        for i in range(max(0, k - 5), k + 1):
            for j in range(max(i + 2, k + 1), min(i + 6, len(words)) + 1):
                out["".join(words[i:j]).lower()] = None
    return " ".join(out)


def triples_of(store: "pyoxigraph.Store") -> Iterator[tuple[str, str, str]]:
    """(subject IRI, predicate IRI, literal text) of the indexed predicates in a pyoxigraph Store, in
    every graph but the ontology's (the data's entities, not the vocabulary's terms)."""
    import pyoxigraph as ox

    from kg.namespaces import GRAPH_ONTOLOGY

    for predicate in FIELDS:
        for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            if (isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
                    and q.graph_name.value != GRAPH_ONTOLOGY):
                yield q.subject.value, predicate, q.object.value


def _fill(db: sqlite3.Connection, triples: Iterable[tuple[str, str, str]]) -> None:
    db.executescript(_SCHEMA)
    order = {p: i for i, p in enumerate(FIELDS)}
    names: dict[str, tuple[int, str]] = {}
    rows: dict[tuple[str, str], str] = {}  # (entity, text) -> field (the first by FIELDS order)
    for s, p, o in sorted(set(triples), key=lambda t: (t[0], order[t[1]], t[2])):
        if FIELDS[p] != "quote" and FIELDS[p] != "altLabel" and s not in names:
            names[s] = (order[p], o)
        rows.setdefault((s, o), FIELDS[p])
    db.executemany("INSERT INTO names VALUES (?, ?)", ((s, v[1]) for s, v in names.items()))
    db.executemany("INSERT INTO texts VALUES (?, ?, ?, ?)",
                   ((s, field, text, rejoined(text)) for (s, text), field in rows.items()))
    db.execute("INSERT INTO texts(texts) VALUES ('optimize')")
    db.commit()


def build_index(triples: Iterable[tuple[str, str, str]], path: str | Path) -> Path:
    """Write a new index of `triples` (as `triples_of` gives) to the SQLite file `path`; returns it."""
    path = Path(path)
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        _fill(db, triples)
    finally:
        db.close()
    return path


def index_for(backend) -> sqlite3.Connection:
    """The index of a kg.backend backend: the store's `search.sqlite` (read-only) when `kg load` wrote
    one, else one built in memory from the backend on first use (kept while the backend lives)."""
    if backend in _CACHE:
        return _CACHE[backend]
    location = getattr(backend, "location", None)
    if location is not None and (Path(location) / INDEX_FILE).is_file():
        db = sqlite3.connect(f"{(Path(location).resolve() / INDEX_FILE).as_uri()}?mode=ro", uri=True, check_same_thread=False)
    else:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        store = getattr(backend, "store", None)
        if store is not None:
            _fill(db, triples_of(store))
        else:  # a SPARQL endpoint
            _fill(db, ((r["s"].value, r["p"].value, r["o"].value) for r in backend.query(_SPARQL)))
    _CACHE[backend] = db
    return db


def match_expression(text: str, *, all_words: bool = False) -> str | None:
    """The FTS5 query for `text`: its words, each quoted, joined by OR (by AND with `all_words`);
    None when it has no word."""
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(text)))
    return (" AND " if all_words else " OR ").join(f'"{w}"' for w in words) if words else None


def _ranked(db: sqlite3.Connection, expression: str, n: int) -> list[tuple]:
    """(rowid, entity, field, text, bm25) of the `n` best texts for an FTS5 expression, best first
    (ties by entity). Ranks first, then reads the kept rows by rowid."""
    best = db.execute("SELECT rowid, rank FROM texts WHERE texts MATCH ? ORDER BY rank LIMIT ?",
                      (expression, n)).fetchall()
    score = dict(best)
    rows = db.execute(f"SELECT rowid, entity, field, text FROM texts WHERE rowid IN ({','.join('?' * len(best))})",
                      list(score)).fetchall() if best else []
    return sorted(((r, e, f, t, score[r]) for r, e, f, t in rows), key=lambda x: (x[4], x[1]))


def search(backend, text: str, *, limit: int = 10, all_words: bool = False) -> list[Hit]:
    """The entities best matching `text`, best first: texts holding all its words (stemmed) first,
    ranked by BM25 among themselves, then (unless `all_words`) texts holding only some, ranked the same
    way; each entity once, with its best text; ties by IRI.

    `backend` is a kg.backend backend. At most `limit` entities; empty when `text` has no word.
    """
    every = match_expression(text, all_words=True)
    if every is None or limit < 1:
        return []
    db = index_for(backend)
    phases = [every] if all_words or " AND " not in every else [every, match_expression(text)]
    found: dict[str, tuple] = {}  # entity -> (rowid, field, text, bm25, expression)
    for expression in phases:
        kept: dict[str, tuple] = {}
        for rowid, entity, field, verbatim, score in _ranked(db, expression, limit * 20):
            if entity not in found and entity not in kept:
                kept[entity] = (rowid, field, verbatim, score, expression)
        found.update(sorted(kept.items(), key=lambda kv: (kv[1][3], kv[0])))
        if len(found) >= limit:
            break
    hits = []
    for entity, (rowid, field, verbatim, score, expression) in list(found.items())[:limit]:
        snip = db.execute("SELECT snippet(texts, 2, '[', ']', '…', 12) FROM texts WHERE texts MATCH ? AND rowid = ?",
                          (expression, rowid)).fetchone()[0]
        label = db.execute("SELECT label FROM names WHERE entity = ?", (entity,)).fetchone()
        hits.append(Hit(entity, label[0] if label else None, field, verbatim, snip, round(-score, 3)))
    return hits


def texts_matching(backend, text: str, *, limit: int = 100) -> list[tuple[str, str, str]]:
    """(entity IRI, field, verbatim text) of every indexed text matching `text`, best first (at most
    `limit`): what `search` ranks, before it keeps each entity's best text."""
    expression = match_expression(text)
    if expression is None:
        return []
    return [tuple(r) for r in index_for(backend).execute(
        "SELECT entity, field, text FROM texts WHERE texts MATCH ? ORDER BY bm25(texts), entity, text LIMIT ?",
        (expression, limit))]
