"""The ontology quality checks (`ontology/checks/*-violation.rq`): loading them and running them.

A check is a SPARQL SELECT that returns zero rows when all is well (ODK / ROBOT report style). Its
comment header says what is wrong and what to do, and how bad it is:

    # Problem: A class or property of the igkg: namespace has no rdfs:label in English.
    # Solution: Add an rdfs:label@en to the term in ontology/igkg.ttl.
    # Severity: error

Severity is `error` (fails `kg check`: exit 1), `warning` or `info` (reported only); a check without
one counts as an error. Checks run on ontology + data in one pyoxigraph store whose default graph is
the union of the named graphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SEVERITIES = ("error", "warning", "info")
_HEADER = re.compile(r"^#\s*(Problem|Solution|Severity|Title|Summary)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class QualityCheck:
    name: str
    path: Path
    query: str
    problem: str = ""
    solution: str = ""
    severity: str = "error"


@dataclass(frozen=True)
class CheckOutcome:
    check: QualityCheck
    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]  # None: the column is unbound in that row

    @property
    def failed(self) -> bool:
        return bool(self.rows) and self.check.severity == "error"


def load_checks(folder: Path) -> list[QualityCheck]:
    """Every `*-violation.rq` in `folder`, with its header parsed; sorted by name."""
    from kg.errors import InputError

    checks = []
    for path in sorted(folder.glob("*-violation.rq")):
        text = path.read_text(encoding="utf-8")
        meta: dict[str, str] = {}
        last = None
        for line in text.splitlines():
            if not line.startswith("#"):
                if line.strip():
                    break
                continue
            m = _HEADER.match(line)
            if m:
                last = m.group(1).lower()
                meta[last] = m.group(2).strip()
            elif last in ("problem", "solution") and line[1:].strip():
                meta[last] += " " + line[1:].strip()  # a continued header line
            else:
                last = None
        severity = meta.get("severity", "error").strip().lower() or "error"
        if severity not in SEVERITIES:
            raise InputError(path, f"unknown severity {severity!r}; use one of {', '.join(SEVERITIES)}")
        checks.append(QualityCheck(path.name[: -len("-violation.rq")], path, text, meta.get("problem", ""),
                                   meta.get("solution", ""), severity))
    return checks


def run_checks(store, checks: list[QualityCheck]) -> list[CheckOutcome]:
    """Run each check over the union of the store's named graphs."""
    import pyoxigraph as ox

    from kg.errors import InputError
    from kg.namespaces import PREFIXES
    from kg.sparql import text

    def show(term) -> str | None:
        return None if term is None else text(term)

    outcomes = []
    for check in checks:
        try:
            result = store.query(check.query, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as e:
            raise InputError(check.path, f"SPARQL syntax error: {e}") from None
        if not isinstance(result, ox.QuerySolutions):
            raise InputError(check.path, "a check must be a SELECT query (zero rows when healthy)")
        columns = tuple(v.value for v in result.variables)
        rows = tuple(sorted((tuple(show(sol[c]) for c in columns) for sol in result),
                            key=lambda row: tuple(v or "" for v in row)))
        outcomes.append(CheckOutcome(check, columns, rows))
    return outcomes
