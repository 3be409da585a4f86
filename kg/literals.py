"""Literals as written: which ones are ill-typed, and which ones a pyoxigraph Store holds in another form.

A pyoxigraph Store keeps valid typed literals in canonical form (`"6"^^xsd:int` is stored as
`"6"^^xsd:integer`, `"1.50"^^xsd:decimal` as `"1.5"`, `"300"^^xsd:byte` as `"300"^^xsd:integer`);
`pyoxigraph.parse` (kg.dataset.read_quads) gives every literal as written. SHACL validates the data
graph as written, so validation and `kg load` ask this module which literals differ.

`well_typed` is the one lexical-space check (XML Schema 1.1 Part 2 lexical spaces, ranges of the
bounded integer types); both SHACL engines use it for `sh:datatype`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.namespaces import XSD, XSD_STRING

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

_INT = r"[+-]?[0-9]+"
_DEC = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)"
_FLOAT = r"([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN)"
_TZ = r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_YEAR = r"-?([1-9][0-9]{3,}|0[0-9]{3})"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12][0-9]|3[01])"
_TIME = r"(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)"
_DUR = r"-?P(?=\d|T)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"
LEXICAL = {XSD + k: re.compile(v + r"\Z") for k, v in {
    "integer": _INT, "long": _INT, "int": _INT, "short": _INT, "byte": _INT,
    "nonNegativeInteger": _INT, "positiveInteger": _INT, "nonPositiveInteger": _INT, "negativeInteger": _INT,
    "unsignedLong": _INT, "unsignedInt": _INT, "unsignedShort": _INT, "unsignedByte": _INT,
    "decimal": _DEC, "float": _FLOAT, "double": _FLOAT, "boolean": r"(true|false|1|0)",
    "date": f"{_YEAR}-{_MONTH}-{_DAY}{_TZ}", "dateTime": f"{_YEAR}-{_MONTH}-{_DAY}T{_TIME}{_TZ}",
    "dateTimeStamp": f"{_YEAR}-{_MONTH}-{_DAY}T{_TIME}(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))",
    "time": f"{_TIME}{_TZ}", "gYear": f"{_YEAR}{_TZ}", "gYearMonth": f"{_YEAR}-{_MONTH}{_TZ}",
    "gMonth": f"--{_MONTH}{_TZ}", "gDay": f"---{_DAY}{_TZ}", "gMonthDay": f"--{_MONTH}-{_DAY}{_TZ}",
    "duration": _DUR, "dayTimeDuration": r"-?P(?=\d|T)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?",
    "yearMonthDuration": r"-?P(?=\d)(\d+Y)?(\d+M)?", "hexBinary": r"([0-9a-fA-F]{2})*",
    "language": r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*",
}.items()}
RANGES = {XSD + k: v for k, v in {
    "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-128, 127),
    "nonNegativeInteger": (0, None), "positiveInteger": (1, None), "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1), "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1), "unsignedByte": (0, 255),
}.items()}
_DAYS = {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}


def well_typed(lexical: str, datatype: str) -> bool:
    """Is `lexical` in the lexical space of `datatype`? (Datatypes without a rule here: yes.)"""
    rule = LEXICAL.get(datatype)
    if rule is None:
        return True
    if rule.match(lexical) is None:
        return False
    bounds = RANGES.get(datatype)
    if bounds is not None:
        n = int(lexical)
        return (bounds[0] is None or n >= bounds[0]) and (bounds[1] is None or n <= bounds[1])
    if datatype in (XSD + "date", XSD + "dateTime", XSD + "dateTimeStamp"):
        year, month, day = re.match(r"(-?\d+)-(\d\d)-(\d\d)", lexical).groups()
        y, m, d = int(year), int(month), int(day)
        leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        return d <= (29 if leap else 28) if m == 2 else d <= _DAYS.get(m, 31)
    return True


def may_differ(term) -> bool:
    """Could a Store hold this term in another form, or is it a typed literal worth checking?"""
    dt = getattr(term, "datatype", None)
    return dt is not None and dt.value.startswith(XSD) and dt.value != XSD_STRING


def stored_forms(literals: Iterable["pyoxigraph.Literal"]) -> dict:
    """Each literal -> the term a pyoxigraph Store gives back for it (asked of a scratch Store)."""
    import pyoxigraph as ox

    literals = list(dict.fromkeys(literals))
    store = ox.Store()
    p = ox.NamedNode("urn:x-kg:literal")
    store.extend(ox.Quad(ox.NamedNode(f"urn:x-kg:{i}"), p, lit) for i, lit in enumerate(literals))
    out = {}
    for q in store.quads_for_pattern(None, p, None):
        out[literals[int(q.subject.value[9:])]] = q.object
    return out


@dataclass
class Fidelity:
    """What a Store would change: for each (subject, predicate, stored object) whose written object(s)
    differ from the stored term or are ill-typed, the written objects (all of them, the stored form
    included when it was written too); `rewritten` counts the literals held in another form."""

    written: dict = field(default_factory=dict)  # (s, p, stored o) -> set of written o
    by_predicate: dict = field(default_factory=dict)  # predicate IRI -> {(s, stored o): set of written o}
    rewritten_predicates: set = field(default_factory=set)  # IRIs of predicates with a value stored otherwise
    rewritten: int = 0
    ill_typed: int = 0
    example: tuple | None = None  # (written, stored) of one rewritten literal

    def __bool__(self) -> bool:
        return bool(self.written)


class Scanner:
    """Pass quads through (`scan`) while noting the literals that need a look; then `fidelity()`."""

    def __init__(self) -> None:
        self.candidates: list = []

    def scan(self, quads: Iterable["pyoxigraph.Quad"]) -> Iterator["pyoxigraph.Quad"]:
        import pyoxigraph as ox

        keep, literal = self.candidates.append, ox.Literal
        for q in quads:
            o = q.object
            if o.__class__ is literal:
                dt = o.datatype.value
                if dt != XSD_STRING and dt.startswith(XSD):
                    keep(q)
            yield q

    def fidelity(self) -> Fidelity:
        f = Fidelity()
        if not self.candidates:
            return f
        stored = stored_forms(q.object for q in self.candidates)
        bad = {o for o in stored if not well_typed(o.value, o.datatype.value)}
        seen = set()
        for q in self.candidates:
            o = q.object
            s = stored[o]
            if s != o or o in bad:
                f.written.setdefault((q.subject, q.predicate, s), set()).add(o)
                if (q.subject, q.predicate, o) not in seen:
                    seen.add((q.subject, q.predicate, o))
                    f.rewritten += s != o
                    if s != o:
                        f.rewritten_predicates.add(q.predicate.value)
                    f.ill_typed += o in bad
                    if s != o and f.example is None:
                        f.example = (o, s)
        for q in self.candidates:  # the stored form written as such, next to a rewritten twin
            key = (q.subject, q.predicate, q.object)
            if key in f.written:
                f.written[key].add(q.object)
        for (s, p, o), forms in f.written.items():
            f.by_predicate.setdefault(p.value, {})[(s, o)] = forms
        return f


def fidelity_of(quads: Iterable["pyoxigraph.Quad"]) -> Fidelity:
    """The Fidelity of `quads` (consumed)."""
    scanner = Scanner()
    for _ in scanner.scan(quads):
        pass
    return scanner.fidelity()


class FormCounter:
    """Pass quads through (`scan`) counting the literals a Store holds in another form (`rewritten()`)."""

    def __init__(self) -> None:
        from collections import Counter

        self.counts: Counter = Counter()

    def scan(self, quads: Iterable["pyoxigraph.Quad"]) -> Iterator["pyoxigraph.Quad"]:
        import pyoxigraph as ox

        counts, literal = self.counts, ox.Literal
        for q in quads:
            o = q.object
            if o.__class__ is literal:
                dt = o.datatype.value
                if dt != XSD_STRING and dt.startswith(XSD):
                    counts[o] += 1
            yield q

    def summary(self) -> list:
        """[how many quads hold a literal the Store keeps in another form, one such literal as written,
        as stored] (N-Triples syntax), or [] when there is none."""
        stored = stored_forms(self.counts) if self.counts else {}
        changed = sorted((str(lit), str(s)) for lit, s in stored.items() if s != lit)
        n = sum(self.counts[lit] for lit, s in stored.items() if s != lit)
        return [n, *changed[0]] if changed else []
