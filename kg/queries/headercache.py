"""Parsed `#+` query headers kept as JSON, so that `kg query NAME` need not import PyYAML.

Importing `yaml` is a seventh of a cold `kg query`'s CPU (19 of 139 ms, 50 interleaved runs on
2026-11-30: its reader and resolver compile large regular expressions); parsing one header with it
takes under a millisecond. The YAML of
`queries/<name>.rq` (kg.queries.library.parse_header) is therefore kept, the way Python keeps byte
code, in `queries/__pycache__/<name>.rq.header.json`, or under `sys.pycache_prefix`
(PYTHONPYCACHEPREFIX) when that is set:

    {"format": 1, "sha256": "<hex digest of the file's text, UTF-8>", "header": {...}}

An entry counts only for a file whose text has that digest, so an edited file is parsed again.
A header that JSON would not give back equal (a date, a key that is not a string) is not kept.
Entries are written as Python writes byte code: not when `sys.dont_write_bytecode`
(PYTHONDONTWRITEBYTECODE, `python -B`), to a temporary file renamed into place (readers never see
half a file), and a folder that cannot be written is no error. A missing, unreadable or foreign
entry is ignored: the header is then parsed from the file, as without any cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

FORMAT = 1


def digest(text: str) -> str:
    """The SHA-256 of `text` (UTF-8) in hex: the key an entry is valid for."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry_path(query_file: Path) -> Path:
    """Where the parsed header of `query_file` is kept (see the module docstring)."""
    folder = query_file.parent
    if sys.pycache_prefix:
        head = os.path.abspath(folder)  # as importlib.util.cache_from_source places byte code
        return Path(sys.pycache_prefix, head.lstrip(os.sep), f"{query_file.name}.header.json")
    return folder / "__pycache__" / f"{query_file.name}.header.json"


def read(query_file: Path, key: str) -> dict[str, Any] | None:
    """The kept header of `query_file` when it was made from text with digest `key`, else None."""
    try:
        data = json.loads(entry_path(query_file).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("sha256") != key:
        return None
    header = data.get("header")
    return header if isinstance(header, dict) else None


def write(query_file: Path, key: str, header: dict[str, Any]) -> bool:
    """Keep `header`, parsed from text with digest `key`; True when it was written."""
    if sys.dont_write_bytecode:
        return False
    try:
        text = json.dumps({"format": FORMAT, "sha256": key, "header": header}, sort_keys=True)
        if json.loads(text)["header"] != header:
            return False
    except (TypeError, ValueError):  # a date, a set, a float that is not a number …
        return False
    import threading

    target = entry_path(query_file)
    tmp = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.tmp")  # one per writer
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True
