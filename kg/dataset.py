"""Find the project's RDF files, name their graphs, and parse them into a dataset.

The dataset has one named graph per file group (docs/design.md):
`ontology/igkg.ttl` -> `iggraph:ontology`, `data/reference/*` -> `iggraph:reference`, and each
`data/<stem>.ttl` (one per source document) -> `iggraph:<stem>`. TriG and N-Quads files keep their
own graph names. Parsing uses pyoxigraph (fast, and its errors carry line and column).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.errors import InputError, UsageError
from kg.namespaces import GRAPH, GRAPH_ONTOLOGY, GRAPH_REFERENCE

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    import rdflib

RDF_SUFFIXES = {
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".trig": "TRIG",
    ".rdf": "RDF_XML",
    ".owl": "RDF_XML",
    ".xml": "RDF_XML",
    ".jsonld": "JSON_LD",
}
QUAD_SUFFIXES = {".nq", ".trig"}
SHAPES_FILE = "shapes.ttl"


def project_root() -> Path:
    """The repository holding `ontology/` and `data/` (`KG_HOME` overrides)."""
    env = os.environ.get("KG_HOME")
    root = Path(env) if env else Path(__file__).resolve().parent.parent
    if not (root / "ontology").is_dir():
        raise UsageError(f"{root} has no ontology/ folder; set KG_HOME to the igkg checkout")
    return root


def seeds_dir() -> Path:
    """The source documents, kept beside the clone in `../shared/seeds/` (`KG_SEEDS` overrides)."""
    env = os.environ.get("KG_SEEDS")
    return Path(env) if env else project_root().parent / "shared" / "seeds"


def ontology_file() -> Path:
    return project_root() / "ontology" / "igkg.ttl"


def shapes_file() -> Path:
    return project_root() / "ontology" / SHAPES_FILE


@dataclass(frozen=True)
class Source:
    """One RDF file and the named graph its triples go to (None: the file names its own graphs)."""

    path: Path
    graph: str | None

    @property
    def format_name(self) -> str:
        return RDF_SUFFIXES[self.path.suffix.lower()]


def graph_for(path: Path) -> str | None:
    """The named graph a file's triples belong in."""
    path = path.resolve()
    if path.suffix.lower() in QUAD_SUFFIXES:
        return None
    try:
        rel = path.relative_to(project_root())
    except ValueError:
        rel = None
    if rel is not None and rel.parts[:1] == ("ontology",):
        return GRAPH_ONTOLOGY
    if rel is not None and rel.parts[:2] == ("data", "reference"):
        return GRAPH_REFERENCE
    stem = path.name.split(".")[0]
    return GRAPH + stem


def _rdf_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in RDF_SUFFIXES and p.name != SHAPES_FILE
        and "checks" not in p.relative_to(folder).parts
    )


def default_sources() -> list[Source]:
    """The ontology and all data files of the project."""
    root = project_root()
    files = [root / "ontology" / "igkg.ttl"] + _rdf_files(root / "data")
    return [Source(p, graph_for(p)) for p in files]


def sources_for(paths: Iterable[str | Path]) -> list[Source]:
    """Sources for files and folders named on the command line (folders are searched)."""
    out: list[Source] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(Source(f, graph_for(f)) for f in _rdf_files(p))
        elif p.is_file():
            if p.suffix.lower() not in RDF_SUFFIXES:
                raise UsageError(
                    f"{p}: unknown RDF file type {p.suffix!r}; use one of {', '.join(sorted(RDF_SUFFIXES))}"
                )
            out.append(Source(p, graph_for(p)))
        else:
            raise UsageError(f"{p}: no such file or folder")
    return out


def read_quads(source: Source) -> list["pyoxigraph.Quad"]:
    """Parse one file into quads in its graph; a syntax error becomes an InputError(file:line:col)."""
    import pyoxigraph as ox

    fmt = getattr(ox.RdfFormat, source.format_name)
    try:
        quads = list(ox.parse(path=str(source.path), format=fmt))
    except SyntaxError as e:
        raise InputError(source.path, _syntax_message(e), line=e.lineno, column=e.offset) from None
    except (OSError, ValueError) as e:
        raise InputError(source.path, str(e)) from None
    # Triples in the default graph go to the file's graph (for TriG/N-Quads: the file-stem graph).
    target = ox.NamedNode(source.graph or graph_for_stem(source.path))
    return [
        ox.Quad(q.subject, q.predicate, q.object, target) if isinstance(q.graph_name, ox.DefaultGraph) else q
        for q in quads
    ]


def graph_for_stem(path: Path) -> str:
    return GRAPH + path.name.split(".")[0]


def _syntax_message(e: SyntaxError) -> str:
    msg = e.msg if hasattr(e, "msg") else str(e)
    # pyoxigraph says "Parser error between line L column C and line …: what"; keep the "what".
    if msg.startswith("Parser error") and ": " in msg:
        msg = msg.split(": ", 1)[1]
    return f"syntax error: {msg}"


def build_store(sources: list[Source] | None = None) -> "pyoxigraph.Store":
    """An in-memory pyoxigraph store of the given sources (default: the whole project dataset)."""
    import pyoxigraph as ox

    store = ox.Store()
    for src in sources if sources is not None else default_sources():
        store.extend(read_quads(src))
    return store


def fingerprint(sources: list[Source]) -> str:
    """A digest of file names and contents: a store built from the same bytes has the same one."""
    h = hashlib.sha256()
    for src in sources:
        h.update(str(src.graph).encode() + b"\0" + src.path.name.encode() + b"\0")
        h.update(src.path.read_bytes())
    return h.hexdigest()


def to_rdflib(quads: Iterable["pyoxigraph.Quad"]) -> "rdflib.Dataset":
    """Copy pyoxigraph quads into an rdflib Dataset (for pySHACL and rdflib's SPARQL engine)."""
    import rdflib

    ds = rdflib.Dataset()
    graphs: dict[str, rdflib.Graph] = {}
    for q in quads:
        g = q.graph_name
        key = getattr(g, "value", "")
        if key not in graphs:
            graphs[key] = ds.graph(rdflib.URIRef(key)) if key else ds.default_graph
        graphs[key].add((term_to_rdflib(q.subject), term_to_rdflib(q.predicate), term_to_rdflib(q.object)))
    return ds


def union_graph(quads: Iterable["pyoxigraph.Quad"]) -> "rdflib.Graph":
    """All quads' triples in one rdflib Graph (what SHACL validates)."""
    import rdflib

    g = rdflib.Graph()
    for q in quads:
        g.add((term_to_rdflib(q.subject), term_to_rdflib(q.predicate), term_to_rdflib(q.object)))
    return g


def term_to_rdflib(t):
    """pyoxigraph term -> rdflib term."""
    import pyoxigraph as ox
    import rdflib

    if isinstance(t, ox.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return rdflib.BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        dt = t.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return rdflib.Literal(t.value)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(dt))
    raise TypeError(f"unsupported term {t!r}")


def term_from_rdflib(t):
    """rdflib term -> pyoxigraph term."""
    import pyoxigraph as ox
    import rdflib

    if isinstance(t, rdflib.URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, rdflib.BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, rdflib.Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise TypeError(f"unsupported term {t!r}")
