"""`kg query NAME -p name=value …`: run a named query from queries/*.rq."""

from __future__ import annotations

import click

from kg.commands.options import bound_options, endpoint_option, labels_option, store_option, wide_option


@click.command(
    "query",
    epilog="Examples:\n\n"
           "\b\n"
           "  kg query posts-and-holders\n"
           "  kg query holder-of-post-on-date -p date=2017-03-29 \\\n"
           "      -p post=igpost:director-icann-beijing-engagement-center\n"
           "  kg query people-of-organisation -p org=CNNIC --format csv --labels\n"
           "  kg query members-of-organisation -p org=KNET --labels\n"
           "  kg query people --limit 100 --offset 100\n"
           "\n"
           "\b\n"
           "IRI parameters take a prefixed name, a full IRI or a label, looked up among\n"
           "the parameter's class (organisations for org, people for person).\n"
           "Dates take YYYY-MM-DD, YYYY-MM or YYYY.\n"
           "--limit 100 --offset 100 gives rows 101 to 200.\n"
           "A query is stopped after --timeout SECONDS (default 30; 0: none)\n"
           "or beyond --memory-mb MIB (default 4096; 0: none), exit 2.",
)
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query (repeatable); `kg queries` lists them.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml"]), default="table",
              show_default=True, help="json, csv, tsv and xml are the SPARQL 1.1 result formats.")
@labels_option
@wide_option
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Return at most N rows (one page of the ordered rows).")
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
              help="Skip the first N rows (with --limit: the next page).")
@bound_options
@store_option
@endpoint_option
def command(name: str, params: tuple[str, ...], fmt: str, labels: bool, wide: bool, limit: int | None,
            offset: int, timeout: float, memory_mb: int, store: str | None, endpoint: str | None) -> None:
    """Run the named query NAME with parameters and print its rows."""
    from kg.commands.options import bounded, echo_data, table_width
    from kg.errors import UsageError
    from kg.queries.library import get
    from kg.queries.params import check_params

    given: dict[str, str] = {}
    for raw in params:
        key, sep, value = raw.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"parameter {raw!r}: write -p name=value")
        if key.strip() in given:
            raise UsageError(f"parameter {key.strip()!r} given twice")
        given[key.strip()] = value
    query = get(name)
    check_params(query, given)  # before the store is opened
    out, notes, next_page = bounded(timeout, memory_mb, _answer, query, given, fmt=fmt, labels=labels,
                                   width=table_width(wide), limit=limit, offset=offset, store=store,
                                   endpoint=endpoint)
    for note in notes:
        click.echo(note, err=True)
    if fmt == "table":
        click.echo(out, nl=False)  # kg.results.table escapes control characters itself
    else:
        echo_data(out)
    if next_page:
        click.echo(next_page, err=True)


def _answer(query, given: dict[str, str], *, fmt: str, labels: bool, width: int | None, limit: int | None,
            offset: int, store: str | None, endpoint: str | None) -> tuple[str | bytes, list[str], str | None]:
    """The rendered answer, the notes for standard error (the backend's, on inferences; the query's,
    for a server known to answer it with fewer rows) and where the next page starts (or None)."""
    from kg.commands.options import backend_from
    from kg.queries.execute import incomplete_note, run
    from kg.results import serialize, table, with_labels

    import warnings

    from kg.redirects import DeprecatedIRIWarning, recorded

    backend = backend_from(store, endpoint)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeprecatedIRIWarning)
        result = run(query, given, backend=backend, limit=limit, offset=offset)
    if labels:
        result = with_labels(result, backend)
    note = getattr(backend, "note", None)
    notes = recorded(caught)  # a renamed IRI given as a parameter: "OLD is deprecated; replaced by NEW"
    notes += [f"note: {note}"] if note and "inference" in query.tags else []
    notes += [line for line in [incomplete_note(query, backend)] if line]
    if fmt != "table":
        return serialize(result, fmt), notes, None
    shown = table(result, width=width, labelled=labels)
    if limit is not None and shown.rows == limit:
        return shown.text, notes, f"(rows {offset + 1}-{offset + limit}; the next page: --offset {offset + limit})"
    return shown.text, notes, None
