# Benchmark targets. The main Makefile includes this file; it also runs on its own:
#   make -f bench.mk bench        # 10k, 100k, 1M triples; about 15-25 minutes on 2 cores
#   make -f bench.mk bench-large  # adds 10M (needs ~12 GB free RAM for the capped baselines' peers)
# Each writes bench/results/<date>-<host>.json and regenerates bench/RESULTS.md and
# bench/results/plot.png. BENCH_ARGS passes extra options (e.g. BENCH_ARGS=--quick).
BENCH_PY    ?= .venv/bin/python
BENCH_ARGS  ?=
BENCH_DEPS  ?=

.PHONY: bench bench-large bench-compare bench-virtuoso

bench: $(BENCH_DEPS)
	$(BENCH_PY) bench/run.py --sizes 10000,100000,1000000 $(BENCH_ARGS)

bench-large: $(BENCH_DEPS)
	$(BENCH_PY) bench/run.py --sizes 10000,100000,1000000,10000000 $(BENCH_ARGS)

# Side-by-side comparison of two revisions (the query library, load, fast validation, cold start):
#   make bench-compare BASE=<rev>      # writes bench/results/compare-<date>.md
bench-compare: $(BENCH_DEPS)
	$(BENCH_PY) bench/compare.py --base $(BASE) -o bench/results/compare-$$(date +%F).md

# Full-text search at the 1M synthetic world: index build (inside kg load) and query medians.
.PHONY: bench-search
bench-search: $(BENCH_DEPS)
	$(BENCH_PY) bench/search.py --triples 1000000

# The web app (`kg serve`): median server time per page kind on the seed data, and 20 concurrent
# clients × 50 requests (errors, p50, p99); writes bench/results/web-<date>-<host>.md.
.PHONY: bench-web
bench-web: $(BENCH_DEPS)
	$(BENCH_PY) bench/web.py $(BENCH_ARGS)

# The synthetic world (1M triples) loaded into Virtuoso through `kg load --endpoint`, beside the
# embedded `kg load`, phases timed; appends to bench/results/virtuoso-load.md. Needs Debian's
# virtuoso-opensource (`make debian-packages`). VIRTUOSO_TRIPLES=100000 for a smaller world.
VIRTUOSO_TRIPLES ?= 1000000
.PHONY: bench-virtuoso
bench-virtuoso: $(BENCH_DEPS)
	$(BENCH_PY) bench/virtuoso_load.py --triples $(VIRTUOSO_TRIPLES)

# `kg query` cold start on the seed data, this checkout against BASE (default b8bebd2), interleaved,
# with the floors (python, pyoxigraph); writes bench/results/<date>-cold-start.md. RUNS=40 rounds.
COLD_START_BASE ?= b8bebd2
RUNS ?= 40
.PHONY: bench-cold-start
bench-cold-start: $(BENCH_DEPS)
	$(BENCH_PY) bench/cold_start.py --base $(COLD_START_BASE) --runs $(RUNS) -o bench/results/$$(date -u +%F)-cold-start.md
