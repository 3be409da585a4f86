"""bench/run.py --append: the new run's sizes replace the earlier run's, except the steps the new
run left out with --skip, which keep the earlier measurement and say which run it came from; the
results page says which run each size comes from."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("igkg_bench_run", ROOT / "bench" / "run.py")
bench = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = bench
spec.loader.exec_module(bench)


def _run(date, sizes, rows, queries=()):
    return {"meta": {"date": date, "started": "09:30", "seconds": 600.0}, "sizes": sizes,
            "worlds": {str(s): {} for s in sizes}, "rows": rows, "queries": list(queries)}


def _ok(op, size, seconds):
    return {"op": op, "size": size, "status": "ok", "seconds": seconds, "peak_mib": 50.0}


def test_skipped_steps_keep_the_earlier_measurement_and_say_so():
    old = _run("2026-01-01", [1000, 10000], [
        _ok("load.kg", 1000, 1.0), _ok("load.kg", 10000, 9.0), _ok("validate.kg", 10000, 20.0),
        {"op": "validate.pyshacl", "size": 10000, "status": "skipped", "note": "projected 900 s"},
    ], queries=[{"size": 10000, "engine": "oxigraph", "name": "q", "median_ms": 5.0}])
    new = _run("2026-02-02", [10000], [
        _ok("load.kg", 10000, 7.0),
        {"op": "validate.kg", "size": 10000, "status": "skipped", "note": bench.SKIPPED_BY_OPTION},
        {"op": "validate.pyshacl", "size": 10000, "status": "skipped", "note": bench.SKIPPED_BY_OPTION},
    ], queries=[{"size": 10000, "engine": "oxigraph", "name": "q", "median_ms": 2.0}])

    merged = bench.merge_results(old, new)

    assert merged["rows"] == [
        _ok("load.kg", 1000, 1.0),
        _ok("load.kg", 10000, 7.0),
        {**_ok("validate.kg", 10000, 20.0), "earlier_run": "2026-01-01 09:30"},
        {"op": "validate.pyshacl", "size": 10000, "status": "skipped", "note": bench.SKIPPED_BY_OPTION},
    ]
    assert merged["queries"] == [{"size": 10000, "engine": "oxigraph", "name": "q", "median_ms": 2.0}]
    assert merged["meta"]["appended"] == [{"date": "2026-02-02", "started": "09:30", "seconds": 600.0,
                                           "sizes": [10000]}]
    assert bench.cell(merged["rows"][2]) == "20.00 s / 50 MiB (earlier run, 2026-01-01 09:30)"
    assert bench.runs_text(merged) == ["Size 1k: run of 2026-01-01 09:30 (10.0 minutes).",
                                       "Size 10k: run of 2026-02-02 09:30 (10.0 minutes, `--append`)."]


def test_a_run_whose_sizes_were_all_measured_again_is_not_named():
    first = _run("2026-01-01", [1000], [_ok("load.kg", 1000, 1.0)])
    second = bench.merge_results(first, _run("2026-02-02", [1000, 10000], [_ok("load.kg", 1000, 2.0)]))
    third = bench.merge_results(second, _run("2026-03-03", [10000], [_ok("load.kg", 10000, 3.0)]))
    assert bench.runs_text(third) == ["Size 1k: run of 2026-02-02 09:30 (10.0 minutes, `--append`).",
                                      "Size 10k: run of 2026-03-03 09:30 (10.0 minutes, `--append`)."]


def test_a_skipped_query_step_keeps_the_earlier_queries_and_says_so():
    q = {"size": 10000, "engine": "oxigraph", "query": "q", "median_ms": 5.0, "p95_ms": 6.0, "rows": 1}
    old = _run("2026-01-01", [10000], [_ok("queries.oxigraph", 10000, 9.0), _ok("load.kg", 10000, 9.0)], [q])
    new = _run("2026-02-02", [10000], [
        {"op": "queries.oxigraph", "size": 10000, "status": "skipped", "note": bench.SKIPPED_BY_OPTION},
        _ok("load.kg", 10000, 7.0)])

    merged = bench.merge_results(old, new)

    assert merged["queries"] == [{**q, "earlier_run": "2026-01-01 09:30"}]
    merged["meta"].update(host="vm", cpus=2, python="3.11", seed=42, violations=5)
    page = bench.render(merged, bench.ROOT / "bench" / "results" / "x.json").splitlines()
    table = page.index("## Queries (median / p95 ms; rows)")
    assert page[table + 2:table + 5] == ["| query | oxigraph 10k (earlier run, 2026-01-01 09:30) |", "|---|---|",
                                         "| q | 5.00 / 6.00; 1 |"]


def test_a_run_that_would_drop_sizes_of_the_results_file_is_warned(tmp_path):
    out = tmp_path / "r.json"
    assert bench.sizes_lost(out, [1000]) == []  # no file yet
    out.write_text('{"sizes": [1000, 10000, 10000000]}', encoding="utf-8")
    assert bench.sizes_lost(out, [1000, 10000]) == [10000000]
    assert bench.sizes_lost(out, [1000, 10000, 10000000]) == []
