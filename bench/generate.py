"""Generate a synthetic Internet-governance world in the igkg ontology, sized by a triple count.

    python bench/generate.py --triples 100000 --seed 42 --violations 0 -o world.nq

The world follows docs/design.md: organisations of every kind with an `org:subOrganizationOf`
hierarchy (each ccTLD operator with the country-code top-level domain it operates), people with post
holdings (each post with its org:role) and successions over decades, affiliations, events of every
kind with sub-events inside their parent's dates (the meetings readout sessions report on in one
event series), participations with roles and topics, MOUs and
partnerships with two or more parties and a signing ceremony (date and place), statistical
observations, reports and source documents; every fact-bearing node carries its document
(`prov:wasDerivedFrom` on records, `dcterms:source` on events and contact points) and `igkg:quote`,
every entity `dcterms:source` each document that mentions it.

Output is streamed one source document at a time (one named graph `iggraph:synthetic-NNNNNN` per
synthetic document, as the real data has one per seed document), so memory stays constant: only
per-kind lists of integer ids are kept. The file is **self-contained**: its own concept schemes
(participation and post roles, topics, measures, units, day parts, end causes) and places go into `iggraph:reference`, with
the local names the real reference data uses where docs/design.md names them (`igvocab:afternoon`,
`igvocab:left-position`, `igvocab:netizen-number`, `igvocab:persons`, …). The ontology itself is
not copied (pass `--with-ontology` to add `ontology/igkg.ttl` as `iggraph:ontology`).

Deterministic: one `random.Random(seed)`, no dict-order, hash or clock dependence. The same seed and
size give the same bytes; a smaller world is a prefix of a larger one (after the reference graph).

`--violations N` injects exactly N shape violations, cycling through `VIOLATION_KINDS`, each in its
own document, and writes `FILE.violations.json` listing the focus node, the kind, the SHACL
constraint component and the path of each.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Callable, TextIO

B = "https://w3id.org/igkg/"
IGKG = B + "ontology#"
ID = B + "id/"
GRAPH = B + "graph/"
NS = {
    "org": ID + "org/", "person": ID + "person/", "post": ID + "post/", "holding": ID + "holding/",
    "aff": ID + "affiliation/", "event": ID + "event/", "part": ID + "participation/",
    "agr": ID + "agreement/", "obs": ID + "observation/", "place": ID + "place/",
    "topic": ID + "topic/", "role": ID + "role/", "vocab": ID + "vocab/", "doc": ID + "doc/", "tld": ID + "tld/",
    "cp": ID + "contact/",
}
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
SH = "http://www.w3.org/ns/shacl#"


def I(iri: str) -> str:  # noqa: E743 - an IRI term in N-Triples syntax
    return f"<{iri}>"


def K(local: str) -> str:
    return f"<{IGKG}{local}>"


def lit(text: str) -> str:
    """A plain (xsd:string) literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def typed(text: str, datatype: str) -> str:
    return f'"{text}"^^<{XSD}{datatype}>'


def en(text: str) -> str:
    return lit(text) + "@en"


# predicates, pre-formatted
A = I(RDF + "type")
LABEL = I(RDFS + "label")
PREF = I(SKOS + "prefLabel")
IN_SCHEME = I(SKOS + "inScheme")
TOP_CONCEPT_OF = I(SKOS + "topConceptOf")
HAS_TOP = I(SKOS + "hasTopConcept")
CONCEPT = I(SKOS + "Concept")
SCHEME = I(SKOS + "ConceptScheme")
DERIVED = I(PROV + "wasDerivedFrom")
NAMED_IN = I(DCT + "source")
UNIT_OF = I(ORG + "unitOf")
# Records are derived from their document (prov:wasDerivedFrom); every other node names it (dcterms:source).
RECORDS = frozenset(K(c) for c in ("PostHolding", "Affiliation", "Participation", "Agreement", "MOU",
                                   "Partnership", "StatisticalObservation"))
SKOS_NOTE = I(SKOS + "editorialNote")
QUOTE = K("quote")
SUB_ORG = I(ORG + "subOrganizationOf")
POST_IN = I(ORG + "postIn")
POST_ROLE = I(ORG + "role")
MEMBER = I(ORG + "member")
ORGANIZATION = I(ORG + "organization")
START = I(SCHEMA + "startDate")
END = I(SCHEMA + "endDate")
LOCATION = I(SCHEMA + "location")
ORGANIZER = I(SCHEMA + "organizer")
SUPER = I(SCHEMA + "superEvent")
ABOUT = I(SCHEMA + "about")
CONTACT = I(SCHEMA + "contactPoint")
EMAIL = I(SCHEMA + "email")
CONTACT_TYPE = I(SCHEMA + "contactType")
URL = I(SCHEMA + "url")
TITLE = I(DCT + "title")
PUBLISHER = I(DCT + "publisher")
DATE = I(DCT + "date")

ORG_KINDS = (
    "Ministry", "Administration", "GovernmentAgency", "InternationalOrganization", "AdvisoryCommittee",
    "EngagementCentre", "Registry", "CcTLDOperator", "ResearchInstitute", "University", "Company",
    "IndustryBody",
)
# which kinds an organisation of a kind may be a sub-organisation of (first existing one wins)
PARENT_KINDS = {
    "Ministry": (), "InternationalOrganization": (), "University": (), "Company": (), "IndustryBody": (),
    "Administration": ("Ministry",), "GovernmentAgency": ("Ministry",),
    "AdvisoryCommittee": ("InternationalOrganization",), "EngagementCentre": ("InternationalOrganization",),
    "Registry": ("GovernmentAgency", "ResearchInstitute"), "CcTLDOperator": ("GovernmentAgency",),
    "ResearchInstitute": ("Ministry", "University", "Company"),
}
ORG_KIND_WEIGHTS = (4, 6, 6, 3, 2, 3, 8, 8, 8, 6, 12, 5)
ORG_NOUN = {
    "Ministry": "Ministry of {w}", "Administration": "{w} Administration",
    "GovernmentAgency": "{w} Agency", "InternationalOrganization": "International {w} Organization",
    "AdvisoryCommittee": "{w} Advisory Committee", "EngagementCentre": "{w} Engagement Centre",
    "Registry": "{w} Domain Name Registry", "CcTLDOperator": "{w} Network Information Centre",
    "ResearchInstitute": "{w} Research Institute", "University": "{w} University",
    "Company": "{w} Technology Company", "IndustryBody": "{w} Internet Association",
}
POST_TITLES = {
    "Ministry": ("Minister", "Vice Minister", "Director General"),
    "Administration": ("Director General", "Deputy Director General"),
    "GovernmentAgency": ("Director", "Deputy Director"),
    "InternationalOrganization": ("President", "Vice President", "General Manager"),
    "AdvisoryCommittee": ("Chair", "Vice Chair"),
    "EngagementCentre": ("Director", "Senior Manager"),
    "Registry": ("Chief Executive Officer", "Chief Technology Officer"),
    "CcTLDOperator": ("Director", "Deputy Director", "Chief Technology Officer"),
    "ResearchInstitute": ("Director", "Senior Researcher"),
    "University": ("President", "Professor"),
    "Company": ("Chief Executive Officer", "Vice President", "General Counsel"),
    "IndustryBody": ("Secretary General", "Chair"),
}
SYLLABLES = ("ka", "lo", "ra", "mi", "te", "su", "no", "vi", "da", "ze", "po", "ri", "an", "el", "ut", "ko",
             "ba", "xi", "fe", "gu", "ho", "ja", "ne", "qu", "sa", "tu", "wo", "ye", "li", "mo", "pe", "do")
GIVEN = ("wei", "fang", "min", "jing", "lei", "yan", "tao", "hui", "ming", "ying", "anna", "lars", "olga",
         "pedro", "amina", "kenji", "sara", "omar", "ivan", "lucia", "chen", "nadia", "tomas", "yuki",
         "hassan", "ines", "david", "maria", "arjun", "lena", "felix", "zara")
FAMILY = ("zhang", "li", "wang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
          "zhu", "hu", "guo", "he", "lin", "low", "little", "schmidt", "ivanova", "silva", "okafor",
          "tanaka", "kim", "nguyen", "haddad", "rossi", "novak", "patel", "garcia", "dubois")
HONORIFICS = ("Mr.", "Ms.", "Dr.", "Professor")
EVENT_KINDS = ("Meeting", "Seminar", "ReadoutSession", "Lecture", "Workshop", "Summit",
               "CapacityBuildingProgramme", "Panel", "Training")
SUB_EVENT_KINDS = ("Lecture", "Panel", "Workshop", "Training", "Seminar")

ROLES = ("speaker", "moderator", "attendee", "organiser", "host", "panellist", "keynote-speaker",
         "presenter", "chair", "rapporteur")
TOPICS = ("icann-jurisdiction", "iana-stewardship-transition", "icann-accountability", "new-gtlds", "idn",
          "ipv6", "dnssec", "dns-security", "email-address-internationalization", "malware",
          "cctld-management", "domain-name-policy", "capacity-building", "staff-exchange",
          "joint-research-laboratory", "node-exchange", "internet-governance", "cybersecurity",
          "universal-acceptance", "whois-policy", "root-server-system", "registrar-compliance",
          "country-names-at-second-level", "multistakeholder-model", "internet-development-statistics",
          "content-regulation", "data-protection", "cross-border-data", "digital-economy",
          "internet-exchange-points")
MEASURES = (("netizen-number", "persons", "Netizen Number"),
            ("mobile-netizen-number", "persons", "Mobile Phone Netizen"),
            ("rural-netizen-number", "persons", "Rural Netizen"),
            ("online-purchasing-customers", "persons", "Online Purchasing Customers"),
            ("instant-message-users", "persons", "Instant Message Users"),
            ("domain-name-number", "domain-names", "Number of Domain Name"),
            ("ipv6-address-number", "address-blocks", "IPv6 Address"),
            ("website-number", "websites", "Number of Website"))
UNITS = (("persons", "persons"), ("domain-names", "domain names"), ("address-blocks", "/32 address blocks"),
         ("websites", "websites"), ("percent", "per cent"))
DAY_PARTS = ("morning", "afternoon", "evening")
END_CAUSES = ("left-position", "term-ended", "retired", "promoted", "reassigned")
CITIES = ("beijing", "wuzhen", "kunming", "copenhagen", "moscow", "seoul", "jakarta", "sanaa", "amman",
          "vientiane", "taipei", "oxford", "frankfurt", "singapore", "johannesburg", "geneva", "paris",
          "marrakech", "panama-city", "hyderabad", "kobe", "abu-dhabi", "montreal", "cancun", "barcelona",
          "puerto-rico", "hamburg", "kuala-lumpur", "shanghai", "guangzhou")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
AGREEMENT_KINDS = ("Strategic Partnership MOU", "Memorandum of Understanding", "Cooperation MOU",
                   "Partnership", "Joint Lab Partnership", "Facility Sharing Partnership")

# kind -> (SHACL constraint component, path) each injected violation must be reported with.
VIOLATION_KINDS: dict[str, tuple[str, str | None]] = {
    "holding-end-before-start": (SH + "SPARQLConstraintComponent", SCHEMA + "endDate"),
    "agreement-one-party": (SH + "SPARQLConstraintComponent", None),
    "malformed-email": (SH + "PatternConstraintComponent", SCHEMA + "email"),
    "fact-without-quote": (SH + "MinCountConstraintComponent", IGKG + "quote"),
    "subevent-outside-parent": (SH + "SPARQLConstraintComponent", SCHEMA + "superEvent"),
}


def ymd(day: int) -> tuple[int, int, int]:
    """Day number (0 = 1990-01-01, 360-day calendar of 30-day months) -> (year, month, day)."""
    year, rest = divmod(day, 360)
    month, d = divmod(rest, 30)
    return 1990 + year, month + 1, min(d + 1, 28) if month == 1 else d + 1


def xdate(day: int) -> str:
    y, m, d = ymd(day)
    return typed(f"{y:04d}-{m:02d}-{d:02d}", "date")


def as_written(day: int) -> str:
    y, m, d = ymd(day)
    return f"{MONTHS[m - 1]} {d}, {y}"


def dated(day: int, precision: str) -> str:
    y, m, d = ymd(day)
    if precision == "date":
        return typed(f"{y:04d}-{m:02d}-{d:02d}", "date")
    if precision == "gYearMonth":
        return typed(f"{y:04d}-{m:02d}", "gYearMonth")
    return typed(f"{y:04d}", "gYear")


def post_role(title: str) -> str:
    """The org:Role of a post title, in the scheme igrole:post-roles (`post-` before a slug that names a
    participation role too, such as chair)."""
    slug = title.lower().replace(" ", "-")
    return I(NS["role"] + ("post-" if slug in ROLES else "") + slug)


def word(i: int) -> str:
    """A pronounceable, deterministic name for id i (3 syllables, distinct for the first 32**3 ids)."""
    n = len(SYLLABLES)
    return SYLLABLES[i % n] + SYLLABLES[(i // n) % n] + SYLLABLES[(i // (n * n) + 7 * i) % n]


class World:
    """The growing world: per-kind lists of integer ids and counters; nothing per triple."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.orgs_by_kind: dict[str, list[int]] = {k: [] for k in ORG_KINDS}
        self.org_kind: list[int] = []  # index into ORG_KINDS, one byte-sized int per organisation
        self.n_people = 0
        self.n_reports = 0
        self.n_agreements = 0
        self.n_observations = 0
        self.n_events = 0
        self.affairs: list[int] = []  # organisations that have an "affairs" topic

    def org_iri(self, i: int) -> str:
        kind = ORG_KINDS[self.org_kind[i]]
        return f"<{NS['org']}{kind.lower()}-{word(i)}-{i}>"

    def org_slug(self, i: int) -> str:
        return f"{ORG_KINDS[self.org_kind[i]].lower()}-{word(i)}-{i}"

    def org_label(self, i: int) -> str:
        return ORG_NOUN[ORG_KINDS[self.org_kind[i]]].format(w=word(i).capitalize())

    def org_acronym(self, i: int) -> str:
        return (word(i)[:3] + ORG_KINDS[self.org_kind[i]][0]).upper() + str(i)

    @staticmethod
    def person_slug(i: int) -> str:
        return f"{GIVEN[(i // len(FAMILY)) % len(GIVEN)]}-{FAMILY[i % len(FAMILY)]}-{i}"

    @staticmethod
    def person_name(i: int) -> str:
        return f"{GIVEN[(i // len(FAMILY)) % len(GIVEN)].capitalize()} {FAMILY[i % len(FAMILY)].capitalize()}"

    def person_iri(self, i: int) -> str:
        return f"<{NS['person']}{self.person_slug(i)}>"

    def any_org(self) -> int:
        return self.rng.randrange(len(self.org_kind))

    def any_person(self) -> int:
        return self.rng.randrange(self.n_people)


class Doc:
    """One synthetic source document: a named graph, its lines, and the entities it mentions."""

    def __init__(self, number: int, quads: bool):
        self.number = number
        self.slug = f"synthetic-{number:06d}"
        self.iri = f"<{NS['doc']}{self.slug}>"
        self.graph = f" <{GRAPH}{self.slug}> .\n" if quads else " .\n"
        self.lines: list[str] = []
        self.mentioned: set[str] = set()

    def t(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o}{self.graph}")

    def fact(self, node: str, cls: str, quote: str | None) -> None:
        """A fact-bearing node: its type, its source and its verbatim quote."""
        self.t(node, A, cls)
        self.t(node, DERIVED if cls in RECORDS else NAMED_IN, self.iri)
        if quote is not None:
            self.t(node, QUOTE, lit(quote))

    def mention(self, node: str) -> None:
        """An entity this document mentions names it as a source (once per document)."""
        if node not in self.mentioned:
            self.mentioned.add(node)
            self.t(node, NAMED_IN, self.iri)


class Generator:
    def __init__(self, *, seed: int, triples: int, violations: int, quads: bool, out: TextIO):
        self.rng = random.Random(seed)
        self.target = triples
        self.quads = quads
        self.out = out
        self.count = 0
        self.world = World(self.rng)
        self.violations_left = violations
        self.violations: list[dict[str, str]] = []
        self.injected_here = False
        self.places_declared: set[str] = set()

    # -- plumbing ---------------------------------------------------------------------------------
    def emit(self, lines: list[str]) -> None:
        self.out.write("".join(lines))
        self.count += len(lines)

    def want(self, kind: str) -> bool:
        """Inject a violation of `kind` here? (one per document, kinds in a fixed cycle)."""
        if self.violations_left <= 0 or self.injected_here:
            return False
        n = len(self.violations)
        if list(VIOLATION_KINDS)[n % len(VIOLATION_KINDS)] != kind:
            return False
        self.violations_left -= 1
        self.injected_here = True
        return True

    def record(self, focus: str, kind: str) -> None:
        component, path = VIOLATION_KINDS[kind]
        self.violations.append({"focus": focus[1:-1], "kind": kind, "component": component, "path": path})

    # -- reference graph --------------------------------------------------------------------------
    def reference(self) -> None:
        g = f" <{GRAPH}reference> .\n" if self.quads else " .\n"
        lines: list[str] = []

        def t(s: str, p: str, o: str) -> None:
            lines.append(f"{s} {p} {o}{g}")

        def scheme(iri: str, label: str, concepts: list[tuple[str, str]]) -> None:
            t(iri, A, SCHEME)
            t(iri, PREF, en(label))
            for c, clabel in concepts:
                t(c, A, CONCEPT)
                t(c, PREF, en(clabel))
                t(c, IN_SCHEME, iri)
                t(c, TOP_CONCEPT_OF, iri)
                t(iri, HAS_TOP, c)

        def title(slug: str) -> str:
            return slug.replace("-", " ").capitalize()

        v = NS["vocab"]
        scheme(I(NS["role"] + "scheme"), "Participation roles", [(I(NS["role"] + r), title(r)) for r in ROLES])
        scheme(I(NS["topic"] + "scheme"), "Topics and areas of cooperation",
               [(I(NS["topic"] + x), title(x)) for x in TOPICS])
        scheme(I(v + "measures"), "Measures", [(I(v + m), label) for m, _, label in MEASURES])
        scheme(I(v + "units"), "Units", [(I(v + u), label) for u, label in UNITS])
        scheme(I(v + "day-parts"), "Parts of the day", [(I(v + d), d) for d in DAY_PARTS])
        scheme(I(v + "end-causes"), "Causes of a post holding's end", [(I(v + c), title(c)) for c in END_CAUSES])
        post_roles = sorted({x for titles in POST_TITLES.values() for x in titles})
        scheme(I(NS["role"] + "post-roles"), "Post roles", [(post_role(x), x) for x in post_roles])
        for x in post_roles:
            t(post_role(x), A, I(ORG + "Role"))
        scheme(I(v + "bases"), "Bases of facts", [(I(v + b), b) for b in ("stated", "read-from-layout", "editor-inferred")])
        self.emit(lines)

    def place(self, doc: Doc, city: str) -> str:
        """A place IRI, declared in the first document that mentions it, derived from each that does."""
        p = I(NS["place"] + city)
        if city not in self.places_declared:
            self.places_declared.add(city)
            doc.t(p, A, K("Place"))
            doc.t(p, LABEL, en(city.replace("-", " ").title()))
        doc.mention(p)
        return p

    # -- one document -----------------------------------------------------------------------------
    def document(self, number: int) -> None:
        rng, w = self.rng, self.world
        doc = Doc(number, self.quads)
        self.injected_here = False
        day = rng.randrange(0, 35 * 360)  # 1990 .. 2024
        # new organisations and people first, so that everything below can refer to them
        n_orgs = 8 if number == 0 else rng.choice((0, 1, 1, 2))
        n_people = 16 if number == 0 else rng.choice((1, 2, 3, 4))
        for _ in range(n_people):
            self.person(doc, w.n_people)
            w.n_people += 1
        self.announce: list[str] = []
        for _ in range(n_orgs):
            self.organisation(doc, day)
        publisher = w.any_org()
        t = doc.t
        t(doc.iri, A, K("SourceDocument"))
        t(doc.iri, TITLE, lit(f"Synthetic report {number}: {w.org_label(publisher)} news"))
        t(doc.iri, PUBLISHER, w.org_iri(publisher))
        t(doc.iri, DATE, xdate(day))
        t(doc.iri, K("seedFile"), lit(f"{doc.slug}.txt"))
        t(doc.iri, K("reportsPeriod"), lit("%04d-%02d" % ymd(day)[:2]))
        doc.mention(w.org_iri(publisher))
        event = self.event(doc, day)
        for h in self.announce:  # the newest holder of a post was announced at this document's event
            t(h, K("startAnnouncedAt"), event)
            announcer = w.person_iri(w.any_person())
            t(h, K("startAnnouncedBy"), announcer)
            doc.mention(announcer)
        for _ in range(rng.choice((1, 1, 2, 3))):
            self.affiliation(doc)
        if rng.random() < 0.35:
            self.agreement(doc, day, event)
        if rng.random() < 0.25:
            self.observations(doc, day)
        self.emit(doc.lines)

    # -- entities ---------------------------------------------------------------------------------
    def person(self, doc: Doc, i: int) -> None:
        rng, w = self.rng, self.world
        p = w.person_iri(i)
        t = doc.t
        t(p, A, K("Person"))
        t(p, LABEL, lit(w.person_name(i)))
        doc.mention(p)
        if rng.random() < 0.3:
            t(p, K("honorific"), lit(rng.choice(HONORIFICS)))
        if rng.random() < 0.05:
            t(p, SKOS_NOTE, en("The name is written family name first in one place and given name first in another."))
        if rng.random() < 0.5:
            t(p, K("familyNameFirst"), typed("true" if i % len(FAMILY) < 18 else "false", "boolean"))

    def organisation(self, doc: Doc, day: int) -> None:
        rng, w = self.rng, self.world
        i = len(w.org_kind)
        if i < len(ORG_KINDS):
            kind_index = i  # every kind at least once, parents before children
        else:
            kind_index = rng.choices(range(len(ORG_KINDS)), weights=ORG_KIND_WEIGHTS)[0]
        kind = ORG_KINDS[kind_index]
        w.org_kind.append(kind_index)
        o = w.org_iri(i)
        t = doc.t
        t(o, A, K(kind))
        t(o, LABEL, en(w.org_label(i)))
        t(o, K("acronym"), lit(w.org_acronym(i)))
        if rng.random() < 0.05:
            t(o, SKOS_NOTE, en("The acronym is not expanded in the source."))
        doc.mention(o)
        for pk in PARENT_KINDS[kind]:
            pool = w.orgs_by_kind[pk]
            if pool and (kind in ("Administration", "EngagementCentre") or rng.random() < 0.85):
                parent = pool[rng.randrange(len(pool))]
                t(o, SUB_ORG, w.org_iri(parent))
                if kind in ("Administration", "EngagementCentre"):  # units (W3C ORG)
                    t(o, UNIT_OF, w.org_iri(parent))
                doc.mention(w.org_iri(parent))
                break
        w.orgs_by_kind[kind].append(i)
        if kind == "CcTLDOperator":  # the country-code domain it runs, named after its acronym
            tld = I(f"{NS['tld']}{w.org_slug(i)}")
            domain = "." + w.org_acronym(i).upper()
            doc.fact(tld, K("CountryCodeTopLevelDomain"), f"{w.org_acronym(i)}, Registry of {domain}")
            t(tld, LABEL, lit(domain))
            t(tld, K("registryOperator"), o)
        if rng.random() < 0.3:
            t(o, K("statedFunction"), lit(f"{rng.choice(('Registry', 'Operator', 'Research hub', 'Platform'))} of {word(i)}"))
        if rng.random() < 0.4:
            self.contact_point(doc, i)
        if rng.random() < 0.3:
            topic = I(f"{NS['topic']}{w.org_slug(i)}-affairs")
            t(topic, A, CONCEPT)
            t(topic, PREF, en(f"{w.org_acronym(i)} affairs"))
            t(topic, IN_SCHEME, I(NS["topic"] + "scheme"))
            t(topic, K("aboutOrganization"), o)
            w.affairs.append(i)
        titles = POST_TITLES[kind]
        for title in rng.sample(titles, rng.randint(1, len(titles))):
            self.post_chain(doc, i, title, day)

    def contact_point(self, doc: Doc, i: int) -> None:
        w = self.world
        cp = I(f"{NS['cp']}{w.org_slug(i)}")
        email = f"info@{word(i)}{i}.example"
        if self.want("malformed-email"):
            email = f"info(at){word(i)}{i}.example"
            self.record(cp, "malformed-email")
        doc.fact(cp, K("ContactPoint"), f"Contact {w.org_acronym(i)}: {email}")
        doc.t(w.org_iri(i), CONTACT, cp)
        doc.t(cp, EMAIL, lit(email))
        doc.t(cp, CONTACT_TYPE, lit("general enquiries"))

    def post_chain(self, doc: Doc, org: int, title: str, day: int) -> None:
        """A post and the people who held it, one after the other, over the decades before `day`."""
        rng, w = self.rng, self.world
        slug = title.lower().replace(" ", "-")
        post = I(f"{NS['post']}{slug}--{w.org_slug(org)}")
        o = w.org_iri(org)
        t = doc.t
        t(post, A, K("Post"))
        t(post, POST_IN, o)
        t(post, K("postTitle"), lit(title))
        t(post, POST_ROLE, post_role(title))
        t(post, LABEL, en(f"{title}, {w.org_label(org)}"))
        doc.mention(post)
        n = rng.randint(1, 4)
        n = min(n, w.n_people)
        holders = rng.sample(range(w.n_people), n)
        precision = rng.choice(("date", "gYearMonth", "gYear"))
        # start days strictly increasing, distinct years so every precision keeps the order strict
        start_year = max(0, day // 360 - 6 * n - rng.randrange(4))
        starts = []
        y = start_year
        for _ in range(n):
            starts.append(y * 360 + rng.randrange(360))
            y += rng.randint(2, 6)
        previous = None
        for k, person in enumerate(holders):
            h = I(f"{NS['holding']}{w.person_slug(person)}--{slug}--{w.org_slug(org)}")
            p = w.person_iri(person)
            name = w.person_name(person)
            doc.fact(h, K("PostHolding"), f"{name} would take over as {title} of {w.org_label(org)}" if k
                     else f"{name}, {title} of {w.org_label(org)}")
            t(h, MEMBER, p)
            t(h, ORGANIZATION, o)
            t(h, K("post"), post)
            doc.mention(p)
            t(h, START, dated(starts[k], precision))
            last = k == n - 1
            if not last:
                t(h, END, dated(starts[k + 1], precision))
                t(h, K("endCause"), I(NS["vocab"] + rng.choice(END_CAUSES)))
            elif self.want("holding-end-before-start"):
                t(h, END, dated(starts[k] - 720, precision))
                self.record(h, "holding-end-before-start")
            elif starts[k] // 360 + 3 < day // 360 and rng.random() < 0.5:
                t(h, END, dated(starts[k] + 3 * 360, precision))
                t(h, K("endCause"), I(NS["vocab"] + rng.choice(END_CAUSES)))
            if previous is not None:
                t(h, K("succeeds"), previous)
                if last and rng.random() < 0.5:
                    self.announce.append(h)
            previous = h

    def affiliation(self, doc: Doc) -> None:
        w = self.world
        person, org = w.any_person(), w.any_org()
        a = I(f"{NS['aff']}{w.person_slug(person)}--{w.org_slug(org)}")
        doc.fact(a, K("Affiliation"), f"{w.person_name(person)} from {w.org_acronym(org)}")
        doc.t(a, MEMBER, w.person_iri(person))
        doc.t(a, ORGANIZATION, w.org_iri(org))
        doc.mention(w.person_iri(person))
        doc.mention(w.org_iri(org))

    # -- events -----------------------------------------------------------------------------------
    def event(self, doc: Doc, day: int) -> str:
        """The document's main event (some days before it), its sub-events and participations."""
        rng, w = self.rng, self.world
        kind = rng.choice(EVENT_KINDS)
        n = w.n_events
        w.n_events += 1
        organizer = w.any_org()
        e = I(f"{NS['event']}{kind.lower()}-{word(organizer)}-{n}")
        city = rng.choice(CITIES)
        place = self.place(doc, city)
        start = max(0, day - rng.randint(1, 20))
        length = rng.randint(0, 6)
        label = f"{w.org_acronym(organizer)} {kind} {n}"
        doc.fact(e, K(kind), f"{w.org_acronym(organizer)} held the {label} in {city.capitalize()} from {as_written(start)}")
        t = doc.t
        t(e, LABEL, en(label))
        t(e, START, xdate(start))
        t(e, END, xdate(start + length))
        t(e, LOCATION, place)
        t(e, ORGANIZER, w.org_iri(organizer))
        doc.mention(w.org_iri(organizer))
        t(e, K("partOfDay"), I(NS["vocab"] + rng.choice(DAY_PARTS)))
        if rng.random() < 0.6:
            t(e, K("attendanceAsWritten"), lit(f"Over {rng.randint(2, 40) * 5} representatives"))
        for topic in rng.sample(TOPICS, rng.randint(1, 3)):
            t(e, ABOUT, I(NS["topic"] + topic))
        if w.affairs and rng.random() < 0.4:
            t(e, ABOUT, I(f"{NS['topic']}{w.org_slug(w.affairs[rng.randrange(len(w.affairs))])}-affairs"))
        if kind == "ReadoutSession":
            t(e, K("reportsOn"), I(f"{NS['event']}reported-{n}"))
            self.reported_event(doc, n, start)
        for k in range(rng.choice((0, 0, 1, 2, 3))):
            sub_kind = rng.choice(SUB_EVENT_KINDS)
            s = I(f"{NS['event']}{sub_kind.lower()}-{word(organizer)}-{n}-{k + 1}")
            sub_start = start + rng.randint(0, length)
            if self.want("subevent-outside-parent"):
                sub_start = start - 30
                self.record(s, "subevent-outside-parent")
            sub_end = min(start + length, sub_start + rng.randint(0, 1)) if sub_start >= start else sub_start
            doc.fact(s, K(sub_kind), f"On {as_written(sub_start)}, the {sub_kind.lower()} of the {label} was held")
            t(s, LABEL, en(f"{label}, {sub_kind.lower()} {k + 1}"))
            t(s, SUPER, e)
            t(s, START, xdate(sub_start))
            t(s, END, xdate(sub_end))
            t(s, LOCATION, place)
            self.participations(doc, s, label, rng.randint(1, 3))
        self.participations(doc, e, label, rng.randint(3, 12))
        return e

    def reported_event(self, doc: Doc, earlier: int, before: int) -> None:
        """The (ICANN-meeting-like) event a readout session reports on, stated in this document."""
        rng = self.rng
        e = I(f"{NS['event']}reported-{earlier}")
        start = max(0, before - rng.randint(10, 60))
        doc.fact(e, K("Meeting"), f"the Meeting {earlier} held from {as_written(start)}")
        doc.t(e, LABEL, en(f"Meeting {earlier}"))
        series = I(f"{NS['event']}meetings")  # the numbered meetings are one series (schema:EventSeries)
        doc.fact(series, K("EventSeries"), "after each Meeting")
        doc.t(series, A, I(SCHEMA + "EventSeries"))
        doc.t(series, LABEL, en("Meetings"))
        doc.t(e, SUPER, series)
        doc.t(e, START, xdate(start))
        doc.t(e, END, xdate(start + 6))
        doc.t(e, LOCATION, self.place(doc, rng.choice(CITIES)))

    def participations(self, doc: Doc, event: str, label: str, n: int) -> None:
        rng, w = self.rng, self.world
        local = event[len(NS["event"]) + 1:-1]
        t = doc.t
        for person in rng.sample(range(w.n_people), min(n, w.n_people)):
            p = w.person_iri(person)
            part = I(f"{NS['part']}{local}--{w.person_slug(person)}")
            role = rng.choice(ROLES)
            if self.want("fact-without-quote"):
                doc.fact(part, K("Participation"), None)
                self.record(part, "fact-without-quote")
            else:
                doc.fact(part, K("Participation"), f"{w.person_name(person)} ({role}) at the {label}")
            t(part, K("participant"), p)
            t(part, K("inEvent"), event)
            t(part, K("role"), I(NS["role"] + role))
            doc.mention(p)
            if rng.random() < 0.5:
                org = w.any_org()
                t(part, K("onBehalfOf"), w.org_iri(org))
                doc.mention(w.org_iri(org))
            if rng.random() < 0.4:
                t(part, K("topic"), I(NS["topic"] + rng.choice(TOPICS)))
        if rng.random() < 0.2:  # an organisation taking part as such
            org = w.any_org()
            part = I(f"{NS['part']}{local}--{w.org_slug(org)}")
            doc.fact(part, K("Participation"), f"{w.org_label(org)} participated in the {label}")
            t(part, K("participant"), w.org_iri(org))
            t(part, K("inEvent"), event)
            t(part, K("role"), I(NS["role"] + "attendee"))
            # an organisation's part is the editor's reading (igkg:basis, docs/design.md "Basis of facts")
            t(part, K("basis"), I(NS["vocab"] + "editor-inferred"))
            t(part, SKOS_NOTE, en("The organisation's part is read from the event's name."))
            doc.mention(w.org_iri(org))

    # -- agreements and statistics ----------------------------------------------------------------
    def agreement(self, doc: Doc, day: int, event: str) -> None:
        rng, w = self.rng, self.world
        n = w.n_agreements
        w.n_agreements += 1
        n_parties = rng.choice((2, 2, 2, 3, 4))
        parties = rng.sample(range(len(w.org_kind)), min(n_parties, len(w.org_kind)))
        mou = rng.random() < 0.7
        a = I(f"{NS['agr']}{'mou' if mou else 'partnership'}-{word(parties[0])}-{word(parties[1])}-{n}")
        if self.want("agreement-one-party"):
            parties = parties[:1]
            self.record(a, "agreement-one-party")
        kind_written = rng.choice(AGREEMENT_KINDS[:3] if mou else AGREEMENT_KINDS[3:])
        names = "-".join(w.org_acronym(p) for p in parties)
        sign_day = max(0, day - rng.randint(0, 400))
        city = rng.choice(CITIES)
        doc.fact(a, K("MOU" if mou else "Partnership"), f"{names} {kind_written} Signing {MONTHS[ymd(sign_day)[1] - 1][:3]}. {ymd(sign_day)[0]} @{city.capitalize()}")
        t = doc.t
        t(a, LABEL, en(f"{names} {kind_written}"))
        t(a, K("agreementKind"), lit(kind_written))
        for p in parties:
            t(a, K("party"), w.org_iri(p))
            doc.mention(w.org_iri(p))
        for topic in rng.sample(TOPICS, rng.randint(1, 4)):
            t(a, K("areaOfCooperation"), I(NS["topic"] + topic))
        ceremony = I(f"{NS['event']}signing-{a[len(NS['agr']) + 1:-1]}")
        doc.fact(ceremony, K("SigningCeremony"), f"{names} {kind_written} Signing")
        t(ceremony, LABEL, en(f"Signing of the {names} {kind_written}"))
        t(ceremony, START, dated(sign_day, rng.choice(("date", "gYearMonth"))))
        t(ceremony, LOCATION, self.place(doc, city))
        t(a, K("signedAt"), ceremony)
        if rng.random() < 0.2:
            t(a, K("depictedIn"), event)

    def observations(self, doc: Doc, day: int) -> None:
        rng, w = self.rng, self.world
        report = I(f"{NS['doc']}report-{w.n_reports}")
        w.n_reports += 1
        year = ymd(day)[0]
        t = doc.t
        t(report, A, K("Report"))
        t(report, TITLE, lit(f"Statistical Report on Internet Development {w.n_reports}"))
        t(report, LABEL, en(f"Statistical Report {w.n_reports}"))
        publisher = w.any_org()
        t(report, PUBLISHER, w.org_iri(publisher))
        doc.mention(w.org_iri(publisher))
        doc.mention(report)
        area = rng.choice(CITIES)
        area_iri = self.place(doc, area)
        for measure, unit, mlabel in rng.sample(MEASURES, rng.randint(1, 5)):
            n = w.n_observations
            w.n_observations += 1
            ob = I(f"{NS['obs']}{measure}-{area}-{year}-{n}")
            value = rng.randint(10, 9999) / 10
            mult = rng.choice((0, 3, 6))
            written = f"{value:g}" + {0: "", 3: "Thousand", 6: "million"}[mult]
            doc.fact(ob, K("StatisticalObservation"), f"{written} {mlabel}")
            t(ob, K("measure"), I(NS["vocab"] + measure))
            t(ob, K("refArea"), area_iri)
            t(ob, K("refPeriod"), typed(f"{year:04d}-{rng.randint(1, 12):02d}", "gYearMonth"))
            t(ob, K("obsValue"), typed(f"{value:g}" if "." in f"{value:g}" else f"{value:g}.0", "decimal"))
            t(ob, K("unit"), I(NS["vocab"] + unit))
            t(ob, K("unitMultiplier"), typed(str(mult), "integer"))
            t(ob, K("valueAsWritten"), lit(written))
            t(ob, K("reportedIn"), report if rng.random() < 0.7 else doc.iri)

    # -- driver -----------------------------------------------------------------------------------
    def run(self) -> int:
        self.reference()
        number = 0
        while self.count < self.target or self.violations_left > 0:
            self.document(number)
            number += 1
            if number > 10 * self.target + 1000:  # pragma: no cover - cannot place the violations
                raise RuntimeError("could not place the requested violations")
        return number


def copy_ontology(out: TextIO, quads: bool) -> int:
    """Append ontology/igkg.ttl as N-Quads in iggraph:ontology; returns the triple count."""
    import pyoxigraph as ox

    path = Path(__file__).resolve().parent.parent / "ontology" / "igkg.ttl"
    g = f" <{GRAPH}ontology> .\n" if quads else " .\n"
    n = 0
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        out.write(f"{t.subject} {t.predicate} {t.object}{g}")
        n += 1
    return n


def generate(path: str | Path, *, triples: int, seed: int = 42, violations: int = 0,
             with_ontology: bool = False, progress: Callable[[str], None] | None = None) -> dict:
    """Write the world to `path` (.nq or .nt) and, when violations > 0, `path.violations.json`."""
    path = Path(path)
    quads = path.suffix.lower() == ".nq"
    if path.suffix.lower() not in (".nq", ".nt"):
        raise ValueError(f"{path}: use a .nq (N-Quads) or .nt (N-Triples) file name")
    with path.open("w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        gen = Generator(seed=seed, triples=triples, violations=violations, quads=quads, out=out)
        documents = gen.run()
        count = gen.count
        if with_ontology:
            count += copy_ontology(out, quads)
    summary = {
        "file": str(path), "seed": seed, "target": triples, "triples": count, "documents": documents,
        "organisations": len(gen.world.org_kind), "people": gen.world.n_people,
        "events": gen.world.n_events, "agreements": gen.world.n_agreements,
        "observations": gen.world.n_observations, "violations": len(gen.violations),
    }
    sidecar = Path(str(path) + ".violations.json")
    if violations:
        sidecar.write_text(json.dumps(gen.violations, indent=1) + "\n", encoding="utf-8")
    elif sidecar.exists():
        sidecar.unlink()
    if progress:
        progress(json.dumps(summary))
    return summary


def first_iris(path: str | Path) -> dict[str, str]:
    """The first IRI of each kind in a generated file (for query parameters in benchmarks)."""
    wanted = {"org": NS["org"], "person": NS["person"], "post": NS["post"], "event": NS["event"],
              "agreement": NS["agr"], "place": NS["place"], "topic": NS["topic"], "doc": NS["doc"]}
    found: dict[str, str] = {}
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            s = line[1:line.index(">")]
            for key, ns in wanted.items():
                if key not in found and s.startswith(ns) and not s.endswith("scheme"):
                    found[key] = s
            if len(found) == len(wanted):
                break
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Example: python bench/generate.py --triples 100000 --seed 42 -o world.nq")
    ap.add_argument("--triples", type=int, required=True, help="target number of triples (± a few per cent)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--violations", type=int, default=0, help="number of shape violations to inject")
    ap.add_argument("--with-ontology", action="store_true", help="append ontology/igkg.ttl as iggraph:ontology")
    ap.add_argument("-o", "--output", required=True, help="output file, .nq (one graph per document) or .nt")
    args = ap.parse_args(argv)
    try:
        generate(args.output, triples=args.triples, seed=args.seed, violations=args.violations,
                 with_ontology=args.with_ontology, progress=print)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
