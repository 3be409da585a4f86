"""`kg sparql "QUERY" | --file F`: an ad-hoc, read-only SPARQL query with the project's prefixes."""

from __future__ import annotations

import sys

import click

from kg.commands.options import bound_options, endpoint_option, labels_option, store_option, wide_option

RESULT_FORMATS = ["table", "json", "csv", "tsv", "xml"]
GRAPH_FORMATS = ["turtle", "ntriples", "jsonld", "rdfxml", "n3"]


@click.command(
    "sparql",
    epilog="Examples:\n\n"
           "\b\n"
           "  kg sparql 'SELECT ?org ?label WHERE { ?org a igkg:Organization ; rdfs:label ?label }'\n"
           "  kg sparql 'SELECT ?org WHERE { ?org a igkg:Registry }' --labels --format csv\n"
           "  kg sparql 'DESCRIBE igorg:cnnic' --format ntriples\n"
           "  kg sparql --file my.rq --format csv\n"
           "  kg sparql --timeout 10 --file heavy.rq --format json\n"
           "\n"
           "Every project prefix (igkg:, igorg:, org:, schema:, prov: …) is predeclared. Queries with SERVICE, "
           "FROM / FROM NAMED or any SPARQL Update are refused (exit 2): they would reach the network, "
           "read files or change the store. A query is stopped after --timeout SECONDS (default 30; 0: none) "
           "or beyond --memory-mb MIB (default 4096; 0: none), exit 2.",
)
@click.argument("query", required=False)
@click.option("--file", "-f", "path", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Read the query from this file ('-' for standard input).")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS + GRAPH_FORMATS), default="table",
              show_default=True,
              help="SELECT/ASK: table, json, csv, tsv, xml (SPARQL 1.1 results). "
                   "CONSTRUCT/DESCRIBE: turtle (also for table), ntriples, jsonld, rdfxml, n3.")
@labels_option
@wide_option
@bound_options
@store_option
@endpoint_option
def command(query: str | None, path: str | None, fmt: str, labels: bool, wide: bool, timeout: float, memory_mb: int,
            store: str | None, endpoint: str | None) -> None:
    """Run an ad-hoc SELECT, ASK, CONSTRUCT or DESCRIBE query QUERY (or --file F)."""
    from kg.commands.options import bounded, echo_data, table_width
    from kg.errors import InputError, UsageError
    from kg.queries.execute import sparql_answer

    if (query is None) == (path is None):
        raise UsageError("give the query as an argument or with --file F (one of them)")
    if path is not None:
        try:
            text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        except OSError as e:
            raise InputError(path, e.strerror or str(e)) from None
        except UnicodeDecodeError as e:
            raise InputError(path, f"not UTF-8 text (byte {e.start}); save the query as UTF-8") from None
        except ValueError as e:  # a NUL in the path
            raise InputError(repr(path), str(e)) from None
    else:
        text = query
    options = dict(fmt=fmt, store=store, endpoint=endpoint, labels=labels, width=table_width(wide))
    out, note = bounded(timeout, memory_mb, sparql_answer, text, **options)
    if note:
        click.echo(f"note: {note}", err=True)
    echo_data(out)
