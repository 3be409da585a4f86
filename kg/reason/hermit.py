"""OWL 2 DL consistency, classification and realisation with HermiT, run as a child Java process.

HermiT and dates: ``xsd:date``, ``xsd:gYearMonth`` and ``xsd:gYear`` are outside the OWL 2
datatype map, and HermiT refuses them. We keep the literals and pass HermiT
``--ignoreUnsupportedDatatypes``: it then ignores data ranges and values of those types (dates are
checked by the SHACL shapes instead); the result counts the literals HermiT did not check.

HermiT runs as a child Java process (owlready2's ``sync_reasoner`` has no time limit and leaves its
temporary file behind when interrupted): owlready2 loads the graph into a fresh ``World`` and saves it
as N-Triples into a private temporary directory, the JVM starts in its own process group with
``-Xmx`` = ``memory_mb`` and is killed (the whole group) at the deadline, and the directory is removed
in every case. ``owl:imports`` triples are dropped first, so nothing is fetched from the network.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from kg.errors import KgError
from kg.locks import die_with_parent
from kg.namespaces import BASE, OWL, RDF, RDF_TYPE, RDFS, XSD, shorten

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

    from kg.reason.explain import Clash, PropertyConflict

    from kg.dataset import Source

#: Datatypes in the OWL 2 datatype map (what HermiT understands); literals of other types are not checked.
OWL2_DATATYPES = frozenset(
    [RDF + "PlainLiteral", RDF + "XMLLiteral", RDFS + "Literal", OWL + "real", OWL + "rational"]
    + [XSD + t for t in (
        "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger long int "
        "short byte unsignedLong unsignedInt unsignedShort unsignedByte double float string normalizedString "
        "token language Name NCName NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp"
    ).split()]
)

DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MEMORY_MB = 2000


class ReasonerError(KgError):
    """HermiT could not give an answer: no Java, out of time or memory, or a Java error."""


@dataclass(frozen=True)
class ConsistencyResult:
    """What HermiT says about ontology + data."""

    consistent: bool
    seconds: float
    message: str
    triples: int = 0
    unchecked_literals: int = 0
    unsatisfiable_classes: tuple[str, ...] = ()
    clashes: tuple[Clash, ...] = ()
    conflicts: tuple[PropertyConflict, ...] = ()
    class_hierarchy: tuple[tuple[str, str], ...] = ()          # direct (subclass, superclass) pairs
    realisation: tuple[tuple[str, str], ...] = ()              # (individual, most specific class)
    inferred_class_assertions: tuple[tuple[str, str], ...] = ()  # realisation pairs not asserted
    inferred_property_values: tuple[tuple[str, str, str], ...] = ()  # (s, p, o) not asserted
    engine: str = "HermiT 1.3.8 via owlready2"
    tasks: tuple[str, ...] = ("classify",)   # what HermiT was asked: classify, realise, property-values

    @property
    def ok(self) -> bool:
        """Consistent and without unsatisfiable classes."""
        return self.consistent and not self.unsatisfiable_classes

    def to_json(self) -> dict:
        return {
            "consistent": self.consistent,
            "ok": self.ok,
            "engine": self.engine,
            "tasks": list(self.tasks),
            "seconds": round(self.seconds, 3),
            "message": self.message,
            "triples": self.triples,
            "uncheckedLiterals": self.unchecked_literals,
            "unsatisfiableClasses": list(self.unsatisfiable_classes),
            "clashes": [
                {
                    "individual": c.individual,
                    "assertedTypes": list(c.asserted_types),
                    "disjoint": [list(p) for p in c.disjoint],
                    "reasons": [
                        {"type": r.type, "how": r.how, "via": r.via, "other": r.other, "files": list(r.files),
                         "text": r.describe()}
                        for r in c.reasons
                    ],
                    "message": c.describe(),
                }
                for c in self.clashes
            ],
            "conflicts": [
                {"kind": c.kind, "subject": c.subject, "property": c.property, "values": list(c.values),
                 "files": list(c.files), "message": c.describe()}
                for c in self.conflicts
            ],
            "classHierarchy": [{"subclass": a, "superclass": b} for a, b in self.class_hierarchy],
            "realisation": [{"individual": i, "type": t} for i, t in self.realisation],
            "inferredClassAssertions": [{"individual": i, "type": t} for i, t in self.inferred_class_assertions],
            "inferredPropertyValues": [
                {"subject": s, "predicate": p, "object": o} for s, p, o in self.inferred_property_values
            ],
        }


#: Up to this many triples the JVM runs with its quick compiler only (-XX:TieredStopAtLevel=1):
#: measured on the project data, a classification takes 0.9 s instead of 1.3 s; longer runs keep
#: the optimising compiler.
QUICK_START_MAX_TRIPLES = 50_000


def hermit_command(input_file: Path, *, memory_mb: int, realise: bool = True,
                   property_values: bool = True, quick_start: bool = False) -> list[str]:
    """The Java command line owlready2's `sync_reasoner` runs, with the tasks asked for.

    Classification (``-c``) always runs: it checks consistency and lists unsatisfiable classes.
    Realisation (``-I``) adds little; property values (``-Y``) ask HermiT for every instance of every
    object property and dominate on large graphs (100k triples: 17 s without, 131 s with).
    `quick_start` runs the JVM with its quick compiler only (see QUICK_START_MAX_TRIPLES).
    """
    import owlready2

    java = owlready2.JAVA_EXE or "java"
    hermit = Path(owlready2.__file__).parent / "hermit"  # the HermiT 1.3.8 build owlready2 ships
    quick = ["-XX:TieredStopAtLevel=1"] if quick_start else []
    command = [java, f"-Xmx{int(memory_mb)}M", *quick, "-cp", f"{hermit}{os.pathsep}{hermit / 'HermiT.jar'}",
               "org.semanticweb.HermiT.cli.CommandLine",
               "-c"]   # classify classes (direct SubClassOf; EquivalentClasses with owl:Nothing = unsatisfiable)
    if realise:
        command.append("-I")   # realise individuals (their most specific types)
    if property_values:
        command.append("-Y")   # object property values, asserted and inferred
    return command + ["--ignoreUnsupportedDatatypes", input_file.resolve().as_uri()]


class _Terminated(Exception):
    pass


def _on_sigterm(signum, frame):
    raise _Terminated()


def _run_java(command: list[str], *, timeout_s: float) -> tuple[int, str]:
    """Run the JVM in its own process group; kill the whole group at the deadline, on Ctrl-C or
    SIGTERM, and (on Linux) when this process dies."""
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _run_java_child(command, timeout_s=timeout_s)
    except _Terminated:
        raise SystemExit(128 + signal.SIGTERM) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run_java_child(command: list[str], *, timeout_s: float) -> tuple[int, str]:
    try:
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=die_with_parent(signal.SIGKILL),
        )
    except FileNotFoundError:
        raise ReasonerError(
            f"Java not found ({command[0]}): HermiT needs a Java runtime (11 or later) on PATH"
        ) from None
    try:
        out, _ = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise ReasonerError(
            f"HermiT did not finish within {timeout_s:g} s and was stopped; "
            "raise --timeout-s (or check fewer files)"
        ) from None
    except BaseException:
        _kill_group(proc)
        raise
    return proc.returncode, out.decode("utf-8", "replace").replace("\r", "")


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


def owl_triples(quads: Iterable) -> list:
    """The distinct triples of `quads` (pyoxigraph quads or triples) that make the OWL 2 DL view.

    Left out: ``owl:imports`` (nothing is fetched) and the reification layer, every triple whose
    subject is an ``rdf:Statement`` (docs/design.md, "Basis of facts"): ``rdf:subject``,
    ``rdf:predicate`` and ``rdf:object`` are reserved vocabulary outside OWL 2 DL, and these nodes
    only say how a triple rests on its source, which SPARQL and SHACL read.
    """
    import pyoxigraph as ox

    imports, statement = OWL + "imports", RDF + "Statement"
    quads = list(quads)
    reified = {q.subject for q in quads if q.predicate.value == RDF_TYPE and q.object.value == statement}
    seen: set = set()
    out = []
    for q in quads:
        if q.predicate.value == imports or q.subject in reified:
            continue
        t = ox.Triple(q.subject, q.predicate, q.object)
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def _owlready_ntriples(quads: Iterable, workdir: Path) -> tuple[Path, int, int]:
    """Load the OWL view of the triples (`owl_triples`) into a fresh owlready2 World; save it as N-Triples.

    Returns the file, the number of triples and the number of literals outside the OWL 2 datatype map.
    """
    import io

    import owlready2
    import pyoxigraph as ox

    unchecked = 0
    triples = []
    for t in owl_triples(quads):
        triples.append(t)
        if isinstance(t.object, ox.Literal) and t.object.language is None \
                and t.object.datatype.value not in OWL2_DATATYPES:
            unchecked += 1
    buf = io.BytesIO()
    ox.serialize(triples, buf, format=ox.RdfFormat.N_TRIPLES)
    world = owlready2.World()  # fresh, in memory: never the default world
    try:
        # owlready2 prints warnings about punned terms (e.g. a qb:DimensionProperty that is also an
        # owl:ObjectProperty) that say nothing about the data: keep them off the user's terminal.
        with contextlib.redirect_stderr(io.StringIO()):
            world.get_ontology(BASE + "reasoning-input").load(
                fileobj=io.BytesIO(buf.getvalue()), format="ntriples", reload=True
            )
        path = workdir / "input.nt"
        with open(path, "wb") as fh:
            world.save(fh, format="ntriples")
    finally:
        world.close()
    return path, len(triples), unchecked


def check_consistency(
    sources: "Sequence[Source] | None" = None, *, timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB, quads: "Sequence[pyoxigraph.Quad] | None" = None,
    graph_files: dict[str, tuple[str, ...]] | None = None, realise: bool = True, property_values: bool = True,
) -> ConsistencyResult:
    """Run HermiT on ontology + data (default: the whole project dataset); a ConsistencyResult.

    `sources` are read with kg.dataset.read_dataset; `quads` may be given instead (already parsed,
    with `graph_files` naming the files of each graph, for messages). `realise` and `property_values`
    ask HermiT for the most specific types of individuals and for object property values (the
    latter is slow on large graphs; consistency and the class hierarchy are always computed).
    `timeout_s` (seconds) and `memory_mb` (the JVM's -Xmx, MiB) bound the run. Raises
    :class:`ReasonerError` when HermiT cannot answer (no Java, time or memory out) and InputError
    for a file that does not parse.
    """
    if quads is None:
        from kg.dataset import default_sources, read_dataset

        parsed = read_dataset(default_sources() if sources is None else sources)
        quads, graph_files = parsed.quads, parsed.files
    else:
        quads, graph_files = list(quads), dict(graph_files or {})
    t0 = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="igkg-hermit-"))
    try:
        path, n_triples, unchecked = _owlready_ntriples(quads, workdir)
        command = hermit_command(path, memory_mb=memory_mb, realise=realise, property_values=property_values,
                                 quick_start=n_triples <= QUICK_START_MAX_TRIPLES)
        code, output = _run_java(command, timeout_s=timeout_s)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    seconds = time.monotonic() - t0
    note = (f"; {unchecked} literal(s) of types outside OWL 2's datatype map (xsd:date, xsd:gYear, …) "
            "were not checked by HermiT") if unchecked else ""

    if code != 0:
        if "InconsistentOntologyException" in output or "Inconsistent ontology" in output:
            from kg.reason.explain import explain_inconsistency

            clashes, conflicts = explain_inconsistency(quads, graph_files=graph_files)
            msg = f"ontology + data are INCONSISTENT (HermiT, {seconds:.1f} s)"
            if clashes:
                who = ", ".join(shorten(c.individual) for c in clashes)
                msg += f": {len(clashes)} individual(s) with disjoint types: {who}"
            if conflicts:
                who = ", ".join(sorted({shorten(c.subject) for c in conflicts}))
                msg += f"{';' if clashes else ':'} suspect property values on {who}"
            if not clashes and not conflicts:
                msg += (", and no individual has two disjoint types or conflicting property values: look for "
                        "cardinality or value restrictions, or owl:sameAs/owl:differentFrom conflicts")
            return ConsistencyResult(False, seconds, msg + note, n_triples, unchecked, clashes=tuple(clashes),
                                     conflicts=tuple(conflicts))
        if "OutOfMemoryError" in output:
            raise ReasonerError(f"HermiT ran out of memory with -Xmx{memory_mb}M; raise --memory-mb")
        tail = "\n".join(output.strip().splitlines()[:12])
        raise ReasonerError(f"HermiT failed (exit {code}):\n{tail}")

    hierarchy, unsat, realised, values = _parse_hermit(output)
    asserted = {(q.subject.value, q.predicate.value, getattr(q.object, "value", None)) for q in quads}
    inferred_types = tuple(p for p in realised if (p[0], RDF_TYPE, p[1]) not in asserted and p[1] != OWL + "Thing")
    inferred_values = tuple(v for v in values if v not in asserted)
    if unsat:
        msg = (f"ontology + data are consistent, but {len(unsat)} class(es) can have no members "
               f"(unsatisfiable): {', '.join(shorten(c) for c in unsat)}")
    else:
        msg = "ontology + data are consistent"
    extra = ([f"{len(inferred_types)} inferred class assertions"] if realise else []) + (
        [f"{len(inferred_values)} inferred property values"] if property_values else [])
    msg += f" (HermiT, {seconds:.1f} s, {n_triples} triples{'; ' if extra else ''}{', '.join(extra)}){note}"
    return ConsistencyResult(
        True, seconds, msg, n_triples, unchecked, unsatisfiable_classes=unsat, class_hierarchy=hierarchy,
        realisation=realised, inferred_class_assertions=inferred_types, inferred_property_values=inferred_values,
        tasks=("classify",) + (("realise",) if realise else ()) + (("property-values",) if property_values else ()),
    )


# What HermiT's command line prints: one functional-syntax axiom per line for -c and -I
# ("SubClassOf( <A> <B> )"), and one line per object property for -Y
# ("<p> (known instances: (<a>, <b>)(<c>, <d>) | possible instances: )").
_AXIOM_LINE = re.compile(r"^([A-Za-z]+)\( ((?:<(?:[^>]+)>\s*)+) \)$", re.MULTILINE)
_PROPERTY_LINE = re.compile(
    r"^<([^>]+)> \(known instances:\s*(.*?)(?:\s*\|\s*)possible instances:\s*(.*?)\s*\)", re.MULTILINE)


def _parse_hermit(output: str):
    """HermiT's CLI output -> (hierarchy, unsatisfiable, realisation, property values), all sorted."""
    nothing = OWL + "Nothing"
    hierarchy, unsat, realised, values = set(), set(), set(), set()
    for relation, iris in _AXIOM_LINE.findall(output):
        names = iris.strip()[1:-1].split("> <")
        if relation == "SubClassOf" and len(names) == 2:
            if not names[0].startswith(OWL):
                hierarchy.add((names[0], names[1]))
        elif relation == "EquivalentClasses" and nothing in names:
            unsat.update(n for n in names if not n.startswith(OWL))
        elif relation == "Type" and len(names) == 2:
            realised.add((names[0], names[1]))
    for prop, known, _possible in _PROPERTY_LINE.findall(output):
        known = known.strip()
        if not known:
            continue
        for pair in known[1:-1].split(")("):
            a, b = pair[1:-1].split(">, <", 1)
            values.add((a, prop, b))
    return tuple(sorted(hierarchy)), tuple(sorted(unsat)), tuple(sorted(realised)), tuple(sorted(values))
