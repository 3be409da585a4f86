"""kg describe NAME-OR-IRI"""

from __future__ import annotations

import json

import click

from kg.commands.options import backend_from, endpoint_option, store_option


@click.command(
    "describe",
    epilog='Examples:\n\n\b\n  kg describe "Zhang Jianchuan"\n  kg describe "Han Liyun"\n'
           '  kg describe igorg:cnnic --format json',
)
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@store_option
@endpoint_option
def command(name: str, fmt: str, store: str | None, endpoint: str | None) -> None:
    """Show everything the graph knows about one entity.

    NAME is an IRI, a prefixed name (igorg:cnnic) or a label (case-insensitive; a person's name
    also in the other order, "Han Liyun" for "Liyun HAN"). Post holdings,
    affiliations, participations, agreements and observations are shown as sentences with the
    document and quote behind each. An unknown or ambiguous name exits 2 and lists close matches.
    """
    from kg.commands.options import echo_data, echo_note, echo_text
    from kg.describe import describe, render_text

    backend = backend_from(store, endpoint)
    profile = describe(name, backend=backend)
    echo_note(backend)
    if fmt == "json":
        echo_data(json.dumps(profile.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        echo_text(render_text(profile))
