"""`kg queries`: list the named queries with their parameters."""

from __future__ import annotations

import json

import click


@click.command(
    "queries",
    epilog="Examples:\n\n\b\n  kg queries\n  kg queries successions\n"
           "  kg queries --format json | jq '.[].name'\n"
           "  kg queries --format markdown > queries/README.md",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="table for reading, json for programs, markdown for the catalogue.")
@click.argument("name", required=False)
def command(fmt: str, name: str | None) -> None:
    """List the named queries in queries/*.rq: name, question, parameters and columns.

    With NAME, show that one query only.
    """
    from kg.queries.library import get, library

    qs = [get(name)] if name else list(library().values())
    if fmt == "markdown":
        from kg.queries.catalogue import EXAMPLES, catalogue_markdown

        click.echo(catalogue_markdown(qs, examples=EXAMPLES if not name else ()), nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps([q.as_dict() for q in qs], indent=2, ensure_ascii=False))
        return
    width = max((len(q.name) for q in qs), default=0)
    for q in qs:
        click.echo(f"{q.name.ljust(width)}  {q.summary}")
        for p in q.params:
            req = "required" if p.required else (f"default {p.default}" if p.default else "optional")
            ex = f", e.g. {p.example}" if p.example else ""
            click.echo(f"{'':{width}}    -p {p.name}=<{p.type}>  ({req}{ex})")
    if not name:
        click.echo(f"\n{len(qs)} queries; run one with: kg query NAME -p name=value")
