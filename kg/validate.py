"""SHACL validation of the project graph (or given files) against `ontology/shapes.ttl`.

The data graph is the union of the project ontology and the data, so `sh:targetClass` and `sh:class`
see the `rdfs:subClassOf` chains (an `igkg:MOU` is checked as an `igkg:Agreement`). pySHACL is the
reference engine; `engine="fast"` runs `kg.fastshacl` (our shapes compiled to SPARQL on pyoxigraph).

Results are kg.report.ValidationResult (pyoxigraph terms). Warnings (`sh:Warning`) are reported
but do not make the graph non-conforming.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.errors import UsageError
from kg.namespaces import SH
from kg.report import ValidationReport, ValidationResult, report_graph_turtle, sorted_results

if TYPE_CHECKING:  # pragma: no cover
    import rdflib

INFERENCE_MODES = ("none", "rdfs", "owlrl")
ENGINES = ("pyshacl", "fast", "auto")
AUTO_FAST_THRESHOLD = 20_000  # triples: above this, engine="auto" picks the fast engine


def validate(
    sources: Iterable[str | Path] | None = None,
    *,
    inference: str = "none",
    engine: str = "pyshacl",
    shapes: str | Path | None = None,
    want_report_graph: bool = False,
) -> ValidationReport:
    """Validate the ontology plus `sources` (files/folders; default: the project) against the shapes
    (`shapes`, default ontology/shapes.ttl); returns a kg.report.ValidationReport.

    inference: none | rdfs | owlrl (passed to pySHACL; the fast engine supports only none).
    engine: pyshacl | fast | auto (auto: fast above 20,000 triples when inference is none).
    `want_report_graph` adds the sh:ValidationReport graph as Turtle. Raises InputError naming
    file:line:column for a file that does not parse, UsageError for an unknown option or an
    inference the engine lacks, kg.fastshacl.UnsupportedShape for a shape the fast engine cannot run.
    """
    import time

    from kg.dataset import Source, build_store, default_sources, read_quads, shapes_file, with_ontology

    if inference not in INFERENCE_MODES:
        raise UsageError(f"unknown inference {inference!r}; use one of {', '.join(INFERENCE_MODES)}")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    t0 = time.perf_counter()
    store = build_store(default_sources() if sources is None else with_ontology(sources))
    shape_quads = list(read_quads(Source(Path(shapes) if shapes else shapes_file(), None)))
    if engine == "auto":
        engine = "fast" if inference == "none" and len(store) > AUTO_FAST_THRESHOLD else "pyshacl"
    if engine == "fast":
        if inference != "none":
            raise UsageError("the fast engine does not infer; use --engine pyshacl with --inference")
        from kg.fastshacl import validate_store

        conforms, results, triples = validate_store(store, shape_quads)
        turtle = report_graph_turtle(conforms, results) if want_report_graph else None
        return ValidationReport(conforms, results, triples, "fast", time.perf_counter() - t0, turtle)
    return _validate_pyshacl(store, shape_quads, inference=inference, t0=t0, want_report_graph=want_report_graph)


def _validate_pyshacl(quads, shape_quads, *, inference: str, t0: float, want_report_graph: bool) -> ValidationReport:
    import time

    import pyshacl

    from kg.rdflib_bridge import union_graph

    data = union_graph(quads, _caching_graph_class()())
    shapes_graph = union_graph(shape_quads)
    triples = len(data)
    # pySHACL's RDFS/OWL-RL inference (owlrl) swaps rdflib's process-wide lexical-to-value mapping
    # and never restores it (afterwards "17"^^xsd:gYear no longer converts): put it back.
    from rdflib.term import _toPythonMapping

    saved = dict(_toPythonMapping)
    try:
        conforms, report, _text = pyshacl.validate(
            data,
            shacl_graph=shapes_graph,
            inference=None if inference == "none" else inference,
            abort_on_first=False,
            allow_warnings=True,
            allow_infos=True,
            advanced=False,
            inplace=True,  # `data` is ours and fresh: let pySHACL infer into it rather than copy it
        )
    finally:
        _toPythonMapping.clear()
        _toPythonMapping.update(saved)
    results = results_from_graph(report)
    turtle = report.serialize(format="turtle") if want_report_graph else None
    return ValidationReport(bool(conforms), results, triples, "pyshacl", time.perf_counter() - t0, turtle)


@functools.lru_cache(maxsize=512)
def _prepared(text: str, namespaces: tuple[tuple[str, str], ...]):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text, initNs=dict(namespaces))


def _caching_graph_class():
    """An rdflib Graph that parses each distinct SPARQL text once per process.

    pySHACL runs a SHACL-SPARQL constraint once per focus node with the same text and `$this` in
    initBindings; rdflib re-parses the text every time (pyparsing: ~0.1-0.4 s per parse), which made
    parsing 90% of pySHACL's time on our shapes, and 60% of validating a small file. A prepared query
    holds no data, so it is kept (keyed by text and the graph's prefixes) for the next validation.
    """
    import rdflib

    class CachingGraph(rdflib.Graph):
        def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
                  initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803
            if isinstance(query_object, str) and processor == "sparql" and not initNs:
                namespaces = tuple(sorted((p, str(ns)) for p, ns in self.namespaces()))
                query_object = _prepared(query_object, namespaces)
            return super().query(query_object, processor, result, initNs, initBindings, use_store_provided,
                                 **kwargs)

    return CachingGraph


def results_from_graph(report: "rdflib.Graph") -> tuple[ValidationResult, ...]:
    """The top-level sh:ValidationResult nodes of a pySHACL report graph, sorted (kg.report)."""
    import rdflib

    from kg.rdflib_bridge import from_rdflib

    sh = rdflib.Namespace(SH)

    def term(node, prop):
        value = report.value(node, prop)
        return None if value is None else from_rdflib(value)

    out = []
    # Only top-level results: pySHACL also types the nested results of sh:node/sh:or (sh:detail).
    for r in report.objects(None, sh.result):
        messages = sorted(str(m) for m in report.objects(r, sh.resultMessage))
        out.append(ValidationResult(
            focus=term(r, sh.focusNode), path=term(r, sh.resultPath),
            component=term(r, sh.sourceConstraintComponent), shape=term(r, sh.sourceShape),
            value=term(r, sh.value), severity=term(r, sh.resultSeverity),
            message=messages[0] if messages else None,
        ))
    return sorted_results(out)
