"""Renaming IRIs across the data files (`kg rename`): a textual rewrite that keeps each Turtle file
as written, a redirect for each old IRI, and all files or none.

The rewrite replaces terms only: prefixed names (`igperson:li`, never the start of
`igperson:li-xiangning`; a `.` ending a statement is not part of a name) and full IRIs in angle
brackets. Comments and string literals are left as they are (an editorial note may tell the history
of an IRI); where they name an old IRI, a note says so (file:line). A new IRI is written with the
prefix the old one was written with when it fits, else with another declared prefix, else in `<>`.

Each old IRI gets a redirect in `data/reference/redirects.ttl` (graph iggraph:reference):
`<old> owl:deprecated true ; dcterms:isReplacedBy <new> .`, and earlier redirects to it are
pointed at the new IRI (the rewrite covers that file too), so a redirect is never a chain.

Before anything is written, every rewritten file is parsed (kg.dataset) and its quads compared with
the old file's quads renamed: a rewrite that would change anything else is refused. Files are then
replaced one by one (`os.replace`); if one fails, those already replaced are put back.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UsageError
from kg.namespaces import GRAPH_REFERENCE, PREFIXES, XSD, shorten
from kg.terms import named_node

REDIRECTS = Path("data") / "reference" / "redirects.ttl"
TEXT_FORMATS = {".ttl", ".trig", ".nt", ".nq"}
DEPRECATED, REPLACED_BY = PREFIXES["owl"] + "deprecated", PREFIXES["dcterms"] + "isReplacedBy"
_TOKEN = re.compile(r'''
  (?P<long>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\')
| (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
| (?P<iri><[^<>"{}|^`\\\s]*>)
| (?P<comment>\#[^\n]*)
| (?P<pname>(?<![\w.:\-])(?P<prefix>(?:[A-Za-z][\w.\-]*)?):(?P<local>(?:[\w\-:%]|\.(?=[\w\-:%]))*))
''', re.VERBOSE)
_PNAME = re.compile(r"(?<![\w.:\-/])(?P<prefix>[A-Za-z][\w.\-]*):(?P<local>(?:[\w\-:%]|\.(?=[\w\-:%]))+)")
# Files outside data/ that may name IRIs: reported after a rename, never rewritten.
ELSEWHERE = ("queries/*.rq", "README.md", "docs/**/*.md", "tests/**/*.py", "tests/**/*.ttl", "tests/**/*.rq",
             "kg/**/*.py")
_PREFIX_DECL = re.compile(r"(?:@prefix|PREFIX)\s+((?:[A-Za-z][\w.\-]*)?):\s*<([^>]*)>", re.IGNORECASE)
_BARE_IRI = re.compile(r"https?://[^\s<>\"{}|^`\\]*[^\s<>\"{}|^`\\.,;:)']")
_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[\w.\-]*[\w\-])?$", re.ASCII)
REDIRECTS_HEADER = """\
# Redirects: IRIs that were renamed (kg rename). Each old IRI is deprecated and names the IRI that
# replaces it (dcterms:isReplacedBy), as Wikidata redirects do; kg describe, kg query and kg serve
# follow them. Not owl:sameAs: a reasoner would copy every fact of the new IRI onto the old one.
# Named graph: iggraph:reference. Written by `kg rename`; keep the entries, never delete one.
""" + "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items() if p.startswith("ig") and p != "iggraph") + \
    f"@prefix owl: <{PREFIXES['owl']}> .\n@prefix dcterms: <{PREFIXES['dcterms']}> .\n\n"


@dataclass(frozen=True)
class Rewrite:
    """One file's new text, how many terms changed, and the old IRIs its comments or strings
    name (line, old IRI), which are left as written."""

    text: str
    changed: int
    mentions: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Renamed:
    """What a rename did (or, dry run, would do): the renames, the files changed (relative to the
    project), and notes for standard error."""

    renames: tuple[tuple[str, str], ...]
    files: tuple[str, ...]
    notes: tuple[str, ...]


def prefixes_of(text: str) -> dict[str, str]:
    """prefix -> namespace IRI declared in Turtle/TriG `text` (`@prefix` or `PREFIX`; the last wins)."""
    return {p: ns for p, ns in _PREFIX_DECL.findall(text)}


def written(iri: str, prefixes: dict[str, str], prefer: str | None = None) -> str:
    """How to write `iri` in a file with `prefixes`: `prefer:local` when it fits, else another
    declared prefix (longest namespace first), else `<iri>`."""
    order = ([prefer] if prefer in prefixes else []) + sorted(prefixes, key=lambda p: -len(prefixes[p]))
    for p in order:
        ns = prefixes[p]
        if ns and iri.startswith(ns) and _PN_LOCAL.match(iri[len(ns):]):
            return f"{p}:{iri[len(ns):]}"
    return f"<{iri}>"


def rewrite_text(text: str, mapping: dict[str, str]) -> Rewrite:
    """`text` (Turtle, TriG, N-Triples or N-Quads) with every term naming a key of `mapping` (full
    IRIs) replaced by its value; comments and strings untouched (their mentions are reported)."""
    prefixes = prefixes_of(text)
    out: list[str] = []
    at, changed, mentions = 0, 0, []
    for m in _TOKEN.finditer(text):
        kind = "pname" if m.group("pname") is not None else "iri" if m.group("iri") is not None else "text"
        new = None
        if kind == "iri":
            target = mapping.get(m.group()[1:-1])
            new = f"<{target}>" if target else None
        elif kind == "pname":
            ns = prefixes.get(m.group("prefix"))
            target = mapping.get(ns + m.group("local")) if ns is not None else None
            new = written(target, prefixes, m.group("prefix")) if target else None
        else:
            line = text.count("\n", 0, m.start()) + 1
            mentions += [(line + m.group().count("\n", 0, i), old) for i, old in _named_in(m.group(), prefixes, mapping)]
        if new is not None:
            out += [text[at:m.start()], new]
            at, changed = m.end(), changed + 1
    out.append(text[at:])
    return Rewrite("".join(out), changed, tuple(mentions))


def _named_in(chunk: str, prefixes: dict[str, str], mapping: dict[str, str]) -> list[tuple[int, str]]:
    """(offset, old IRI) of the keys of `mapping` that free text names, as prefixed names or IRIs."""
    found = []
    for m in _BARE_IRI.finditer(chunk):
        if m.group() in mapping:
            found.append((m.start(), m.group()))
    for m in _PNAME.finditer(chunk):
        if ns := prefixes.get(m.group("prefix"), PREFIXES.get(m.group("prefix"))):
            if ns + m.group("local") in mapping:
                found.append((m.start(), ns + m.group("local")))
    return sorted(found)


def named_elsewhere(root: Path, mapping: dict[str, str]) -> list[str]:
    """One note per file outside data/ (ELSEWHERE: queries, docs, tests, code) that names an old
    IRI of `mapping`: such files are not rewritten; a query parameter or page still resolves through
    the redirect, but a test or example that expects the old IRI has to change."""
    notes = []
    for pattern in ELSEWHERE:
        for path in sorted(root.glob(pattern)):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            found = _named_in(text, prefixes_of(text), mapping)
            if found:
                lines = sorted({text.count("\n", 0, at) + 1 for at, _ in found})
                shown = ", ".join(map(str, lines[:8])) + (", …" if len(lines) > 8 else "")
                notes.append(f"note: {path.relative_to(root).as_posix()} names {len({o for _, o in found})} "
                             f"renamed IRI(s) (line {shown}); not rewritten")
    return notes


def redirect_entries(renames, prefixes: dict[str, str]) -> str:
    """Turtle statements deprecating each old IRI in favour of its new one."""
    return "".join(f"{written(old, prefixes)} owl:deprecated true ; dcterms:isReplacedBy {written(new, prefixes)} .\n"
                   for old, new in renames)


def _key(quad) -> tuple[str, ...]:
    import pyoxigraph as ox

    return tuple("_:b" if isinstance(t, ox.BlankNode) else str(t)
                 for t in (quad.subject, quad.predicate, quad.object, quad.graph_name))


def _renamed(quad, mapping: dict[str, str]):
    import pyoxigraph as ox

    def term(t):
        return ox.NamedNode(mapping[t.value]) if isinstance(t, ox.NamedNode) and t.value in mapping else t

    return ox.Quad(term(quad.subject), term(quad.predicate), term(quad.object), quad.graph_name)


def _temp_for(path: Path) -> Path:
    return path.with_name(f".{path.stem}.kg-rename-{os.getpid()}{path.suffix}")


def plan_files(root: Path, mapping: dict[str, str]) -> tuple[dict[Path, str], list[str]]:
    """The new text of each data file the renames change (the redirects file included) and the
    notes; raises UsageError naming the IRI or file when a rename cannot be made (nothing written)."""
    import pyoxigraph as ox

    from kg.dataset import display_path, read_quads, sources_for

    data = sources_for([root / "data"])
    quads_of = {src.path: list(read_quads(src)) for src in data}
    ontology = [q for src in sources_for([root / "ontology" / "igkg.ttl"]) for q in read_quads(src)]
    every = [q for qs in quads_of.values() for q in qs]
    used = {t.value for q in every + ontology for t in (q.subject, q.predicate, q.object) if isinstance(t, ox.NamedNode)}
    nodes = {t.value for q in every for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}
    deprecated = {q.subject.value: q.object.value for q in every + ontology if q.predicate.value == REPLACED_BY}
    targets = Counter(mapping.values())
    for old, new in mapping.items():
        named_node(new, what="NEW: ")
        if old == new:
            raise UsageError(f"{shorten(old)}: the old and the new IRI are the same")
        if old in deprecated:
            raise UsageError(f"{shorten(old)} is deprecated already (replaced by {shorten(deprecated[old])})")
        if old not in nodes:
            raise UsageError(f"{shorten(old)}: not found in the data files (data/)")
        if (new in used and new not in mapping) or targets[new] > 1:
            raise UsageError(f"{shorten(new)} already exists; pick another IRI")
    redirects = root / REDIRECTS
    texts: dict[Path, str] = {}
    notes: list[str] = []
    for src in data:
        uses = any(t.value in mapping for q in quads_of[src.path] for t in (q.subject, q.predicate, q.object)
                   if isinstance(t, ox.NamedNode))
        if src.path.suffix.lower() not in TEXT_FORMATS:
            if uses:
                raise UsageError(f"{display_path(src.path)}: cannot rewrite a {src.format_name} file; rename in it by hand")
            continue
        rw = rewrite_text(src.path.read_text(encoding="utf-8"), mapping)
        notes += [f"note: {display_path(src.path)}:{line}: a comment or string names {shorten(old)} (left as written)"
                  for line, old in rw.mentions]
        if rw.changed or uses:
            texts[src.path] = rw.text
    base = texts.get(redirects) or (redirects.read_text(encoding="utf-8") if redirects.exists() else REDIRECTS_HEADER)
    sep = "" if base.endswith("\n") else "\n"
    texts[redirects] = base + sep + redirect_entries(sorted(mapping.items()), prefixes_of(base))
    for path, text in texts.items():
        _verify(path, text, quads_of.get(path, []), mapping, redirects=path == redirects)
    return texts, notes


def _verify(path: Path, text: str, before: list, mapping: dict[str, str], *, redirects: bool) -> None:
    """Parse `text` (kg.dataset) as `path` would be: its quads must be `before` with the IRIs renamed
    (and, in the redirects file, the new redirects); UsageError otherwise."""
    import pyoxigraph as ox

    from kg.dataset import Source, display_path, graph_for, read_quads

    want = Counter(_key(_renamed(q, mapping)) for q in before)
    if redirects:
        g, true = ox.NamedNode(GRAPH_REFERENCE), ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))
        for old, new in mapping.items():
            want[_key(ox.Quad(ox.NamedNode(old), ox.NamedNode(DEPRECATED), true, g))] += 1
            want[_key(ox.Quad(ox.NamedNode(old), ox.NamedNode(REPLACED_BY), ox.NamedNode(new), g))] += 1
    tmp = _temp_for(path)
    try:
        tmp.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        after = Counter(_key(q) for q in read_quads(Source(tmp, graph_for(path))))
    finally:
        tmp.unlink(missing_ok=True)
    if after != want:
        raise UsageError(f"{display_path(path)}: the rewrite would change more than the renamed IRIs; "
                         "nothing was written")


def apply(texts: dict[Path, str]) -> None:
    """Replace each file by its new text: all or none (a failure puts back the files replaced)."""
    old: dict[Path, bytes | None] = {p: (p.read_bytes() if p.exists() else None) for p in texts}
    done: list[Path] = []
    try:
        for path, text in texts.items():
            tmp = _temp_for(path)
            tmp.write_text(text, encoding="utf-8")
            _replace(tmp, path)
            done.append(path)
    except BaseException:
        for path in done:
            if old[path] is None:
                path.unlink(missing_ok=True)
            else:
                tmp = _temp_for(path)
                tmp.write_bytes(old[path])
                os.replace(tmp, path)
        raise
    finally:
        for path in texts:
            _temp_for(path).unlink(missing_ok=True)


def _replace(tmp: Path, path: Path) -> None:
    os.replace(tmp, path)


def rename(mapping: dict[str, str], *, dry_run: bool = False) -> Renamed:
    """Rename each key of `mapping` (old IRI -> new IRI) across the project's data files and record
    the redirects (see the module docstring); `dry_run` checks and reports without writing.
    Raises UsageError naming the IRI or file (OLD not found, NEW already exists, …)."""
    from kg.dataset import display_path, project_root

    if not mapping:
        return Renamed((), (), ())
    root = project_root()
    texts, notes = plan_files(root, mapping)
    notes += named_elsewhere(root, mapping)
    if not dry_run:
        apply(texts)
    return Renamed(tuple(sorted(mapping.items())), tuple(sorted(display_path(p) for p in texts)), tuple(notes))
