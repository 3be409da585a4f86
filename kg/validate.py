"""SHACL validation of the project graph (or given files) against `ontology/shapes.ttl`.

The data graph is the union of the project ontology and the data, so `sh:targetClass` and `sh:class`
see the `rdfs:subClassOf` chains (an `igkg:MOU` is checked as an `igkg:Agreement`). pySHACL is the
reference engine; `engine="fast"` runs `kg.fastshacl` (our shapes compiled to SPARQL on pyoxigraph).

Results are frozen dataclasses with full IRIs; a value is written in N-Triples syntax.
Warnings (`sh:Warning`) are reported but do not make the graph non-conforming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    import rdflib

    from kg.dataset import Source

SH = "http://www.w3.org/ns/shacl#"
VIOLATION = SH + "Violation"
WARNING = SH + "Warning"
INFO = SH + "Info"
INFERENCE_MODES = ("none", "rdfs", "owlrl")
ENGINES = ("pyshacl", "fast", "auto")
AUTO_FAST_THRESHOLD = 20_000  # triples: above this, engine="auto" picks the fast engine


@dataclass(frozen=True, order=True)
class Result:
    """One validation result. IRIs in full; blank nodes as `_:id`; `value` in N-Triples syntax."""

    shape: str
    focus: str
    path: str | None
    component: str
    value: str | None = None
    severity: str = VIOLATION
    message: str | None = field(default=None, compare=False)

    def key(self) -> tuple[str, str | None, str, str]:
        """What two engines must agree on: (focus, path, component, shape)."""
        return (self.focus, self.path, self.component, self.shape)

    def as_dict(self) -> dict:
        return {
            "focus": self.focus, "path": self.path, "value": self.value, "component": self.component,
            "shape": self.shape, "severity": self.severity, "message": self.message,
        }


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: tuple[Result, ...]
    triples: int
    engine: str
    seconds: float
    report_turtle: str | None = None

    @property
    def violations(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.severity == VIOLATION)

    @property
    def warnings(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.severity != VIOLATION)

    def as_dict(self) -> dict:
        return {
            "conforms": self.conforms,
            "triples": self.triples,
            "engine": self.engine,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "results": [r.as_dict() for r in self.results],
        }


def data_sources(paths: Iterable[str | Path] | None = None) -> list["Source"]:
    """The project ontology plus the given files (default: the whole project dataset)."""
    from kg.dataset import Source, default_sources, graph_for, ontology_file, sources_for

    if paths is None:
        return default_sources()
    chosen = sources_for(paths) if not all(isinstance(p, Source) for p in paths) else list(paths)
    onto = ontology_file().resolve()
    if not any(s.path.resolve() == onto for s in chosen):
        chosen.insert(0, Source(onto, graph_for(onto)))
    return chosen


def load_store(sources: list["Source"]) -> "pyoxigraph.Store":
    """Parse the sources straight into an in-memory pyoxigraph store (no Python objects per triple).

    A syntax error raises InputError naming file:line:column, as kg.dataset.read_quads does.
    """
    import pyoxigraph as ox

    from kg.dataset import QUAD_SUFFIXES, _syntax_message
    from kg.errors import InputError

    store = ox.Store()
    for src in sources:
        kwargs = {"path": str(src.path), "format": getattr(ox.RdfFormat, src.format_name)}
        if src.graph is not None and src.path.suffix.lower() not in QUAD_SUFFIXES:
            kwargs["to_graph"] = ox.NamedNode(src.graph)
        try:
            store.load(**kwargs)
        except SyntaxError as e:
            raise InputError(src.path, _syntax_message(e), line=e.lineno, column=e.offset) from None
        except (OSError, ValueError) as e:
            raise InputError(src.path, str(e)) from None
    return store


def shapes_quads(shapes: str | Path | None = None) -> list["pyoxigraph.Quad"]:
    from kg.dataset import Source, read_quads, shapes_file

    return read_quads(Source(Path(shapes) if shapes else shapes_file(), None))


def validate(
    sources: Iterable[str | Path] | None = None,
    *,
    inference: str = "none",
    engine: str = "pyshacl",
    shapes: str | Path | None = None,
    want_report_graph: bool = False,
) -> ValidationReport:
    """Validate the ontology plus `sources` (files/folders; default: the project) against the shapes.

    inference: none | rdfs | owlrl (passed to pySHACL; the fast engine supports only none).
    engine: pyshacl | fast | auto (auto: fast above ~20k triples when inference is none).
    Syntax errors raise kg.errors.InputError naming file:line:column.
    """
    import time

    if inference not in INFERENCE_MODES:
        raise UsageError(f"unknown inference {inference!r}; use one of {', '.join(INFERENCE_MODES)}")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    t0 = time.perf_counter()
    srcs = data_sources(list(sources) if sources is not None else None)
    store = load_store(srcs)
    shape_quads = shapes_quads(shapes)
    if engine == "auto":
        engine = "fast" if inference == "none" and len(store) > AUTO_FAST_THRESHOLD else "pyshacl"
    if engine == "fast":
        if inference != "none":
            raise UsageError("the fast engine does not infer; use --engine pyshacl with --inference")
        from kg.fastshacl import validate_store

        conforms, results, triples = validate_store(store, shape_quads)
        turtle = _report_turtle(conforms, results) if want_report_graph else None
        return ValidationReport(conforms, results, triples, "fast", time.perf_counter() - t0, turtle)
    return _validate_pyshacl(store, shape_quads, inference=inference, t0=t0, want_report_graph=want_report_graph)


def _validate_pyshacl(quads, shape_quads, *, inference: str, t0: float, want_report_graph: bool) -> ValidationReport:
    import time

    import pyshacl

    from kg.dataset import term_to_rdflib, union_graph

    data = _caching_graph_class()()
    data.addN((term_to_rdflib(q.subject), term_to_rdflib(q.predicate), term_to_rdflib(q.object), data)
              for q in quads)
    shapes_graph = union_graph(shape_quads)
    triples = len(data)
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
    results = results_from_graph(report)
    turtle = report.serialize(format="turtle") if want_report_graph else None
    return ValidationReport(bool(conforms), results, triples, "pyshacl", time.perf_counter() - t0, turtle)


def _caching_graph_class():
    """An rdflib Graph that parses each distinct SPARQL text once.

    pySHACL runs a SHACL-SPARQL constraint once per focus node with the same text and `$this` in
    initBindings; rdflib re-parses the text every time (pyparsing: ~0.1-0.4 s per parse), which made
    parsing 90% of pySHACL's time on our shapes. Same queries, same answers, parsed once.
    """
    import rdflib
    from rdflib.plugins.sparql import prepareQuery

    class CachingGraph(rdflib.Graph):
        _prepared: dict

        def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
                  initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803
            if isinstance(query_object, str) and processor == "sparql" and not initNs:
                cache = self.__dict__.setdefault("_prepared", {})
                if query_object not in cache:
                    cache[query_object] = prepareQuery(query_object, initNs=dict(self.namespaces()))
                query_object = cache[query_object]
            return super().query(query_object, processor, result, initNs, initBindings, use_store_provided,
                                 **kwargs)

    return CachingGraph


def term_str(t) -> str:
    """rdflib term -> IRI string, `_:id`, or N-Triples for a literal."""
    import rdflib

    if isinstance(t, rdflib.URIRef):
        return str(t)
    if isinstance(t, rdflib.BNode):
        return f"_:{t}"
    return t.n3()


def value_str(t) -> str:
    """A value node in N-Triples syntax (IRIs in <>)."""
    import rdflib

    if isinstance(t, rdflib.URIRef):
        return f"<{t}>"
    return term_str(t)


def results_from_graph(report: "rdflib.Graph") -> tuple[Result, ...]:
    """sh:ValidationResult nodes of a pySHACL report graph -> sorted Result tuples."""
    import rdflib

    sh = rdflib.Namespace(SH)
    out = []
    # Only top-level results: pySHACL also types the nested results of sh:node/sh:or (sh:detail).
    for r in report.objects(None, sh.result):
        focus = report.value(r, sh.focusNode)
        path = report.value(r, sh.resultPath)
        value = report.value(r, sh.value)
        messages = sorted(str(m) for m in report.objects(r, sh.resultMessage))
        out.append(Result(
            shape=term_str(report.value(r, sh.sourceShape)),
            focus=term_str(focus),
            path=term_str(path) if path is not None else None,
            component=term_str(report.value(r, sh.sourceConstraintComponent)),
            value=value_str(value) if value is not None else None,
            severity=term_str(report.value(r, sh.resultSeverity)),
            message=messages[0] if messages else None,
        ))
    return tuple(sorted(set(out)))


def _report_turtle(conforms: bool, results: tuple[Result, ...]) -> str:
    """A SHACL validation report graph (Turtle) for results of the fast engine."""
    def term(s: str | None) -> str:
        if s.startswith("_:") or s.startswith("<") or s.startswith('"'):
            return s
        return f"<{s}>"

    lines = [f"@prefix sh: <{SH}> .", "", "[] a sh:ValidationReport ;",
             f"    sh:conforms {'true' if conforms else 'false'}"]
    for r in results:
        lines[-1] += " ;"
        parts = [f"sh:focusNode {term(r.focus)}", f"sh:sourceShape {term(r.shape)}",
                 f"sh:sourceConstraintComponent {term(r.component)}", f"sh:resultSeverity {term(r.severity)}"]
        if r.path:
            parts.append(f"sh:resultPath {term(r.path)}")
        if r.value:
            parts.append(f"sh:value {r.value}")
        if r.message:
            import json

            parts.append(f"sh:resultMessage {json.dumps(r.message)}")
        lines.append("    sh:result [ a sh:ValidationResult ; " + " ; ".join(parts) + " ]")
    lines[-1] += " ."
    return "\n".join(lines) + "\n"
