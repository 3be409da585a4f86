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
    "rename": ("kg.commands.rename", "Rename IRIs across the data files, leaving redirects (one, or --scheme: all)."),
    "reason": ("kg.commands.reason", "Run HermiT (consistency, classification) and materialise inferences."),
    "viz": ("kg.commands.viz", "Draw the cooperation network or the timeline as SVG or PNG (Graphviz, matplotlib)."),
}


class PipeClosed(Exception):
    """Standard output's reader went away (a BrokenPipeError), carried past click, which would exit 1."""


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError as e:
            raise PipeClosed() from e

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
    """Run `kg` with `argv` (default: the command line); exits with 0, 1 or 2 (130 on Ctrl-C).

    A reader that stops early (`kg export | head -1`) ends the command quietly with the status it
    had reached, 0 when it was still writing: Python's documented handling of SIGPIPE for a CLI
    (standard output redirected to os.devnull so that no second BrokenPipeError is raised on exit),
    with the exit status chosen here, not 1, which means "does not conform".
    """
    code = 0
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe must fail here, not in the interpreter's last flush
    except (BrokenPipeError, PipeClosed):
        _discard_stdout()
    except OSError as e:  # standard output on a full disk
        click.echo(f"error: standard output: {system_error(e)}", err=True)
        _discard_stdout()
        code = 2
    sys.exit(code)


def _run(argv: list[str] | None) -> int:
    """Run the command; its exit status, errors reported as one line on standard error."""
    import warnings

    from kg.redirects import DeprecatedIRIWarning

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecatedIRIWarning)  # the commands print them as lines
            cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except KgError as e:
        from kg.terms import printable  # imported here: not on the path of a command that succeeds

        click.echo("error: " + printable(str(e), keep=("\n",)), err=True)
        return e.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as e:
        e.show()
        return 2
    except click.exceptions.Exit as e:
        return e.exit_code
    except KeyboardInterrupt:
        return 130
    except OSError as e:  # a full disk, a read-only folder, a file that vanished: no traceback
        click.echo(f"error: {system_error(e)}", err=True)
        return 2
    except RuntimeError as e:
        if type(e) is not RuntimeError:  # RecursionError, NotImplementedError: a bug, keep the traceback
            raise
        click.echo(f"error: the engine failed: {e}", err=True)  # pyoxigraph evaluating a query
        return 2
    return 0


def system_error(e: OSError) -> str:
    """One line for an operating-system error: the file (when known), what failed, what to do."""
    what = e.strerror or str(e)
    where = f"{e.filename}: " if e.filename else ""
    return f"{where}{what} (check free space, permissions and the path, then run the command again)"


def _discard_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # standard output is no file (a test's capture)
        pass
