"""The two SHACL engines agree: `kg validate --engine fast` and `--engine pyshacl` give the same verdict
and the same results, or the fast engine refuses with its one-line message.

Inputs, one test each: every project shape case (tests/shacl/<case>/data.ttl over base.ttl, project
shapes and ontology), every approved W3C SHACL suite entry that expects a report (not a failure) and
that upstream pySHACL passes (test_w3c_shacl.UPSTREAM_EXCEPTIONS left out), and the public-bug-report
inputs of test_literal_fidelity. Results are compared as multisets of (focus node, result path,
source constraint component, value) from `--format json`, a blank node standing for any blank node
(each engine labels them its own way). Every result of the fast engine carries a message.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from test_literal_fidelity import PREFIXES, PUBLIC_REPORT_INPUTS
from test_w3c_shacl import IDS as W3C_IDS
from test_w3c_shacl import UPSTREAM_EXCEPTIONS, entries

SHACL_DIR = Path(__file__).parent / "shacl"
BASE = SHACL_DIR / "base.ttl"
CASES = sorted(p.name for p in SHACL_DIR.iterdir() if p.is_dir())
REFUSED = re.compile(r"^error: the fast engine does not support .+; use --engine pyshacl$")
BLANK = re.compile(r"_:[A-Za-z0-9_.-]+")

INPUTS = ([f"project/{c}" for c in CASES]
          + [f"w3c/{i}" for i in W3C_IDS if i not in UPSTREAM_EXCEPTIONS and not entries()[i]["failure"]]
          + [f"public/{n}" for n in sorted(PUBLIC_REPORT_INPUTS)])


def arguments(ident: str, tmp_path: Path) -> list[str]:
    """`kg validate` arguments (before --engine) for one input."""
    kind, _, name = ident.partition("/")
    if kind == "project":
        return [str(BASE), str(SHACL_DIR / name / "data.ttl")]
    if kind == "w3c":
        spec = entries()[name]
        return ["--shapes", str(spec["shapes"]), str(spec["data"])]
    shapes, data = PUBLIC_REPORT_INPUTS[name]
    (tmp_path / "shapes.ttl").write_text(PREFIXES + shapes, encoding="utf-8")
    (tmp_path / "data.ttl").write_text(PREFIXES + data, encoding="utf-8")
    return ["--shapes", str(tmp_path / "shapes.ttl"), str(tmp_path / "data.ttl")]


def results(doc: dict) -> Counter:
    def term(text: str | None) -> str | None:
        return None if text is None else BLANK.sub("_:", text)

    return Counter((term(r["focus"]), term(r["path"]), r["component"], term(r["value"])) for r in doc["results"])


def test_the_inputs_are_all_there():
    kinds = Counter(i.partition("/")[0] for i in INPUTS)
    assert kinds["project"] >= 100 and kinds["w3c"] >= 100 and kinds["public"] == len(PUBLIC_REPORT_INPUTS) >= 10


@pytest.mark.parametrize("ident", INPUTS)
def test_fast_and_pyshacl_agree_or_fast_refuses(kg, tmp_path, ident):
    args = arguments(ident, tmp_path)
    slow = kg("validate", *args, "--engine", "pyshacl", "--format", "json")
    assert slow.returncode in (0, 1), slow.stderr
    fast = kg("validate", *args, "--engine", "fast", "--format", "json")
    if fast.returncode == 2:
        assert fast.stdout == "" and REFUSED.match(fast.stderr.strip()), fast.stderr
        return
    assert fast.returncode == slow.returncode, fast.stderr
    one, other = json.loads(fast.stdout), json.loads(slow.stdout)
    assert one["conforms"] == other["conforms"]
    assert results(one) == results(other)
    assert all(r["message"] for r in one["results"]), "every fast result says what failed"
