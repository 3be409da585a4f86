"""Minting IRIs by the project's scheme (docs/design.md, "IRIs"), and the plan that brings data to it.

Each minting function is pure: text in, one IRI out (a string). The scheme:

- a person: `igperson:<slug of the name>-<h>`, h = the first 6 hex digits of SHA-256 of
  "<IRI of the document that first records the person>\\n<the name as written there>" (UTF-8);
- an entity whose name as written is incomplete (garbled, unknown): `<slug of that text>-<h>`, h as
  for a person; other organisations, posts, events, places and topics keep a descriptive slug;
- a post holding: `igholding:<person>--<post>--<n>`; an affiliation: `igaff:<person>--<org>--<n>`;
  n = 1 for the first recorded term, 2 for a second, … never renumbered;
- a participation: `igpart:<event>--<participant>--<role>` (a repeat of the same three gets
  `--<n>`, n from 2), or `igpart:<event>--<participant>--<n>` when no role is stated;
where `<person>`, `<post>` … are the local names of the joined nodes' IRIs.

`plan` reads a dataset (kg.dataset) and returns the renames (old IRI, new IRI) that bring it to the
scheme; `kg rename --scheme` applies them (kg.rename).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from kg.namespaces import IGKG, ORG, PREFIXES, RDF_TYPE, RDFS_LABEL, SKOS_ALTLABEL

PERSON, HOLDING, AFFILIATION = PREFIXES["igperson"], PREFIXES["igholding"], PREFIXES["igaff"]
PARTICIPATION, EVENT = PREFIXES["igpart"], PREFIXES["igevent"]
HASH_DIGITS = 6
# Words that say something about the editing, not about the thing named.
EDITORIAL_WORDS = ("garbled", "unknown", "unidentified", "unnamed")
PHOTO_SUFFIX = "-photo"  # an event known from a photo caption: a fact about the source, not the event
OWL_DEPRECATED = PREFIXES["owl"] + "deprecated"
DCTERMS_SOURCE = PREFIXES["dcterms"] + "source"
_SCHEME_PERSON = re.compile(r"^(?P<stem>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<h>[0-9a-f]{6})$")
_NUMBERED = re.compile(r"^(?P<stem>.+)--(?P<n>[1-9][0-9]*)$")


def slug(text: str) -> str:
    """A lower-case ASCII slug of `text`: accents dropped (NFKD), every run of other characters one
    hyphen, none at the ends ("Jia-Rong LOW" -> "jia-rong-low", "“.??” Domain Name Registry" ->
    "domain-name-registry"); "" when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def name_hash(document: str, name: str) -> str:
    """The first 6 hex digits of SHA-256 of "<document IRI>\\n<name as written>" (UTF-8)."""
    return hashlib.sha256(f"{document}\n{name}".encode("utf-8")).hexdigest()[:HASH_DIGITS]


def hashed_local(document: str, name: str, *, fallback: str = "x") -> str:
    """`<slug of name>-<name_hash>`; `fallback` stands for a name without ASCII letters or digits."""
    return f"{slug(name) or fallback}-{name_hash(document, name)}"


def person_iri(document: str, name: str) -> str:
    """The IRI of a person first recorded in `document` (its IRI) under `name` (as written there):
    `person_iri("https://w3id.org/igkg/id/doc/d", "Song Zheng")` -> `…/id/person/song-zheng-<h>`.
    A namesake in another document gets another IRI; reusing an existing person is the editor's call."""
    return PERSON + hashed_local(document, name, fallback="person")


def local(iri: str) -> str:
    """The local name of a project IRI: what follows its namespace's last `/` or `#`."""
    return re.split(r"[/#]", iri)[-1]


def holding_iri(person: str, post: str, n: int = 1) -> str:
    """`igholding:<person local>--<post local>--<n>` for the n-th recorded term of `person` in `post`."""
    return f"{HOLDING}{local(person)}--{local(post)}--{_positive(n)}"


def affiliation_iri(person: str, organization: str, n: int = 1) -> str:
    """`igaff:<person local>--<organisation local>--<n>` for the n-th recorded affiliation."""
    return f"{AFFILIATION}{local(person)}--{local(organization)}--{_positive(n)}"


def participation_iri(event: str, participant: str, role: str | None, n: int = 1) -> str:
    """`igpart:<event>--<participant>--<role>` (n > 1: a further record of the same three gets
    `--<n>`), or `igpart:<event>--<participant>--<n>` when `role` is None (all local names)."""
    stem = f"{PARTICIPATION}{local(event)}--{local(participant)}"
    if role is None:
        return f"{stem}--{_positive(n)}"
    return f"{stem}--{local(role)}" + (f"--{n}" if _positive(n) > 1 else "")


def next_number(stem: str, existing: Iterable[str]) -> int:
    """1 + the highest n of the IRIs `<stem>--<n>` among `existing` (1 when there is none): the
    number of a new record. Numbers are never reused or renumbered."""
    taken = [int(m.group("n")) for iri in existing if (m := _NUMBERED.match(iri)) and m.group("stem") == stem]
    return max(taken, default=0) + 1


def _positive(n: int) -> int:
    if n < 1:
        raise ValueError(f"a record number starts at 1, not {n}")
    return n


def neutral_iri(iri: str, document: str, name: str) -> str | None:
    """The IRI without editorial state, or None when `iri` carries none: a local name with an
    EDITORIAL_WORDS word becomes `<slug of name>-<h>` (the name as written is incomplete, so not
    distinctive: the hash keeps it apart from a namesake); an event's `-photo` suffix is dropped."""
    ns, loc = iri[: len(iri) - len(local(iri))], local(iri)
    if any(w in loc.split("-") for w in EDITORIAL_WORDS):
        return ns + hashed_local(document, name)
    if ns == EVENT and loc.endswith(PHOTO_SUFFIX):
        return ns + loc[: -len(PHOTO_SUFFIX)]
    return None


@dataclass
class _Node:
    types: set = field(default_factory=set)
    props: dict = field(default_factory=dict)  # predicate IRI -> list of object terms, in file order
    graphs: set = field(default_factory=set)  # graphs of its rdf:type triples
    stated_in: dict = field(default_factory=dict)  # (predicate IRI, object value) -> graphs stating it

    def values(self, p: str) -> list[str]:
        return [o.value for o in self.props.get(p, [])]

    def first(self, p: str) -> str | None:
        vals = sorted(self.values(p))
        return vals[0] if vals else None


def _nodes(quads) -> dict[str, _Node]:
    import pyoxigraph as ox

    nodes: dict[str, _Node] = {}
    for q in quads:
        if not isinstance(q.subject, ox.NamedNode):
            continue
        node = nodes.setdefault(q.subject.value, _Node())
        graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        if q.predicate.value == RDF_TYPE:
            node.types.add(q.object.value)
            node.graphs.add(graph)
        node.props.setdefault(q.predicate.value, []).append(q.object)
        node.stated_in.setdefault((q.predicate.value, q.object.value), set()).add(graph)
    return nodes


def _origin(node: _Node) -> tuple[str, str]:
    """(document, name as written) that a hashed IRI is minted from: the document that first records
    the node, i.e. its dcterms:source stated in the graph that types it (a later document only adds
    its own dcterms:source), and the rdfs:label stated there; the smallest IRI or text when several."""
    def first_of(p: str) -> str:
        values = sorted(node.values(p))
        home = [v for v in values if node.stated_in[(p, v)] & node.graphs]
        return (home or values or [""])[0]

    return first_of(DCTERMS_SOURCE), first_of(RDFS_LABEL)


def _in_person_scheme(iri: str, node: _Node) -> bool:
    """A person IRI already minted by the scheme: its hash is that of one of its documents and one
    of its names (rdfs:label or skos:altLabel, so a corrected label keeps the IRI)."""
    m = _SCHEME_PERSON.match(local(iri))
    if not m or not iri.startswith(PERSON):
        return False
    names = node.values(RDFS_LABEL) + node.values(SKOS_ALTLABEL)
    return any(name_hash(d, n) == m.group("h") for d in node.values(DCTERMS_SOURCE) for n in names)


def plan(quads: Iterable) -> list[tuple[str, str]]:
    """The renames (old IRI, new IRI), sorted by old IRI, that bring the data in `quads` (pyoxigraph
    Quads, e.g. `kg.dataset.read_dataset(sources).quads`) to the scheme of this module:

    - people (igkg:Person) not yet minted by the scheme get `person_iri(document, label)`;
    - entities whose local name carries editorial state get `neutral_iri`;
    - holdings, affiliations and participations are named after their (renamed) parts; records of
      the same parts are numbered in the order of their old IRIs, a record already in the scheme
      keeping its number;
    - nodes marked owl:deprecated (redirects) are left alone.

    Raises ValueError when two nodes would get one IRI or a new IRI is already in use.
    """
    quads = list(quads)
    nodes = _nodes(quads)
    used = {t.value for q in quads for t in (q.subject, q.predicate, q.object) if hasattr(t, "value")}
    new: dict[str, str] = {}
    for iri, node in sorted(nodes.items()):
        if node.values(OWL_DEPRECATED) or not node.types:
            continue
        doc, name = _origin(node)
        if IGKG + "Person" in node.types and not _in_person_scheme(iri, node):
            new[iri] = person_iri(doc, name)
        elif (neutral := neutral_iri(iri, doc, name)) is not None:
            new[iri] = neutral
    renamed = lambda i: new.get(i, i)  # noqa: E731
    records = [
        (IGKG + "PostHolding", lambda n: (holding_iri, renamed(n.first(ORG + "member") or ""),
                                          renamed(n.first(IGKG + "post") or ""))),
        (IGKG + "Affiliation", lambda n: (affiliation_iri, renamed(n.first(ORG + "member") or ""),
                                          renamed(n.first(ORG + "organization") or ""))),
    ]
    for cls, parts in records:
        groups: dict[tuple, list[str]] = {}
        for iri, node in sorted(nodes.items()):
            if cls in node.types and not node.values(OWL_DEPRECATED):
                mint, a, b = parts(node)
                groups.setdefault((mint, a, b), []).append(iri)
        for (mint, a, b), iris in groups.items():
            _number(iris, lambda n, mint=mint, a=a, b=b: mint(a, b, n), new)
    parts_groups: dict[tuple, list[str]] = {}
    for iri, node in sorted(nodes.items()):
        if IGKG + "Participation" in node.types and not node.values(OWL_DEPRECATED):
            key = (renamed(node.first(IGKG + "inEvent") or ""), renamed(node.first(IGKG + "participant") or ""),
                   node.first(IGKG + "role"))
            parts_groups.setdefault(key, []).append(iri)
    for (event, who, role), iris in parts_groups.items():
        _number(iris, lambda n, e=event, w=who, r=role: participation_iri(e, w, r, n), new)
    out = sorted((old, nw) for old, nw in new.items() if old != nw)
    _check(out, used)
    return out


def _number(iris: list[str], mint, new: dict[str, str]) -> None:
    """Give each record of one group its IRI: one already minted keeps it, the others take the free
    numbers from 1 in the order of their old IRIs."""
    kept = {mint(n) for n in range(1, len(iris) + 1)} & set(iris)
    free = (n for n in range(1, 2 * len(iris) + 2) if mint(n) not in kept)
    for iri in iris:
        new[iri] = iri if iri in kept else mint(next(free))


def _check(renames: list[tuple[str, str]], used: set[str]) -> None:
    targets: dict[str, str] = {}
    olds = {o for o, _ in renames}
    for old, nw in renames:
        if nw in targets:
            raise ValueError(f"{targets[nw]} and {old} would both be renamed to {nw}")
        if nw in used and nw not in olds:
            raise ValueError(f"{old} would be renamed to {nw}, which the data already uses")
        targets[nw] = old


if __name__ == "__main__":  # python -m kg.iris DOCUMENT-IRI "NAME AS WRITTEN": print the person's IRI
    import sys

    if len(sys.argv) != 3:
        sys.exit('usage: python -m kg.iris DOCUMENT-IRI "NAME AS WRITTEN"')
    print(person_iri(sys.argv[1], sys.argv[2]))
