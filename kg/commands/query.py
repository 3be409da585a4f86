"""`kg query NAME -p name=value …`: run a named query from queries/*.rq."""

from __future__ import annotations

import click

from kg.commands.options import endpoint_option, store_option


@click.command(
    "query",
    epilog="Examples:\n\n"
           "  kg query posts-and-holders\n\n"
           "  kg query holder-of-post-on-date -p post=igpost:director-icann-beijing-engagement-center"
           " -p date=2017-03-29\n\n"
           "  kg query people-of-organisation -p org=CNNIC --format csv\n\n"
           "  kg query people --limit 100 --offset 100      # rows 101-200\n\n"
           "IRI parameters take a prefixed name, a full IRI or a label; dates take YYYY-MM-DD, YYYY-MM or YYYY.",
)
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query (repeatable); `kg queries` lists them.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml"]), default="table",
              show_default=True, help="json, csv, tsv and xml are the SPARQL 1.1 result formats.")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Return at most N rows (one page of the ordered rows).")
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
              help="Skip the first N rows (with --limit: the next page).")
@store_option
@endpoint_option
def command(name: str, params: tuple[str, ...], fmt: str, limit: int | None, offset: int,
            store: str | None, endpoint: str | None) -> None:
    """Run the named query NAME with parameters and print its rows."""
    from kg.commands.options import backend_from
    from kg.errors import UsageError
    from kg.queries.execute import run
    from kg.queries.library import get
    from kg.queries.params import check_params
    from kg.results import serialize, table

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
    result = run(query, given, backend=backend_from(store, endpoint), limit=limit, offset=offset)
    if fmt != "table":
        click.echo(serialize(result, fmt), nl=False)
        return
    shown = table(result)
    click.echo(shown.text, nl=False)
    if limit is not None and shown.rows == limit:
        click.echo(f"(rows {offset + 1}-{offset + limit}; the next page: --offset {offset + limit})", err=True)
