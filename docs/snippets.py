"""Keep the README's command outputs real: re-run every `<!-- kg: ARGS -->` marker.

Each marker is followed by a fenced block holding the output of `kg ARGS` (stdout, then the exit
code when it is not 0). `python docs/snippets.py` rewrites the blocks; `--check` exits 1 when a
block is out of date (tests/test_readme.py runs it). Commands run on the in-memory build of the
project files (no store), so the output does not depend on what was loaded before, in a temporary
working folder (KG_HOME names the checkout), so nothing is written into the checkout — except the
pictures: a `kg viz … -o NAME.png` marker's picture is copied to `docs/NAME.png` (not with --check,
which compares the text only: a PNG depends on the fonts of the machine).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"<!-- kg: (?P<args>.+?) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```\n", re.S)
# Durations differ from run to run; --check compares with them masked (a load mentions the time
# spent compacting only when it is long enough to count).
DURATION = re.compile(r"\d+(\.\d+)? ?(ms|s)\b")
COMPACTING = re.compile(r" \(compacting took [^)]*\)")


def masked(text: str) -> str:
    return DURATION.sub("<t>", COMPACTING.sub("", text))


def run(args: str, cwd: str) -> str:
    env = dict(os.environ, KG_HOME=str(ROOT), KG_STORE=os.path.join(cwd, ".no-store"), COLUMNS="100",
               NO_COLOR="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("CI", None)
    proc = subprocess.run([sys.executable, "-m", "kg", *shlex.split(args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)
    out = proc.stdout
    if proc.returncode:
        out += proc.stderr + f"(exit code {proc.returncode})\n"
    return out


def keep_picture(args: str, cwd: str) -> None:
    """Copy the picture a `viz … -o NAME` command wrote in `cwd` to docs/NAME."""
    words = shlex.split(args)
    if words[:1] == ["viz"] and "-o" in words:
        name = Path(words[words.index("-o") + 1]).name
        shutil.copyfile(Path(cwd) / name, ROOT / "docs" / name)


def render(text: str, *, pictures: bool = False) -> str:
    with tempfile.TemporaryDirectory(prefix="igkg-readme-") as cwd:
        shutil.copytree(ROOT / "docs" / "examples", Path(cwd) / "examples")  # files the examples name

        def replace(m: re.Match) -> str:
            out = run(m['args'], cwd)
            if pictures:
                keep_picture(m["args"], cwd)
            return f"<!-- kg: {m['args']} -->\n```{m['lang']}\n$ kg {m['args']}\n{out}```\n"

        return MARKER.sub(replace, text)


def main(argv: list[str]) -> int:
    readme = ROOT / "README.md"
    old = readme.read_text(encoding="utf-8")
    check = "--check" in argv
    new = render(old, pictures=not check)
    if check:
        if masked(new) != masked(old):
            print("README.md is out of date: run `make readme`", file=sys.stderr)
            return 1
        return 0
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
