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
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from kg.reason.hermit import ConsistencyResult

SEVERITIES = ("error", "warning", "info")
_HEADER = re.compile(r"^#\s*(Problem|Solution|Severity|Title|Summary)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class QualityCheck:
    """One `*-violation.rq` file: its name (the stem without -violation), text and header."""

    name: str
    path: Path
    query: str
    problem: str = ""
    solution: str = ""
    severity: str = "error"


@dataclass(frozen=True)
class CheckOutcome:
    """A check's answer: columns and rows as text (kg.terms.show; None where unbound), sorted."""

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
    from kg.terms import show

    outcomes = []
    for check in checks:
        try:
            result = store.query(check.query, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as e:
            raise InputError(check.path, f"SPARQL syntax error: {e}") from None
        if not isinstance(result, ox.QuerySolutions):
            raise InputError(check.path, "a check must be a SELECT query (zero rows when healthy)")
        columns = tuple(v.value for v in result.variables)
        rows = tuple(sorted((tuple(None if t is None else show(t) for t in sol) for sol in result),
                            key=lambda row: tuple(v or "" for v in row)))
        outcomes.append(CheckOutcome(check, columns, rows))
    return outcomes


@dataclass(frozen=True)
class QualityReport:
    """What `kg check` found: one outcome per check, and HermiT's verdict (None when not asked)."""

    outcomes: tuple[CheckOutcome, ...]
    consistency: "ConsistencyResult | None"

    @property
    def failed(self) -> bool:
        """A check of severity error returned rows, or ontology + data are not consistent."""
        return any(o.failed for o in self.outcomes) or (self.consistency is not None and not self.consistency.ok)

    def as_dict(self, root: Path) -> dict:
        """JSON-ready: each check with its rows (file paths relative to `root`), and HermiT's verdict
        without the full realisation (that is `kg reason`'s job)."""
        consistency = None
        if self.consistency is not None:
            consistency = {k: v for k, v in self.consistency.to_json().items() if k not in (
                "classHierarchy", "realisation", "inferredClassAssertions", "inferredPropertyValues")}
        return {
            "ok": not self.failed,
            "checks": [
                {"name": o.check.name, "file": o.check.path.relative_to(root).as_posix(),
                 "severity": o.check.severity, "problem": o.check.problem, "solution": o.check.solution,
                 "failed": o.failed, "count": len(o.rows), "columns": list(o.columns),
                 "rows": [dict(zip(o.columns, r)) for r in o.rows]}
                for o in self.outcomes
            ],
            "consistency": consistency,
        }


def standard_term_outcome(quads) -> CheckOutcome:
    """The check of kg.vocabcheck (code, not SPARQL: it compares with the standards' own files in
    ontology/imports/, which its `file` names): no project axiom entails a domain or range on a
    term outside igkg:."""
    from kg import vocabcheck

    check = QualityCheck(vocabcheck.NAME, vocabcheck.imports_dir(), "", vocabcheck.PROBLEM,
                         vocabcheck.SOLUTION, "error")
    rows = vocabcheck.violations(quads, vocabcheck.standard_quads())
    return CheckOutcome(check, vocabcheck.COLUMNS, rows)


def check_dataset(files: Iterable[str | Path] = (), *, consistency: bool = True, timeout_s: float = 120.0,
                  memory_mb: int = 2000) -> QualityReport:
    """Run `ontology/checks/*-violation.rq` and the standard-term check (kg.vocabcheck) on the
    ontology + data (or + `files`), then, when
    `consistency`, HermiT on the same quads (bounded by `timeout_s` seconds and `memory_mb` MiB).

    Raises InputError for a file or check that does not parse, kg.reason.hermit.ReasonerError when
    HermiT cannot answer.
    """
    import pyoxigraph as ox

    from kg.dataset import default_sources, project_root, read_dataset, with_ontology

    checks = load_checks(project_root() / "ontology" / "checks")
    parsed = read_dataset(with_ontology(files) if files else default_sources())
    store = ox.Store()
    store.extend(parsed.quads)
    outcomes = tuple(run_checks(store, checks))
    if (project_root() / "ontology" / "imports").is_dir():  # a project without the standards' files skips it
        outcomes += (standard_term_outcome(parsed.quads),)
    result = None
    if consistency:
        from kg.reason.hermit import check_consistency

        result = check_consistency(quads=parsed.quads, graph_files=parsed.files, timeout_s=timeout_s,
                                   memory_mb=memory_mb, realise=False, property_values=False)
    return QualityReport(outcomes, result)
