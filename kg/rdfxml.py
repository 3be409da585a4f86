"""RDF/XML input: refuse DTD entity declarations before pyoxigraph parses the document.

pyoxigraph 0.5's RDF/XML parser expands internal entities declared in the document type
declaration, nested ones included, with no bound: ten entities of ten references each (a
"billion laughs" document of under 1 KB) make a literal of gigabytes. It refuses external
(SYSTEM/PUBLIC) entities, and its SPARQL XML results parser expands no declared entity at all.

So every RDF/XML document kg reads (files through kg.dataset, RDF/XML answers of a server through
kg.remote) first has its prolog read by the standard library's expat parser, which stops at the
root element: a `<!ENTITY …>` declaration of any kind (general or parameter, internal or external)
is refused naming the file and line. A DOCTYPE without entity declarations passes, and
the five predefined entities (`&amp;` …) and character references need no declaration. The cost
is reading the prolog: the first bytes of the document up to its root element.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError

CHUNK = 65536
ADVICE = ("DTD entity declarations are refused (they can expand to gigabytes); write the entities' "
          "text in place, or convert the file to Turtle")


class _RootReached(Exception):
    """The prolog ended: the root element starts."""


def check_prolog(source: Path | bytes | BinaryIO, *, where: str) -> None:
    """Raise InputError(where:line) when the XML document `source` (a file path, its bytes
    or a binary stream, read from its start) declares an entity in its prolog or is not well-formed
    XML before its root element; return once the root element starts (or at the end of a document
    without one, which the RDF/XML parser then reports). `where` names the document in the message."""
    from xml.parsers import expat

    parser = expat.ParserCreate()

    def declared(name, is_parameter, value, base, system_id, public_id, notation):
        kind = "% " if is_parameter else ""
        raise InputError(where, f"<!ENTITY {kind}{name} …>: {ADVICE}", line=parser.CurrentLineNumber)

    def root(name, attributes):
        raise _RootReached

    parser.EntityDeclHandler = declared
    parser.StartElementHandler = root
    try:
        if isinstance(source, (bytes, bytearray)):
            parser.Parse(bytes(source), True)
        elif isinstance(source, Path):
            with open(source, "rb") as f:
                _feed(parser, f)
        else:
            _feed(parser, source)
    except _RootReached:
        return
    except expat.ExpatError as e:
        raise InputError(where, f"not well-formed XML: {expat.ErrorString(e.code)}",
                         line=e.lineno, column=e.offset + 1) from None


def _feed(parser, stream: BinaryIO) -> None:
    while True:
        chunk = stream.read(CHUNK)
        parser.Parse(chunk, not chunk)
        if not chunk:
            return
