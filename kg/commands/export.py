"""kg export"""

from __future__ import annotations


import click

from kg.export import FORMATS


@click.command(
    "export",
    epilog="Examples:\n\n\b\n  kg export --format trig -o igkg.trig\n  kg export --format nq | wc -l\n"
           "  kg export --format jsonld data/circleid-icann58-readout.ttl\n\n"
           "Formats: trig, nq (N-Quads) and jsonld keep one named graph per source; turtle and nt "
           "(N-Triples) merge them. The export holds the asserted triples only (no inferences).",
)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="trig", show_default=True,
              help="trig, nq and jsonld keep one named graph per source; turtle and nt merge them.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (default: standard output).")
@click.argument("files", nargs=-1, type=click.Path())
def command(fmt: str, output: str | None, files: tuple[str, ...]) -> None:
    """Write the whole dataset (ontology + data, or FILES) in an RDF format (see --format)."""
    from kg.dataset import default_sources, read_quads, sources_for
    from kg.commands.options import echo_data
    from kg.export import export

    sources = sources_for(files) if files else default_sources()
    quads = [q for src in sources for q in read_quads(src)]  # as written: no store canonicalises them
    if output:
        export(quads, fmt=fmt, output=output)
        click.echo(f"wrote {len(quads)} quads to {output} ({fmt})", err=True)
    else:
        echo_data(export(quads, fmt=fmt))
