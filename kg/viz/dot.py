"""Drawing the cooperation network (kg.viz.graph) with Graphviz.

The DOT text is built with the `graphviz` Python package and laid out by Graphviz's own `neato`
(spring model, overlaps removed), which must be on PATH (Debian package `graphviz`). In the SVG
each node is a `<g class="node KIND">` whose `<a xlink:href>` is the entity's page path
(kg.viz.page_path) and whose `<title>` is `n` and its number; each link is a
`<g class="edge KIND">` titled `nA->nB` (undirected kinds drawn without arrow heads) and linking to
the page of the node stating it (the agreement, holding or affiliation). The legend (kinds of node by colour, kinds of link by colour
and line) is the graph's label, below the drawing.
"""

from __future__ import annotations

from kg.viz.graph import UNDIRECTED, Network

# Fill colours of node kinds (pastel, dark text stays readable), given in the order of the kinds'
# names over every kind in the ontology so that a kind keeps its colour in every picture.
PALETTE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
           "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f", "#c6dbef", "#fdd0a2", "#e5f5e0", "#f2f0f7")
PERSON_COLOUR = "#fee0b6"
# kind -> (colour, Graphviz style, pen width, arrow head), and the legend's words for it
EDGE_STYLE = {
    "MOU": ("#b2182b", "solid", "2.6", "none"),
    "partnership": ("#2166ac", "solid", "1.6", "none"),
    "agreement": ("#4d4d4d", "solid", "1.6", "none"),
    "post": ("#1b7837", "solid", "1.4", "normal"),
    "announced post": ("#e08214", "dashed", "1.4", "normal"),
    "affiliation": ("#1b7837", "dashed", "1.2", "normal"),
    "sub-organisation": ("#762a83", "dotted", "1.8", "empty"),
}
EDGE_WORDS = {
    "MOU": "MOU between the parties",
    "partnership": "partnership",
    "agreement": "other agreement",
    "post": "holds a post in (person → organisation)",
    "announced post": "announced to take a post in, not yet held",
    "affiliation": "affiliated with, no post stated",
    "sub-organisation": "sub-organisation of (→ parent)",
}
LINE_SAMPLE = {"solid": "━━━", "dashed": "╍╍╍", "dotted": "┅┅┅"}
FONT = "DejaVu Sans"
WRAP = 22  # characters per line of a node's name


def colours(kinds_in_ontology) -> dict[str, str]:
    """kind -> fill colour: "person" gets its own, the others the palette in order of name."""
    out = {"person": PERSON_COLOUR}
    others = sorted(k for k in set(kinds_in_ontology) if k != "person")
    for i, kind in enumerate(others):
        out[kind] = PALETTE[i % len(PALETTE)]
    return out


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def legend(network: Network, fill: dict[str, str]) -> str:
    """The legend as a Graphviz HTML-like label: a column of the node kinds present (colour swatch,
    name) beside a column of the link kinds present (line sample, meaning)."""
    kinds = sorted({n.kind for n in network.nodes})
    links = [k for k in EDGE_STYLE if any(e.kind == k for e in network.edges)]
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>kinds</B></TD><TD WIDTH="24"></TD>'
            '<TD COLSPAN="2" ALIGN="LEFT"><B>links</B></TD></TR>']
    for i in range(max(len(kinds), len(links))):
        cells = ""
        if i < len(kinds):
            cells += (f'<TD WIDTH="22" BGCOLOR="{fill.get(kinds[i], "#ffffff")}" BORDER="1" COLOR="#777777"></TD>'
                      f'<TD ALIGN="LEFT">{_escape(kinds[i])}</TD>')
        else:
            cells += '<TD></TD><TD></TD>'
        cells += '<TD></TD>'
        if i < len(links):
            colour, style = EDGE_STYLE[links[i]][:2]
            cells += (f'<TD><FONT COLOR="{colour}">{LINE_SAMPLE[style]}</FONT></TD>'
                      f'<TD ALIGN="LEFT">{_escape(EDGE_WORDS[links[i]])}</TD>')
        else:
            cells += '<TD></TD><TD></TD>'
        rows.append(f"<TR>{cells}</TR>")
    return f'<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(rows)}</TABLE>>'


def to_dot(network: Network, *, fill: dict[str, str], link) -> "object":
    """A `graphviz.Digraph` of `network`; `link(iri)` gives each node's href. Nodes are named
    `n0`, `n1`, … in the order of `network.nodes` (an IRI may hold a colon, a port in DOT)."""
    import textwrap

    import graphviz

    title = "cooperation network" + (f" around {_name(network, network.around)}" if network.around else "")
    g = graphviz.Digraph("cooperation-network", engine="neato")
    g.attr("graph", overlap="false", splines="true", sep="+8", outputorder="edgesfirst", fontname=FONT,
           fontsize="11", label=legend(network, fill), labelloc="b", labeljust="l", tooltip=title, pad="0.2")
    g.attr("node", fontname=FONT, fontsize="10", style="filled", color="#555555", margin="0.08,0.04")
    g.attr("edge", fontname=FONT, fontsize="9")
    ids = {node.iri: f"n{i}" for i, node in enumerate(network.nodes)}
    for node in network.nodes:
        person = node.kind == "person"
        focus = node.iri == network.around
        g.node(
            ids[node.iri], label="\n".join(textwrap.wrap(node.name, WRAP)) or node.name,
            href=link(node.iri), tooltip=f"{node.name} ({node.kind})", fillcolor=fill.get(node.kind, "#ffffff"),
            shape="ellipse" if person else "box", style="filled" if person else "filled,rounded",
            penwidth="3" if focus else "1", **{"class": f"node {_css(node.kind)}" + (" focus" if focus else "")},
        )
    for edge in network.edges:
        colour, style, width, head = EDGE_STYLE[edge.kind]
        attrs = {"color": colour, "style": style, "penwidth": width, "arrowhead": head,
                 "class": f"edge {_css(edge.kind)}"}
        if edge.kind in UNDIRECTED:
            attrs["dir"] = "none"
            attrs["len"] = "1.6"
        if edge.via:
            attrs.update(href=link(edge.via), tooltip=edge.via_name)
        else:
            attrs["tooltip"] = f"{_name(network, edge.source)} is a sub-organisation of {_name(network, edge.target)}"
        g.edge(ids[edge.source], ids[edge.target], **attrs)
    return g


def _name(network: Network, iri: str | None) -> str:
    return next((n.name for n in network.nodes if n.iri == iri), iri or "")


def _css(kind: str) -> str:
    return "-".join(kind.lower().replace(".", " ").split())


def render(network: Network, *, fill: dict[str, str], link, fmt: str) -> bytes:
    """`network` drawn by Graphviz as `fmt` ("svg" or "png"); raises kg.errors.UsageError when
    Graphviz's `neato` is not installed."""
    import graphviz

    from kg.errors import UsageError

    try:
        return to_dot(network, fill=fill, link=link).pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise UsageError("Graphviz is not installed (no `neato` on PATH): on Debian, "
                         "`sudo apt-get install graphviz`") from None
