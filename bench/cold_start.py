"""`kg query NAME` cold start on the seed data: this checkout against a base revision, interleaved.

Usage:  python bench/cold_start.py [--base REV] [--runs 40] [-o FILE.md]

Each run is a whole `kg query` process (the console script of a venv, standard output to
/dev/null) on an embedded store loaded with `kg load --reason`, timed with `time.perf_counter`
around `subprocess.run`. One loop runs every variant once per round, in an order that rotates
each round, so that the noise of a shared machine falls on all of them alike; the first round
is dropped (it warms the page cache). Reported: median, p90 and min per variant, in seconds.

The base revision is exported (`git archive`) into build/cold-start/base-REV and installed the
way its own Makefile installs it (`pip install -e .`, PEP 660 editable) into its own venv, whose
dependencies are this venv's (a .pth line naming this venv's site-packages; pip builds the editable
wheel with setuptools from the package index, as `make install` does). Each side loads its
own store (KG_STORE under build/cold-start/). Floors, in this venv: `python -c pass`, `python -c
"import pyoxigraph"`, and pyoxigraph opening the store read-only and running one query.

Two bytecode settings, each its own loop:
- cached: Python's default, byte code written once and read after (PYTHONPYCACHEPREFIX points
  into build/cold-start/, so no __pycache__ lands in the checkouts);
- uncached: PYTHONDONTWRITEBYTECODE=1 (as `make test` sets; igkg's own modules compiled on every
  start, installed packages read their byte code from the venv); skipped when a checkout already
  holds kg/__pycache__ (it would be read).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "cold-start"
CASES = {
    "people": ["query", "people"],
    "members-of-organisation": ["query", "members-of-organisation", "-p", "org=igorg:knet"],
}
FLOOR_OPEN = ("import sys, json, pyoxigraph as ox\n"
              "db = json.load(open(sys.argv[1] + '/current.json'))['db']\n"
              "s = ox.Store.read_only(sys.argv[1] + '/' + db)\n"
              "list(s.query('SELECT ?s WHERE { ?s ?p ?o } LIMIT 1'))\n")


def log(msg: str) -> None:
    print(f"[cold-start] {msg}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def base_checkout(rev: str) -> tuple[Path, Path]:
    """(checkout, its kg console script): REV exported and installed editable into its own venv."""
    sha = run(["git", "-C", str(ROOT), "rev-parse", "--short", rev]).stdout.strip()
    tree = WORK / f"base-{sha}"
    venv = tree / ".venv"
    kg = venv / "bin" / "kg"
    if kg.exists():
        return tree, kg
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", sha], stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(tree)], stdin=archive.stdout, check=True)
    if archive.wait() != 0:
        raise SystemExit(f"git archive {rev} failed")
    log(f"venv for the base {sha}: {venv}")
    run([sys.executable, "-m", "venv", str(venv)])
    site = Path(run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
                .stdout.strip())
    # this venv's packages for the base's dependencies; a path line: their .pth files are not run
    (site / "igkg-bench-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(tree)])
    return tree, kg


def load_store(kg: Path, tree: Path, store: Path, env: dict) -> None:
    """`kg load --reason` into `store` (a no-op when it already holds the current files)."""
    log(f"kg load --reason --store {store}")
    run([str(kg), "load", "--reason", "--store", str(store)], cwd=tree, env=env)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cpu_of_children() -> float:
    """User + system CPU seconds of this process's finished children (and theirs)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def interleaved(variants: dict[str, tuple[list[str], Path, dict]], runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """(wall seconds, CPU seconds) per variant: `runs` rounds (plus one dropped), every variant once per round."""
    names = list(variants)
    times: dict[str, tuple[list[float], list[float]]] = {n: ([], []) for n in names}
    for i in range(runs + 1):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            cmd, cwd, env = variants[name]
            cpu = cpu_of_children()
            started = time.perf_counter()
            subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            if i:
                times[name][0].append(time.perf_counter() - started)
                times[name][1].append(cpu_of_children() - cpu)
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="b8bebd2", help="the revision to compare with (default b8bebd2)")
    ap.add_argument("--runs", type=int, default=40, help="rounds per bytecode setting (default 40)")
    ap.add_argument("-o", "--output", type=Path, default=None, help="write the Markdown report here")
    args = ap.parse_args(argv)

    new_kg = Path(sys.executable).parent / "kg"
    base_tree, base_kg = base_checkout(args.base)
    base_sha = run(["git", "-C", str(ROOT), "rev-parse", "--short", args.base]).stdout.strip()
    head = run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]).stdout.strip()
    dirty = " (with uncommitted changes)" if run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "kg",
                                                  "queries", "pyproject.toml"]).stdout.strip() else ""
    for kg, tree in ((base_kg, base_tree), (new_kg, ROOT)):
        where = run([str(kg.parent / "python"), "-B", "-c", "import kg; print(kg.__file__)"], cwd="/").stdout.strip()
        if not where.startswith(str(tree / "kg")):
            raise SystemExit(f"{kg} imports kg from {where}, not from {tree}")

    env0 = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX",
                                                                "KG_STORE", "KG_HOME", "PYTHONPATH")}
    stores = {"base": WORK / f"store-base-{base_sha}", "new": WORK / "store-new"}
    quiet = {**env0, "PYTHONDONTWRITEBYTECODE": "1"}  # the set-up writes no byte code into the checkouts
    load_store(base_kg, base_tree, stores["base"], quiet)
    load_store(new_kg, ROOT, stores["new"], quiet)
    for case, cmd in CASES.items():  # both sides answer alike
        outs = {side: run([str(kg), *cmd], cwd=tree, env={**quiet, "KG_STORE": str(stores[side])}).stdout
                for side, kg, tree in (("base", base_kg, base_tree), ("new", new_kg, ROOT))}
        if outs["base"] != outs["new"]:
            raise SystemExit(f"kg {' '.join(cmd)}: the base and this checkout answer differently")

    settings = {
        "cached": {"PYTHONPYCACHEPREFIX": str(WORK / "pycache")},
        "uncached": {"PYTHONDONTWRITEBYTECODE": "1"},
    }
    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results: dict[str, dict[str, list[float]] | str] = {}
    for setting, extra in settings.items():
        held = [str(t / "kg" / "__pycache__") for t in (base_tree, ROOT) if (t / "kg" / "__pycache__").exists()]
        if setting == "uncached" and held:
            results[setting] = f"skipped: {', '.join(held)} exists (its byte code would be read)"
            continue
        env = {**env0, **extra}
        py = str(Path(sys.executable).parent / "python")
        variants: dict[str, tuple[list[str], Path, dict]] = {
            "floor: `python -c pass`": ([py, "-c", "pass"], ROOT, env),
            "floor: `python -c pass` in the base's venv": ([str(base_kg.parent / "python"), "-c", "pass"], ROOT, env),
            "floor: `python -c \"import pyoxigraph\"`": ([py, "-c", "import pyoxigraph"], ROOT, env),
            "floor: pyoxigraph opens the store, 1 query": ([py, "-c", FLOOR_OPEN, str(stores["new"])], ROOT, env),
        }
        for case, cmd in CASES.items():
            for side, kg, tree in (("base", base_kg, base_tree), ("new", new_kg, ROOT)):
                variants[f"{side}: `kg {' '.join(cmd)}`"] = ([str(kg), *cmd], tree, {**env, "KG_STORE": str(stores[side])})
        log(f"{setting}: {args.runs} rounds of {len(variants)} variants")
        results[setting] = interleaved(variants, args.runs)
    load_after = os.getloadavg()

    lines = [
        "# `kg query` cold start on the seed data",
        "",
        f"<!-- Generated by `make bench-cold-start` (bench/cold_start.py); do not edit by hand. -->",
        "",
        f"{started}, {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (a shared machine: compare the rows, which ran "
        "interleaved, more than the seconds).",
        "",
        f"- base: {base_sha}, its own venv, installed as its Makefile does (`pip install -e .`: setuptools' "
        "import-hook finder);",
        f"- new: {head}{dirty}, this checkout's venv (`make install`).",
        "",
        f"Whole processes, standard output to /dev/null, each on its own store loaded with `kg load --reason`; "
        f"{args.runs} rounds per setting, the variants interleaved (rotating order), one warm-up round dropped. "
        "Seconds of wall-clock time (median, p90, min) and of CPU, user + system, the forked query child "
        "included (median; less moved by other processes than the wall clock).",
    ]
    for setting, res in results.items():
        lines += ["", f"## {setting}: " + ("byte code cached (Python's default)" if setting == "cached"
                                            else "PYTHONDONTWRITEBYTECODE=1 (igkg's modules compiled on every start)"), ""]
        if isinstance(res, str):
            lines.append(res)
            continue
        lines += ["| variant | median | p90 | min | CPU median | runs |", "|---|---:|---:|---:|---:|---:|"]
        for name, (secs, cpu) in res.items():
            lines.append(f"| {name} | {statistics.median(secs):.3f} | {percentile(secs, 0.9):.3f} | {min(secs):.3f} "
                         f"| {statistics.median(cpu):.3f} | {len(secs)} |")
        lines.append("")
        for case, cmd in CASES.items():
            (old, old_cpu), (new, new_cpu) = ((statistics.median(x) for x in res[f"{side}: `kg {' '.join(cmd)}`"])
                                              for side in ("base", "new"))
            lines.append(f"- `kg {' '.join(cmd)}`: new/base medians {new / old:.2f} (wall), {new_cpu / old_cpu:.2f} (CPU).")
    text = "\n".join(lines) + "\n"
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        log(f"wrote {args.output}")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
