"""kg stats"""

from __future__ import annotations

import json

import click

from kg.commands.options import backend_from, endpoint_option, store_option


@click.command("stats", epilog="Examples:\n\n\b\n  kg stats\n  kg stats --per-graph\n  kg stats --format json\n\n"
                               "Triples are counted per named graph (a triple stated in two documents "
                               "counts twice), inferred ones included.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--per-graph", is_flag=True, help="Also list instances per class in each named graph.")
@store_option
@endpoint_option
def command(fmt: str, per_graph: bool, store: str | None, endpoint: str | None) -> None:
    """Count triples per named graph, declared classes, and instances per class."""
    from kg.stats import render_text, stats

    from kg.commands.options import echo_note

    backend = backend_from(store, endpoint)
    result = stats(backend)
    echo_note(backend)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), indent=2))
        return
    click.echo(render_text(result, source=getattr(backend, "description", "")), nl=False)
    if per_graph:
        for g, classes in result.instances_per_graph.items():
            click.echo(f"\n{g}")
            for c, n in classes.items():
                click.echo(f"  {c:<40} {n:>8}")
