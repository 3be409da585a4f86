"""kg check: the ontology quality checks (`ontology/checks/*-violation.rq`) and HermiT's consistency check.

A check is a SPARQL SELECT that returns zero rows when all is well (ODK / ROBOT report style). Its
comment header says what is wrong and what to do, and how bad it is:

    # Problem: A class or property of the igkg: namespace has no rdfs:label in English.
    # Solution: Add an rdfs:label@en to the term in ontology/igkg.ttl.
    # Severity: error

Severity is `error` (fails the check: exit 1), `warning` or `info` (reported only); a check without
one counts as an error. Checks run on ontology + data in one pyoxigraph store whose default graph is
the union of the named graphs.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import click

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
    from kg.namespaces import PREFIXES, shorten

    def show(term) -> str | None:
        if term is None:
            return None
        if isinstance(term, ox.NamedNode):
            return shorten(term.value)
        if isinstance(term, ox.Literal):
            return term.value
        return str(term)

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


EPILOG = """Examples:

  kg check

  kg check data/new-document.ttl --format json

  kg check --no-consistency

Exit status: 0 clean, 1 a check of severity error returned rows or ontology + data are
inconsistent, 2 usage or input error (or HermiT could not finish).
"""


@click.command("check", epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--consistency/--no-consistency", default=True, show_default=True,
              help="Also check ontology + data for consistency with HermiT.")
@click.option("--timeout-s", type=click.FloatRange(min=0, min_open=True), default=120, show_default=True,
              help="Stop HermiT after this many seconds.")
@click.option("--memory-mb", type=click.IntRange(min=64), default=2000, show_default=True,
              help="Java heap for HermiT (-Xmx), in MiB.")
def command(files: tuple[Path, ...], fmt: str, consistency: bool, timeout_s: float, memory_mb: int) -> None:
    """Run the ontology quality checks and an OWL consistency check (HermiT).

    Each ontology/checks/*-violation.rq is a SPARQL query that returns the offending terms; it runs
    on the ontology and the data (or on the ontology and the given FILES). Then HermiT checks that
    ontology + data are consistent and every class can have members.
    """
    import pyoxigraph as ox

    from kg import reason
    from kg.dataset import project_root

    checks = load_checks(project_root() / "ontology" / "checks")
    if files:
        from kg.commands.reason import sources_with_ontology

        sources = sources_with_ontology(files)
    else:
        sources = None
    quads, graph_files = reason.read_sources(sources)
    store = ox.Store()
    store.extend(quads)
    outcomes = run_checks(store, checks)
    result = None
    if consistency:
        result = reason.check_consistency(quads=quads, graph_files=graph_files, timeout_s=timeout_s,
                                          memory_mb=memory_mb, realise=False, property_values=False)
    failed = any(o.failed for o in outcomes) or (result is not None and not result.ok)

    if fmt == "json":
        doc = {
            "ok": not failed,
            "checks": [
                {"name": o.check.name, "file": str(o.check.path.relative_to(project_root())),
                 "severity": o.check.severity, "problem": o.check.problem, "solution": o.check.solution,
                 "failed": o.failed, "count": len(o.rows), "columns": list(o.columns),
                 "rows": [dict(zip(o.columns, r)) for r in o.rows]}
                for o in outcomes
            ],
            "consistency": result.to_json() if result is not None else None,
        }
        if result is not None:  # keep the check's JSON short: the full realisation is `kg reason`'s job
            for key in ("classHierarchy", "realisation", "inferredClassAssertions", "inferredPropertyValues"):
                doc["consistency"].pop(key, None)
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(outcomes, result), nl=False)
    if failed:
        sys.exit(1)


def render_text(outcomes: list[CheckOutcome], result) -> str:
    out = []
    clean = sum(1 for o in outcomes if not o.rows)
    out.append(f"Quality checks: {clean} of {len(outcomes)} clean\n")
    for o in outcomes:
        if not o.rows:
            out.append(f"  ok    {o.check.name}\n")
            continue
        label = "FAIL " if o.failed else o.check.severity.upper()[:5].ljust(5)
        out.append(f"  {label} {o.check.name}: {len(o.rows)} row(s) [{o.check.severity}]\n")
        if o.check.problem:
            out.append(f"        Problem: {o.check.problem}\n")
        if o.check.solution:
            out.append(f"        Solution: {o.check.solution}\n")
        for row in o.rows:
            out.append("        - " + "  ".join(f"{c}={v}" for c, v in zip(o.columns, row) if v is not None) + "\n")
    if result is not None:
        out.append(f"\nConsistency ({result.engine}): {result.message}\n")
        for c in result.clashes:
            out.append(c.describe() + "\n")
        for c in result.conflicts:
            out.append(f"  - {c.describe()}\n")
    return "".join(out)
