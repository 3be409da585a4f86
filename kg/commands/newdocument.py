"""kg new-document SLUG --text FILE --title TITLE: scaffold a new source document (kg.scaffold)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.commands.options import backend_from, store_option

EPILOG = """\b
Examples:
  kg new-document icann-59-readout --text ~/sources/icann59.txt --title "ICANN 59 Readout"
  kg new-document wuzhen-2015-mou --text ~/texts/wuzhen.txt --title "…" --date 2015-12 --json

Writes data/SLUG.ttl (the document's metadata and commented templates of each fact pattern, with
the entities already in the graph that the text names) and docs/sources/SLUG.md (an empty claim
ledger). Put the text in a sources folder (shared/seeds beside the checkout, or one of $KG_SOURCES)
so `kg check` can find the quotes. The guide: docs/adding-a-document.md.
Exit 0 written, 2 a file exists already (--force overwrites), a bad slug or an unreadable text.
"""


@click.command("new-document", epilog=EPILOG)
@click.argument("slug")
@click.option("--text", "text_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The document's plain text (its file name becomes igkg:seedFile).")
@click.option("--title", required=True, help="The document's title as it states it (or a supplied one in [brackets]).")
@click.option("--url", default=None, help="Where the document was published, when stated (schema:url).")
@click.option("--date", "published", default=None, metavar="YYYY[-MM[-DD]]",
              help="Publication date as precise as stated (dcterms:date).")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--json", "as_json", is_flag=True, help="Print what was written and the mentions as JSON.")
@store_option
def command(slug: str, text_path: Path, title: str, url: str | None, published: str | None, force: bool,
            as_json: bool, store: str | None) -> None:
    """Scaffold a new source document: metadata, claim ledger and fact templates.

    The entities the text names are found by their labels, and the names the labels miss by
    full-text search; they are listed in the Turtle file (as comments) and here. For a person, both
    IRIs are given: the existing one (same person) and the one a namesake in this document gets.
    """
    import re

    from kg.dataset import project_root
    from kg.errors import UsageError
    from kg.namespaces import shorten
    from kg.scaffold import document_turtle, ledger, mentions, namesake_iri
    from kg.sources import sources_dirs

    if published is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
        raise UsageError(f"--date {published!r}: give YYYY, YYYY-MM or YYYY-MM-DD, as precise as the document")
    root = project_root()
    ttl, md = root / "data" / f"{slug}.ttl", root / "docs" / "sources" / f"{slug}.md"
    existing = [p for p in (ttl, md) if p.exists()]
    if existing and not force:
        raise UsageError(f"{existing[0]} exists already; pick another slug or pass --force")
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{text_path}: cannot read the text as UTF-8: {e}") from None
    found = mentions(backend_from(store, None), text)
    turtle = document_turtle(slug, title=title, text_file=text_path.name, found=found, url=url, published=published)
    md.parent.mkdir(parents=True, exist_ok=True)
    ttl.write_text(turtle, encoding="utf-8")
    md.write_text(ledger(slug, title=title, text_file=text_path.name), encoding="utf-8")
    in_sources = any((f / text_path.name).is_file() for f in sources_dirs())
    if as_json:
        click.echo(json.dumps({"data": str(ttl.relative_to(root)), "ledger": str(md.relative_to(root)),
                               "textInSources": in_sources,
                               "mentions": [{"entity": m.entity, "label": m.label, "words": m.words, "how": m.how}
                                            | ({"namesake": namesake_iri(slug, m)} if _person(m) else {})
                                            for m in found]}, indent=2, ensure_ascii=False))
        return
    click.echo(f"wrote {ttl.relative_to(root)} and {md.relative_to(root)}")
    click.echo(f"entities the text names ({len(found)}):")
    for m in found:
        click.echo(f"  {shorten(m.entity)}  {m.label}  [{m.how}: {m.words}]")
        if _person(m):
            click.echo(f"      same person: reuse {shorten(m.entity)} (add dcterms:source igdoc:{slug}); "
                       f"a namesake: {shorten(namesake_iri(slug, m))}")
    if not in_sources:
        click.echo(f"note: {text_path.name} is not in a sources folder; copy it there (or add its folder to "
                   "KG_SOURCES) so `kg check` can find the quotes", err=True)


def _person(mention) -> bool:
    from kg.namespaces import PREFIXES

    return mention.entity.startswith(PREFIXES["igperson"])
