"""SHACL validation of the project graph (or given files) against `ontology/shapes.ttl` (or given shapes).

By default the data graph is the union of the project ontology and the data, so `sh:targetClass` and
`sh:class` see the `rdfs:subClassOf` chains (an `igkg:MOU` is checked as an `igkg:Agreement`); with
`shapes=` and data files, the data graph is the files alone unless `ontology=True`. pySHACL is the
reference engine; `engine="fast"` runs `kg.fastshacl` (shapes compiled to SPARQL on pyoxigraph).

Both engines validate the terms exactly as written in the files (`kg.dataset.read_quads`): literals
are never put through a canonicalising Store or rdflib's lexical normalisation first, and
`sh:datatype` checks the lexical form with `kg.literals.well_typed` in both engines.

Results are kg.report.ValidationResult (pyoxigraph terms). Warnings (`sh:Warning`) are reported
but do not make the graph non-conforming.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.errors import KgError, UsageError
from kg.namespaces import SH
from kg.report import ValidationReport, ValidationResult, report_graph_turtle, sorted_results

if TYPE_CHECKING:  # pragma: no cover
    import rdflib

INFERENCE_MODES = ("none", "rdfs", "owlrl")
ENGINES = ("pyshacl", "fast", "auto")
AUTO_FAST_THRESHOLD = 20_000  # triples: above this, engine="auto" picks the fast engine


class EngineError(KgError):
    """The validation engine failed (a pySHACL exception or validation failure): exit 2, one line."""


def _as_list(paths) -> list:
    return [paths] if isinstance(paths, (str, Path)) else list(paths)


def validate(
    sources: Iterable[str | Path] | None = None,
    *,
    inference: str = "none",
    engine: str = "pyshacl",
    shapes: str | Path | Iterable[str | Path] | None = None,
    ontology: bool | None = None,
    want_report_graph: bool = False,
) -> ValidationReport:
    """Validate `sources` (files/folders; default: the project's ontology and data) against the
    shapes (`shapes`: one or more files, default ontology/shapes.ttl); returns a ValidationReport.

    ontology: add the project ontology to the data graph (default: yes, unless `shapes` and
    `sources` are both given). inference: none | rdfs | owlrl (pySHACL only). engine: pyshacl |
    fast | auto (auto: fast above 20,000 triples when inference is none). `want_report_graph` adds
    the sh:ValidationReport graph as Turtle. Raises InputError naming file:line:column for a file
    that does not parse, UsageError for an unknown option or an inference the engine lacks,
    kg.fastshacl.UnsupportedShape for a shape the fast engine cannot run, EngineError when pySHACL fails.
    """
    import time

    from kg.dataset import Source, default_sources, read_quads, shapes_file, sources_for, with_ontology

    if inference not in INFERENCE_MODES:
        raise UsageError(f"unknown inference {inference!r}; use one of {', '.join(INFERENCE_MODES)}")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    t0 = time.perf_counter()
    if ontology is None:
        ontology = shapes is None or sources is None
    if sources is None:
        data_sources = default_sources()
    else:
        data_sources = with_ontology(sources) if ontology else sources_for(sources)
    shape_sources = sources_for(_as_list(shapes)) if shapes is not None else [Source(shapes_file(), None)]
    shape_quads = [q for src in shape_sources for q in read_quads(src)]
    if engine == "auto":
        if inference != "none":
            engine = "pyshacl"
        elif sum(s.path.stat().st_size for s in data_sources) > AUTO_FAST_THRESHOLD * 400:
            engine = "fast"  # at most 400 bytes a triple: surely above the threshold, no need to count
        else:
            quads = [q for src in data_sources for q in read_quads(src)]
            many = len({(q.subject, q.predicate, q.object) for q in quads}) > AUTO_FAST_THRESHOLD
            return _run("fast" if many else "pyshacl", quads, shape_quads, inference, t0, want_report_graph)
    quads = (q for src in data_sources for q in read_quads(src))
    return _run(engine, quads, shape_quads, inference, t0, want_report_graph)


def _run(engine, quads, shape_quads, inference, t0, want_report_graph) -> ValidationReport:
    import time

    if engine == "fast":
        if inference != "none":
            raise UsageError("the fast engine does not infer; use --engine pyshacl with --inference")
        import pyoxigraph as ox

        from kg.fastshacl import validate_store
        from kg.literals import Scanner

        scanner = Scanner()
        store = ox.Store()
        store.bulk_extend(scanner.scan(quads))
        conforms, results, triples = validate_store(store, shape_quads, scanner.fidelity())
        turtle = report_graph_turtle(conforms, results) if want_report_graph else None
        return ValidationReport(conforms, results, triples, "fast", time.perf_counter() - t0, turtle)
    return _validate_pyshacl(quads, shape_quads, inference=inference, t0=t0, want_report_graph=want_report_graph)


def _graph_as_written(quads, graph=None) -> "rdflib.Graph":
    """The quads' triples in an rdflib Graph with every literal as written (no lexical normalisation)
    and rdflib's ill-typed flag set by kg.literals.well_typed, which pySHACL's sh:datatype reads."""
    import logging

    import rdflib

    from kg.literals import well_typed
    from kg.rdflib_bridge import union_graph

    saved = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    log = logging.getLogger("rdflib.term")  # it logs a traceback for each ill-typed literal
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        g = union_graph(quads, graph)
    finally:
        rdflib.NORMALIZE_LITERALS = saved
        log.setLevel(level)
    for o in set(g.objects()):
        if isinstance(o, rdflib.Literal) and o.datatype is not None:
            o._ill_typed = not well_typed(str(o), str(o.datatype))
    return g


def _validate_pyshacl(quads, shape_quads, *, inference: str, t0: float, want_report_graph: bool) -> ValidationReport:
    import time

    import pyshacl
    import rdflib
    from pyshacl.errors import ReportableRuntimeError

    data = _graph_as_written(quads, _caching_graph_class()())
    shapes_graph = _with_imported_prefixes(_graph_as_written(shape_quads))
    triples = len(data)
    # pySHACL's RDFS/OWL-RL inference (owlrl) swaps rdflib's process-wide lexical-to-value mapping
    # and never restores it (afterwards "17"^^xsd:gYear no longer converts): put it back.
    from rdflib.term import _toPythonMapping

    saved = dict(_toPythonMapping)
    saved_normalize = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        _conforms, report, _text = pyshacl.validate(
            data,
            shacl_graph=shapes_graph,
            inference=None if inference == "none" else inference,
            abort_on_first=False,
            allow_warnings=True,
            allow_infos=True,
            advanced=False,
            inplace=True,  # `data` is ours and fresh: let pySHACL infer into it rather than copy it
        )
    except ReportableRuntimeError as e:
        raise EngineError(f"pySHACL could not validate: {_one_line(e)}") from None
    except Exception as e:  # noqa: BLE001 - any exception inside the engine is an engine failure, not a verdict
        raise EngineError(f"pySHACL failed ({type(e).__name__}: {_one_line(e)})") from None
    finally:
        rdflib.NORMALIZE_LITERALS = saved_normalize
        _toPythonMapping.clear()
        _toPythonMapping.update(saved)
    if not isinstance(report, rdflib.Graph):  # a pyshacl.errors.ValidationFailure
        raise EngineError(f"pySHACL could not validate: {_one_line(getattr(report, 'message', report))}")
    results = results_from_graph(report)
    turtle = report.serialize(format="turtle") if want_report_graph else None
    # kg's verdict is the same for both engines (kg.report.ValidationReport): no sh:Violation result.
    # pySHACL's own `conforms` also fails on results of a severity of the shapes' own (not sh:Warning
    # or sh:Info), which the fast engine, like kg's definition, does not count as violations.
    conforms = not any(r.is_violation for r in results)
    return ValidationReport(conforms, results, triples, "pyshacl", time.perf_counter() - t0, turtle)


def _with_imported_prefixes(g: "rdflib.Graph") -> "rdflib.Graph":
    """Copy onto each sh:prefixes node the sh:declare of the nodes it owl:imports (transitively), as
    SHACL 1.0 §5.2.1 says; pySHACL only looks at the node itself and at owl:Ontology nodes."""
    import rdflib

    sh, imports = rdflib.Namespace(SH), rdflib.OWL.imports
    for node in set(g.objects(None, sh.prefixes)):
        seen, todo = set(), [node]
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo.extend(g.objects(n, imports))
        for n in seen - {node}:
            for d in list(g.objects(n, sh.declare)):
                g.add((node, sh.declare, d))
    return g


def _one_line(e) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= 300 else text[:297] + "..."


@functools.lru_cache(maxsize=512)
def _prepared(text: str, namespaces: tuple[tuple[str, str], ...]):
    from rdflib.plugins.sparql import prepareQuery

    from kg.sparqltext import deep_enough_to_parse

    deep_enough_to_parse()
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
