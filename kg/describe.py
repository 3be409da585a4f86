"""`kg describe`: everything the graph knows about one entity, with the source behind each fact.

An entity is found by IRI, prefixed name or (case-insensitive) label. Its outgoing and incoming
relations are listed; the n-ary nodes that point at it (post holdings, affiliations,
participations, agreements, observations, contact points) and the events it organised are
rendered as sentences, each with the document and quote it rests on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kg.backend import select
from kg.errors import UsageError
from kg.labels import did_you_mean, names_of, resolve_label
from kg.namespaces import GRAPH_INFERRED, IGKG, ORG, PREFIXES, PROV, RDF_TYPE, RDFS, SCHEMA, SKOS, expand, shorten
from kg.terms import named_node, printable, show

LABEL_PROPS = (RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel")
NOTE_PROPS = (SKOS + "editorialNote", RDFS + "comment", SKOS + "note")
SOURCE, QUOTE = PROV + "wasDerivedFrom", IGKG + "quote"
NAMED_IN = PREFIXES["dcterms"] + "source"  # the document that names an event (records use SOURCE)
# Kinds of node rendered as a sentence (most specific first) and the entity classes preferred
# when a label is ambiguous.
NARY = ("PostHolding", "Affiliation", "Participation", "MOU", "Partnership", "Agreement",
        "StatisticalObservation", "ContactPoint")
ENTITY_CLASSES = ("Organization", "Person", "Event", "Agreement", "Post", "Place")

_EXISTS = "ASK { { ?x ?p ?o } UNION { ?s ?p ?x } }"
_OUT = "SELECT ?x ?p ?o ?g WHERE { GRAPH ?g { ?x ?p ?o } } ORDER BY ?p ?o ?g"
_IN = "SELECT ?x ?s ?p ?g WHERE { GRAPH ?g { ?s ?p ?x } } ORDER BY ?p ?s ?g"


@dataclass(frozen=True)
class Statement:
    """A fact about the entity as a sentence, with where it comes from."""

    kind: str
    node: str
    sentence: str
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """An outgoing or incoming triple of the entity: property (prefixed name), the other end's IRI
    or lexical form, its label, and whether only the inferred graph holds it."""

    property: str
    value: str
    value_label: str
    inferred: bool = False  # only in the iggraph:inferred graph (materialised by `kg load --reason`)


@dataclass(frozen=True)
class Profile:
    """Everything `kg describe` shows about one entity (IRI, prefixed name, label, types, labels,
    notes, relations and the sentences with their sources); `to_json` is its JSON form."""

    iri: str
    name: str
    label: str
    types: tuple[str, ...]
    inferred_types: tuple[str, ...]
    labels: tuple[str, ...]
    notes: tuple[str, ...]
    outgoing: tuple[Relation, ...]
    incoming: tuple[Relation, ...]
    statements: tuple[Statement, ...] = field(default=())

    def to_json(self) -> dict:
        return asdict(self)


class Describer:
    """Reads profiles from one backend (kg.backend), caching labels between calls."""

    def __init__(self, backend):
        self.backend = backend
        self._labels: dict[str, str] = {}

    # ---- finding ---------------------------------------------------------------------------
    def resolve(self, name: str) -> str:
        """The IRI `name` denotes (IRI, prefixed name or label, see kg.labels); a renamed IRI stands
        for the one that replaces it (kg.redirects.follow, which warns DeprecatedIRIWarning);
        UsageError with close matches when nothing or several things carry it."""
        import pyoxigraph as ox

        from kg.redirects import follow

        iri = expand(name)
        if iri is None:
            return resolve_label(self.backend, name)
        node = named_node(follow(self.backend, named_node(iri).value))  # a renamed IRI: its replacement (warns)
        if self.backend.query(_EXISTS, substitutions={ox.Variable("x"): node}):
            return node.value
        raise UsageError(f"{name}: no such entity in the graph{did_you_mean(self.backend, name)}")

    # ---- reading ---------------------------------------------------------------------------
    def label(self, iri: str) -> str:
        """The entity's name (kg.labels.names_of), else its prefixed name; cached per Describer."""
        if iri not in self._labels:
            name = names_of(self.backend, [iri]).get(iri)
            self._labels[iri] = name.value if name is not None else shorten(iri)
        return self._labels[iri]

    def props(self, iri: str) -> dict[str, list]:
        """Property -> asserted values of a node (the inferred graph left out), each value once."""
        out: dict[str, list] = {}
        for r in select(self.backend, _OUT, x=iri):
            if r["g"].value == GRAPH_INFERRED:
                continue
            values = out.setdefault(r["p"].value, [])
            if r["o"] not in values:
                values.append(r["o"])
        return out

    def _relations(self, query: str, iri: str, node: str) -> tuple[Relation, ...]:
        """Relations to or from `iri`; a triple found only in the inferred graph is marked so."""
        graphs: dict[tuple, set] = {}
        for r in select(self.backend, query, x=iri):
            graphs.setdefault((r["p"].value, r[node]), set()).add(r["g"].value)
        return tuple(
            Relation(shorten(p), v.value, self.name_of(v), inferred=gs == {GRAPH_INFERRED})
            for (p, v), gs in graphs.items() if p not in LABEL_PROPS + NOTE_PROPS
        )

    def name_of(self, term) -> str:
        import pyoxigraph as ox

        return self.label(term.value) if isinstance(term, ox.NamedNode) else show(term)

    # ---- profile ---------------------------------------------------------------------------
    def describe(self, name: str) -> Profile:
        iri = self.resolve(name)
        props = self.props(iri)
        out = self._relations(_OUT, iri, "o")
        incoming = self._relations(_IN, iri, "s")
        statements = []
        seen = set()
        linked = [r.value for r in incoming if not r.inferred]
        linked += [o.value for o in props.get(SCHEMA + "contactPoint", [])]
        for node in linked:
            if node in seen:
                continue
            seen.add(node)
            st = self.statement(node)
            if st is not None:
                statements.append(st)
        statements.sort(key=lambda st: (KIND_ORDER.index(st.kind), st.sentence))
        own = self.statement(iri)
        if own is not None:
            statements.insert(0, own)
        inferred = {r.value for r in out if r.property == "rdf:type" and r.inferred}
        types = tuple(_named(self.label(t.value), t.value) for t in props.get(RDF_TYPE, []) if t.value not in inferred)
        inferred_types = tuple(_named(self.label(t), t) for t in sorted(inferred))
        labels = tuple(_lit(t) for p in LABEL_PROPS for t in props.get(p, []))
        notes = tuple(t.value for p in NOTE_PROPS for t in props.get(p, []))
        out = tuple(r for r in out if r.property != "rdf:type")
        return Profile(iri, shorten(iri), self.label(iri), types, inferred_types, labels, notes, out, incoming,
                       tuple(statements))

    def statement(self, node: str) -> Statement | None:
        """The sentence for an n-ary node or an event, or None for other nodes."""
        p = self.props(node)
        kinds = {t.value[len(IGKG):] for t in p.get(RDF_TYPE, []) if t.value.startswith(IGKG)}
        kind = next((k for k in NARY if k in kinds), None)
        if kind is None and not (kinds & EVENT_KINDS):
            return None
        if kind == "PostHolding":  # show the successor on the predecessor's holding too
            p.setdefault(IGKG + "succeededBy", []).extend(
                r["s"] for r in select(self.backend, _IN, x=node) if r["p"].value == IGKG + "succeeds")
        render = RENDER.get(kind, _event_sentence)
        sentence = render(self, p)
        basis = {b.value.rsplit("/", 1)[-1] for b in p.get(IGKG + "basis", [])} - {"stated"}
        if basis:  # a record read from the layout or inferred by the editor says so (docs/design.md)
            sentence = f"{sentence[:-1] if sentence.endswith('.') else sentence} ({', '.join(sorted(basis))})."
        sources = tuple(shorten(s.value) for s in p.get(SOURCE, []) + p.get(NAMED_IN, []))
        quotes = tuple(q.value for q in p.get(QUOTE, []))
        return Statement(kind or "Event", shorten(node), sentence, sources, quotes)

    # helpers for the renderers
    def one(self, p: dict, prop: str, default: str = "?") -> str:
        vals = p.get(prop)
        return self.name_of(vals[0]) if vals else default

    def many(self, p: dict, prop: str) -> str:
        return ", ".join(sorted({self.name_of(v) for v in p.get(prop, [])}))


KIND_ORDER = ("PostHolding", "Affiliation", "Participation", "MOU", "Partnership", "Agreement", "Event",
              "StatisticalObservation", "ContactPoint")
KIND_HEADINGS = {"PostHolding": "Posts", "Affiliation": "Affiliations", "Participation": "Participations",
                 "MOU": "Agreements", "Partnership": "Agreements", "Agreement": "Agreements", "Event": "Events",
                 "StatisticalObservation": "Statistics", "ContactPoint": "Contact points"}
EVENT_KINDS = {"Event", "Meeting", "Seminar", "ReadoutSession", "Lecture", "Workshop", "Summit",
               "CapacityBuildingProgramme", "Panel", "Training", "SigningCeremony"}


def _named(label: str, iri: str) -> str:
    """`label (prefixed:name)`, or just the prefixed name when there is no label."""
    short = shorten(iri)
    return short if label in (short, iri) else f"{label} ({short})"


def _lit(term) -> str:
    lang = getattr(term, "language", None)
    return f"{term.value}@{lang}" if lang else term.value


def _dates(d: Describer, p: dict) -> str:
    start, end = p.get(SCHEMA + "startDate"), p.get(SCHEMA + "endDate")
    if start and end and start[0].value != end[0].value:
        return f" from {start[0].value} to {end[0].value}"
    if start:
        return f" on {start[0].value}" if len(start[0].value) == 10 else f" in {start[0].value}"
    if end:
        return f" until {end[0].value}"
    return ""


def _when(p: dict) -> str:
    """`2014-11`, or `2017-03-10 to 2017-03-16`, or '' when no date is stated."""
    dates = [p[SCHEMA + k][0].value for k in ("startDate", "endDate") if p.get(SCHEMA + k)]
    return " to ".join(dict.fromkeys(dates))


def _clauses(d: Describer, p: dict, clauses: tuple[tuple[str, str], ...]) -> str:
    """For each (property, template) whose property has values, the template filled with their names."""
    return "".join(template.format(d.many(p, prop)) for prop, template in clauses if p.get(prop))


def _holding(d: Describer, p: dict) -> str:
    """One sentence: who, which post, the status on the source's date, the stated dates or their
    bounds (earliest/latest start and end, an approximate span), succession and the announcements."""
    post, organisation = d.one(p, IGKG + "post"), d.one(p, ORG + "organization")
    status = p.get(IGKG + "holdingStatus", [])
    status_iri = status[0].value if status else ""
    if status_iri.endswith("/announced"):
        verb = "is announced to hold"
    elif status_iri.endswith("/former") or p.get(SCHEMA + "endDate"):
        verb = "held"
    else:
        verb = "holds"
    s = f"{d.one(p, ORG + 'member')} {verb} the post {post}"
    if organisation not in post:
        s += f" at {organisation}"
    s += _clauses(d, p, (
        (SCHEMA + "startDate", ", since {}"), (IGKG + "earliestStart", ", starting on or after {}"),
        (IGKG + "latestStart", ", started by {}"), (IGKG + "approximateDuration", " (circa {} by then)"),
        (SCHEMA + "endDate", ", until {}"), (IGKG + "earliestEnd", ", not ended before {}"),
        (IGKG + "latestEnd", ", ended by {}"), (IGKG + "endCause", " (ends: {})"),
        (IGKG + "succeeds", "; succeeds {}"), (IGKG + "succeededBy", "; succeeded by {}"),
        (IGKG + "startAnnouncedAt", "; start announced at {}"), (IGKG + "startAnnouncedBy", " by {}"),
        (IGKG + "endAnnouncedAt", "; end announced at {}"), (IGKG + "endAnnouncedBy", " by {}"),
    ))
    return s + "."


def _affiliation(d: Describer, p: dict) -> str:
    return f"{d.one(p, ORG + 'member')} is from {d.one(p, ORG + 'organization')}."


def _participation(d: Describer, p: dict) -> str:
    s = f"{d.one(p, IGKG + 'participant')} took part in {d.one(p, IGKG + 'inEvent')}"
    for event in p.get(IGKG + "inEvent", [])[:1]:
        ep = d.props(event.value)
        when_where = [x for x in (_when(ep), d.many(ep, SCHEMA + "location")) if x]
        if when_where:
            s += f" ({', '.join(when_where)})"
    s += f" as {d.one(p, IGKG + 'role')}"
    return s + _clauses(d, p, ((IGKG + "onBehalfOf", " for {}"), (IGKG + "topic", ", on {}"))) + "."


def _agreement(d: Describer, p: dict) -> str:
    s = d.one(p, RDFS + "label", "An agreement") + _clauses(d, p, ((IGKG + "agreementKind", " ({})"),))
    parties = sorted({d.name_of(v) for v in p.get(IGKG + "party", [])})
    s += " between " + (", ".join(parties[:-1]) + " and " + parties[-1] if len(parties) > 1 else "".join(parties))
    for ceremony in p.get(IGKG + "signedAt", []):
        cp = d.props(ceremony.value)
        s += f"; signed at {d.name_of(ceremony)}{_dates(d, cp)}" + _clauses(d, cp, ((SCHEMA + "location", " in {}"),))
    return s + _clauses(d, p, (
        (IGKG + "areaOfCooperation", "; areas of cooperation: {}"), (IGKG + "depictedIn", "; shown in {}"),
    )) + "."


def _observation(d: Describer, p: dict) -> str:
    value = p.get(IGKG + "valueAsWritten") or p.get(IGKG + "obsValue")
    s = f"{d.one(p, IGKG + 'measure')}: {value[0].value if value else '?'}"
    return s + _clauses(d, p, (
        (IGKG + "unit", " ({})"), (IGKG + "refArea", " in {}"), (IGKG + "refPeriod", ", {}"),
        (IGKG + "reportedIn", "; reported in {}"),
    )) + "."


def _contact(d: Describer, p: dict) -> str:
    return f"Contact point {d.one(p, SCHEMA + 'email')}" + _clauses(d, p, ((SCHEMA + "contactType", " for {}"),)) + "."


def _event_sentence(d: Describer, p: dict) -> str:
    kinds = sorted(d.name_of(t) for t in p.get(RDF_TYPE, []))
    s = f"{d.one(p, RDFS + 'label')} ({', '.join(kinds)}){_dates(d, p)}"
    return s + _clauses(d, p, (
        (IGKG + "partOfDay", " ({})"), (SCHEMA + "location", " in {}"), (SCHEMA + "organizer", ", organised by {}"),
        (SCHEMA + "superEvent", ", part of {}"), (IGKG + "reportsOn", ", reporting on {}"),
    )) + "."


RENDER = {
    "PostHolding": _holding,
    "Affiliation": _affiliation,
    "Participation": _participation,
    "MOU": _agreement,
    "Partnership": _agreement,
    "Agreement": _agreement,
    "StatisticalObservation": _observation,
    "ContactPoint": _contact,
}


def describe(name: str, *, backend=None) -> Profile:
    """The profile of the entity `name` (IRI, prefixed name or label) read from `backend` (default:
    kg.backend.open_backend()). Raises UsageError, with close matches, when `name` denotes nothing
    or several entities."""
    if backend is None:
        from kg.backend import open_backend

        backend = open_backend()
    return Describer(backend).describe(name)


def render_text(profile: Profile) -> str:
    """The profile as plain text for a terminal or a README; control characters in the data are
    shown escaped (kg.terms.printable: ESC as `\\x1b`), line breaks kept."""
    lines = [f"{profile.label}  ({profile.name})", f"  <{profile.iri}>"]
    if profile.types:
        lines.append("type: " + "; ".join(profile.types))
    if profile.inferred_types:
        lines.append("inferred types: " + "; ".join(profile.inferred_types))
    if profile.labels:
        lines.append("labels: " + "; ".join(dict.fromkeys(profile.labels)))
    for note in profile.notes:
        lines.append(f"note: {note}")
    heading = None
    for st in profile.statements:
        if KIND_HEADINGS[st.kind] != heading:
            heading = KIND_HEADINGS[st.kind]
            lines += ["", f"{heading}:"]
        lines.append(f"  * {st.sentence}")
        for src in st.sources:
            lines.append(f"      source: {src}")
        for q in st.quotes:
            lines.append(f"      quote: \"{' '.join(q.split())}\"")
    if profile.outgoing:
        lines.append("")
        lines.append("Outgoing:")
        for r in profile.outgoing:
            shown = r.value_label if r.value_label == r.value else _named(r.value_label, r.value)
            lines.append(f"  {r.property}  {shown}{'  (inferred)' if r.inferred else ''}")
    if profile.incoming:
        lines.append("")
        lines.append("Incoming:")
        for r in profile.incoming:
            lines.append(f"  {_named(r.value_label, r.value)}  {r.property}{'  (inferred)' if r.inferred else ''}")
    return printable("\n".join(lines) + "\n", keep=("\n",))
