"""`kg serve`: a read-only SPARQL endpoint over the store (Oxigraph's `serve-read-only`)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import click

EPILOG = """Examples:

\b
  kg load --reason && kg serve
  kg serve --store /tmp/kg --port 8000 --timeout-s 10
  curl -H 'Accept: application/sparql-results+json' \\
       --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/query
  kg query successions --endpoint http://127.0.0.1:7878/query

Queries see the union of the named graphs as their default graph. The server refuses updates,
but it runs SERVICE (federated) queries; bind it to 127.0.0.1 (the default), not to a public
address (docs/stores.md).
"""

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def oxigraph_executable() -> str:
    """The `oxigraph` CLI beside this Python (the venv's bin), else on PATH."""
    from kg.errors import UsageError

    beside = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise UsageError("kg serve needs the `oxigraph` command: pip install oxigraph")


def _wait_until_listening(proc: subprocess.Popen, host: str, port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


@click.command("serve", epilog=EPILOG)
@click.option("--store", "store", metavar="PATH", default=None,
              help="Store folder (default: $KG_STORE, else the one `kg load` makes here).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--timeout-s", "timeout_s", default=30, show_default=True, type=click.IntRange(1, None),
              help="Seconds a query may run before the server stops it.")
def command(store: str | None, host: str, port: int, timeout_s: int) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (with a YASGUI page) until Ctrl-C."""
    from kg.errors import UsageError
    from kg.locks import die_with_parent
    from kg.store import hold_database, store_path

    path = store_path(store)
    if not path.exists():
        raise UsageError(f"{path}: no store there; run `kg load` first (or pass --store PATH)")
    db, meta, lock = hold_database(path)  # the shared lock keeps a later `kg load` from deleting db
    exe = oxigraph_executable()
    if host not in LOOPBACK:
        click.echo(f"warning: serving on {host}: anyone who can reach it can make this machine run "
                   "SERVICE requests to other hosts (see docs/stores.md)", err=True)
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    args = [exe, "serve-read-only", "--location", str(db), "--bind", bind,
            "--union-default-graph", "--timeout-s", str(timeout_s)]
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, preexec_fn=die_with_parent(signal.SIGTERM))
    stopping = {"signal": None}

    def forward(signum, frame):  # Ctrl-C / SIGTERM: stop the server, then exit 0
        stopping["signal"] = signum
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)

    old = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        if not _wait_until_listening(proc, host, port, time.monotonic() + 30):
            if proc.poll() is None:
                proc.terminate()
            proc.wait()
            if stopping["signal"] is None:
                raise UsageError(f"the oxigraph server did not start on {bind} (is the port in use?)")
            return
        base = f"http://{bind}"
        what = f"store {path}" + (f" (loaded {meta.created}, {meta.triples:,} triples)" if meta else "")
        click.echo(f"Serving {what}, read-only")
        click.echo(f"  SPARQL endpoint: {base}/query")
        click.echo(f"  query page:      {base}/")
        click.echo("Press Ctrl-C to stop.", err=True)
        sys.stdout.flush()
        while True:
            try:
                code = proc.wait()
                break
            except InterruptedError:  # pragma: no cover - PEP 475 retries, kept for safety
                continue
        if stopping["signal"] is None and code != 0:
            raise UsageError(f"the oxigraph server stopped with exit code {code}")
        click.echo("Stopped.", err=True)
    finally:
        for s, h in old.items():
            signal.signal(s, h)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if lock is not None:
            lock.close()
