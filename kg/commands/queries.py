"""`kg queries`: list the named queries with their parameters."""

from __future__ import annotations

import json

import click


@click.command(
    "queries",
    epilog="Examples:\n\n  kg queries\n\n  kg queries --format json | jq '.[].name'\n\n"
           "  kg queries --format markdown > queries/README.md",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="table for reading, json for programs, markdown for the catalogue.")
@click.argument("name", required=False)
def command(fmt: str, name: str | None) -> None:
    """List the named queries in queries/*.rq: name, question, parameters and columns.

    With NAME, show that one query only.
    """
    from kg import queries as lib

    qs = [lib.get(name)] if name else list(lib.library().values())
    if fmt == "markdown":
        click.echo(lib.catalogue_markdown(qs, examples=lib.EXAMPLES if not name else ()), nl=False)
        return
    if fmt == "json":
        doc = [{
            "name": q.name, "summary": q.summary, "description": q.description,
            "params": [{"name": p.name, "type": p.type, "required": p.required, "example": p.example,
                        **({"default": p.default} if p.default is not None else {})} for p in q.params],
            "columns": list(q.columns), "tags": list(q.tags),
        } for q in qs]
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
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
