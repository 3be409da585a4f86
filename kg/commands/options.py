"""Options shared by the commands that read the graph."""

from __future__ import annotations

from typing import Any, Callable

import click

DEFAULT_TIMEOUT_S = 30.0  # seconds; the same as `kg serve --timeout-s`
DEFAULT_MEMORY_MB = 4096  # MiB the query may allocate beyond what the command uses when it starts

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

_timeout = click.option(
    "--timeout", "timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S, show_default=True,
    metavar="SECONDS",
    help="Stop the query after SECONDS (it runs in a child process) and exit 2; 0: no bound.",
)
_memory = click.option(
    "--memory-mb", "memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB, show_default=True,
    metavar="MIB", help="Stop the query when it needs more than MIB mebibytes and exit 2; 0: no bound.",
)


def bound_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """`--timeout SECONDS` and `--memory-mb MIB`, the bounds of every command that runs queries."""
    return _timeout(_memory(f))


def bounded(timeout: float, memory_mb: int, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)` stopped after `timeout` seconds or beyond `memory_mb` MiB
    (kg.deadline.call_with_deadline: a forked child, UsageError when a bound is reached); run here
    directly when both are 0. `fn` opens the backend itself and returns picklable output (text,
    lines), which the caller prints: the child writes nothing."""
    if not timeout and not memory_mb:
        return fn(*args, **kwargs)
    from kg.deadline import call_with_deadline

    return call_with_deadline(timeout or None, fn, *args, memory_mb=memory_mb, **kwargs)


def backend_from(store: str | None, endpoint: str | None):
    from kg.backend import open_backend

    return open_backend(store=store, endpoint=endpoint)


def table_width(wide: bool) -> int | None:
    """The width a table must fit: $COLUMNS when set, else the terminal's when standard output is
    one; None (no cut) with --wide or when the output goes to a file or pipe."""
    import os
    import sys

    if wide:
        return None
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if sys.stdout.isatty():
        import shutil  # only on a terminal: shutil's import is a measurable part of `kg query`'s start

        return shutil.get_terminal_size().columns
    return None


def echo_note(backend) -> None:
    """Print the backend's note (one line on standard error: which answer this is and why), if any."""
    note = getattr(backend, "note", None)
    if note:
        click.echo(f"note: {note}", err=True)


def echo_text(text: str) -> None:
    """Print human output (a report, a profile): control characters from the data escaped visibly
    (kg.terms.printable, ESC as `\\x1b`), line breaks kept."""
    from kg.terms import printable

    click.echo(printable(text, keep=("\n",)), nl=False)


def echo_data(data: bytes | str) -> None:
    """Print a data format (SPARQL JSON/CSV/TSV/XML results, RDF, JSON): the exact bytes to a file
    or pipe, where a program reads them back; on a terminal, control characters escaped as in
    `echo_text` (tabs and line ends kept), so that a value cannot drive the terminal."""
    import sys

    if not sys.stdout.isatty():
        click.echo(data, nl=False)
        return
    from kg.terms import printable

    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    click.echo(printable(text, keep=("\n", "\t", "\r\n")), nl=False)
