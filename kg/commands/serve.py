"""`kg serve`: the analyst's web app over the store (entity pages, query forms, SPARQL endpoint and editor)."""

from __future__ import annotations

import sys

import click

EPILOG = """Examples:

\b
  kg load --reason && kg serve      # then open http://127.0.0.1:7878/
  kg serve --store /tmp/kg --port 8000 --timeout-s 10
  curl -H 'Accept: application/sparql-results+json' \\
       --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql
  curl -H 'Accept: text/turtle' http://127.0.0.1:7878/id/org/cnnic
  kg query successions --endpoint http://127.0.0.1:7878/sparql

\b
Pages: / (home, search, lists), /id/… (an entity: every fact with its source and quote),
/queries (the query library as forms; /queries/NAME.json|.csv|.tsv|.xml), /editor (YASGUI),
/ontology, and /sparql (SPARQL 1.1 Protocol; /query is an alias). Queries see the union of the
named graphs as their default graph; updates, SERVICE and FROM are refused; a query running
longer than --timeout-s is stopped (HTTP 503) and an answer larger than --max-bytes is not sent
(HTTP 413). Only requests whose Host header names the bound address are answered.
"""


@click.command("serve", epilog=EPILOG)
@click.option("--store", "store", metavar="PATH", default=None,
              help="Store folder (default: $KG_STORE, else the one `kg load` makes here).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--timeout-s", "timeout_s", default=30, show_default=True, type=click.IntRange(1, None),
              help="Seconds a query at /sparql may run before the server stops it (HTTP 503).")
@click.option("--max-bytes", "max_bytes", default=64 * 1024 * 1024, show_default=True,
              type=click.IntRange(1, None), help="Largest answer /sparql sends, in bytes (larger: HTTP 413).")
def command(store: str | None, host: str, port: int, timeout_s: int, max_bytes: int) -> None:
    """Serve the store as a web app and a read-only SPARQL 1.1 endpoint until Ctrl-C."""
    from kg.errors import UsageError
    from kg.store import read_meta, store_path
    from kg.web.serve import LOOPBACK, serve

    path = store_path(store)
    if not path.exists():
        raise UsageError(f"{path}: no store there; run `kg load` first (or pass --store PATH)")
    meta = read_meta(path) if path.is_dir() else None
    if host not in LOOPBACK:
        click.echo(f"warning: serving on {host}: anyone who can reach it can read the graph and run "
                   "queries on this machine (see docs/stores.md)", err=True)

    def banner(base: str) -> None:
        what = f"store {path}" + (f" (loaded {meta.created}, {meta.triples:,} triples)" if meta else "")
        click.echo(f"Serving {what}, read-only")
        click.echo(f"  SPARQL endpoint: {base}/sparql")
        click.echo(f"  web app:         {base}/")
        click.echo("Press Ctrl-C to stop.", err=True)
        sys.stdout.flush()

    serve(store=path, host=host, port=port, timeout_s=timeout_s, max_bytes=max_bytes, banner=banner)
    click.echo("Stopped.", err=True)
