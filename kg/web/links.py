"""Where an IRI of the graph lives in the web app: entity IRIs at their own path, ontology terms
at their entry of /ontology; every other IRI is left as it is (an external link).

`https://w3id.org/igkg/id/org/cnnic` -> `/id/org/cnnic`; `https://w3id.org/igkg/ontology#Registry`
-> `/ontology#Registry`; `https://w3id.org/igkg/ontology` -> `/ontology`.
"""

from __future__ import annotations

from urllib.parse import quote

from kg.namespaces import BASE, ID, IGKG, shorten

ONTOLOGY_IRI = IGKG.rstrip("#")
SHAPES = BASE + "shapes#"


def href(iri: str) -> str:
    """The app's path for `iri` (see the module docstring), or `iri` itself when it is not local."""
    if iri.startswith(ID):
        return "/id/" + quote(iri[len(ID):], safe="/-._~:@!$&'()*+,;=")
    if iri.startswith(IGKG):
        return "/ontology#" + quote(iri[len(IGKG):], safe="-._~")
    if iri == ONTOLOGY_IRI:
        return "/ontology"
    if iri.startswith(SHAPES):
        return "/ontology#shape-" + quote(iri[len(SHAPES):], safe="-._~")
    return iri


def iri_of_path(path: str) -> str:
    """The entity IRI a path under /id/ stands for (the inverse of `href`)."""
    return ID + path


__all__ = ["href", "iri_of_path", "shorten", "ONTOLOGY_IRI"]
