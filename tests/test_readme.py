"""The README documents every command, and the output it shows is what the commands print."""

from __future__ import annotations

import subprocess
import sys

from kg.cli import COMMANDS


def test_readme_mentions_every_command(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"kg {name}" in text, f"README.md does not show `kg {name}`"


def test_readme_outputs_are_current(root):
    r = subprocess.run([sys.executable, "docs/snippets.py", "--check"], cwd=root, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr
