"""kg check: the ontology quality checks (see kg/checks.py) and HermiT's consistency check."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

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
    from kg.checks import check_dataset
    from kg.commands.options import echo_data, echo_text
    from kg.dataset import project_root

    report = check_dataset(files, consistency=consistency, timeout_s=timeout_s, memory_mb=memory_mb)
    if fmt == "json":
        echo_data(json.dumps(report.as_dict(project_root()), indent=2, ensure_ascii=False) + "\n")
    else:
        echo_text(render_text(report.outcomes, report.consistency))
    if report.failed:
        sys.exit(1)


def render_text(outcomes, result) -> str:
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
