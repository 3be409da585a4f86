"""kg viz network|timeline"""

from __future__ import annotations

from pathlib import Path

import click

from kg.commands.options import backend_from, endpoint_option, store_option


@click.command(
    "viz",
    epilog="Examples:\n\n\b\n  kg viz network -o network.svg\n  kg viz network --around CNNIC -o cnnic.png\n"
           '  kg viz network --around "Zhang Jianchuan" --depth 2 -o zhang.svg\n'
           "  kg viz timeline -o timeline.svg\n  kg viz timeline --around igorg:cnnic -o cnnic-timeline.png\n\n"
           "In an SVG every node and row links to its entity's page path (/id/org/cnnic), as `kg serve` "
           "serves it. Dates are drawn as precise as the sources state them; a bound that is not "
           "stated is drawn as not stated; a post holding's start or end known only as a bound "
           "(on or after, by) is drawn and written as that bound, with the holding's status.",
)
@click.argument("picture", type=click.Choice(["network", "timeline"]))
@click.option("--around", "around", metavar="ENTITY", default=None,
              help="Only what involves this entity: an IRI, a prefixed name (igorg:cnnic) or a label.")
@click.option("--depth", type=click.IntRange(min=1), default=None,
              help="network: keep the nodes within this many links of --around (default 1).")
@click.option("-o", "--output", metavar="FILE", required=True,
              help="Write the picture here; the extension says the format: .svg or .png.")
@store_option
@endpoint_option
def command(picture: str, around: str | None, depth: int | None, output: str, store: str | None,
            endpoint: str | None) -> None:
    """Draw the cooperation network or the timeline as SVG or PNG.

    network: organisations and people linked by MOUs, partnerships, post holdings, affiliations
    and sub-organisation links, coloured by kind (Graphviz). timeline: events, agreement signings
    and post holdings on a date axis (matplotlib). With --around ENTITY, the entity's neighbourhood
    or the rows involving it. An unknown ENTITY or extension exits 2.
    """
    from kg.commands.options import echo_note
    from kg.errors import UsageError
    from kg.viz import FORMATS, network, timeline

    fmt = Path(output).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"{output}: unknown extension {Path(output).suffix or '(none)'!r}; "
                         "give a file ending in .svg or .png")
    if depth is not None and (picture != "network" or around is None):
        raise UsageError("--depth goes with `kg viz network --around ENTITY`")
    backend = backend_from(store, endpoint)
    if picture == "network":
        drawn = network(backend, around=around, depth=depth or 1, fmt=fmt)
    else:
        drawn = timeline(backend, around=around, fmt=fmt)
    echo_note(backend)
    try:
        Path(output).write_bytes(drawn.data)
    except OSError as e:
        raise UsageError(f"{output}: cannot write: {e.strerror}") from None
    click.echo(f"wrote {output}: {picture}, {drawn.summary} ({fmt.upper()})")
