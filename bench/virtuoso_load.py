"""`make bench-virtuoso`: the synthetic world loaded into OpenLink Virtuoso through `kg load --endpoint`,
beside the embedded `kg load` of the same file, in one run.

    python bench/virtuoso_load.py                      # 1M triples, what `make bench-virtuoso` runs
    python bench/virtuoso_load.py --triples 100000     # a smaller world

Steps, each timed from outside in its own process: generate the world (bench/generate.py, N-Quads,
one named graph per synthetic document, the ontology included); `kg load FILE --store DIR
--no-validate` (embedded); start Virtuoso 7 (Debian's `virtuoso-opensource`, tests/servers.py) with a
new database and the settings in SETTINGS; `kg load FILE --endpoint …/sparql-graph-crud-auth
--no-validate --json` (digest authentication as `dba`). The remote load runs the real command in a
child process whose kg.graphstore functions are wrapped with clocks (nothing else changes), so the
phases are measured too: building the dataset locally, the Graph Store `PUT`s into staging graphs,
the staging counts check, the one SPARQL Update that switches the graphs in, dropping the staging
graphs, the final counts check. A remote load still running after `--cap-min` minutes is stopped and
recorded as such. The per-graph triple counts on the server must equal the embedded store's.

The figures are appended as one Markdown section to `bench/results/virtuoso-load.md` (seconds,
wall clock; one run: a benchmark of one long operation, not a median).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
PY = sys.executable
KG = str(Path(PY).parent / "kg")
RESULTS = HERE / "results" / "virtuoso-load.md"

# What Debian's virtuoso.ini must change for a load of 1M triples in 4,500+ graphs switched in one
# transaction: no query time limit on the switch (`MaxQueryExecutionTime = 60` ends it with SR171),
# a transaction log image large enough for it (`TransactionAfterImageLimit`, 50 MB by default, ends
# it with SR325; above about 2^31 the value overflows and every write is refused), and about 1.3 GB
# of page cache instead of 80 MB (`NumberOfBuffers`, 8 KB pages).
SETTINGS = {"SPARQL": {"MaxQueryExecutionTime": "0"},
            "Parameters": {"TransactionAfterImageLimit": "1500000000"}}
BUFFERS = 170_000

# The child process that runs `kg load --endpoint` with clocks around kg.graphstore's steps.
TIMED_CHILD = r"""
import json, sys, time
import kg.graphstore as gs
from kg.remote import RemoteBackend

t0 = time.monotonic()
log = open(sys.argv[1], "w", buffering=1)  # one JSON line per request, so a stopped load keeps its marks
log.write(json.dumps({"t0": t0}) + "\n")
def clocked(kind, fn):
    def wrapper(*args, **kwargs):
        start = time.monotonic()
        try:
            return fn(*args, **kwargs)
        finally:
            log.write(json.dumps({"mark": [kind(args) if callable(kind) else kind, start, time.monotonic()]}) + "\n")
    return wrapper

def update_kind(args):
    text = args[2]
    if text.startswith("DELETE {"):
        return "switch"
    return "probe" if "probe>" in text else "drop"

gs.put_graph = clocked("put", gs.put_graph)
gs.update = clocked(update_kind, gs.update)
RemoteBackend.counts_of = clocked("count", RemoteBackend.counts_of)
code = 0
try:
    from kg.cli import main
    main(sys.argv[2:])
except SystemExit as e:
    code = e.code or 0
finally:
    log.write(json.dumps({"end": time.monotonic(), "code": code}) + "\n")
"""


def read_marks(path: Path, stopped_at: float) -> dict:
    """The child's record: t0, end (`stopped_at` when it was stopped), and its marks."""
    record: dict = {"marks": [], "end": stopped_at}
    for line in path.read_text().splitlines():
        item = json.loads(line)
        if "mark" in item:
            record["marks"].append(tuple(item["mark"]))
        else:
            record.update(item)
    return record


def run(cmd: list[str], *, env: dict | None = None,
        timeout: float | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT)
    return time.monotonic() - start, done


def phases(record: dict) -> dict[str, float]:
    """Seconds per phase from the child's marks: before the first request (building the dataset
    locally), the PUTs, the counts checks, the switch, the drops."""
    marks = record["marks"]
    out = {"total in the child": record["end"] - record["t0"]}
    first = min((s for _, s, _ in marks), default=record["end"])
    out["build the dataset locally"] = first - record["t0"]
    puts = [(s, e) for k, s, e in marks if k == "put"]
    if puts:
        out["PUT staging graphs (first to last)"] = max(e for _, e in puts) - min(s for s, _ in puts)
        out["PUT requests (sum)"] = sum(e - s for s, e in puts)
        out["PUT requests"] = len(puts)
    for kind, label in (("count", "count checks (sum)"), ("switch", "the switch (one SPARQL Update)"),
                        ("drop", "drop staging graphs (sum)")):
        spans = [e - s for k, s, e in marks if k == kind]
        if spans:
            out[label] = sum(spans)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--cap-min", type=float, default=15.0, help="stop the remote load after this many minutes")
    ap.add_argument("-o", "--output", type=Path, default=RESULTS)
    args = ap.parse_args()

    from servers import start_virtuoso, stop, virtuoso_available

    if not virtuoso_available():
        print("Virtuoso is not installed: run `make debian-packages` (as root) first", file=sys.stderr)
        return 2
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-virtuoso-") as tmp:
        tmp = Path(tmp)
        world = tmp / "world.nq"
        secs, done = run([PY, str(HERE / "generate.py"), "--triples", str(args.triples), "--with-ontology",
                          "-o", str(world)])
        assert done.returncode == 0, done.stderr
        figures["generate"] = secs
        secs, done = run([KG, "load", str(world), "--store", str(tmp / "store"), "--no-validate", "--json"])
        assert done.returncode == 0, done.stderr
        embedded = json.loads(done.stdout)
        figures["embedded kg load"] = secs
        print(f"embedded kg load: {secs:.1f} s, {embedded['triples']:,} triples in {len(embedded['graphs']):,} graphs",
              flush=True)

        (tmp / "virtuoso").mkdir()
        start = time.monotonic()
        server, proc = start_virtuoso(tmp / "virtuoso", buffers=BUFFERS, settings=SETTINGS)
        figures["start Virtuoso"] = time.monotonic() - start
        try:
            env = dict(os.environ, KG_ENDPOINT_USER="dba", KG_ENDPOINT_PASSWORD=server.password,
                       KG_ENDPOINT_TIMEOUT=str(int(args.cap_min * 60)))
            record_file = tmp / "phases.json"
            cmd = [PY, "-c", TIMED_CHILD, str(record_file), "load", str(world), "--endpoint",
                   f"{server.url}/sparql-graph-crud-auth", "--no-validate", "--json"]
            try:
                secs, done = run(cmd, env=env, timeout=args.cap_min * 60)
            except subprocess.TimeoutExpired:
                figures["remote kg load"] = f"stopped after {args.cap_min:g} min"
                done = None
                if record_file.exists():
                    figures["phases (until stopped)"] = phases(read_marks(record_file, time.monotonic()))
            if done is not None:
                figures["remote kg load"] = secs
                if done.returncode != 0:
                    figures["remote error"] = (done.stderr.strip().splitlines() or ["?"])[-1][:300]
                else:
                    remote = json.loads(done.stdout)
                    figures["same counts per graph"] = remote["graphs"] == embedded["graphs"]
                    figures["atomic"] = remote["atomic"]
                if record_file.exists():
                    figures["phases"] = phases(read_marks(record_file, time.monotonic()))
        finally:
            stop(proc)
    write(args.output, args.triples, embedded, figures)
    print(args.output.read_text().rsplit("\n## ", 1)[-1])
    return 0 if isinstance(figures.get("remote kg load"), float) and figures.get("same counts per graph") else 1


def write(path: Path, triples: int, embedded: dict, figures: dict) -> None:
    def s(x) -> str:
        return f"{x:.1f} s" if isinstance(x, float) else str(x)

    remote = figures.get("remote kg load")
    lines = [f"## {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
             f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end",
             "",
             f"World: {embedded['triples']:,} triples in {len(embedded['graphs']):,} named graphs "
             f"(bench/generate.py --triples {triples:,} --with-ontology). Virtuoso: "
             + ", ".join(f"`{k} = {v}`" for sec in SETTINGS.values() for k, v in sec.items())
             + f", `NumberOfBuffers = {BUFFERS}`.",
             "",
             "| step | time |", "|---|---|",
             f"| embedded `kg load --store` | {s(figures['embedded kg load'])} |",
             f"| Virtuoso `kg load --endpoint` | {s(remote)} |"]
    if isinstance(remote, float):
        lines.append(f"| ratio remote / embedded | {remote / figures['embedded kg load']:.1f}× |")
    for label, value in (figures.get("phases") or figures.get("phases (until stopped)") or {}).items():
        lines.append(f"| · {label} | {value if isinstance(value, int) else s(value)} |")
    for key in ("same counts per graph", "atomic", "remote error", "generate", "start Virtuoso"):
        if key in figures:
            lines.append(f"| {key} | {s(figures[key])} |")
    path.parent.mkdir(parents=True, exist_ok=True)
    head = "" if path.exists() else ("# The synthetic world loaded into Virtuoso through `kg load --endpoint`\n\n"
                                     "Written by `make bench-virtuoso` (bench/virtuoso_load.py); "
                                     "one section per run.\n")
    with path.open("a", encoding="utf-8") as out:
        out.write(head + "\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
