"""The embedded on-disk store: atomic loads into pyoxigraph, read-only opens for queries.

Layout of a store folder (default `./.kg-store`, `--store PATH` or `KG_STORE`):

    .kg-store/
      current.json        which database is current + its metadata (fingerprint, graphs, counts, …)
      db-<id>/            an Oxigraph (RocksDB) database and its text index (search.sqlite, kg.search),
                          never written after it became current
      db-<id>.lock        readers hold a shared lock on it; a load deletes an old db only when free
      load.lock           held (exclusive) by the one `kg load` writing this store
      tmp-<id>/           a database being built (left behind only by a killed load; removed next time)

A load builds a new database in `tmp-<id>/` with the bulk loader, renames it to `db-<id>/`, then
replaces `current.json` with `os.replace` — a single atomic rename. Until that rename, readers and
the next load see the previous database; after it, the new one. A failure or SIGKILL at any moment
therefore leaves the previous store intact and usable. (Renaming the store folder itself, old to
backup and new into place, would leave a moment with no store at the path; a pointer file has none.)

Readers never open a database that a process is writing: only finished databases become current. Locks use
`fcntl.flock` (released by the kernel when a process dies); without `fcntl` (Windows) loads, cleanups run unlocked.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from kg.errors import UsageError
from kg.locks import FileLock
from kg.storemeta import FORMAT_VERSION, META_FILE, StoreMeta, read_meta  # noqa: F401 (kg.store's API)

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

    from kg.dataset import Source

STORE_ENV = "KG_STORE"
DEFAULT_STORE = ".kg-store"
LOAD_LOCK = "load.lock"


def store_path(path: str | os.PathLike | None = None) -> Path:
    """The store folder: `path`, else `$KG_STORE`, else `./.kg-store`."""
    if path:
        return Path(path)
    env = os.environ.get(STORE_ENV)
    return Path(env) if env else Path(DEFAULT_STORE)


@dataclass(frozen=True)
class LoadResult:
    """A load: the store folder, the metadata of its current database, whether it was already
    current (nothing rebuilt), and the seconds taken."""

    path: Path
    meta: StoreMeta
    current: bool  # True: the store already held exactly these sources, nothing was rebuilt
    seconds: float


def is_plain_oxigraph(path: Path) -> bool:
    """An Oxigraph/RocksDB database folder not made by `kg load` (e.g. by `oxigraph load`)."""
    return (path / "CURRENT").is_file() and not (path / META_FILE).exists()


@dataclass
class ReadOnlyStore:
    """A read-only pyoxigraph Store on a current database, with the reader lock that keeps it."""

    store: "pyoxigraph.Store"
    location: Path  # the database folder itself
    meta: StoreMeta | None
    lock: FileLock | None = None


def resolve_database(path: str | os.PathLike) -> tuple[Path, StoreMeta | None]:
    """The database folder a store path stands for (and its metadata), or UsageError when absent."""
    path = Path(path)
    meta = read_meta(path) if path.is_dir() else None
    if meta is not None:
        db = path / meta.db
        if not db.is_dir():
            raise UsageError(f"{path}: the current database {meta.db} is missing; run `kg load` again")
        return db, meta
    if path.is_dir() and is_plain_oxigraph(path):
        return path, None
    raise UsageError(f"{path}: no store there; run `kg load` first (or pass --store PATH)")


def hold_database(path: str | os.PathLike) -> tuple[Path, StoreMeta | None, FileLock | None]:
    """Resolve the current database and take a shared lock so no load deletes it while in use."""
    path = Path(path)
    for _ in range(20):
        db, meta = resolve_database(path)
        if meta is None:
            return db, None, None
        try:
            lock = FileLock(path / f"{meta.db}.lock", exclusive=False, blocking=True)
        except OSError:  # a read-only store folder without the lock file: no load can delete db there
            lock = None
        again = read_meta(path)
        if again is not None and again.db == meta.db and db.is_dir():
            return db, meta, lock
        if lock is not None:
            lock.close()  # a load swapped databases between our two reads: take the new one
    raise UsageError(f"{path}: the store keeps changing under us; retry when `kg load` has finished")


def open_read_only(path: str | os.PathLike) -> ReadOnlyStore:
    """Open the store at `path` read-only (several readers may run; loads never touch it)."""
    import pyoxigraph as ox

    db, meta, lock = hold_database(path)
    try:
        store = ox.Store.read_only(str(db))
    except OSError as e:
        if lock:
            lock.close()
        raise UsageError(f"{path}: cannot open the store read-only: {e}") from None
    return ReadOnlyStore(store, db, meta, lock)


# --- building ------------------------------------------------------------------------------


def graph_counts(store: "pyoxigraph.Store") -> dict[str, int]:
    """Triples per named graph (sorted by graph IRI)."""
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return dict(sorted((r["g"].value, int(r["n"].value)) for r in rows))


def default_graph_count(store: "pyoxigraph.Store") -> int:
    """Triples in the default graph itself (not the union of the named graphs)."""
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


@dataclass(frozen=True)
class Built:
    """What `build_database` wrote: triples per named graph and in the default graph, inferred
    triples, and the seconds compaction took (None: not compacted)."""

    counts: dict[str, int]
    default: int
    inferred: int
    optimize_seconds: float | None
    rewritten: list = field(default_factory=list)  # literals held in canonical form (kg.literals)


def build_database(
    sources: list["Source"],
    location: Path,
    *,
    reason: bool = False,
    optimize: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Built:
    """Bulk-load `sources` into a new on-disk database at `location` (closed on return).

    `optimize` compacts it afterwards (RocksDB full compaction, as `oxigraph optimize`): +1.6 s at 1M triples,
    about 1.35x faster queries (bench/README.md). On any error the half-built database is deleted, error re-raised.
    """
    import gc
    import shutil

    import pyoxigraph as ox

    from kg.dataset import read_quads
    from kg.literals import FormCounter
    from kg.search import INDEX_FILE, build_index, triples_of

    store, forms = ox.Store(str(location)), FormCounter()
    try:
        loaded = 0

        def counted() -> Iterator["pyoxigraph.Quad"]:
            nonlocal loaded
            for src in sources:  # one bulk load for all files: each call costs a round of SST files
                for q in read_quads(src):
                    loaded += 1
                    if progress is not None and loaded % 20000 == 0:
                        progress(loaded)
                    yield q

        store.bulk_extend(forms.scan(counted()))
        if progress is not None:
            progress(loaded)
        inferred = _materialise(store, loaded) if reason else 0
        counts, default = graph_counts(store), default_graph_count(store)
        store.flush()
        build_index(triples_of(store), location / INDEX_FILE)  # the store's generation and its index together
        optimize_seconds = None
        if optimize:
            started = time.monotonic()
            store.optimize()
            optimize_seconds = round(time.monotonic() - started, 3)
    except BaseException:
        del store
        gc.collect()
        shutil.rmtree(location, ignore_errors=True)
        raise
    del store
    gc.collect()  # close the RocksDB database before anyone opens it read-only
    return Built(counts, default, inferred, optimize_seconds, forms.summary())


# Triples; up to this, reason on an in-memory copy (about 0.5 GiB per million triples: 10M take
# ~5 GiB and minutes, where the rules as transactions on disk would take hours).
IN_MEMORY_REASONING_MAX = 12_000_000


def _materialise(store: "pyoxigraph.Store", loaded: int) -> int:
    """Run kg.reason.rules.materialise for `store`, writing `iggraph:inferred` into it.

    Its SPARQL rules run ~30x faster on an in-memory store than as transactions on disk, so small
    datasets are copied into memory, reasoned over there, and only the inferences bulk-loaded back.
    """
    import pyoxigraph as ox

    from kg.namespaces import GRAPH_INFERRED
    from kg.reason.rules import materialise

    if loaded > IN_MEMORY_REASONING_MAX:
        return int(materialise(store))
    memory = ox.Store()
    memory.extend(store.quads_for_pattern(None, None, None, None))
    count = int(materialise(memory))
    store.bulk_extend(memory.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_INFERRED)))
    return count


# --- loading ---------------------------------------------------------------------------------


def _unwritable(path: Path, e: OSError) -> UsageError:
    return UsageError(f"{path}: cannot write the store folder ({e.strerror or e}); pick a writable --store")


def _check_store_folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path} is a file, not a store folder; pick another --store")
    if path.is_dir() and not (path / META_FILE).exists():
        ours = ("tmp-", "db-", f".{META_FILE}.", LOAD_LOCK)  # what a first load, killed, leaves
        foreign = [p.name for p in path.iterdir() if not p.name.startswith(ours)]
        if foreign:
            what = "an Oxigraph database not made by `kg load`" if is_plain_oxigraph(path) else "not a kg store"
            raise UsageError(f"{path} is {what} (it holds {sorted(foreign)[:3]}…); pick an empty or new --store")


def _write_meta(path: Path, meta: StoreMeta) -> None:
    tmp = path / f".{META_FILE}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(asdict(meta), f, indent=2, sort_keys=True)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path / META_FILE)  # the atomic swap
    try:
        dir_fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:  # pragma: no cover - platforms that cannot fsync a folder
        pass


def cleanup(path: Path) -> list[str]:
    """Delete leftovers: build folders of dead loads, and old databases no reader holds.

    Call only while holding the load lock (so every `tmp-*` belongs to a dead load).
    """
    import shutil

    removed: list[str] = []
    meta = read_meta(path, strict=False)
    current = meta.db if meta else None
    for p in sorted(path.iterdir()):
        name = p.name
        if name.startswith("tmp-") or name.startswith(f".{META_FILE}."):
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
            removed.append(name)
        elif name.startswith("db-") and p.is_dir() and name != current:
            try:
                lock = FileLock(path / f"{name}.lock", exclusive=True, blocking=False)
            except BlockingIOError:
                continue  # a reader (e.g. `kg serve`) still uses it; a later load removes it
            try:
                shutil.rmtree(p, ignore_errors=True)
                (path / f"{name}.lock").unlink(missing_ok=True)
                removed.append(name)
            finally:
                lock.close()
        elif name.startswith("db-") and name.endswith(".lock") and not (path / name[:-5]).exists():
            p.unlink(missing_ok=True)
    return removed


def load(
    sources: list["Source"],
    *,
    path: str | os.PathLike | None = None,
    reason: bool = False,
    optimize: bool = True,
    validated: str = "yes",
    rebuild: bool = False,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Load `sources` into the store folder at `path` (default `store_path()`) atomically (see the
    module docstring); returns a LoadResult with the new (or kept) metadata and the seconds taken.

    When the store already holds the same sources (same fingerprint, same reasoning, same igkg
    version) nothing is rebuilt unless `rebuild`. `progress(n)` is called with the number of quads
    read so far. Raises InputError (a file that does not parse; the store is unchanged) and
    UsageError (not a store folder, another load running).
    """
    import secrets

    from kg import __version__
    from kg.dataset import fingerprint

    started = time.monotonic()
    path = store_path(path)
    _check_store_folder(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        lock = FileLock(path / LOAD_LOCK, exclusive=True, blocking=False)
    except BlockingIOError:
        raise UsageError(f"{path}: another `kg load` is writing this store; wait for it to finish") from None
    except OSError as e:
        raise _unwritable(path, e) from None
    try:
        cleanup(path)
        fp = fingerprint(sources)
        old = read_meta(path, strict=False)
        if (
            not rebuild and old is not None and old.fingerprint == fp and old.reasoned == reason
            and old.igkg_version == __version__ and (path / old.db).is_dir()
        ):
            return LoadResult(path, old, True, time.monotonic() - started)

        ident = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{secrets.token_hex(3)}"
        tmp = path / f"tmp-{ident}"
        try:
            tmp.mkdir()
        except OSError as e:
            raise _unwritable(path, e) from None
        built = build_database(sources, tmp, reason=reason, optimize=optimize, progress=progress)
        db = path / f"db-{ident}"
        os.rename(tmp, db)
        seconds = round(time.monotonic() - started, 3)
        meta = StoreMeta(
            db=db.name,
            fingerprint=fp,
            graphs=built.counts,
            triples=sum(built.counts.values()) + built.default,
            igkg_version=__version__,
            created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            seconds=seconds,
            validated=validated,
            reasoned=reason,
            inferred=built.inferred, rewritten=built.rewritten,
            optimize_seconds=built.optimize_seconds,
            sources=[{"path": str(s.path), "graph": s.graph} for s in sources],
        )
        _write_meta(path, meta)
        cleanup(path)
        return LoadResult(path, meta, False, seconds)
    finally:
        lock.close()
