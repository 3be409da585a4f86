"""Options shared by the commands that read the graph."""

from __future__ import annotations

import click

store_option = click.option(
    "--store", "store", metavar="PATH", default=None,
    help="Query this embedded store (default: ./.kg-store or $KG_STORE when current, else the files).",
)
endpoint_option = click.option(
    "--endpoint", "endpoint", metavar="URL", default=None, help="Query this SPARQL 1.1 endpoint instead.",
)


def backend_from(store: str | None, endpoint: str | None):
    from kg.backend import open_backend

    return open_backend(store=store, endpoint=endpoint)
