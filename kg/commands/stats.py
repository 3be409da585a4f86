"""kg stats"""

from __future__ import annotations

import json

import click

from kg.commands.options import bound_options, endpoint_option, store_option


@click.command("stats", epilog="Examples:\n\n\b\n  kg stats\n  kg stats --per-graph\n  kg stats --format json\n\n"
                               "Triples are counted per named graph (a triple stated in two documents "
                               "counts twice), inferred ones included.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--per-graph", is_flag=True, help="Also list instances per class in each named graph.")
@bound_options
@store_option
@endpoint_option
def command(fmt: str, per_graph: bool, timeout: float, memory_mb: int, store: str | None, endpoint: str | None) -> None:
    """Count triples per named graph, declared classes, and instances per class."""
    from kg.commands.options import bounded

    out, note = bounded(timeout, memory_mb, _answer, fmt=fmt, per_graph=per_graph, store=store, endpoint=endpoint)
    if note:
        click.echo(f"note: {note}", err=True)
    click.echo(out, nl=False)


def _answer(*, fmt: str, per_graph: bool, store: str | None, endpoint: str | None) -> tuple[str, str | None]:
    """The counts rendered in `fmt` and the backend's note (None or one line)."""
    from kg.commands.options import backend_from
    from kg.stats import render_text, stats

    backend = backend_from(store, endpoint)
    result = stats(backend)
    note = getattr(backend, "note", None)
    if fmt == "json":
        return json.dumps(result.to_json(), indent=2) + "\n", note
    out = render_text(result, source=getattr(backend, "description", ""))
    if per_graph:
        for g, classes in result.instances_per_graph.items():
            out += f"\n{g}\n" + "".join(f"  {c:<40} {n:>8}\n" for c, n in classes.items())
    return out, note
