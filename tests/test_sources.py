"""Quotes against their documents (kg.sources, `kg check --sources`): every quote of the real data is
found; a changed sentence or a missing document fails, naming the data file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.dataset import default_sources
from kg.sources import check_quotes, collapse, sources_dirs

SLIDES_TEXT = "001_965d06df60dc0994.txt"
HAN_QUOTE = "Dr . Liyun HAN, Global St r a t egic Par t ner ship Manager hanliyun@cnnic.cn"


@pytest.fixture()
def changed_seeds(seeds, tmp_path) -> Path:
    """A copy of the documents (of every sources folder) in which the slide line quoted for Liyun
    HAN's post says Director."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for source in reversed([f for f in sources_dirs() if f.is_dir()]):  # the first folder wins, as in kg.sources
        for text in source.iterdir():
            if text.is_file():
                shutil.copy(text, folder / text.name)
    text = (folder / SLIDES_TEXT).read_text(encoding="utf-8")
    assert text.count("Par t ner ship Manager") == 1
    (folder / SLIDES_TEXT).write_text(text.replace("Par t ner ship Manager", "Par t ner ship Director"), encoding="utf-8")
    return folder


def han_quote_line() -> int:
    """The line of the data file where the quote changed in `changed_seeds` is written (found by
    reading the file, so that editing the data above it does not break these tests)."""
    lines = (Path(__file__).resolve().parent.parent / "data" / "cnnic-inter-cctld-cooperation.ttl").read_text(encoding="utf-8").splitlines()
    found = [n for n, text in enumerate(lines, 1) if text.strip() == f'igkg:quote "{HAN_QUOTE}" ;']
    assert len(found) == 1, found
    return found[0]


def test_collapse_makes_every_run_of_white_space_one_space():
    assert collapse("  Dr .\n Liyun\u00a0HAN,\t\tGlobal ") == "Dr . Liyun HAN, Global"


def test_every_quote_of_the_real_data_is_in_its_document(seeds):
    result = check_quotes(default_sources())
    assert result.failures == ()
    assert result.quotes >= 200
    assert {p.name for p in seeds.iterdir() if p.suffix == ".txt"} <= set(result.documents.values())


def test_kg_check_sources_is_green_on_the_real_data(kg):
    folders = [arg for f in sources_dirs() for arg in ("--sources", str(f))]  # ../shared/seeds unless KG_SOURCES
    r = kg("check", *folders, "--no-consistency", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    quotes = json.loads(r.stdout)["quotes"]
    assert (quotes["ok"], quotes["failures"]) == (True, [])


def test_a_changed_sentence_fails_naming_the_data_file_and_line(kg, changed_seeds):
    r = kg("check", "--sources", str(changed_seeds), "--no-consistency")
    assert r.returncode == 1, r.stdout + r.stderr
    failures = [line for line in r.stdout.splitlines() if line.startswith("  - ")]
    line = han_quote_line()
    assert failures == [
        f"  - data/cnnic-inter-cctld-cooperation.ttl:{line}: quote of "
        "igholding:liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1 not found in "
        f"{SLIDES_TEXT} (igdoc:cnnic-inter-cctld-cooperation): {HAN_QUOTE!r}"]


def test_a_changed_sentence_in_json(kg, changed_seeds):
    r = kg("check", "--sources", str(changed_seeds), "--no-consistency", "--format", "json")
    doc = json.loads(r.stdout)
    assert (r.returncode, doc["ok"]) == (1, False)
    assert doc["quotes"]["failures"] == [{
        "problem": "quote not found", "file": "data/cnnic-inter-cctld-cooperation.ttl", "line": han_quote_line(),
        "node": "https://w3id.org/igkg/id/holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1",
        "quote": HAN_QUOTE, "document": "https://w3id.org/igkg/id/doc/cnnic-inter-cctld-cooperation",
        "textFile": SLIDES_TEXT}]


def test_a_missing_document_is_named_with_the_line_that_cites_it(kg, changed_seeds):
    (changed_seeds / SLIDES_TEXT).unlink()
    r = kg("check", "--sources", str(changed_seeds), "--no-consistency")
    assert r.returncode == 1
    failures = [line for line in r.stdout.splitlines() if line.startswith("  - ")]
    assert failures == [f"  - data/reference/documents.ttl:26: the text of igdoc:cnnic-inter-cctld-cooperation "
                        f"({SLIDES_TEXT}) is not in the sources folders"]


def test_a_sources_folder_that_does_not_exist_is_a_usage_error(kg, tmp_path):
    r = kg("check", "--sources", str(tmp_path / "nowhere"), "--no-consistency")
    assert r.returncode == 2
    assert r.stderr == f"error: {tmp_path / 'nowhere'}: no such folder of source documents (give --sources DIR or set KG_SOURCES)\n"

