"""A new source document's starting files: its metadata and commented fact templates in Turtle, and an
empty claim ledger, with the entities already in the graph that its text names.

The Turtle file (`data/<slug>.ttl`, graph `iggraph:<slug>`) holds the document's `igkg:SourceDocument`
node and, commented out, one template per fact pattern of docs/design.md (post holding, affiliation,
participation, agreement with its signing, statistical observation in its `qb:DataSet`), each with
the provenance pattern: records (holdings, affiliations, participations, agreements, observations)
`prov:wasDerivedFrom igdoc:<slug>`, everything else (events, people, organisations, posts, places,
topics, data sets) `dcterms:source igdoc:<slug>`, and a verbatim `igkg:quote` on every record and
event. The ledger
(`docs/sources/<slug>.md`) is a table of the document's claims, one row per claim: the quote, where
it lives in the graph, or why it is set aside.

Mentions are found two ways: a label, alternative name or acronym of an entity (an organisation,
person, post, event, agreement or place) that occurs in the text as whole words (labels of four
characters or more in any case, shorter ones and acronyms as written); and, for each capitalised
phrase of the text that no label matched, the best full-text match (kg.search) holding all its words, to
be checked by the analyst (a namesake is another entity with the same name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.namespaces import PREFIXES, shorten

SLUG = re.compile(r"[a-z0-9]+(-{1,2}[a-z0-9]+)*")
_ENTITY_LABELS = """
SELECT DISTINCT ?entity ?label ?p WHERE {
  VALUES ?c { igkg:Organization igkg:Person igkg:Post igkg:Event igkg:Agreement igkg:Place }
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel igkg:acronym }
  ?entity a/rdfs:subClassOf* ?c ; ?p ?label . FILTER(isIRI(?entity) && isLiteral(?label))
} ORDER BY ?entity ?label
"""
_PHRASE = re.compile(r"(?:[A-Z][\w.-]*(?:\s+(?:of|the|and|for|de)?\s*[A-Z][\w.-]*)*)")
_LEADING = re.compile(r"^((The|A|An|Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)+")
_STOP = {"The", "In", "On", "At", "A", "An", "It", "This", "That", "He", "She", "They", "We", "Mr", "Dr", "Ms"}


@dataclass(frozen=True)
class Mention:
    """An entity the text may name: its IRI and label, the words of the text that led to it, and how
    ("label": a label occurs in the text; "search": the best full-text match of a capitalised phrase)."""

    entity: str
    label: str
    words: str
    how: str


def _occurrence(label: str, text: str) -> str | None:
    """The words of `text` that `label` matches (see the module docstring), or None."""
    flags = re.IGNORECASE if len(label) >= 4 and not label.isupper() else 0
    m = re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", text, flags)
    return m.group() if m else None


def mentions(backend, text: str, *, search_phrases: bool = True) -> list[Mention]:
    """The existing entities `text` names (see the module docstring): label matches sorted by IRI,
    then full-text suggestions in the order of their phrases in the text."""
    from kg.labels import names_of

    found: dict[str, Mention] = {}
    covered: list[str] = []
    for r in backend.query(_ENTITY_LABELS):
        iri, label = r["entity"].value, r["label"].value
        words = _occurrence(label, text)
        if words is None:
            continue
        covered.append(label.lower())
        if iri not in found:
            found[iri] = Mention(iri, label, words, "label")
    names = names_of(backend, list(found))
    out = sorted((Mention(m.entity, names[m.entity].value if m.entity in names else m.label, m.words, m.how)
                  for m in found.values()), key=lambda m: m.entity)
    if not search_phrases:
        return out
    from kg.search import search

    seen = set(found)
    from kg.labels import other_order

    for phrase in dict.fromkeys(_LEADING.sub("", p).strip(" .-") for p in _PHRASE.findall(text)):
        if phrase in _STOP or len(phrase) < 3 or any(phrase.lower() in c or c in phrase.lower() for c in covered):
            continue
        for iri, label in other_order(backend, phrase):  # a person's name in the other order
            if iri not in seen:
                out.append(Mention(iri, label, phrase, "search"))
                seen.add(iri)
        for hit in search(backend, phrase, limit=5, all_words=True):
            if hit.entity not in seen and hit.label and hit.field != "quote" and _is_entity(backend, hit.entity):
                out.append(Mention(hit.entity, hit.label, phrase, "search"))
                seen.add(hit.entity)
                break
    return out


def _is_entity(backend, iri: str) -> bool:
    from kg.labels import is_instance

    return any(is_instance(backend, iri, PREFIXES["igkg"] + c)
               for c in ("Organization", "Person", "Post", "Event", "Agreement", "Place"))


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_PREFIXES = ("igkg", "igorg", "igperson", "igpost", "igholding", "igaff", "igevent", "igpart", "igagr", "igobs",
             "igcube", "igplace", "igtopic", "igrole", "igvocab", "igdoc", "org", "schema", "prov", "qb", "skos",
             "rdfs", "dcterms", "xsd")


def document_turtle(slug: str, *, title: str, text_file: str, found: list[Mention], url: str | None = None,
                    published: str | None = None) -> str:
    """The Turtle file of a new document: prefixes, its `igkg:SourceDocument` node, the mentions as
    comments and the commented templates. `published` is an ISO date, year-month or year, as stated."""
    if not SLUG.fullmatch(slug):
        from kg.errors import UsageError

        raise UsageError(f"{slug!r} is not a slug: use lower-case ASCII letters, digits and hyphens")
    lines = [f"# Facts of {title!r} (text: {text_file}). Named graph: iggraph:{slug}.",
             "# Records (holdings, affiliations, participations, agreements, observations) cite the document",
             "# with prov:wasDerivedFrom, everything else (events, people, organisations, posts, places, topics,",
             "# data sets) with dcterms:source; records and events quote the clause they rest on (igkg:quote,",
             "# copied verbatim). Check with: kg check --no-consistency && kg validate",
             "# Guide: docs/adding-a-document.md. Claims: docs/sources/" + slug + ".md", ""]
    lines += [f"@prefix {p}: <{PREFIXES[p]}> ." for p in _PREFIXES]
    lines += ["", f"igdoc:{slug} a igkg:SourceDocument ;", f"    rdfs:label {_lit(title)} ;",
              f"    dcterms:title {_lit(title)} ;"]
    if published:
        kind = {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(published), "date")
        lines.append(f"    dcterms:date \"{published}\"^^xsd:{kind} ;")
    if url:
        lines.append(f"    schema:url {_lit(url)} ;")
    lines += [f"    igkg:seedFile {_lit(text_file)} .", ""]
    lines.append("# Entities already in the graph that the text names (reuse their IRIs; add this document to")
    lines.append("# their dcterms:source). 'label': the label occurs in the text; 'search': a full-text")
    lines.append("# match for a name in the text: check it is the same entity, not a namesake.")
    width = max((len(shorten(m.entity)) for m in found), default=0)
    lines += [f"#   {shorten(m.entity):<{width}}  {m.label}  [{m.how}: {m.words}]" for m in found] or ["#   (none)"]
    people = [(m, namesake_iri(slug, m)) for m in found if m.entity.startswith(PREFIXES["igperson"])]
    if people:
        lines += ["", "# People: a name in this text is a new person unless you know it is the one already in the",
                  "# graph. Same person: reuse the existing IRI (and add dcterms:source igdoc:" + slug + ").",
                  "# A namesake: use the IRI minted from this document and the name as written here (kg.iris):"]
        lines += [f"#   {m.words}: same person {shorten(m.entity)} ; namesake {shorten(new)}" for m, new in people]
    lines += ["", TEMPLATES.replace("{slug}", slug).replace("{doc}", PREFIXES["igdoc"] + slug)]
    return "\n".join(lines)


def namesake_iri(slug: str, mention: Mention) -> str:
    """The IRI a person named `mention.words` in document `igdoc:<slug>` gets when not the person
    already in the graph (kg.iris.person_iri of the document's IRI and the words as written)."""
    from kg.iris import person_iri

    return person_iri(PREFIXES["igdoc"] + slug, mention.words)


TEMPLATES = """\
# ---- Templates: copy one, remove the '# ', fill the <…>; delete the rest. IRIs (docs/design.md, "IRIs"):
# ---- people igperson:<name-slug>-<h>; records named after what they join, numbered (person--post--1).
#
# An entity of the graph the text names (listed above): say this document names it too.
# igorg:<existing> dcterms:source igdoc:{slug} .
#
# A new person / organisation (only when not in the list above):
# <h>: the first 6 hex digits of SHA-256 of "{doc}" + newline + the name as written;
# print the IRI with: python -m kg.iris {doc} "<name as written>"
# igperson:<name-slug>-<h> a igkg:Person ; rdfs:label "<name as written>" ;
#     dcterms:source igdoc:{slug} .
# igorg:<name-or-acronym> a igkg:Organization ; rdfs:label "<name as written>" ;
#     dcterms:source igdoc:{slug} .
#
# Holding: a person holds a post in an organisation (n: 1 for the person's first recorded term in the post, 2 …). Dates as the text supports them: schema:startDate /
# schema:endDate where stated, else inclusive bounds (igkg:earliestStart, igkg:latestStart, igkg:earliestEnd,
# igkg:latestEnd; a person named in the post on a dated day: latestStart and earliestEnd that day), and
# the status on the document's date (igvocab:announced, igvocab:in-office, igvocab:former). An announced
# start or end: igkg:startAnnouncedAt / igkg:endAnnouncedAt an event, …AnnouncedBy an agent.
# igpost:<title>-<org> a igkg:Post ; rdfs:label "<Title> of <Org>" ; igkg:postTitle "<Title as written>" ;
#     org:postIn igorg:<org> ; org:role igrole:<role> ; dcterms:source igdoc:{slug} .
#   (the role: an org:Role of igrole:post-roles in data/reference/roles.ttl, e.g. igrole:director; add one if none fits)
# igholding:<person>--<title>-<org>--<n> a igkg:PostHolding ; rdfs:label "<Person>, <Title> of <Org>" ;
#     org:member igperson:<person> ; igkg:post igpost:<title>-<org> ; org:organization igorg:<org> ;
#     igkg:holdingStatus igvocab:in-office ;
#     igkg:latestStart "<YYYY-MM-DD>"^^xsd:date ; igkg:earliestEnd "<YYYY-MM-DD>"^^xsd:date ;
#     igkg:quote "<the clause, verbatim>" ;
#     skos:editorialNote "<where each date or bound comes from>"@en ;
#     prov:wasDerivedFrom igdoc:{slug} .
#
# Affiliation: a person plainly "from" an organisation, no post stated.
# igaff:<person>--<org>--<n> a igkg:Affiliation ; rdfs:label "<Person>, from <Org>" ;
#     org:member igperson:<person> ; org:organization igorg:<org> ;
#     igkg:quote "<the clause, verbatim>" ; prov:wasDerivedFrom igdoc:{slug} .
#
# Participation: an agent takes part in an event in a role (igrole:speaker, igrole:moderator, …).
# igevent:<event> a igkg:Meeting ; rdfs:label "<event name>" ; schema:startDate "<YYYY-MM-DD>"^^xsd:date ;
#     schema:location igplace:<place> ; igkg:quote "<the clause, verbatim>" ; dcterms:source igdoc:{slug} .
# igpart:<event>--<person>--<role> a igkg:Participation ; rdfs:label "<Person>, <role> at <event>" ;
#     igkg:participant igperson:<person> ; igkg:inEvent igevent:<event> ; igkg:role igrole:<role> ;
#     igkg:quote "<the clause, verbatim>" ; prov:wasDerivedFrom igdoc:{slug} .
#
# Agreement: an MOU (igkg:MOU) or a partnership (igkg:Partnership) of two or more parties, and its signing.
# igevent:<a>-<b>-mou-signing a igkg:SigningCeremony ; rdfs:label "Signing of <agreement>" ;
#     schema:startDate "<YYYY-MM>"^^xsd:gYearMonth ; schema:location igplace:<place> ;
#     igkg:quote "<the clause, verbatim>" ; dcterms:source igdoc:{slug} .
# igagr:<a>-<b>-mou a igkg:MOU ; rdfs:label "<agreement name>" ; igkg:agreementKind "<kind as written>" ;
#     igkg:party igorg:<a> , igorg:<b> ; igkg:signedAt igevent:<a>-<b>-mou-signing ;
#     igkg:areaOfCooperation igtopic:<topic> ;
#     igkg:quote "<the clause, verbatim>" ; prov:wasDerivedFrom igdoc:{slug} .
# igtopic:<topic> a skos:Concept ; skos:inScheme igtopic:scheme ; skos:topConceptOf igtopic:scheme ;
#     rdfs:label "<topic as written>" ; skos:prefLabel "<topic as written>" ;
#     igkg:quote "<the words, verbatim>" ; dcterms:source igdoc:{slug} .
#
# Observation: a figure as written, with its measure, area, period and unit (RDF Data Cube), in one
# qb:DataSet per table or passage of the document, structured by igcube:statistics-structure.
# igcube:<publisher>-<period> a qb:DataSet ; rdfs:label "<what the figures are> (<period>)" ;
#     qb:structure igcube:statistics-structure ; dcterms:source igdoc:{slug} .
# igobs:<area>-<measure>-<period> a igkg:StatisticalObservation ; qb:dataSet igcube:<publisher>-<period> ;
#     rdfs:label "<value as written> <measure> (<area>, <period>)" ;
#     igkg:measure igvocab:<measure> ; igkg:refArea igplace:<area> ; igkg:refPeriod "<YYYY-MM>"^^xsd:gYearMonth ;
#     igkg:obsValue "<number>"^^xsd:decimal ; igkg:unit igvocab:<unit> ; igkg:unitMultiplier "<power of ten>"^^xsd:integer ;
#     igkg:valueAsWritten "<as written>" ; igkg:reportedIn igdoc:{slug} ;
#     igkg:quote "<the clause, verbatim>" ; prov:wasDerivedFrom igdoc:{slug} .
#
# Doubts (a garbled name, an ambiguous figure, a reading of the layout) go in skos:editorialNote "…"@en.
"""


def ledger(slug: str, *, title: str, text_file: str, created: date | None = None) -> str:
    """The empty claim ledger of a new document (Markdown)."""
    day = (created or date.today()).isoformat()
    return (f"# Claim ledger: {title}\n\n"
            f"Document `igdoc:{slug}` (text `{text_file}`, facts in `data/{slug}.ttl`), started {day}.\n\n"
            "One row per claim the document makes (an atomic statement; page chrome is not a claim), in the\n"
            "order of the text: an id, the quote it rests on (verbatim, in double quotes), its status (`fact`\n"
            "or `set aside`), *where* it is (one triple in prefixed names in backticks, or `ASK <id>` naming\n"
            "a SPARQL ASK under a `### <id>` heading below; for a set-aside claim, why) and its basis\n"
            "(`stated`, `read-from-layout` or `editor-inferred`; `—` when set aside). docs/design.md,\n"
            "Claim ledgers.\n\n"
            "| id | quote | status | where | basis |\n"
            "|---|---|---|---|---|\n\n"
            "Coverage: 0 of 0 claims recorded as facts.\n")
