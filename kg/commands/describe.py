"""kg describe NAME-OR-IRI"""

from __future__ import annotations

import json

import click

from kg.commands.options import bound_options, endpoint_option, store_option


@click.command(
    "describe",
    epilog='Examples:\n\n\b\n  kg describe "Zhang Jianchuan"\n  kg describe "Han Liyun"\n'
           '  kg describe igorg:cnnic --format json',
)
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@bound_options
@store_option
@endpoint_option
def command(name: str, fmt: str, timeout: float, memory_mb: int, store: str | None, endpoint: str | None) -> None:
    """Show everything the graph knows about one entity.

    NAME is an IRI, a prefixed name (igorg:cnnic) or a label (case-insensitive; a person's name
    also in the other order, "Han Liyun" for "Liyun HAN"). Post holdings,
    affiliations, participations, agreements and observations are shown as sentences with the
    document and quote behind each. An unknown or ambiguous name exits 2 and lists close matches.
    A renamed IRI describes the IRI that replaces it and says so on standard error.
    """
    from kg.commands.options import bounded, echo_data, echo_text

    out, notes = bounded(timeout, memory_mb, _answer, name, fmt=fmt, store=store, endpoint=endpoint)
    for note in notes:
        click.echo(note, err=True)
    (echo_data if fmt == "json" else echo_text)(out)


def _answer(name: str, *, fmt: str, store: str | None, endpoint: str | None) -> tuple[str, list[str]]:
    """The profile rendered in `fmt` and the lines for standard error: a renamed IRI's redirect
    ("OLD is deprecated; replaced by NEW") and the backend's note."""
    import warnings

    from kg.commands.options import backend_from
    from kg.describe import describe, render_text
    from kg.redirects import DeprecatedIRIWarning, recorded

    backend = backend_from(store, endpoint)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeprecatedIRIWarning)
        profile = describe(name, backend=backend)
    note = getattr(backend, "note", None)
    notes = recorded(caught) + ([f"note: {note}"] if note else [])
    if fmt == "json":
        return json.dumps(profile.to_json(), indent=2, ensure_ascii=False) + "\n", notes
    return render_text(profile), notes
