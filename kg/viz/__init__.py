"""Pictures of the graph: the cooperation network (Graphviz) and the timeline (matplotlib).

`network_svg(backend, around=…)` and `timeline_svg(backend, around=…)` answer SVG text ready to
put inside an HTML page (no XML declaration, no DOCTYPE; real `<text>` elements, so the names can be
searched and selected); `network(…, fmt=)` and `timeline(…, fmt=)` answer a `Picture`: the bytes
of an SVG or PNG file and what it shows. Every node or row links (`<a xlink:href>`) to its entity's page path: `page_path(iri)`, the
IRI's path below the project's base (`https://w3id.org/igkg/id/org/cnnic` -> `/id/org/cnnic`);
an IRI outside the base links to itself. Pass `link=` to link elsewhere.

`around` is an IRI, a prefixed name or a label (resolved as `kg describe` resolves its NAME:
kg.labels, UsageError with suggestions when nothing or several things carry it). The data is read
with SPARQL over a kg.backend backend: kg.viz.graph (network), kg.viz.chronology (timeline).
Graphviz's `neato` must be on PATH for the network (Debian package `graphviz`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import UsageError
from kg.namespaces import BASE, shorten

FORMATS = ("svg", "png")


def page_path(iri: str) -> str:
    """The path of an entity's page: the IRI below the project's base, from its `/`
    (`https://w3id.org/igkg/id/org/cnnic` -> `/id/org/cnnic`); any other IRI unchanged."""
    return "/" + iri[len(BASE):] if iri.startswith(BASE) else iri


def resolve(backend, name: str) -> str:
    """The IRI `name` denotes: an IRI, a prefixed name or a label (kg.describe's resolution);
    raises kg.errors.UsageError with close matches when nothing or several things carry it."""
    from kg.describe import Describer

    return Describer(backend).resolve(name)


def inline(svg: bytes) -> str:
    """SVG file bytes as SVG text to put in HTML: the XML declaration, DOCTYPE and comments before
    the `<svg>` element dropped."""
    text = svg.decode("utf-8")
    return text[text.index("<svg"):] if "<svg" in text else text


@dataclass(frozen=True)
class Picture:
    """A drawn picture: the file's bytes, its format ("svg" or "png"), the IRI it was cut around
    (None: the whole graph) and what it shows in words ("42 nodes, 37 links")."""

    data: bytes
    fmt: str
    around: str | None
    summary: str
    empty: bool = False  # nothing to draw around `around` (a timeline with no row)


class NotInNetwork(UsageError):
    """`around` names an entity that is in no link of the cooperation network."""


def network(backend, *, around: str | None = None, depth: int = 1, fmt: str = "svg", link=page_path) -> Picture:
    """The cooperation network (kg.viz.graph) drawn as `fmt` ("svg" or "png"): the whole graph, or
    the nodes within `depth` links of `around` and the links among them. Raises UsageError when
    `around` names nothing (see `resolve`) or a node in no link of the network, or `fmt` is unknown."""
    from kg.viz.graph import agent_kinds, cooperation_network
    from kg.viz.dot import colours, render

    _check(fmt)
    iri = resolve(backend, around) if around is not None else None
    if depth < 1:
        raise UsageError(f"depth must be at least 1, not {depth}")
    net = cooperation_network(backend, around=iri, depth=depth)
    if iri is not None and not net.edges:
        raise NotInNetwork(f"{shorten(iri)} is in no link of the cooperation network "
                         "(MOUs, partnerships, posts, affiliations, sub-organisations)")
    data = render(net, fill=colours(agent_kinds(backend)), link=link, fmt=fmt)
    return Picture(_clean(data, fmt), fmt, iri, f"{_count(len(net.nodes), 'node')}, {_count(len(net.edges), 'link')}")


def timeline(backend, *, around: str | None = None, fmt: str = "svg", link=page_path) -> Picture:
    """The timeline (kg.viz.chronology, kg.viz.plot) drawn as `fmt` ("svg" or "png"): every
    event, agreement signing and post holding, or those involving `around`. Raises UsageError when
    `around` names nothing (see `resolve`) or `fmt` is unknown."""
    from kg.viz.chronology import chronology
    from kg.viz.plot import render

    _check(fmt)
    iri = resolve(backend, around) if around is not None else None
    rows = chronology(backend, around=iri)
    summary = ", ".join(_count(sum(r.kind == kind for r in rows), what)
                        for kind, what in (("event", "event"), ("signing", "signing"), ("post", "post holding")))
    return Picture(_clean(render(rows, link=link, fmt=fmt), fmt), fmt, iri, summary, empty=not rows)


def network_svg(backend, *, around: str | None = None, depth: int = 1, link=page_path) -> str:
    """The cooperation network as SVG text for an HTML page (see `network` and `inline`)."""
    return inline(network(backend, around=around, depth=depth, link=link).data)


def timeline_svg(backend, *, around: str | None = None, link=page_path) -> str:
    """The timeline as SVG text for an HTML page (see `timeline` and `inline`)."""
    return inline(timeline(backend, around=around, link=link).data)


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown picture format {fmt!r}: give one of {', '.join(FORMATS)}")


def _clean(data: bytes, fmt: str) -> bytes:
    """SVG without the generator's comments (they name the tool's version: files differ between
    machines otherwise); other formats unchanged."""
    if fmt != "svg":
        return data
    return re.sub(rb"<!--.*?-->\n?", b"", data, flags=re.S)
