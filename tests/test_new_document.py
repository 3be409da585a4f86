"""A new document from text to queryable facts, end to end, with the fictional fixture document
(tests/fixtures/documents/): `kg new-document`, filling the templates, `kg check` (quotes),
`kg validate`, `kg load`, the query library, `kg describe` and `kg search`; and a copy of the
project with the fixture in data/ passing the real-data tests."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
SLUG = "lakeside-registry-forum-2016"
TEXT = FIXTURES / f"{SLUG}.txt"
FACTS = FIXTURES / f"{SLUG}.facts.ttl"
TITLE = "Lakeside Registry Forum held in Kunming"
ID = "https://w3id.org/igkg/id/"


def copy_project(target: Path) -> Path:
    """The tracked files of the checkout (git ls-files) copied into `target`, with `../shared` of the
    checkout reachable as `target/../shared`."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    shared = ROOT.parent / "shared"
    if shared.is_dir() and not (target.parent / "shared").exists():
        (target.parent / "shared").symlink_to(shared.resolve())
    return target


@pytest.fixture()
def project(tmp_path, seeds) -> tuple[Path, dict]:
    """A copy of the ontology, data and queries, and the environment that makes kg use it, with the
    fixture's text in a sources folder beside the seeds."""
    home = tmp_path / "igkg"
    for part in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / part, home / part)
    (home / "docs").mkdir()
    return home, {"KG_HOME": str(home), "KG_SOURCES": os.pathsep.join([str(seeds), str(FIXTURES)])}


def scaffold(kg, home: Path, env: dict):
    return kg("new-document", SLUG, "--text", str(TEXT), "--title", TITLE, "--date", "2016-09-14", "--json",
              env=env, cwd=home)


def fill(home: Path) -> Path:
    data = home / "data" / f"{SLUG}.ttl"
    data.write_text(data.read_text(encoding="utf-8") + "\n" + FACTS.read_text(encoding="utf-8"), encoding="utf-8")
    return data


def rows(stdout: str) -> list[list[str]]:
    return [[c.replace(ID, "") for c in r] for r in csv.reader(io.StringIO(stdout))][1:]


def test_the_fixture_document_from_scaffold_to_query_and_describe(kg, project, tmp_path):
    home, env = project
    r = scaffold(kg, home, env)
    assert r.returncode == 0, r.stderr
    written = json.loads(r.stdout)
    assert (written["data"], written["ledger"], written["textInSources"]) == (
        f"data/{SLUG}.ttl", f"docs/sources/{SLUG}.md", True)
    assert [(m["entity"].replace(ID, ""), m["how"]) for m in written["mentions"]] == [
        ("org/cnnic", "label"), ("person/liyun-han-3e929e", "label"), ("place/kunming", "label")]
    turtle = (home / "data" / f"{SLUG}.ttl").read_text(encoding="utf-8")
    assert f'igdoc:{SLUG} a igkg:SourceDocument ;\n    rdfs:label "{TITLE}" ;' in turtle
    assert f'igkg:seedFile "{TEXT.name}" .' in turtle
    for pattern in ("igholding:", "igaff:", "igpart:", "igagr:", "igcube:", "igobs:"):
        assert f"# {pattern}<" in turtle, pattern
    assert "#     qb:structure igcube:statistics-structure ; dcterms:source igdoc:" + SLUG + " ." in turtle
    ledger = (home / "docs" / "sources" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert "| id | quote | status | where | basis |\n|---|---|---|---|---|\n" in ledger

    again = scaffold(kg, home, env)  # never overwrites an analyst's work by accident
    assert (again.returncode, again.stderr) == (2, f"error: {home / 'data' / (SLUG + '.ttl')} exists already; "
                                                   "pick another slug or pass --force\n")
    assert kg("validate", env=env, cwd=home).returncode == 0  # the scaffold alone is valid

    fill(home)
    check = kg("check", "--no-consistency", "--format", "json", env=env, cwd=home)
    assert check.returncode == 0, check.stdout + check.stderr
    quotes = json.loads(check.stdout)["quotes"]
    assert (quotes["ok"], quotes["documents"][ID + "doc/" + SLUG]) == (True, TEXT.name)
    validate = kg("validate", "--format", "json", env=env, cwd=home)
    assert (validate.returncode, json.loads(validate.stdout)["conforms"]) == (0, True), validate.stdout

    store = str(tmp_path / "store")
    load = kg("load", "--store", store, "--reason", env=env, cwd=home)
    assert load.returncode == 0, load.stderr
    assert f"iggraph:{SLUG}" in load.stdout or f"graph/{SLUG}" in load.stdout

    def query(*args):
        r = kg("query", *args, "--store", store, "--format", "csv", env=env, cwd=home)
        assert r.returncode == 0, r.stderr
        return rows(r.stdout)

    assert query("agreements-of-organisation", "-p", "org=Lakeside Registry Association") == [[
        "org/lakeside-registry-association", "org/cnnic", "agreement/cnnic-lakeside-registry-association-mou",
        "https://w3id.org/igkg/ontology#MOU", "Memorandum of Understanding",
        "event/cnnic-lakeside-registry-association-mou-signing", "2016-09-14", "place/kunming", f"doc/{SLUG}"]]
    assert query("event-participants", "-p", f"event=igevent:{SLUG}") == [
        [f"event/{SLUG}", "person/ada-varga", "role/moderator", "org/lakeside-registry-association", "member",
         f"doc/{SLUG}", "true"],
        [f"event/{SLUG}", "person/liyun-han-3e929e", "role/speaker", "org/cnnic", "member", f"doc/{SLUG}", "true"],
        [f"event/{SLUG}", "person/liyun-han-3e929e", "role/speaker", "org/cnnic", "on behalf of", f"doc/{SLUG}", "true"],
    ]
    assert [f"doc/{SLUG}"] in [r[:1] for r in query("facts-per-document")]

    described = kg("describe", "Ada Varga", "--store", store, "--format", "json", env=env, cwd=home)
    assert described.returncode == 0, described.stderr
    profile = json.dumps(json.loads(described.stdout), ensure_ascii=False)
    assert "Ms. Ada Varga, Executive Director of the Lakeside Registry Association, moderated the forum." in profile
    assert f"{ID}doc/{SLUG}" in profile

    found = kg("search", "escrow", "--store", store, "--format", "json", env=env, cwd=home)
    assert [h["entity"].replace(ID, "") for h in json.loads(found.stdout)] == [
        "topic/registry-data-escrow", "agreement/cnnic-lakeside-registry-association-mou"]


def test_a_quote_the_fixture_text_does_not_hold_fails_naming_its_line(kg, project):
    home, env = project
    assert scaffold(kg, home, env).returncode == 0
    data = fill(home)
    text = data.read_text(encoding="utf-8").replace("moderated the forum.\" ;\n    prov", "chaired the forum.\" ;\n    prov", 1)
    data.write_text(text, encoding="utf-8")
    line = text[:text.index("chaired the forum.")].count("\n") + 1
    r = kg("check", "--no-consistency", env=env, cwd=home)
    assert r.returncode == 1
    assert [x for x in r.stdout.splitlines() if x.startswith("  - ")] == [
        f"  - data/{SLUG}.ttl:{line}: quote of igholding:ada-varga--executive-director-lakeside-registry-association "
        f"not found in {TEXT.name} (igdoc:{SLUG}): 'Ms. Ada Varga, Executive Director of the Lakeside Registry "
        "Association, chaired the forum.'"]


# The tests that read the real data: each states invariants of all of data/ or expectations of the two
# documents, so they hold with a third document in data/.
REAL_DATA_TESTS = ["tests/test_data.py", "tests/test_sources.py", "tests/test_search.py", "tests/test_describe.py",
                   "tests/test_queries_rows.py::test_query_returns_exactly",
                   "tests/test_queries_rows.py::test_rdflib_returns_the_same_rows"]


def test_the_real_data_tests_pass_in_a_copy_of_the_project_with_the_fixture_in_data(kg, tmp_path, seeds):
    home = copy_project(tmp_path / "igkg")
    env = {"KG_HOME": str(home), "KG_SOURCES": os.pathsep.join([str(seeds), str(FIXTURES)])}
    assert scaffold(kg, home, env).returncode == 0
    fill(home)
    run_env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "PYTEST_", "COV_"))}
    run_env.update({"KG_SOURCES": env["KG_SOURCES"], "PYTHONDONTWRITEBYTECODE": "1"})
    which = subprocess.run([sys.executable, "-c", "import kg; print(kg.__file__)"], cwd=home, env=run_env,
                           capture_output=True, text=True)
    assert which.stdout.strip() == str(home / "kg" / "__init__.py")  # the copy's code and data
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                        *REAL_DATA_TESTS], cwd=home, env=run_env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert " passed" in r.stdout.splitlines()[-1] and "failed" not in r.stdout.splitlines()[-1]
