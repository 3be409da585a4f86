"""`current.json`, the pointer file of an embedded store (kg.store): what it records, and reading it.

The file names the current database folder (`db`, a plain name inside the store folder: no path
separator, no `..`) and records how it was made. A file that is not JSON, is JSON of another shape
(`[]`, a missing or mistyped field) or names a database outside the store folder is refused with
one line (UsageError) saying that `kg load` replaces it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import UsageError

META_FILE = "current.json"
FORMAT_VERSION = 1
DB_NAME = re.compile(r"^db-[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class StoreMeta:
    """What `current.json` records about the current database."""

    db: str
    fingerprint: str
    graphs: dict[str, int]
    triples: int
    igkg_version: str
    created: str
    seconds: float
    validated: str  # "yes", "no" (--no-validate) or "forced" (loaded despite violations)
    reasoned: bool
    inferred: int = 0
    optimize_seconds: float | None = None  # time spent compacting (part of `seconds`); None: not compacted
    rewritten: list = field(default_factory=list)  # kg.literals.FormCounter.summary(): [count, written, stored]
    sources: list[dict[str, str | None]] = field(default_factory=list)
    format: int = FORMAT_VERSION

    @classmethod
    def from_json(cls, data) -> "StoreMeta":
        """The metadata in `data` (parsed JSON); ValueError naming the first field of a wrong shape."""
        if not isinstance(data, dict):
            raise ValueError(f"a JSON object was expected, not {type(data).__name__}")
        for name, types in _REQUIRED.items():
            if not isinstance(data.get(name), types) or isinstance(data.get(name), bool) and bool not in types:
                raise ValueError(f"field {name!r} is missing or not a {' or '.join(t.__name__ for t in types)}")
        if not DB_NAME.match(data["db"]):
            raise ValueError(f"field 'db' ({data['db']!r}) must name a db-… folder inside the store folder")
        if not all(isinstance(k, str) and isinstance(v, int) for k, v in data["graphs"].items()):
            raise ValueError("field 'graphs' must map graph IRIs to counts")
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


_REQUIRED: dict[str, tuple[type, ...]] = {
    "db": (str,), "fingerprint": (str,), "graphs": (dict,), "triples": (int,), "igkg_version": (str,),
    "created": (str,), "seconds": (int, float), "validated": (str,), "reasoned": (bool,),
}


def read_meta(path: str | os.PathLike, *, strict: bool = True) -> StoreMeta | None:
    """The metadata of the store at `path`, or None when it is not a store made by `kg load`.

    Unreadable metadata (edited by hand, damaged) is a UsageError naming the file and what is
    wrong, or None when not `strict` (a load then simply builds a new current database).
    """
    file = Path(path) / META_FILE
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return StoreMeta.from_json(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as e:
        if not strict:
            return None
        what = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise UsageError(f"{file}: unreadable store metadata ({what}); `kg load --store {Path(path)}` "
                         "replaces it") from None
