"""Find the project's RDF files, name their graphs, and parse them: the package's one RDF reader.

The dataset has one named graph per file group (docs/design.md):
`ontology/igkg.ttl` -> `iggraph:ontology`, `data/reference/*` -> `iggraph:reference`, and each
`data/<stem>.ttl` (one per source document) -> `iggraph:<stem>`. TriG and N-Quads files keep their
own graph names; their default-graph triples go to the file-stem graph. Parsing uses pyoxigraph
(fast, and its errors carry line and column); blank nodes are scoped to their file.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.errors import InputError, UsageError
from kg.namespaces import GRAPH, GRAPH_ONTOLOGY, GRAPH_REFERENCE

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

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
    """The source documents: `shared/seeds/` in the folder that holds the checkout (`KG_SEEDS` overrides)."""
    env = os.environ.get("KG_SEEDS")
    return Path(env) if env else project_root().parent / "shared" / "seeds"


def ontology_file() -> Path:
    """`ontology/igkg.ttl` of the project."""
    return project_root() / "ontology" / "igkg.ttl"


def shapes_file() -> Path:
    """`ontology/shapes.ttl` of the project (the SHACL shapes; not part of the dataset)."""
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


def sources_for(paths: Iterable[str | Path | Source]) -> list[Source]:
    """Sources for files and folders named on the command line (folders are searched; a Source
    is kept as it is). Raises UsageError for a missing file or an unknown suffix."""
    out: list[Source] = []
    for raw in paths:
        if isinstance(raw, Source):
            out.append(raw)
            continue
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


def with_ontology(paths: Iterable[str | Path | Source]) -> list[Source]:
    """The project ontology followed by the files and folders in `paths` (the ontology once).

    What validation, checks and reasoning read when given files: the data with the class
    hierarchy it is checked against. Raises UsageError for a missing file or unknown suffix.
    """
    chosen = sources_for(paths)
    onto = ontology_file().resolve()
    if any(s.path.resolve() == onto for s in chosen):
        return chosen
    return [Source(onto, graph_for(onto))] + chosen


@contextmanager
def _reading(path: Path):
    """Turn pyoxigraph's parse errors into InputError(file:line:column)."""
    try:
        yield
    except SyntaxError as e:
        raise InputError(path, _syntax_message(e), line=e.lineno, column=e.offset) from None
    except (OSError, ValueError) as e:
        raise InputError(path, str(e)) from None
    except MemoryError as e:  # pyoxigraph's parser buffers one token in at most 16 MiB
        raise InputError(path, f"a term too long to parse ({e}); split or shorten it") from None


def _refuse_entities(source: Source) -> None:
    """RDF/XML only: refuse DTD entity declarations before pyoxigraph expands them (kg.rdfxml);
    raises InputError naming the file."""
    if source.format_name == "RDF_XML":
        from kg.rdfxml import check_prolog

        with _reading(source.path):
            check_prolog(source.path, where=str(source.path))


def _target_graph(source: Source) -> str:
    """Where a file's default-graph triples go: its own graph, or (TriG/N-Quads) its stem graph."""
    return source.graph or GRAPH + source.path.name.split(".")[0]


UTF8_BOM = b"\xef\xbb\xbf"


@contextmanager
def _opened(path: Path):
    """(path, stream, base IRI) for pyoxigraph: the file's path, or (when it starts with a UTF-8
    byte-order mark, which pyoxigraph refuses) None and the open file past the mark; and the file's
    own IRI (its `file:` URL), against which relative IRIs resolve when the file sets no @base."""
    base = path.resolve().as_uri()
    with open(path, "rb") as f:
        if f.read(3) == UTF8_BOM:
            yield None, f, base
            return
    yield str(path), None, base


def read_quads(source: Source) -> Iterator["pyoxigraph.Quad"]:
    """Stream one file's quads, its default-graph triples put in the file's named graph.

    Literals are exactly as written (a Store would rewrite some: see `build_store`). Relative IRIs
    resolve against the file's URL unless it sets a base; a leading UTF-8 byte-order mark is skipped.
    Blank-node labels are scoped to the file (RDF 1.1 Concepts §3.4): `_:b0` in two files gives two
    nodes. A syntax error raises InputError naming file:line:column, when the iteration reaches it.
    """
    import pyoxigraph as ox

    fmt = getattr(ox.RdfFormat, source.format_name)
    target = ox.NamedNode(_target_graph(source))
    quad, default = ox.Quad, ox.DefaultGraph
    _refuse_entities(source)
    with _reading(source.path), _opened(source.path) as (path, stream, base):
        for q in ox.parse(path=path, input=stream, format=fmt, base_iri=base, rename_blank_nodes=True):
            yield quad(q.subject, q.predicate, q.object, target) if isinstance(q.graph_name, default) else q


@dataclass(frozen=True)
class ParsedDataset:
    """Quads read from several files, and which files fed each named graph (for messages)."""

    quads: tuple["pyoxigraph.Quad", ...]
    files: dict[str, tuple[str, ...]]  # graph IRI -> paths relative to the project (else as given)


def read_dataset(sources: Iterable[Source]) -> ParsedDataset:
    """All quads of `sources` (each read with `read_quads`), with the files of each graph."""
    quads: list = []
    files: dict[str, list[str]] = {}
    for src in sources:
        start = len(quads)
        quads.extend(read_quads(src))
        for g in dict.fromkeys(q.graph_name.value for q in quads[start:]):
            files.setdefault(g, []).append(display_path(src.path))
    return ParsedDataset(tuple(quads), {g: tuple(v) for g, v in files.items()})


def display_path(path: Path) -> str:
    """`path` relative to the project root when inside it, else as given."""
    try:
        return Path(path).resolve().relative_to(project_root()).as_posix()
    except (ValueError, UsageError):
        return str(path)


def _syntax_message(e: SyntaxError) -> str:
    msg = e.msg if hasattr(e, "msg") else str(e)
    # pyoxigraph says "Parser error between line L column C and line …: what"; keep the "what".
    if msg.startswith("Parser error") and ": " in msg:
        msg = msg.split(": ", 1)[1]
    return f"syntax error: {msg}"


def build_store(sources: list[Source] | None = None) -> "pyoxigraph.Store":
    """An in-memory pyoxigraph store of the given sources (default: the whole project dataset).

    Parsed by pyoxigraph's native loader (no Python object per triple: about 2x faster than
    `read_quads` into `Store.extend`), with the same graphs and per-file blank nodes as `read_quads`.
    Note that a Store keeps typed literals in canonical form (`"6"^^xsd:int` is read back as
    `"6"^^xsd:integer`); `read_quads` gives them as written. Raises InputError on a syntax error.
    """
    import pyoxigraph as ox

    store = ox.Store()
    for src in sources if sources is not None else default_sources():
        _refuse_entities(src)
        with _reading(src.path), _opened(src.path) as (path, stream, base):
            store.load(path=path, input=stream, format=getattr(ox.RdfFormat, src.format_name), base_iri=base,
                       to_graph=ox.NamedNode(_target_graph(src)))
    return store


def fingerprint(sources: list[Source]) -> str:
    """A digest of file names and contents: a store built from the same bytes has the same one."""
    h = hashlib.sha256()
    for src in sources:
        h.update(str(src.graph).encode() + b"\0" + src.path.name.encode() + b"\0")
        h.update(src.path.read_bytes())
    return h.hexdigest()
