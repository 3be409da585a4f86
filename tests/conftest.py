"""Shared fixtures: the real dataset in memory, the seeds folder, and CLI runners.

`kg(*args)` runs the CLI in-process (click's CliRunner isolation: stdin, stdout, stderr and the
environment swapped for the call); `run_kg(*args)` runs `python -m kg` as a real process, for the
tests where the process boundary is what is tested (signals, exit on a killed child, imports at
start-up, a server).
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# Hypothesis keeps caches (constants, Unicode tables) in a storage folder, by default `.hypothesis/`
# in the working directory; the tests write nothing into the checkout, so it lives in the temp folder.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "igkg-hypothesis"))

from browser import browser  # noqa: F401 - the headless Chromium fixture (tests/browser.py)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds() -> Path:
    from kg.dataset import seeds_dir

    path = seeds_dir()
    if not path.is_dir():
        pytest.fail(f"the source documents are not in {path}: put them there, or set KG_SEEDS to their folder",
                    pytrace=False)
    return path


# The source documents whose exact answers the tests state (data/<slug>.ttl, graph iggraph:<slug>).
# Tests of exact rows and counts read these documents with the ontology and the reference data
# (`documents_store`), so a further document in data/ adds rows to the project without changing
# theirs; tests of invariants (every quote found, every fact sourced, …) read all of data/.
DOCUMENTS = ("circleid-icann58-readout", "cnnic-inter-cctld-cooperation")


def document_sources(documents=DOCUMENTS, *, ontology: bool = True) -> list:
    """kg.dataset Sources: the ontology (unless `ontology` is False), data/reference/ and the files
    data/<slug>.* of `documents`."""
    from kg.dataset import default_sources

    keep = []
    for src in default_sources():
        rel = src.path.resolve().relative_to(ROOT)
        if rel.parts[0] == "ontology":
            if ontology:
                keep.append(src)
        elif rel.parts[:2] == ("data", "reference") or (len(rel.parts) == 2 and rel.name.split(".")[0] in documents):
            keep.append(src)
    return keep


@pytest.fixture(scope="session")
def documents_store():
    """The ontology, the reference data and the two documents of DOCUMENTS in an in-memory store."""
    from kg.dataset import build_store

    return build_store(document_sources())


@pytest.fixture(scope="session")
def real_store():
    """The whole project dataset (ontology + data) in an in-memory pyoxigraph store."""
    from kg.dataset import build_store

    return build_store()


def run_kg(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m kg ARGS…` as a user would; returns the finished process (text mode)."""
    full_env = dict(os.environ)
    full_env.pop("KG_STORE", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd or ROOT, env=full_env, input=input,
        capture_output=True, text=True, timeout=timeout,
    )


@dataclass(frozen=True)
class CliResult:
    """What a CLI run gave: exit code, standard output and standard error (text)."""

    returncode: int
    stdout: str
    stderr: str


def invoke_kg(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None,
              timeout: float | None = None) -> CliResult:
    """Run `kg ARGS…` in this process, as `kg.cli.main` does for a user; `timeout` is ignored."""
    from click.testing import CliRunner

    from kg.cli import main

    overrides = {"KG_STORE": None, "COLUMNS": None, **(env or {})}  # tables as wide as kg.results makes them
    previous = Path.cwd()
    code = 0
    with CliRunner().isolation(input=input, env=overrides) as (out, err, _):
        os.chdir(cwd or ROOT)
        try:
            main(list(args))
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        finally:
            os.chdir(previous)
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace")
    gc.collect()  # close on-disk stores the command opened before the next command loads one
    return CliResult(code, stdout, stderr)


@pytest.fixture()
def kg():
    """`kg(*args)` runs the CLI in-process and returns a CliResult (returncode, stdout, stderr)."""
    return invoke_kg


# ------------------------------------------------------------------ the checkout stays as it was


def _checkout_state() -> set[str]:
    """Untracked and ignored paths in the checkout (git's short form), bytecode caches left out."""
    out = subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=ROOT, capture_output=True, text=True)
    lines = out.stdout.splitlines() if out.returncode == 0 else []
    return {line for line in lines if line[:2] in ("??", "!!") and "__pycache__" not in line}


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controller, not an xdist worker
        session.config.stash[_BEFORE] = _checkout_state()


def pytest_sessionfinish(session, exitstatus):
    before = session.config.stash.get(_BEFORE, None)
    if before is None:
        return
    new = sorted(_checkout_state() - before)
    if new:
        session.config.get_terminal_writer().line(f"the tests wrote into the checkout: {new}", red=True)
        session.exitstatus = 1


_BEFORE = pytest.StashKey[set]()
