# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KG     := $(BIN)/kg

.PHONY: demo test install readme clean debian-packages web-assets screenshots

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

# The SPARQL editor of `kg serve` (YASGUI) from npm, versions pinned by package-lock.json; its
# files are copied into the package's static folder (git-ignored). Nothing is fetched at run time.
YASGUI := kg/web/static/vendor/yasgui
WEB_ASSETS := $(YASGUI)/yasgui.min.js
$(WEB_ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	mkdir -p $(YASGUI)
	cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css $(YASGUI)/
	touch $(WEB_ASSETS)
web-assets: $(WEB_ASSETS)

# axe-core (the accessibility checker the browser tests inject into each page; test-only, from npm,
# pinned by package-lock.json) is copied into build/ (git-ignored), never served by the app.
AXE := build/vendor/axe-core/axe.min.js
$(AXE): $(WEB_ASSETS)
	test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	mkdir -p $(dir $(AXE))
	cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE $(dir $(AXE))
	touch $(AXE)

install: $(STAMP) $(WEB_ASSETS) $(AXE)

# Build, validate, check, load the embedded store and ask it some questions.
demo: $(STAMP) $(WEB_ASSETS)
	$(KG) validate
	$(KG) check
	$(KG) load --reason
	$(KG) stats
	$(KG) query successions
	$(KG) query people-of-organisation -p org=CNNIC
	$(KG) query agreements-of-organisation -p org=igorg:cnnic
	$(KG) query members-of-organisation -p org=KNET
	$(KG) describe "Zhang Jianchuan"
	@echo
	@echo "Open the web app: $(KG) serve, then http://127.0.0.1:7878/ in a browser (Ctrl-C stops it)."

# Debian packages the tests run: a second SPARQL engine (OpenLink Virtuoso), Graphviz (`dot`, for
# `kg viz network`), headless Chromium with its WebDriver (the browser tests) and Apache Jena with a
# Java runtime (its `rsparql` client against `kg serve`). Installed with
# apt-get when missing and run as root on Debian; otherwise the one command to run is printed (exit 2).
DEBIAN_PACKAGES ?= virtuoso-opensource graphviz chromium chromium-driver libapache-jena-java default-jre-headless
debian-packages:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ -f /etc/debian_version ] && [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	elif [ -f /etc/debian_version ]; then \
	  echo "the tests need Debian packages:$$missing; run:" >&2; \
	  echo "  sudo apt-get install -y$$missing" >&2; exit 2; \
	else \
	  echo "the tests need$$missing (OpenLink Virtuoso 7: virtuoso-t on PATH; Graphviz: dot; Chromium and chromedriver in /usr/bin; Apache Jena 4 jars in /usr/share/java and java); install them with your system's package manager" >&2; \
	  exit 2; \
	fi

# Two workers (pytest-xdist); no bytecode or cache files are written into the checkout.
test: $(STAMP) $(WEB_ASSETS) $(AXE) debian-packages
	PYTHONDONTWRITEBYTECODE=1 $(BIN)/python -m pytest -n 2

# Re-run the commands shown in README.md and queries/README.md and refresh their output, and the
# web app's screenshots in docs/ when headless Chromium is installed (said and skipped otherwise).
readme: $(STAMP)
	$(BIN)/python docs/snippets.py
	$(BIN)/python -m kg.queries.catalogue --write
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then $(MAKE) --no-print-directory screenshots; \
	else echo "make readme: no headless Chromium (/usr/bin/chromium, /usr/bin/chromedriver): the screenshots in docs/ were not refreshed; sudo apt-get install -y chromium chromium-driver"; fi

# The web app's screenshots: the browser tests (a real `kg serve`, headless Chromium) write every page
# kind to build/screenshots/; a few are copied into docs/ for the README.
SCREENSHOTS := entity entity-network network query editor
screenshots: $(STAMP) $(WEB_ASSETS) $(AXE)
	PYTHONDONTWRITEBYTECODE=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_web_browser.py
	for s in $(SCREENSHOTS); do cp build/screenshots/$$s.png docs/web-$$s.png; done

clean:
	rm -rf $(VENV) .kg-store .pytest_cache build *.egg-info node_modules $(YASGUI)

BENCH_PY := $(BIN)/python
BENCH_DEPS := $(BENCH_STAMP)
include bench.mk
