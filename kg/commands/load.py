"""`kg load [FILES…]`: load the dataset into the embedded store (atomically) or a SPARQL server."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

EPILOG = """\b
Examples:
  kg load                                   # ontology + data into the default store
  kg load --store /tmp/kg data/extra.ttl    # chosen files into another store
  KG_ENDPOINT_USER=admin KG_ENDPOINT_PASSWORD=… kg load --endpoint http://localhost:3030/ds/data

The store is replaced atomically: a failed or killed load leaves the previous one in place.
Loading the same files again finds the store current and does nothing (--rebuild forces it).
--endpoint takes the server's Graph Store Protocol URL (docs/stores.md lists them):

\b
  Oxigraph   http://HOST:PORT/store
  Fuseki     http://HOST:PORT/DATASET/data
  GraphDB    http://HOST:PORT/repositories/REPO/rdf-graphs/service
  Virtuoso   http://HOST:PORT/sparql-graph-crud-auth
  Neptune    https://HOST:PORT/sparql/gsp/

Credentials come only from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD.
"""

PROGRESS_MIN_BYTES = 4_000_000  # show a progress bar above this much input (on a terminal)
GRAPHS_LISTED = 10  # the text summary lists at most this many graphs, largest first


@click.command("load", epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--store", "store", metavar="PATH", default=None,
              help="Store folder (default: $KG_STORE, else the one `kg load` makes here).")
@click.option("--endpoint", metavar="URL", default=None,
              help="Load into this SPARQL server's Graph Store Protocol endpoint instead (staged, then "
                   "switched in with one SPARQL Update request).")
@click.option("--query-endpoint", metavar="URL", default=None,
              help="The server's SPARQL query endpoint, when kg cannot derive it from --endpoint.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="SHACL-validate first; refuse non-conforming data.")
@click.option("--force", is_flag=True, help="Load even when the data does not conform (the report is still printed).")
@click.option("--reason/--no-reason", default=False,
              help="Also materialise the ontology's inferences into iggraph:inferred (default: do not).")
@click.option("--optimize/--no-optimize", default=True, show_default=True,
              help="Compact the new database for faster queries (as `oxigraph optimize`; embedded store only).")
@click.option("--rebuild", is_flag=True, help="Rebuild the store even when it already holds these files.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def command(files: tuple[Path, ...], store: str | None, endpoint: str | None, query_endpoint: str | None,
            validate: bool, force: bool, reason: bool, optimize: bool, rebuild: bool, as_json: bool) -> None:
    """Load the ontology and data (or FILES) into the embedded store, or a SPARQL 1.1 server.

    Each file goes to its own named graph (one per source document). Exit 1 when the data does
    not conform to the shapes (unless --force), 2 for syntax errors (file:line:column).
    """
    from kg.dataset import default_sources, sources_for
    from kg.errors import UsageError

    if store and endpoint:
        raise UsageError("give --store or --endpoint, not both")
    if query_endpoint and not endpoint:
        raise UsageError("--query-endpoint goes with --endpoint")
    sources = sources_for(files) if files else default_sources()
    if not sources:
        raise UsageError("no RDF files to load")
    validated = _validate(sources, force=force) if validate else "no"
    update, stop = _progress(sources)
    try:
        if endpoint:
            summary = _load_remote(sources, endpoint, query_endpoint, reason=reason, validated=validated,
                                   progress=update)
        else:
            summary = _load_local(sources, store, reason=reason, optimize=optimize, validated=validated,
                                  rebuild=rebuild, progress=update)
    finally:
        stop()
    _print_summary(summary, as_json)


def _validate(sources, *, force: bool) -> str:
    """SHACL-validate `sources`; exit 1 with the violations unless they conform (or --force)."""
    from kg.terms import printable
    from kg.validate import validate

    report = validate(sources, engine="auto")
    if report.conforms:
        return "yes"
    click.echo(f"The data does not conform to the shapes: {len(report.results)} result(s).", err=True)
    for r in report.results[:50]:
        d = r.as_dict()
        path = f" {d['path']}" if d["path"] else ""
        click.echo(printable(f"  {d['focus']}{path}: {r.message or d['component']}"), err=True)
    if len(report.results) > 50:
        click.echo(f"  … and {len(report.results) - 50} more (see `kg validate`)", err=True)
    if force:
        click.echo("Loading anyway (--force).", err=True)
        return "forced"
    click.echo("Nothing loaded. Fix the data, or load anyway with --force.", err=True)
    sys.exit(1)


def _progress(sources):
    """A (callback, stop) pair drawing a rich progress line on a terminal for large inputs, else no-ops."""
    size = sum(s.path.stat().st_size for s in sources)
    quiet = os.environ.get("CI") or not sys.stderr.isatty() or size < PROGRESS_MIN_BYTES
    if quiet:
        return None, lambda: None
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(), TextColumn("loading {task.completed:,.0f} triples"),
        TextColumn("({task.fields[rate]:,.0f}/s)"), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )
    task = progress.add_task("load", total=None, rate=0)
    started = time.monotonic()
    progress.start()

    def update(n: int) -> None:
        progress.update(task, completed=n, rate=n / max(time.monotonic() - started, 1e-6))

    return update, progress.stop


def _load_local(sources, store, *, reason: bool, optimize: bool, validated: str, rebuild: bool, progress) -> dict:
    from kg.store import load

    result = load(sources, path=store, reason=reason, optimize=optimize, validated=validated,
                  rebuild=rebuild, progress=progress)
    m = result.meta
    return {
        "target": str(result.path), "current": result.current, "graphs": m.graphs, "triples": m.triples,
        "inferred": m.inferred, "seconds": round(result.seconds, 3), "optimize_seconds": m.optimize_seconds,
        "validated": m.validated, "reasoned": m.reasoned, "fingerprint": m.fingerprint, "created": m.created,
        "rewritten": m.rewritten,
    }


def _load_remote(sources, endpoint: str, query_endpoint: str | None, *, reason: bool, validated: str,
                 progress) -> dict:
    from kg.graphstore import load_remote

    r = load_remote(sources, endpoint, query_endpoint=query_endpoint, reason=reason, progress=progress,
                    warn=lambda message: click.echo(message, err=True))
    return {
        "target": r.store, "query_endpoint": r.query, "current": False, "graphs": r.graphs,
        "triples": sum(r.graphs.values()) + r.default, "inferred": r.inferred,
        "seconds": r.seconds, "validated": validated, "reasoned": reason, "atomic": r.atomic,
    }


def _print_summary(summary: dict, as_json: bool) -> None:
    import json

    rewritten = summary.pop("rewritten", None) or []  # (count, as written, as stored) of the embedded store
    if as_json:
        click.echo(json.dumps({**summary, "rewritten_literals": rewritten[0] if rewritten else 0}, indent=2))
        return
    graphs = summary["graphs"]
    if summary["current"]:
        click.echo(f"{summary['target']} is current (loaded {summary['created']}); nothing to do.")
    else:
        plural = "" if len(graphs) == 1 else "s"
        compacted = summary.get("optimize_seconds")
        compacted = f" (compacting took {compacted:.1f} s)" if compacted and compacted >= 0.1 else ""
        click.echo(f"Loaded {summary['triples']:,} triples in {len(graphs):,} named graph{plural} into "
                   f"{summary['target']} in {summary['seconds']:.2f} s{compacted}.")
    notes = [f"validated: {summary['validated']}"]
    if summary["reasoned"]:
        notes.append(f"inferred: {summary['inferred']:,}")
    if summary.get("atomic") is False:
        notes.append("atomic: no (graphs replaced one by one)")
    click.echo("  " + ", ".join(notes))
    if rewritten:
        n, written, stored = rewritten
        click.echo(f"  note: the store holds {n:,} literal{'s' if n != 1 else ''} in canonical form, not as "
                   f"written (e.g. {written} is stored as {stored}); kg validate checks the files as written")
    shown = graphs
    if len(graphs) > GRAPHS_LISTED:  # a generated world has thousands: list the largest
        shown = dict(sorted(graphs.items(), key=lambda kv: (-kv[1], kv[0]))[:GRAPHS_LISTED])
    width = max((len(g) for g in shown), default=0)
    for g, n in shown.items():
        click.echo(f"  {g:<{width}}  {n:>10,}")
    if len(shown) < len(graphs):
        rest = sum(graphs.values()) - sum(shown.values())
        click.echo(f"  … and {len(graphs) - len(shown):,} more graphs with {rest:,} triples (--json lists every graph)")
