"""`kg sparql "QUERY" | --file F`: an ad-hoc, read-only SPARQL query with the project's prefixes."""

from __future__ import annotations

import sys

import click

from kg.commands.options import endpoint_option, store_option

RESULT_FORMATS = ["table", "json", "csv", "tsv", "xml"]
RDF_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML", "n3": "N3"}


@click.command(
    "sparql",
    epilog="Examples:\n\n"
           "  kg sparql 'SELECT ?org ?label WHERE { ?org a igkg:Organization ; rdfs:label ?label } ORDER BY ?label'\n\n"
           "  kg sparql --file my.rq --format csv\n\n"
           "  kg sparql 'DESCRIBE igorg:cnnic' --format turtle\n\n"
           "  kg sparql --timeout 10 --file heavy.rq --format json\n\n"
           "Every project prefix (igkg:, igorg:, org:, schema:, prov: …) is predeclared. Queries with SERVICE, "
           "FROM / FROM NAMED or any SPARQL Update are refused (exit 2): they would reach the network, "
           "read files or change the store.",
)
@click.argument("query", required=False)
@click.option("--file", "-f", "path", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Read the query from this file ('-' for standard input).")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS + list(RDF_FORMATS)), default="table",
              show_default=True,
              help="SELECT/ASK: table, json, csv, tsv, xml (SPARQL 1.1 results). "
                   "CONSTRUCT/DESCRIBE: turtle (also for table), ntriples, jsonld, rdfxml, n3.")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True,
              help="rdflib runs SELECT/ASK with rdflib's engine, for cross-checks.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, metavar="SECONDS",
              help="Stop the query after SECONDS (it then runs in a child process); exit 2.")
@store_option
@endpoint_option
def command(query: str | None, path: str | None, fmt: str, engine: str, timeout: float | None, store: str | None,
            endpoint: str | None) -> None:
    """Run an ad-hoc SELECT, ASK, CONSTRUCT or DESCRIBE query QUERY (or --file F)."""
    from kg.errors import InputError, UsageError
    from kg.queries import check_adhoc

    if (query is None) == (path is None):
        raise UsageError("give the query as an argument or with --file F (one of them)")
    if path is not None:
        try:
            text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        except OSError as e:
            raise InputError(path, e.strerror or str(e)) from None
    else:
        text = query
    form = check_adhoc(text)
    graph_form = form in ("CONSTRUCT", "DESCRIBE")
    if graph_form and fmt in RESULT_FORMATS[1:]:
        raise UsageError(f"{form} returns triples: use --format {', '.join(RDF_FORMATS)}")
    if not graph_form and fmt in RDF_FORMATS:
        raise UsageError(f"{form} returns a table: use --format {', '.join(RESULT_FORMATS)}")

    if timeout is None:
        out = answer(text, form=form, fmt=fmt, engine=engine, store=store, endpoint=endpoint)
    else:
        out = _with_deadline(timeout, text, form=form, fmt=fmt, engine=engine, store=store, endpoint=endpoint)
    click.echo(out, nl=False)


def answer(text: str, *, form: str, fmt: str, engine: str, store: str | None, endpoint: str | None) -> str:
    """Run an already-checked query and return its serialised answer."""
    from kg.commands.options import backend_from
    from kg.errors import UsageError
    from kg.queries import _from_oxigraph, rdflib_dataset, run_rdflib
    from kg.results import render

    graph_form = form in ("CONSTRUCT", "DESCRIBE")
    if engine == "rdflib":
        if graph_form:
            raise UsageError("--engine rdflib runs SELECT and ASK only")
        backend = backend_from(store, endpoint) if store or endpoint else None
        return render(run_rdflib(rdflib_dataset(backend), text), fmt)
    backend = backend_from(store, endpoint)
    try:
        result = backend.query(text)
    except SyntaxError as e:
        raise UsageError(f"SPARQL syntax error: {e}") from None
    if graph_form:
        import pyoxigraph as ox

        from kg.namespaces import PREFIXES

        rdf_format = getattr(ox.RdfFormat, RDF_FORMATS.get(fmt, "TURTLE"))
        triples = list(result)
        if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.N3, ox.RdfFormat.RDF_XML):
            return ox.serialize(triples, format=rdf_format, prefixes=PREFIXES).decode("utf-8")
        return ox.serialize(triples, format=rdf_format).decode("utf-8")
    return render(_from_oxigraph(result), fmt)


def _child(conn, text: str, kwargs: dict) -> None:
    from kg.errors import KgError

    try:
        conn.send(("ok", answer(text, **kwargs)))
    except KgError as e:
        conn.send(("error", str(e)))
    except Exception as e:  # noqa: BLE001 - reported to the parent, which exits 2
        conn.send(("error", f"{type(e).__name__}: {e}"))
    finally:
        conn.close()


def _with_deadline(timeout: float, text: str, **kwargs) -> str:
    """Run the query in a forked child and kill it when it overruns: pyoxigraph has no query
    timeout of its own (FINDINGS.md), and a long ORDER BY or aggregate cannot be interrupted."""
    import multiprocessing

    from kg.errors import UsageError

    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, text, kwargs), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise UsageError(f"the query ran longer than {timeout:g} s and was stopped (--timeout)")
        status, payload = receiver.recv()
    except EOFError:
        raise UsageError("the query process ended without an answer") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    if status != "ok":
        raise UsageError(payload)
    return payload
