"""The library of named SPARQL queries in `queries/*.rq`: files and their `#+` headers.

A query's name is its file stem. Its metadata sits in `#+` comment lines at the top (YAML, after
grlc; see the query files), so the file stays valid SPARQL:

    #+ summary: Who held a post on a given date?
    #+ params:
    #+   - {name: post, type: iri, class: igkg:Post, required: true, example: "igpost:director-icann-beijing-engagement-center"}
    #+ columns: [post, date, person, source]

An `iri` parameter may name a `class` (a prefixed name or IRI): a label given for it is looked up
among the instances of that class only (`-p org=ICANN` finds the organisation, not the topic).

`incomplete_on` maps server families (ENGINES; what kg.remote.family_of reads from a server's
`Server` header) known to answer the query with fewer rows to a one-line reason; `kg query
--endpoint` prints it as a note when the server is of that family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError, UsageError

PARAM_TYPES = ("iri", "string", "date", "integer", "boolean")
ENGINES = {"virtuoso": "Virtuoso", "oxigraph": "Oxigraph", "fuseki": "Fuseki", "graphdb": "GraphDB",
           "rdf4j": "RDF4J", "blazegraph": "Blazegraph", "stardog": "Stardog"}  # key: display name


@dataclass(frozen=True)
class Param:
    """One declared parameter of a query."""

    name: str
    type: str
    required: bool = False
    example: str | None = None
    description: str | None = None
    default: str | None = None
    min: int | None = None
    max: int | None = None
    cls: str | None = None  # the class (full IRI) an iri parameter's labels are looked up in


@dataclass(frozen=True)
class NamedQuery:
    """One `queries/<name>.rq` file: its header and its SPARQL text."""

    name: str
    path: Path
    summary: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    tags: tuple[str, ...]
    text: str = field(repr=False)
    incomplete_on: dict[str, str] = field(default_factory=dict, hash=False)  # engine key (ENGINES) -> reason

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def as_dict(self) -> dict[str, Any]:
        """The header as JSON-ready data (what `kg queries --format json` lists)."""
        return {
            "name": self.name, "summary": self.summary, "description": self.description,
            "params": [{"name": p.name, "type": p.type, "required": p.required, "example": p.example,
                        **({"default": p.default} if p.default is not None else {}),
                        **({"class": p.cls} if p.cls is not None else {})} for p in self.params],
            "columns": list(self.columns), "tags": list(self.tags),
            **({"incomplete_on": dict(self.incomplete_on)} if self.incomplete_on else {}),
        }

    def example_args(self) -> list[str]:
        """`-p name=value` arguments for an example call (required parameters and examples)."""
        args = []
        for p in self.params:
            if p.example is not None and (p.required or p.default is None):
                args += ["-p", f"{p.name}={p.example}"]
        return args


def queries_dir() -> Path:
    """`queries/` of the project."""
    from kg.dataset import project_root

    return project_root() / "queries"


def parse_header(text: str, path: Path | str = "<query>") -> dict[str, Any]:
    """The YAML of the leading `#+` comment lines (blank lines and plain comments may precede)."""
    import yaml

    lines: list[str] = []
    first_line = None
    for i, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#+"):
            first_line = first_line or i
            body = stripped[2:]
            lines.append(body[1:] if body.startswith(" ") else body)
        elif lines and not stripped.startswith("#+"):
            break
    if not lines:
        raise InputError(path, "no '#+' metadata header (summary, params, columns, tags)", line=1)
    try:
        meta = yaml.load("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = (first_line or 1) + mark.line if mark else first_line
        raise InputError(path, f"bad '#+' header: {getattr(e, 'problem', e)}", line=line) from None
    if not isinstance(meta, dict):
        raise InputError(path, "the '#+' header must be a YAML mapping", line=first_line)
    return meta


def _header(text: str, path: Path) -> dict[str, Any]:
    """`parse_header(text, path)`, kept between runs by kg.queries.headercache (no yaml import when kept)."""
    from kg.queries import headercache

    key = headercache.digest(text)
    meta = headercache.read(path, key)
    if meta is None:
        meta = parse_header(text, path)
        headercache.write(path, key, meta)
    return meta


def load_query(path: Path) -> NamedQuery:
    """One `.rq` file with its header checked; InputError (file:line) for a bad header."""
    text = path.read_text(encoding="utf-8")
    meta = _header(text, path)
    for key in ("summary", "columns"):
        if key not in meta:
            raise InputError(path, f"the '#+' header lacks {key!r}", line=1)
    params = []
    for raw in meta.get("params") or []:
        if not isinstance(raw, dict) or "name" not in raw:
            raise InputError(path, f"a parameter must be a mapping with a name, not {raw!r}", line=1)
        ptype = raw.get("type", "string")
        if ptype not in PARAM_TYPES:
            raise InputError(path, f"parameter {raw['name']!r} has unknown type {ptype!r}; use one of {PARAM_TYPES}", line=1)
        cls = raw.get("class")
        if cls is not None:
            from kg.namespaces import expand

            full = str(cls)[1:-1] if str(cls).startswith("<") else expand(str(cls))
            if ptype != "iri" or not full:
                raise InputError(path, f"parameter {raw['name']!r}: class {cls!r} needs type iri and a "
                                       "prefixed name or <IRI>", line=1)
            cls = full
        params.append(Param(
            name=str(raw["name"]), type=ptype, required=bool(raw.get("required", False)),
            example=None if raw.get("example") is None else str(raw["example"]),
            description=raw.get("description"),
            default=None if raw.get("default") is None else str(raw["default"]),
            min=raw.get("min"), max=raw.get("max"), cls=cls,
        ))
    return NamedQuery(
        incomplete_on=_incomplete_on(meta.get("incomplete_on"), path),
        name=path.stem, path=path, summary=str(meta["summary"]).strip(),
        description=str(meta.get("description") or "").strip(), params=tuple(params),
        columns=tuple(str(c) for c in meta["columns"]), tags=tuple(str(t) for t in meta.get("tags") or ()),
        text=text,
    )


def _incomplete_on(raw: Any, path: Path) -> dict[str, str]:
    """The `incomplete_on` header field checked: engine keys of ENGINES to one-line reasons."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InputError(path, f"incomplete_on must map engines to reasons, not {raw!r}", line=1)
    out = {}
    for engine, reason in raw.items():
        if engine not in ENGINES:
            raise InputError(path, f"incomplete_on: unknown engine {engine!r}; use one of {sorted(ENGINES)}", line=1)
        if not isinstance(reason, str) or not reason.strip() or "\n" in reason.strip():
            raise InputError(path, f"incomplete_on: {engine!r} needs a one-line reason", line=1)
        out[engine] = reason.strip()
    return out


def library(folder: Path | None = None) -> dict[str, NamedQuery]:
    """All named queries, by name, sorted."""
    folder = folder or queries_dir()
    return {p.stem: load_query(p) for p in sorted(folder.glob("*.rq"), key=lambda p: p.stem)}


def get(name: str, *, folder: Path | None = None) -> NamedQuery:
    """The query named `name` (its file stem); UsageError with close names when there is none."""
    folder = folder or queries_dir()
    path = folder / f"{name}.rq"
    if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", name) or not path.is_file():
        import difflib

        names = sorted(p.stem for p in folder.glob("*.rq"))
        close = difflib.get_close_matches(name.lower(), names, n=3, cutoff=0.75)
        close += [n for n in names if n not in close and (name.lower() in n or n in name.lower())]
        hint = f"; did you mean {', '.join(close[:5])}?" if close else "; `kg queries` lists them"
        raise UsageError(f"no query named {name!r}{hint}")
    return load_query(path)
