"""kg search TEXT: full-text search over labels, alternative names and quotes (kg.search)."""

from __future__ import annotations

import json

import click

from kg.commands.options import backend_from, endpoint_option, store_option

EPILOG = """\b
Examples:
  kg search "malware security"
  kg search "Partnership Manager" --limit 3 --format json

Texts holding all the words (any case, stemmed) come first, then those holding some; the best
ranked (BM25) text of
each entity is shown, the matched words in [brackets]. Exit 0 (also when nothing matches), 2 for a
text without any word.
"""


LABEL_WIDTH = 40  # characters of a label shown in the table (JSON has it whole)


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


@click.command("search", epilog=EPILOG)
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="At most this many entities.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@store_option
@endpoint_option
def command(text: str, limit: int, fmt: str, store: str | None, endpoint: str | None) -> None:
    """Find entities by the words of their labels, alternative names, acronyms and quotes.

    Quotes are matched with text-extraction artefacts repaired ("Partnership Manager" finds
    "Par t ner ship Manager") and shown verbatim.
    """
    from kg.commands.options import echo_data, echo_note, echo_text
    from kg.errors import UsageError
    from kg.namespaces import shorten
    from kg.search import match_expression, search

    if match_expression(text) is None:
        raise UsageError(f"{text!r} has no word to search for")
    backend = backend_from(store, endpoint)
    hits = search(backend, text, limit=limit)
    echo_note(backend)
    if fmt == "json":
        echo_data(json.dumps([h.as_dict() for h in hits], indent=2, ensure_ascii=False) + "\n")
        return
    rows = [("score", "entity", "label", "matched", "snippet")]
    rows += [(f"{h.score:.2f}", shorten(h.entity), cut(h.label or "", LABEL_WIDTH), h.field, h.snippet) for h in hits]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r[:4], widths)) + "  " + r[4] for r in rows]
    if not hits:
        lines.append(f"(nothing matches {text!r})")
    echo_text("\n".join(lines) + "\n")  # control characters from the data escaped
