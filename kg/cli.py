"""The `kg` command: a thin layer over the library.

Sub-commands live in `kg/commands/<name>.py` and are imported only when invoked, so `kg query`
never pays for importing owlready2 or pySHACL. Exit codes: 0 ok, 1 data does not conform (or is
inconsistent), 2 usage or input error.
"""

from __future__ import annotations

import importlib
import sys

import click

from kg import __version__
from kg.errors import KgError

# name -> (module, one-line help); the module defines `command`.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("kg.commands.validate", "SHACL-validate the graph (or given files) against the shapes."),
    "check": ("kg.commands.check", "Run the ontology quality checks and an OWL consistency check (HermiT)."),
    "stats": ("kg.commands.stats", "Count triples, classes and instances per class and per named graph."),
    "export": ("kg.commands.export", "Write the whole dataset as TriG, N-Quads, JSON-LD, Turtle or N-Triples."),
    "describe": ("kg.commands.describe", "Show everything the graph knows about one entity (text or JSON)."),
    "queries": ("kg.commands.queries", "List the named queries with their parameters."),
    "query": ("kg.commands.query", "Run a named query with parameters (table, JSON, CSV, TSV, XML; --labels adds names)."),
    "sparql": ("kg.commands.sparql", "Run an ad-hoc SPARQL query with the project's prefixes (SELECT/ASK as query; CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD, RDF/XML, N3)."),
    "load": ("kg.commands.load", "Load the dataset into the embedded store or a SPARQL server."),
    "serve": ("kg.commands.serve", "Serve the store as a read-only SPARQL endpoint on 127.0.0.1."),
    "search": ("kg.commands.search", "Full-text search over labels, alternative names and quotes, ranked (BM25)."),
    "new-document": ("kg.commands.newdocument", "Scaffold a new source document: metadata, claim ledger, fact templates."),
    "reason": ("kg.commands.reason", "Run HermiT (consistency, classification) and materialise inferences."),
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return importlib.import_module(COMMANDS[name][0]).command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Examples:\n\n\b\n  kg validate && kg describe \"Zhang Jianchuan\"\n"
           "  kg query members-of-organisation -p org=KNET --labels\n\n"
           "Answers come from the current embedded store (kg load), else from the project files with the "
           "rules' inferences; a store loaded without --reason lacks those, and the commands say so.",
)
@click.version_option(__version__, "--version", prog_name="kg")
def cli() -> None:
    """igkg: the Internet Governance Knowledge Graph.

    Validate, query, load and reason over a graph of organisations, people and their posts,
    MOUs and meetings, where every fact says which document and sentence it comes from.
    """


def main(argv: list[str] | None = None) -> None:
    """Run `kg` with `argv` (default: the command line); exits with 0, 1 or 2 (130 on Ctrl-C)."""
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except KgError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(2)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
