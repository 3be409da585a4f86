"""Shared fixtures: the real dataset in memory, the seeds folder, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds() -> Path:
    from kg.dataset import seeds_dir

    path = seeds_dir()
    assert path.is_dir(), f"the source documents are expected in {path}"
    return path


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


@pytest.fixture()
def kg():
    """`kg(*args)` runs the CLI in a subprocess and returns the CompletedProcess."""
    return run_kg
