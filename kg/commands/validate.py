"""kg validate"""

from __future__ import annotations

import json
import sys

import click

EPILOG = """\b
Examples:
  kg validate                                   # ontology + data/ against ontology/shapes.ttl
  kg validate data/circleid-icann58-readout.ttl # one file (with the project ontology)
  kg validate --format json my-data.ttl | jq '.results[].message'
  kg validate --engine fast big-world.nq        # SPARQL-compiled shapes on pyoxigraph
  kg validate --shapes my-shapes.ttl my-data.ttl  # your shapes over your data (no project ontology)

\b
Exit status: 0 conforms (warnings allowed), 1 does not conform, 2 usage or input error
(a file that does not parse is reported as file:line:column: message), a shape feature the
fast engine does not compile, or an engine failure (one line naming the cause).
Literals are validated exactly as written in the files.

\b
JSON output (--format json):
  {"conforms": bool, "triples": int, "engine": "pyshacl"|"fast",
   "violations": int, "warnings": int,
   "results": [{"focus": IRI, "path": IRI|null, "value": N-Triples term|null,
                "component": IRI, "shape": IRI, "severity": IRI, "message": str}]}
  IRIs are in full (blank nodes as _:id); results are sorted by shape, focus, path.
"""

def render_text(report) -> str:
    """Results grouped by shape, then focus node; one summary line at the end."""
    from itertools import groupby

    from kg.terms import show

    def short(term) -> str:
        return show(term, literal_syntax=True)

    lines: list[str] = []
    for shape, by_shape in groupby(report.results, key=lambda r: r.shape):
        lines.append(short(shape))
        for focus, by_focus in groupby(list(by_shape), key=lambda r: r.focus):
            lines.append(f"  {short(focus)}")
            for r in by_focus:
                sev = r.as_dict()["severity"].rsplit("#", 1)[-1]
                comp = r.component.value.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
                lines.append(f"    {sev}: {r.message or '(no message)'}")
                where = f"path {short(r.path)}" if r.path is not None else "no path"
                value = f", value {short(r.value)}" if r.value is not None else ""
                lines.append(f"      [{comp}] {where}{value}")
        lines.append("")
    nv, nw = len(report.violations), len(report.warnings)
    verdict = "Conforms" if report.conforms else "Does not conform"
    lines.append(
        f"{verdict}: {report.triples} distinct triples, {nv} violation{'s' if nv != 1 else ''}, "
        f"{nw} warning{'s' if nw != 1 else ''} ({report.engine}, {report.seconds:.2f} s)"
    )
    return "\n".join(lines) + "\n"


@click.command("validate", epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text", show_default=True,
              help="text: grouped report; turtle: the SHACL validation report graph; json: see below.")
@click.option("--inference", type=click.Choice(["none", "rdfs", "owlrl"]), default="none", show_default=True,
              help="Let pySHACL expand the data graph first (slow; pySHACL engine only).")
@click.option("--engine", type=click.Choice(["pyshacl", "fast", "auto"]), default="auto", show_default=True,
              help="pyshacl (the reference), fast (shapes compiled to SPARQL on pyoxigraph), "
                   "or auto: fast above 20,000 triples.")
@click.option("--shapes", "shapes", multiple=True, type=click.Path(dir_okay=True, path_type=str),
              help="A shapes file or folder (repeatable) instead of ontology/shapes.ttl; then FILES are "
                   "validated without the project ontology unless --with-ontology.")
@click.option("--with-ontology/--without-ontology", "ontology", default=None,
              help="Add the project ontology to the data graph (default: yes, except with --shapes and FILES).")
def command(files: tuple[str, ...], fmt: str, inference: str, engine: str, shapes: tuple[str, ...],
            ontology: bool | None) -> None:
    """SHACL-validate the ontology plus FILES (default: all of data/) against ontology/shapes.ttl,
    or FILES against the shapes given with --shapes.

    Given files are validated together with the project ontology, so subclasses are known.
    """
    from kg.commands.options import echo_data, echo_text
    from kg.validate import validate

    report = validate(list(files) if files else None, inference=inference, engine=engine,
                      shapes=list(shapes) or None, ontology=ontology, want_report_graph=fmt == "turtle")
    if fmt == "json":
        echo_data(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "turtle":
        echo_data(report.report_turtle)
    else:
        echo_text(render_text(report))
    sys.exit(0 if report.conforms else 1)
