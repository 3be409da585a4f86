"""The Markdown catalogue of the query library (`queries/README.md`), with three real answers.

`python -m kg.queries.catalogue [--write]` prints it (or writes `queries/README.md`); a test checks
the file is current.
"""

from __future__ import annotations

import re
import sys
from typing import Iterable

from kg.namespaces import shorten
from kg.queries.library import NamedQuery, get, library, queries_dir


# Three questions the catalogue answers with their real output (name, parameters).
EXAMPLES: tuple[tuple[str, dict[str, str]], ...] = (
    ("holder-of-post-on-date", {"date": "2017-03-29", "post": "igpost:director-icann-beijing-engagement-center"}),
    ("people-of-organisation", {"org": "CNNIC"}),
    ("partnership-network", {"org": "igorg:cnnic", "hops": "1"}),
)


def _examples_markdown(examples) -> list[str]:
    from kg.queries.execute import run
    from kg.results import table

    out = ["## Three questions and their real answers", ""]
    for name, params in examples:
        q = get(name)
        args = " ".join("-p " + _shell_quote(f"{k}={v}") for k, v in params.items())
        out += [f"**{q.summary}**", "", "```console", f"$ kg query {name} {args}".rstrip(),
                table(run(q, params)).text.rstrip("\n"), "```", ""]
    return out


def catalogue_markdown(queries: Iterable[NamedQuery] | None = None, *, examples=EXAMPLES) -> str:
    """The Markdown catalogue of the library (what `queries/README.md` holds); `examples` are run
    on the project data and shown with their output (pass () to leave them out)."""
    qs = list(queries if queries is not None else library().values())
    out = [
        "# Query catalogue",
        "",
        "<!-- Generated from the `#+` headers of `queries/*.rq` by `python -m kg.queries.catalogue`"
        " (or `kg queries --format markdown`); do not edit by hand: a test checks it is current. -->",
        "",
        f"{len(qs)} named queries. Run one with `kg query NAME -p name=value …`; an IRI parameter takes a "
        "prefixed name (`igorg:cnnic`), a full IRI or a label (`CNNIC`, case-insensitive; looked up among "
        "the class the parameter names, e.g. organisations); a date takes `YYYY-MM-DD`, `YYYY-MM` or "
        "`YYYY`. Output: `--format table|json|csv|tsv|xml`; `--labels` adds a column `xLabel` with the "
        "name after each IRI column `x`.",
        "",
        "How the queries are written (parameter binding, dates, planner-friendly patterns, what ad-hoc "
        "queries may not do): [`docs/queries.md`](../docs/queries.md).",
        "",
        "| query | question | tags |",
        "|---|---|---|",
    ]
    for q in qs:
        out.append(f"| [`{q.name}`](#{q.name}) | {q.summary} | {', '.join(q.tags)} |")
    out.append("")
    if examples:
        out += _examples_markdown(examples)
    for q in qs:
        out += [f"## {q.name}", "", f"**{q.summary}**", ""]
        if q.description:
            out += [q.description, ""]
        if q.params:
            out += ["| parameter | type | required | example |", "|---|---|---|---|"]
            for p in q.params:
                req = "yes" if p.required else ("no (default " + p.default + ")" if p.default else "no")
                kind = f"{p.type} ({shorten(p.cls)})" if p.cls else p.type
                out.append(f"| `{p.name}` | {kind} | {req} | `{p.example or ''}` |")
            out.append("")
        else:
            out += ["No parameters.", ""]
        out += [f"Columns: {', '.join(f'`{c}`' for c in q.columns)}", ""]
        args = " ".join(_shell_quote(a) for a in q.example_args())
        out += ["```sh", f"kg query {q.name}{' ' + args if args else ''}", "```", ""]
    return "\n".join(out)


def _shell_quote(s: str) -> str:
    if re.fullmatch(r"[\w\-.:/=@+,]+", s):
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def main(argv: list[str] | None = None) -> int:
    """`python -m kg.queries.catalogue [--write]`: print the catalogue, or write queries/README.md."""
    argv = sys.argv[1:] if argv is None else argv
    if set(argv) - {"--write"}:
        print("usage: python -m kg.queries.catalogue [--write]", file=sys.stderr)
        return 2
    text = catalogue_markdown()
    if "--write" in argv:
        (queries_dir() / "README.md").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
