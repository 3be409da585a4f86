"""Options shared by the commands that read the graph."""

from __future__ import annotations

import click

store_option = click.option(
    "--store", "store", metavar="PATH", default=None,
    help="Query this embedded store folder (default: $KG_STORE, else the one `kg load` makes here, when it "
         "holds the current files; else the files, built in memory with their inferences).",
)
endpoint_option = click.option(
    "--endpoint", "endpoint", metavar="URL", default=None, help="Query this SPARQL 1.1 endpoint instead.",
)
labels_option = click.option(
    "--labels", is_flag=True,
    help="Names beside IRIs: a column xLabel after each IRI column x (csv, tsv, json, xml); "
         "the table shows 'name (prefixed name)'.",
)
wide_option = click.option(
    "--wide", is_flag=True,
    help="Never cut a table cell (default: cut long literals to fit $COLUMNS or the terminal; IRIs are never cut).",
)


def backend_from(store: str | None, endpoint: str | None):
    from kg.backend import open_backend

    return open_backend(store=store, endpoint=endpoint)


def table_width(wide: bool) -> int | None:
    """The width a table must fit: $COLUMNS when set, else the terminal's when standard output is
    one; None (no cut) with --wide or when the output goes to a file or pipe."""
    import os
    import shutil
    import sys

    if wide:
        return None
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def echo_note(backend) -> None:
    """Print the backend's note (one line on standard error: which answer this is and why), if any."""
    note = getattr(backend, "note", None)
    if note:
        click.echo(f"note: {note}", err=True)
