"""Namespace IRIs and prefixes of the project (plain strings: no RDF library is imported here).

The table is the one in docs/design.md; `PREFIXES` is what queries, exports and the CLI predeclare.
This is the only module that spells a namespace IRI: every other module imports the constants below.
"""

from __future__ import annotations

BASE = "https://w3id.org/igkg/"
IGKG = BASE + "ontology#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"

PREFIXES: dict[str, str] = {
    "igkg": IGKG,
    "igorg": ID + "org/",
    "igperson": ID + "person/",
    "igpost": ID + "post/",
    "igholding": ID + "holding/",
    "igaff": ID + "affiliation/",
    "igevent": ID + "event/",
    "igpart": ID + "participation/",
    "igagr": ID + "agreement/",
    "igobs": ID + "observation/",
    "igcube": ID + "cube/",
    "igplace": ID + "place/",
    "igtopic": ID + "topic/",
    "igrole": ID + "role/",
    "igvocab": ID + "vocab/",
    "igdoc": ID + "doc/",
    "igcp": ID + "contact/",
    "igtld": ID + "tld/",
    "igstmt": ID + "statement/",
    "igvalue": ID + "value/",
    "igscope": ID + "scope/",
    "igposition": ID + "position/",
    "iggraph": GRAPH,
    "igsh": BASE + "shapes#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
    "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "opengov": "http://www.w3.org/ns/opengov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
OWL = PREFIXES["owl"]
XSD = PREFIXES["xsd"]
SH = PREFIXES["sh"]
SKOS = PREFIXES["skos"]
PROV = PREFIXES["prov"]
SCHEMA = PREFIXES["schema"]
ORG = PREFIXES["org"]

RDF_TYPE = RDF + "type"
RDF_LANGSTRING = RDF + "langString"
RDFS_LABEL = RDFS + "label"
SKOS_PREFLABEL = SKOS + "prefLabel"
SKOS_ALTLABEL = SKOS + "altLabel"
XSD_STRING = XSD + "string"

GRAPH_ONTOLOGY = GRAPH + "ontology"
GRAPH_REFERENCE = GRAPH + "reference"
GRAPH_INFERRED = GRAPH + "inferred"


def sparql_prologue() -> str:
    """PREFIX declarations for every project prefix, to put before ad-hoc queries."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def expand(name: str) -> str | None:
    """`igorg:cnnic` -> full IRI; `<…>` -> IRI; `None` when `name` is neither."""
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    if name.startswith(("http://", "https://", "urn:")):
        return name
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and " " not in local:
        return PREFIXES[prefix] + local
    return None


def shorten(iri: str) -> str:
    """Full IRI -> prefixed name where a project prefix fits (longest namespace wins)."""
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            local = iri[len(ns):]
            if local and all(c.isalnum() or c in "-_." for c in local) and not local.endswith("."):
                best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else f"<{iri}>"
