"""SHACL validation results and reports, as the SHACL 1.0 validation report vocabulary has them (§3.6).

Both engines (pySHACL in kg.validate, the compiled engine in kg.fastshacl) produce these; terms are
pyoxigraph terms exactly as the engine reported them. `as_dict` is the JSON shape of `kg validate
--format json`; `report_graph_turtle` writes the `sh:ValidationReport` graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.namespaces import RDF_TYPE, SH
from kg.terms import identifier

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

VIOLATION = SH + "Violation"
WARNING = SH + "Warning"
INFO = SH + "Info"


@dataclass(frozen=True)
class ValidationResult:
    """One `sh:ValidationResult`: focus node, result path, source constraint component, source shape,
    value, severity (pyoxigraph terms; path and value may be None) and the result message."""

    focus: "pyoxigraph.Term"
    path: "pyoxigraph.Term | None"
    component: "pyoxigraph.NamedNode"
    shape: "pyoxigraph.Term"
    value: "pyoxigraph.Term | None" = None
    severity: "pyoxigraph.NamedNode | None" = None
    message: str | None = None

    @property
    def is_violation(self) -> bool:
        return self.severity is None or self.severity.value == VIOLATION

    def key(self) -> tuple[str, str | None, str, str]:
        """What two engines must agree on: (focus, path, component, shape) as text (see `as_dict`)."""
        return (identifier(self.focus), identifier(self.path), identifier(self.component), identifier(self.shape))

    def sort_key(self) -> tuple[str, ...]:
        return (identifier(self.shape), identifier(self.focus), identifier(self.path) or "", identifier(self.component),
                identifier(self.value) or "", identifier(self.severity) or "", self.message or "")

    def as_dict(self) -> dict:
        """IRIs in full, blank nodes as `_:id`, the value in N-Triples syntax (IRIs in <>)."""
        return {
            "focus": identifier(self.focus), "path": identifier(self.path),
            "value": None if self.value is None else str(self.value),
            "component": identifier(self.component), "shape": identifier(self.shape),
            "severity": identifier(self.severity) or VIOLATION, "message": self.message,
        }


def sorted_results(results) -> tuple[ValidationResult, ...]:
    """The results sorted by shape, focus, path, component, value, severity and message. Equal
    results are all kept: two results of one report are distinct even when every field is equal
    (e.g. one value reached along two paths of a sequence), and the W3C test suite counts both."""
    return tuple(sorted(results, key=ValidationResult.sort_key))


@dataclass(frozen=True)
class ValidationReport:
    """A validation run: conforms (no result of severity sh:Violation), the results, the number of
    distinct triples validated, the engine ("pyshacl" or "fast"), seconds taken, and (when asked
    for) the report graph as Turtle."""

    conforms: bool
    results: tuple[ValidationResult, ...]
    triples: int
    engine: str
    seconds: float
    report_turtle: str | None = None

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.is_violation)

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if not r.is_violation)

    def as_dict(self) -> dict:
        return {
            "conforms": self.conforms,
            "triples": self.triples,
            "engine": self.engine,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "results": [r.as_dict() for r in self.results],
        }


def report_graph_turtle(conforms: bool, results: tuple[ValidationResult, ...]) -> str:
    """The `sh:ValidationReport` graph of `results`, serialised as Turtle by pyoxigraph."""
    import pyoxigraph as ox

    def sh(name: str) -> "pyoxigraph.NamedNode":
        return ox.NamedNode(SH + name)

    report = ox.BlankNode()
    triples = [ox.Triple(report, ox.NamedNode(RDF_TYPE), sh("ValidationReport")),
               ox.Triple(report, sh("conforms"), ox.Literal(conforms))]
    for r in results:
        node = ox.BlankNode()
        triples += [ox.Triple(report, sh("result"), node),
                    ox.Triple(node, ox.NamedNode(RDF_TYPE), sh("ValidationResult")),
                    ox.Triple(node, sh("focusNode"), r.focus),
                    ox.Triple(node, sh("sourceShape"), r.shape),
                    ox.Triple(node, sh("sourceConstraintComponent"), r.component),
                    ox.Triple(node, sh("resultSeverity"), r.severity or sh("Violation"))]
        if r.path is not None:
            triples.append(ox.Triple(node, sh("resultPath"), r.path))
        if r.value is not None:
            triples.append(ox.Triple(node, sh("value"), r.value))
        if r.message:
            triples.append(ox.Triple(node, sh("resultMessage"), ox.Literal(r.message)))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={"sh": SH}).decode("utf-8")

