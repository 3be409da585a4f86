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

  kg check --sources ~/texts --no-consistency

Quotes are checked against the source documents whenever their folder is found (--sources,
else $KG_SOURCES, else shared/seeds beside the checkout).

Exit status: 0 clean, 1 a check of severity error returned rows, ontology + data are
inconsistent, or a quote is not in its document; 2 usage or input error (or HermiT could not finish).
"""


@click.command("check", epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--consistency/--no-consistency", default=True, show_default=True,
              help="Also check ontology + data for consistency with HermiT.")
@click.option("--sources", "sources", metavar="DIR", type=click.Path(path_type=Path), multiple=True,
              help="Folder of the source documents' texts (repeatable): every igkg:quote must occur in its "
                   "document (default: the folders of $KG_SOURCES, else shared/seeds beside the checkout, when present).")
@click.option("--timeout-s", type=click.FloatRange(min=0, min_open=True), default=120, show_default=True,
              help="Stop HermiT after this many seconds.")
@click.option("--memory-mb", type=click.IntRange(min=64), default=2000, show_default=True,
              help="Java heap for HermiT (-Xmx), in MiB.")
def command(files: tuple[Path, ...], fmt: str, consistency: bool, sources: tuple[Path, ...], timeout_s: float,
            memory_mb: int) -> None:
    """Run the ontology quality checks and an OWL consistency check (HermiT).

    Each ontology/checks/*-violation.rq is a SPARQL query that returns the offending terms; it runs
    on the ontology and the data (or on the ontology and the given FILES). Then HermiT checks that
    ontology + data are consistent and every class can have members. Every igkg:quote is looked up
    (white space collapsed) in the text of the document the node derives from.
    """
    from kg.checks import check_dataset
    from kg.commands.options import echo_data, echo_text
    from kg.dataset import project_root

    quotes = quote_check(files, sources)
    report = check_dataset(files, consistency=consistency, timeout_s=timeout_s, memory_mb=memory_mb)
    if fmt == "json":
        doc = report.as_dict(project_root())
        doc["quotes"] = quotes.as_dict() if quotes is not None else None
        doc["ok"] = doc["ok"] and (quotes is None or quotes.ok)
        echo_data(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    else:
        echo_text(render_text(report.outcomes, report.consistency) + render_quotes(quotes))
    if report.failed or (quotes is not None and not quotes.ok):
        sys.exit(1)


def quote_check(files, sources: tuple[Path, ...]):
    """The quote check of `files` (default: the project data), or None when no sources folder is
    found and none was given."""
    from kg.dataset import default_sources, sources_for
    from kg.sources import check_quotes, sources_dirs

    folder = list(sources) or [f for f in sources_dirs() if f.is_dir()]
    if not folder:
        return None
    if not files:
        return check_quotes(default_sources(), folder)
    chosen = sources_for(files)
    given = {s.path.resolve() for s in chosen}
    return check_quotes(chosen, folder, metadata=[s for s in default_sources() if s.path.resolve() not in given])


def render_quotes(quotes) -> str:
    from kg.sources import shown

    if quotes is None:
        return "\nQuotes: not checked (no source documents found; give --sources DIR or set KG_SOURCES)\n"
    verdict = "all found" if quotes.ok else f"{len(quotes.failures)} failure(s)"
    head = f"\nQuotes: {quotes.quotes} checked against {len(quotes.documents)} document(s) in {', '.join(shown(f) for f in quotes.folders)}: {verdict}\n"
    return head + "".join(f"  - {f.describe()}\n" for f in quotes.failures)


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
