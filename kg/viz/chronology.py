"""The timeline as data: events, agreement signings and post holdings with their stated dates.

Read from any kg.backend backend with the SPARQL below. A date is kept as precise as the source
states it (`xsd:date`, `xsd:gYearMonth`, `xsd:gYear`; an `xsd:dateTime` counts as its day) and
becomes a `When`: the period it denotes ([first day, day after the last)) and its text. A bound
that is not stated stays None: nothing here makes a date up.

Rows:
- `event`: every instance of `igkg:Event` or a subclass except the signing ceremonies of
  agreements, with `schema:startDate` / `schema:endDate`;
- `signing`: every agreement with `igkg:signedAt`, dated by its ceremony's `schema:startDate`;
- `post`: every `igkg:PostHolding` with `schema:startDate` / `schema:endDate`, its status
  (`igkg:holdingStatus`), the bounds of an unstated start or end (`igkg:earliestStart`,
  `igkg:latestStart`, `igkg:earliestEnd`, `igkg:latestEnd`, after Wikidata's qualifiers), its
  approximate span (`igkg:approximateDuration`, circa, up to the latest start: kept as the duration,
  no start date is made from it), its `igkg:endCause`, and marks at the date of the event where its
  start (`igkg:startAnnouncedAt`) or end (`igkg:endAnnouncedAt`) was announced (the deprecated
  `igkg:announcedAt` still reads as "announced").

With `around` (an IRI), only rows involving it: the entity itself; events it organised, took part
in (itself, on behalf of, or through a post holding or affiliation with it), is the place, super-
or sub-event of, or that show or sign one of its agreements; signings of its agreements (or at it);
holdings it is the person, organisation, post, announcing person or announcing event of (start or end).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.labels import names_of
from kg.namespaces import XSD, shorten
from kg.viz.graph import rows

EVENTS = """
SELECT DISTINCT ?event ?start ?end WHERE {
  ?event a ?class . ?class rdfs:subClassOf* igkg:Event .
  OPTIONAL { ?event schema:startDate ?start }
  OPTIONAL { ?event schema:endDate ?end }
}
"""
SIGNINGS = """
SELECT DISTINCT ?agreement ?ceremony ?start WHERE {
  ?agreement igkg:signedAt ?ceremony .
  OPTIONAL { ?ceremony schema:startDate ?start }
}
"""
CEREMONIES = "SELECT DISTINCT ?event WHERE { ?agreement igkg:signedAt ?event }"
HOLDINGS = """
SELECT DISTINCT ?holding ?start ?end ?status ?earliestStart ?latestStart ?earliestEnd ?latestEnd ?duration ?cause
WHERE {
  ?holding a igkg:PostHolding .
  OPTIONAL { ?holding schema:startDate ?start }
  OPTIONAL { ?holding schema:endDate ?end }
  OPTIONAL { ?holding igkg:holdingStatus ?status }
  OPTIONAL { ?holding igkg:earliestStart ?earliestStart }
  OPTIONAL { ?holding igkg:latestStart ?latestStart }
  OPTIONAL { ?holding igkg:earliestEnd ?earliestEnd }
  OPTIONAL { ?holding igkg:latestEnd ?latestEnd }
  OPTIONAL { ?holding igkg:approximateDuration ?duration }
  OPTIONAL { ?holding igkg:endCause ?cause }
}
"""
# The announcements of a holding's start or end: ?what is the mark's name, ?at the event.
ANNOUNCEMENTS = """
SELECT DISTINCT ?holding ?what ?at ?date WHERE {
  VALUES (?property ?what) { (igkg:startAnnouncedAt "start announced") (igkg:endAnnouncedAt "end announced")
                             (igkg:announcedAt "announced") }
  ?holding a igkg:PostHolding ; ?property ?at .
  OPTIONAL { ?at schema:startDate ?date }
}
"""
# The rows involving ?x (bound by a VALUES block: kg.viz.graph.rows), one flat query per way;
# see the module docstring.
EVENTS_OF = tuple("SELECT DISTINCT ?event WHERE { " + p + " }" for p in (
    "?event schema:organizer ?x",
    "?event schema:location ?x",
    "?event schema:superEvent ?x",
    "?x schema:superEvent ?event",
    "?part igkg:participant ?x ; igkg:inEvent ?event",
    "?part igkg:onBehalfOf ?x ; igkg:inEvent ?event",
    "?membership org:organization ?x ; org:member ?person . ?part igkg:participant ?person ; igkg:inEvent ?event",
    "?agreement igkg:party ?x ; igkg:depictedIn ?event",
    "?agreement igkg:party ?x ; igkg:signedAt ?event",
    "?x igkg:depictedIn|igkg:signedAt ?event",
))
AGREEMENTS_OF = tuple("SELECT DISTINCT ?agreement WHERE { " + p + " }" for p in (
    "?agreement igkg:party ?x",
    "?agreement igkg:signedAt ?x",
))
HOLDINGS_OF = tuple("SELECT DISTINCT ?holding WHERE { " + p + " ; a igkg:PostHolding }" for p in (
    "?holding org:member ?x",
    "?holding org:organization ?x",
    "?holding igkg:post ?x",
    "?holding igkg:startAnnouncedAt|igkg:endAnnouncedAt|igkg:announcedAt ?x",
    "?holding igkg:startAnnouncedBy|igkg:endAnnouncedBy|igkg:announcedBy ?x",
))
PRECISION = {XSD + "date": "day", XSD + "dateTime": "day", XSD + "gYearMonth": "month", XSD + "gYear": "year"}


@dataclass(frozen=True)
class When:
    """A stated date: its text as written (lexical form), precision ("day", "month" or "year") and
    the period it denotes: first day `lo` and the day after the last `hi`."""

    text: str
    precision: str
    lo: dt.date
    hi: dt.date


@dataclass(frozen=True)
class Mark:
    """A dated thing on a row besides its bounds: what ("start announced", "end announced",
    "announced", "signed"), the event it happened at (IRI and name) and that event's date (None:
    not stated)."""

    what: str
    when: When | None
    iri: str
    at: str = ""


@dataclass(frozen=True)
class Bounds:
    """What a post holding states about an unstated start or end (None / "": not stated): its
    status's IRI and name (igvocab:announced "announced", igvocab:in-office "in office",
    igvocab:former "former"), the inclusive bounds igkg:earliestStart, igkg:latestStart,
    igkg:earliestEnd, igkg:latestEnd, and igkg:approximateDuration as written (e.g. "P3Y": circa,
    a span ending at the latest start)."""

    status: str = ""
    status_name: str = ""
    earliest_start: When | None = None
    latest_start: When | None = None
    earliest_end: When | None = None
    latest_end: When | None = None
    circa: str = ""


@dataclass(frozen=True)
class Row:
    """One line of the timeline: kind ("event", "signing" or "post"), the IRI its name links to,
    name, start and end as stated (None: not stated), an end cause's name, other marks, and for a
    post holding its status and bounds."""

    kind: str
    iri: str
    name: str
    start: When | None = None
    end: When | None = None
    end_cause: str = ""
    marks: tuple[Mark, ...] = field(default=())
    bounds: Bounds = field(default=Bounds())


def when(term) -> When | None:
    """A date literal (pyoxigraph) as a When; None for None, another datatype or a bad lexical form."""
    if term is None or getattr(term, "datatype", None) is None:
        return None
    precision = PRECISION.get(term.datatype.value)
    text = term.value
    try:
        if precision == "year":
            year = int(text[:4] if not text.startswith("-") else text)
            return When(text, precision, dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
        if precision == "month":
            year, month = int(text[:4]), int(text[5:7])
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return When(text, precision, dt.date(year, month, 1), nxt)
        if precision == "day":
            day = dt.date.fromisoformat(text[:10])
            return When(text, precision, day, day + dt.timedelta(days=1))
    except ValueError:
        return None
    return None


def _select(backend, query: str, var: str, iris: set[str] | None) -> list[dict]:
    """Rows of `query`; with `iris`, only those whose `var` is one of them."""
    if iris is None:
        return rows(backend, query)
    return rows(backend, query, var, iris) if iris else []


def _involved(backend, queries: tuple[str, ...], var: str, around: str) -> set[str]:
    """`around` and the IRIs of `var` in the rows of `queries` with ?x bound to `around`."""
    return {r[var].value for q in queries for r in rows(backend, q, "x", [around])} | {around}


def chronology(backend, *, around: str | None = None) -> tuple[Row, ...]:
    """The timeline's rows (see the module docstring), events first, then signings, then posts;
    each kind sorted by its first stated date (undated rows last), then by name."""
    pick = (lambda q, v: _involved(backend, q, v, around)) if around else (lambda q, v: None)
    signings = _select(backend, SIGNINGS, "agreement", pick(AGREEMENTS_OF, "agreement"))
    events = _select(backend, EVENTS, "event", pick(EVENTS_OF, "event"))
    ceremonies = {r["event"].value for r in _select(backend, CEREMONIES, "event", {r["event"].value for r in events})}
    events = [r for r in events if r["event"].value not in ceremonies]
    holdings = _select(backend, HOLDINGS, "holding", pick(HOLDINGS_OF, "holding"))
    announcements = _select(backend, ANNOUNCEMENTS, "holding", {r["holding"].value for r in holdings})
    iris = {t.value for r in events + signings + holdings + announcements for t in r.values()
            if not hasattr(t, "datatype")}
    names = names_of(backend, iris)

    def name(iri: str) -> str:
        return names[iri].value if iri in names else shorten(iri)

    rows: list[Row] = []
    for iri, got in _grouped(events, "event").items():
        rows.append(Row("event", iri, name(iri), _first(got, "start"), _last(got, "end")))
    for iri, got in _grouped(signings, "agreement").items():
        ceremony = got[0]["ceremony"].value
        rows.append(Row("signing", iri, name(iri), _first(got, "start"),
                        marks=(Mark("signed", _first(got, "start"), ceremony, name(ceremony)),)))
    announced = _grouped(announcements, "holding")
    for iri, got in _grouped(holdings, "holding").items():
        marks = tuple(sorted({Mark(r["what"].value, when(r.get("date")), r["at"].value, name(r["at"].value))
                              for r in announced.get(iri, [])},
                             key=lambda m: (m.when.lo if m.when else dt.date.max, m.what, m.iri)))
        causes = sorted({name(r["cause"].value) for r in got if "cause" in r})
        status = min((r["status"].value for r in got if "status" in r), default="")
        bounds = Bounds(status, name(status) if status else "", _first(got, "earliestStart"),
                        _last(got, "latestStart"), _first(got, "earliestEnd"), _last(got, "latestEnd"),
                        min((r["duration"].value for r in got if "duration" in r), default=""))
        rows.append(Row("post", iri, name(iri), _first(got, "start"), _last(got, "end"), ", ".join(causes), marks,
                        bounds))
    order = {"event": 0, "signing": 1, "post": 2}
    return tuple(sorted(rows, key=lambda r: (order[r.kind], _sort_date(r), r.name, r.iri)))


def _grouped(rows: list[dict], var: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r[var].value, []).append(r)
    return out


def _first(rows: list[dict], var: str) -> When | None:
    """The earliest of the dates stated for `var` (a node may carry one from each document)."""
    found = [w for w in (when(r.get(var)) for r in rows) if w]
    return min(found, key=lambda w: (w.lo, w.hi)) if found else None


def _last(rows: list[dict], var: str) -> When | None:
    found = [w for w in (when(r.get(var)) for r in rows) if w]
    return max(found, key=lambda w: (w.hi, w.lo)) if found else None


def stated(row: Row) -> tuple[When, ...]:
    """Every date the row states: start, end, the bounds, the marks' dates."""
    b = row.bounds
    found = (row.start, row.end, b.earliest_start, b.latest_start, b.earliest_end, b.latest_end,
             *(m.when for m in row.marks))
    return tuple(w for w in found if w)


def circa_years(text: str) -> int | None:
    """The whole years of an xsd:duration written "PnY" ("P3Y" -> 3); None for any other form."""
    found = re.fullmatch(r"P(\d+)Y", text)
    return int(found.group(1)) if found else None


def _sort_date(row: Row) -> dt.date:
    dates = [w.lo for w in stated(row)]
    return min(dates) if dates else dt.date.max
