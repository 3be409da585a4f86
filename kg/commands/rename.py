"""kg rename OLD NEW | kg rename --scheme: rename IRIs across the data files, with redirects (kg.rename)."""

from __future__ import annotations

import click

EPILOG = """\b
Examples:
  kg rename igorg:garbled-domain-name-registry igorg:domain-name-registry-21fc2d
  kg rename --scheme --dry-run
  kg rename --scheme

Rewrites data/**/*.ttl as text (formatting and comments kept; comments and strings that name OLD are
reported, not changed) and records `OLD owl:deprecated true ; dcterms:isReplacedBy NEW` in
data/reference/redirects.ttl; kg describe, kg query and kg serve follow it. --scheme applies the
renames of kg.iris.plan (docs/design.md, "IRIs") to all data files at once. All files change or none.
Prints `OLD -> NEW` per rename and the count. Exit 0 done, 2 usage or input error (OLD not found,
NEW already exists, a file that does not parse), nothing written.
"""


@click.command("rename", epilog=EPILOG)
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--scheme", is_flag=True, help="Apply the IRI scheme's renames (kg.iris.plan) to all data files.")
@click.option("--dry-run", is_flag=True, help="Print the renames and change nothing.")
def command(old: str | None, new: str | None, scheme: bool, dry_run: bool) -> None:
    """Rename an IRI (or, with --scheme, every IRI the scheme renames) across the data files."""
    from kg.dataset import project_root, read_dataset, sources_for
    from kg.errors import UsageError
    from kg.iris import plan
    from kg.namespaces import expand, shorten
    from kg.rename import rename

    if scheme:
        if old or new:
            raise UsageError("give either OLD NEW or --scheme, not both")
        root = project_root()
        try:
            mapping = dict(plan(read_dataset(sources_for([root / "data"])).quads))
        except ValueError as e:
            raise UsageError(f"the scheme cannot be applied: {e}") from None
    else:
        if not old or not new:
            raise UsageError("give OLD and NEW (prefixed names or IRIs), or --scheme")
        iris = [expand(x) for x in (old, new)]
        for given, iri in zip((old, new), iris):
            if iri is None:
                raise UsageError(f"{given!r}: not an IRI or prefixed name of a project prefix")
        mapping = {iris[0]: iris[1]}
    done = rename(mapping, dry_run=dry_run)
    for note in done.notes:
        click.echo(note, err=True)
    for o, n in done.renames:
        click.echo(f"{shorten(o)} -> {shorten(n)}")
    verb = "would rename" if dry_run else "renamed"
    files = f" in {len(done.files)} file(s)" if done.files else ""
    click.echo(f"{verb} {len(done.renames)} IRI(s){files}")
