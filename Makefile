# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KG     := $(BIN)/kg

.PHONY: demo test install readme clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The benchmark also needs matplotlib (its plot); installed only for `make bench`.
BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

install: $(STAMP)

# Build, validate, check, load the embedded store and ask it some questions.
demo: $(STAMP)
	$(KG) validate
	$(KG) check
	$(KG) load --reason
	$(KG) stats
	$(KG) query successions
	$(KG) query people-of-organisation -p org=CNNIC
	$(KG) query agreements-of-organisation -p org=igorg:cnnic
	$(KG) query members-of-organisation -p org=KNET
	$(KG) describe "Zhang Jianchuan"

# Two workers (pytest-xdist); no bytecode or cache files are written into the checkout.
test: $(STAMP)
	PYTHONDONTWRITEBYTECODE=1 $(BIN)/python -m pytest -n 2

# Re-run the commands shown in README.md and queries/README.md and refresh their output.
readme: $(STAMP)
	$(BIN)/python docs/snippets.py
	$(BIN)/python -m kg.queries.catalogue --write

clean:
	rm -rf $(VENV) .kg-store .pytest_cache build *.egg-info

BENCH_PY := $(BIN)/python
BENCH_DEPS := $(BENCH_STAMP)
include bench.mk
