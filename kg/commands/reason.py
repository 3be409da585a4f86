"""kg reason"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import click

EPILOG = """Examples:

  kg reason

  kg reason data/new-document.ttl --timeout-s 30

  kg reason --format json -o inferred.trig

Exit status: 0 consistent, 1 inconsistent (or a class can have no members), 2 usage or input
error, or HermiT could not finish (time or memory).
"""

SHOW = 5  # example values shown per property in text output

OUTPUT_FORMATS = {".trig": "TRIG", ".nq": "N_QUADS", ".ttl": "TURTLE", ".nt": "N_TRIPLES"}


@click.command("reason", epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--timeout-s", type=click.FloatRange(min=0, min_open=True), default=120, show_default=True,
              help="Stop HermiT after this many seconds.")
@click.option("--memory-mb", type=click.IntRange(min=64), default=2000, show_default=True,
              help="Java heap for HermiT (-Xmx), in MiB.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--property-values/--no-property-values", default=True,
              help="Ask HermiT for inferred object property values (slow on large graphs; default: ask).")
@click.option("--materialise/--no-materialise", default=True, show_default=True,
              help="Also compute the rule entailments kept in iggraph:inferred.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the materialised triples to FILE (.trig, .nq, .ttl or .nt).")
def command(files: tuple[Path, ...], timeout_s: float, memory_mb: int, fmt: str, property_values: bool,
            materialise: bool, output: Path | None) -> None:
    """Check ontology + data with HermiT and show what it infers.

    Runs HermiT (OWL 2 DL, through owlready2) on the project ontology and data, or on the ontology
    and the given FILES: consistency, unsatisfiable classes, the class hierarchy, the most specific
    types of each individual, and inferred object property values. When ontology + data are
    inconsistent it names the individuals whose types clash and the triples that give them those
    types. With --materialise (the default) it also counts the entailments the SPARQL rules write
    into the iggraph:inferred graph (what `kg load --reason` stores).
    """
    from kg.errors import UsageError

    if output is not None and not materialise:
        raise UsageError("-o/--output writes the materialised triples: drop --no-materialise")
    if output is not None and output.suffix.lower() not in OUTPUT_FORMATS:
        raise UsageError(f"{output}: unknown output type; use one of {', '.join(OUTPUT_FORMATS)}")

    from kg.dataset import default_sources, read_dataset, with_ontology
    from kg.reason.hermit import check_consistency
    from kg.reason.rules import inferred_quads

    parsed = read_dataset(with_ontology(files) if files else default_sources())
    result = check_consistency(quads=parsed.quads, graph_files=parsed.files, timeout_s=timeout_s,
                               memory_mb=memory_mb, property_values=property_values)
    inferred = inferred_quads(parsed.quads) if materialise and result.consistent else None
    if output is not None and inferred is not None:
        write_quads(inferred, output)

    if fmt == "json":
        doc = result.to_json()
        if inferred is not None:
            doc["materialised"] = {"graph": _graph(), "triples": len(inferred),
                                   "perPredicate": dict(sorted(per_predicate(inferred).items()))}
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(result, inferred), nl=False)
    if not result.ok:
        sys.exit(1)


def _graph() -> str:
    from kg.namespaces import GRAPH_INFERRED

    return GRAPH_INFERRED


def per_predicate(quads) -> Counter:
    from kg.namespaces import shorten

    return Counter(shorten(q.predicate.value) for q in quads)


def write_quads(quads, path: Path) -> None:
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    fmt = getattr(ox.RdfFormat, OUTPUT_FORMATS[path.suffix.lower()])
    items = quads if fmt.supports_datasets else [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    kwargs = {"prefixes": PREFIXES} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    try:
        ox.serialize(items, str(path), format=fmt, **kwargs)
    except OSError as e:
        from kg.errors import UsageError

        raise UsageError(f"{path}: cannot write: {e}") from None


def render_text(result, inferred) -> str:
    from kg.namespaces import IGKG, shorten

    out: list[str] = [f"{result.engine}: {result.message}\n"]
    if result.clashes:
        out.append("\nIndividuals whose types clash:\n")
        for c in result.clashes:
            out.append(c.describe() + "\n")
    if result.conflicts:
        out.append("\nSuspect property values:\n")
        for c in result.conflicts:
            out.append(f"  - {c.describe()}\n")
    if not result.consistent:
        return "".join(out)

    out.append("\nUnsatisfiable classes: " + (", ".join(shorten(c) for c in result.unsatisfiable_classes) or "none")
               + "\n")

    # Class hierarchy: the project's classes as a tree, with their direct superclasses elsewhere.
    supers: dict[str, list[str]] = defaultdict(list)
    subs: dict[str, list[str]] = defaultdict(list)
    for a, b in result.class_hierarchy:
        supers[a].append(b)
        if a.startswith(IGKG) and b.startswith(IGKG):
            subs[b].append(a)
    own = sorted({c for pair in result.class_hierarchy for c in pair if c.startswith(IGKG)})
    roots = [c for c in own if not any(s.startswith(IGKG) for s in supers[c])]
    out.append(f"\nClass hierarchy (HermiT; {len(own)} igkg: classes):\n")

    def tree(c: str, depth: int) -> None:
        others = sorted(shorten(s) for s in supers[c] if not s.startswith(IGKG))
        note = f"  ⊑ {', '.join(others)}" if others else ""
        out.append(f"{'  ' * (depth + 1)}{shorten(c)}{note}\n")
        for child in sorted(subs[c]):
            tree(child, depth + 1)

    for r in roots:
        tree(r, 0)

    if "realise" in result.tasks:
        render_realisation(result, out)
    if "property-values" in result.tasks:
        render_values(result, out)
    if inferred is not None:
        out.append(f"\nMaterialised by the SPARQL rules into {shorten(_graph())}: {len(inferred)} triples\n")
        for p, n in sorted(per_predicate(inferred).items()):
            out.append(f"  {p:<40} {n:>6}\n")
    return "".join(out)


def render_realisation(result, out: list[str]) -> None:
    from kg.namespaces import shorten

    by_type: dict[str, list[str]] = defaultdict(list)
    for ind, t in result.realisation:
        by_type[t].append(ind)
    out.append(f"\nRealisation (most specific types of {len({i for i, _ in result.realisation})} individuals):\n")
    for t in sorted(by_type, key=shorten):
        out.append(f"  {shorten(t)} ({len(by_type[t])})\n")
    out.append(f"\nInferred class assertions, not asserted ({len(result.inferred_class_assertions)}):\n")
    for ind, t in result.inferred_class_assertions:
        out.append(f"  {shorten(ind)} a {shorten(t)}\n")


def render_values(result, out: list[str]) -> None:
    from kg.namespaces import shorten

    out.append(f"\nInferred property values, not asserted ({len(result.inferred_property_values)}; "
               f"all of them with --format json):\n")
    values: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, p, o in result.inferred_property_values:
        values[p].append((s, o))
    for p in sorted(values, key=shorten):
        out.append(f"  {shorten(p)} ({len(values[p])})\n")
        for s, o in values[p][:SHOW]:
            out.append(f"    {shorten(s)} {shorten(p)} {shorten(o)}\n")
        if len(values[p]) > SHOW:
            out.append(f"    … and {len(values[p]) - SHOW} more\n")
