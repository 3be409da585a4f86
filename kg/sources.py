"""Quotes against their documents: every `igkg:quote` is found in the text of the document it
derives from.

A fact node names its document with `prov:wasDerivedFrom` (or `dcterms:source`); the document
names its text file with `igkg:seedFile` (a file name in one of the sources folders: those of
`$KG_SOURCES`, separated by the path separator ":" (";" on Windows), else `$KG_SEEDS`, else
`shared/seeds/` beside the checkout). A quote is found when its text, with every
run of white space collapsed to one space, occurs in the document's text collapsed the same way.
The quotes are verbatim copies, extraction artefacts included ("Global St r a t egic Par t ner
ship Manager"), so nothing else is normalised: the check compares the copy with the original.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.namespaces import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    from kg.dataset import Source

QUOTE = PREFIXES["igkg"] + "quote"
SEED_FILE = PREFIXES["igkg"] + "seedFile"
DERIVED = (PREFIXES["prov"] + "wasDerivedFrom", PREFIXES["dcterms"] + "source")
_SPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """`text` with every run of white space (Unicode, no-break space included) made one space, stripped."""
    return _SPACE.sub(" ", text).strip()


def sources_dirs() -> list[Path]:
    """The folders of the documents' texts: those in `$KG_SOURCES` (os.pathsep-separated), else
    `$KG_SEEDS`, else `shared/seeds/` in the folder that holds the checkout."""
    from kg.dataset import seeds_dir

    env = os.environ.get("KG_SOURCES")
    return [Path(p) for p in env.split(os.pathsep) if p] if env else [seeds_dir()]


def shown(folder: Path) -> str:
    """`folder` as a message shows it: relative to the checkout (a sibling folder as "../NAME", "tests/…") when
    it lies in the checkout or beside it, else as given."""
    from kg.dataset import project_root

    root = Path(os.path.abspath(project_root()))
    for folder_form in (Path(os.path.abspath(folder)), Path(folder).resolve()):
        for base, prefix in ((root, ""), (root.parent, "../"), (root.resolve(), ""), (root.resolve().parent, "../")):
            try:
                return prefix + folder_form.relative_to(base).as_posix()
            except ValueError:
                continue
    return str(folder)


@dataclass(frozen=True)
class QuoteFailure:
    """A quote not found in its document, or a document whose text is missing.

    `file` and `line` locate the quote (or the `igkg:seedFile` statement) in the data (line 0 when
    the literal could not be located in the file's text); `document` is the document's IRI and
    `text_file` its text file name (None when the data names none)."""

    problem: str  # "quote not found" | "document missing" | "no document"
    file: str
    line: int
    node: str
    quote: str
    document: str | None
    text_file: str | None

    def describe(self) -> str:
        from kg.namespaces import shorten

        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.problem == "document missing":
            return f"{where}: the text of {shorten(self.document)} ({self.text_file}) is not in the sources folders"
        if self.problem == "no document":
            return f"{where}: {shorten(self.node)} has a quote but derives from no document with an igkg:seedFile"
        return (f"{where}: quote of {shorten(self.node)} not found in {self.text_file} ({shorten(self.document)}): "
                f"{self.quote!r}")

    def as_dict(self) -> dict:
        return {"problem": self.problem, "file": self.file, "line": self.line, "node": self.node,
                "quote": self.quote, "document": self.document, "textFile": self.text_file}


@dataclass(frozen=True)
class QuoteCheck:
    """The outcome: quotes checked, documents (IRI -> text file name) and the failures, sorted."""

    folders: tuple[Path, ...]
    quotes: int
    documents: dict[str, str]
    failures: tuple[QuoteFailure, ...]

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict:
        return {"folders": [str(f) for f in self.folders], "quotes": self.quotes, "documents": dict(sorted(self.documents.items())),
                "ok": self.ok, "failures": [f.as_dict() for f in self.failures]}


@dataclass
class _Read:
    quotes: list  # (file, line, node, quote)
    derived: dict  # node -> set of document IRIs
    seed_files: dict  # document IRI -> (text file name, data file, line)


def _literal_line(text: str, value: str, cursors: dict) -> int:
    """The line of the next occurrence of `value` (as written, or Turtle-escaped) in `text`; 0 if none."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    for form in (value, escaped):
        at = text.find(form, cursors.get(form, 0))
        if at < 0:
            at = text.find(form)
        if at >= 0:
            cursors[form] = at + 1
            return text.count("\n", 0, at) + 1
    return 0


def _read(sources: Iterable["Source"]) -> _Read:
    from kg.dataset import display_path, read_quads

    out = _Read([], {}, {})
    for src in sources:
        text = src.path.read_text(encoding="utf-8", errors="replace")
        cursors: dict = {}
        name = display_path(src.path)
        for q in read_quads(src):
            p = q.predicate.value
            if p == QUOTE:
                out.quotes.append((name, _literal_line(text, q.object.value, cursors), q.subject.value, q.object.value))
            elif p in DERIVED:
                out.derived.setdefault(q.subject.value, set()).add(q.object.value)
            elif p == SEED_FILE:
                out.seed_files[q.subject.value] = (q.object.value, name, _literal_line(text, q.object.value, {}))
    return out


def check_quotes(sources: list["Source"], folders: "Iterable[str | Path] | str | Path | None" = None, *,
                 metadata: list["Source"] = ()) -> QuoteCheck:
    """Check every quote in `sources` against its document's text, found in the first of `folders`
    (a folder or several; default `sources_dirs()`) that holds it.

    `metadata` are further files read only for documents' `igkg:seedFile` and nodes' derivations
    (e.g. the project's reference data when checking one new file). Failures are sorted by file,
    line and node. Raises InputError (a file that does not parse) and UsageError (no such folder).
    """
    from kg.errors import UsageError

    if folders is None:
        folders = sources_dirs()
    elif isinstance(folders, (str, Path)):
        folders = [folders]
    folders = tuple(Path(f) for f in folders)
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"{folder}: no such folder of source documents (give --sources DIR or set KG_SOURCES)")
    read = _read(list(sources))
    extra = _read(list(metadata))
    seeds = {**extra.seed_files, **read.seed_files}
    derived = {**extra.derived}
    for node, docs in read.derived.items():
        derived[node] = derived.get(node, set()) | docs
    failures: list[QuoteFailure] = []
    texts: dict[str, str | None] = {}
    cited = {d for docs in derived.values() for d in docs if d in seeds}
    for doc in sorted(cited | set(read.seed_files)):
        name, file, line = seeds[doc]
        path = next((f / name for f in folders if (f / name).is_file()), None)
        texts[doc] = collapse(path.read_text(encoding="utf-8", errors="replace")) if path is not None else None
        if texts[doc] is None:
            failures.append(QuoteFailure("document missing", file, line, doc, "", doc, name))
    for file, line, node, quote in read.quotes:
        docs = sorted(d for d in derived.get(node, ()) if d in seeds)
        if not docs:
            failures.append(QuoteFailure("no document", file, line, node, quote, None, None))
            continue
        wanted = collapse(quote)
        if any(texts[d] is None for d in docs):
            continue  # a document of this node is missing (reported once): the quote cannot be judged
        if not any(wanted in texts[d] for d in docs):
            failures.append(QuoteFailure("quote not found", file, line, node, quote, docs[0], seeds[docs[0]][0]))
    failures.sort(key=lambda f: (f.file, f.line, f.node, f.quote))
    return QuoteCheck(folders, len(read.quotes), {d: seeds[d][0] for d in sorted(cited | set(read.seed_files))},
                      tuple(failures))
