"""`kg rename` (kg.rename) on copies of the project: the textual rewrite (whole terms only, comments
and strings kept), the redirects, all files or none, exit codes; the renamed data loads, validates
and checks clean; and redirects followed by kg describe, kg query and the deprecated-iri-used check."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import ROOT
from kg.namespaces import expand
from kg.rename import rewrite_text

PERSON = "https://w3id.org/igkg/id/person/"


@pytest.fixture()
def project(tmp_path, seeds):
    """A copy of the ontology, data and queries, and the environment that makes kg use it."""
    home = tmp_path / "igkg"
    for part in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / part, home / part)
    return home, {"KG_HOME": str(home), "KG_SOURCES": str(seeds)}


def snapshot(home) -> dict[str, bytes]:
    return {p.relative_to(home).as_posix(): p.read_bytes() for p in sorted((home / "data").rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ the rewrite

TEXT = """\
@prefix igperson: <https://w3id.org/igkg/id/person/> .
@prefix p2: <https://w3id.org/igkg/id/person/> .
# igperson:li is named in this comment
igperson:li a igkg:Person ; rdfs:label "igperson:li, in a string" ;   # trailing comment
    ex:knows igperson:li-xiangning , <https://w3id.org/igkg/id/person/li> , p2:li.
igperson:li-xiangning ex:knows igperson:li.
"""


def test_rewrite_replaces_whole_terms_only_and_keeps_comments_and_strings():
    rw = rewrite_text(TEXT, {PERSON + "li": PERSON + "li-abc123"})
    assert rw.text == """\
@prefix igperson: <https://w3id.org/igkg/id/person/> .
@prefix p2: <https://w3id.org/igkg/id/person/> .
# igperson:li is named in this comment
igperson:li-abc123 a igkg:Person ; rdfs:label "igperson:li, in a string" ;   # trailing comment
    ex:knows igperson:li-xiangning , <https://w3id.org/igkg/id/person/li-abc123> , p2:li-abc123.
igperson:li-xiangning ex:knows igperson:li-abc123.
"""
    assert rw.changed == 4
    assert rw.mentions == ((3, PERSON + "li"), (4, PERSON + "li"))


def test_a_new_iri_no_prefix_fits_is_written_in_angle_brackets():
    rw = rewrite_text(TEXT, {PERSON + "li": "https://example.org/x/li"})
    assert rw.text.splitlines()[3].startswith("<https://example.org/x/li> a igkg:Person")


# ------------------------------------------------------------------ kg rename OLD NEW

def test_rename_one_iri_rewrites_the_data_and_records_the_redirect(kg, project):
    home, env = project
    before = snapshot(home)
    r = kg("rename", "igorg:teleinfo", "igorg:teleinfo-group", env=env, cwd=home)
    assert (r.returncode, r.stdout) == (0, "igorg:teleinfo -> igorg:teleinfo-group\n"
                                           "renamed 1 IRI(s) in 2 file(s)\n"), r.stderr
    after = snapshot(home)
    changed = sorted(k for k in after if after[k] != before.get(k))
    assert changed == ["data/circleid-icann58-readout.ttl", "data/reference/redirects.ttl"]
    old_lines = before["data/circleid-icann58-readout.ttl"].decode().splitlines()
    new_lines = after["data/circleid-icann58-readout.ttl"].decode().splitlines()
    assert len(old_lines) == len(new_lines)
    named = re.compile(r"igorg:teleinfo(?![\w-])")
    assert [(a, b) for a, b in zip(old_lines, new_lines) if a != b] == [
        (a, named.sub("igorg:teleinfo-group", a)) for a in old_lines if named.search(a)]
    assert "igorg:teleinfo-group a igkg:Organization ;" in new_lines
    assert after["data/reference/redirects.ttl"].decode().endswith(
        "igorg:teleinfo owl:deprecated true ; dcterms:isReplacedBy igorg:teleinfo-group .\n")
    r = kg("describe", "igorg:teleinfo", "--format", "json", env=env, cwd=home)
    assert r.returncode == 0
    assert r.stderr == "igorg:teleinfo is deprecated; replaced by igorg:teleinfo-group\n"
    assert json.loads(r.stdout)["iri"] == expand("igorg:teleinfo-group")


def test_renaming_twice_points_the_first_redirect_at_the_newest_iri(kg, project):
    home, env = project
    assert kg("rename", "igorg:knet", "igorg:knet-2", env=env, cwd=home).returncode == 0
    assert kg("rename", "igorg:knet-2", "igorg:knet-3", env=env, cwd=home).returncode == 0
    tail = (home / "data/reference/redirects.ttl").read_text(encoding="utf-8").splitlines()[-2:]
    assert tail == ["igorg:knet owl:deprecated true ; dcterms:isReplacedBy igorg:knet-3 .",
                    "igorg:knet-2 owl:deprecated true ; dcterms:isReplacedBy igorg:knet-3 ."]


@pytest.mark.parametrize("old, new, message", [
    ("igorg:teleinfo", "igorg:cnnic", "error: igorg:cnnic already exists; pick another IRI\n"),
    ("igorg:no-such-org", "igorg:other", "error: igorg:no-such-org: not found in the data files (data/)\n"),
    ("igobs:chinese-market-domain-names-2014-12", "igobs:x",
     "error: igobs:chinese-market-domain-names-2014-12 is deprecated already "
     "(replaced by igobs:china-number-of-domain-names-2014-12)\n"),
    ("igorg:cnnic", "igorg:cnnic", "error: igorg:cnnic: the old and the new IRI are the same\n"),
    ("nope:cnnic", "igorg:x", "error: 'nope:cnnic': not an IRI or prefixed name of a project prefix\n"),
])
def test_a_rename_that_cannot_be_made_exits_2_and_writes_nothing(kg, project, old, new, message):
    home, env = project
    before = snapshot(home)
    r = kg("rename", old, new, env=env, cwd=home)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", message)
    assert snapshot(home) == before


def test_a_failure_while_replacing_files_puts_back_those_already_replaced(project, monkeypatch):
    import os

    import kg.rename

    home, env = project
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    before = snapshot(home)
    calls = []

    def failing(tmp, path):
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError("disk full")
        os.replace(tmp, path)

    monkeypatch.setattr(kg.rename, "_replace", failing)
    with pytest.raises(OSError, match="disk full"):
        kg.rename.rename({expand("igorg:knet"): expand("igorg:knet-2")})
    assert len(calls) == 2  # one file was replaced before the failure
    assert snapshot(home) == before  # and put back; no temporary file is left


def test_a_rewrite_that_would_change_other_triples_is_refused(kg, project):
    home, env = project
    path = home / "data" / "extra.ttl"
    # An escaped local name: the rewrite does not read it as the old IRI, so the file would keep a use of it.
    path.write_text("@prefix igorg: <https://w3id.org/igkg/id/org/> .\n"
                    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                    "igorg:icann\\-beijing-engagement-center rdfs:comment \"x\" .\n", encoding="utf-8")
    before = snapshot(home)
    r = kg("rename", "igorg:icann-beijing-engagement-center", "igorg:icann-beijing", env=env, cwd=home)
    assert (r.returncode, r.stderr) == (2, "error: data/extra.ttl: the rewrite would change more than the renamed "
                                           "IRIs; nothing was written\n")
    assert snapshot(home) == before


# ------------------------------------------------------------------ kg rename --scheme

def test_the_scheme_applied_to_a_copy_loads_validates_checks_and_redirects(kg, project, monkeypatch):
    """Holds before and after the scheme is applied to the project data (then the plan is empty and
    the redirects are those already in data/reference/redirects.ttl)."""
    from kg.dataset import read_dataset, sources_for
    from kg.iris import plan
    from kg.namespaces import shorten

    home, env = project
    monkeypatch.setenv("KG_HOME", str(home))
    expected = [f"{shorten(o)} -> {shorten(n)}" for o, n in plan(read_dataset(sources_for([home / "data"])).quads)]
    before = snapshot(home)
    dry = kg("rename", "--scheme", "--dry-run", env=env, cwd=home)
    assert dry.returncode == 0 and snapshot(home) == before
    assert dry.stdout.splitlines()[:-1] == expected
    assert re.fullmatch(rf"would rename {len(expected)} IRI\(s\)( in \d+ file\(s\))?", dry.stdout.splitlines()[-1])
    r = kg("rename", "--scheme", env=env, cwd=home)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[:-1] == expected
    assert plan(read_dataset(sources_for([home / "data"])).quads) == []  # the data is in the scheme
    v = kg("validate", env=env, cwd=home)
    assert v.returncode == 0 and "0 violations" in v.stdout, v.stdout
    c = kg("check", env=env, cwd=home)
    assert c.returncode == 0 and "FAIL" not in c.stdout and "WARN" not in c.stdout, c.stdout
    assert "  ok    deprecated-iri-used\n" in c.stdout and "ontology + data are consistent" in c.stdout
    q = kg("query", "career-of-person", "-p", "person=igperson:song-zheng", "--format", "csv", env=env, cwd=home)
    assert q.returncode == 0
    assert q.stderr == "igperson:song-zheng is deprecated; replaced by igperson:song-zheng-5f9c3a\n"
    assert q.stdout.splitlines()[1].startswith(PERSON + "song-zheng-5f9c3a,https://w3id.org/igkg/id/org/icann-beijing")
    again = kg("rename", "--scheme", "--dry-run", env=env, cwd=home)
    assert again.stdout == "would rename 0 IRI(s)\n"


def test_check_reports_data_that_uses_a_redirected_iri(kg, project):
    home, env = project
    clean = kg("check", "--no-consistency", env=env, cwd=home)
    assert clean.returncode == 0 and "  ok    deprecated-iri-used\n" in clean.stdout
    (home / "data" / "extra.ttl").write_text(
        "@prefix igobs: <https://w3id.org/igkg/id/observation/> .\n"
        "@prefix igorg: <https://w3id.org/igkg/id/org/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "igobs:chinese-market-domain-names-2014-12 rdfs:comment \"old\" .\n"
        "igorg:cnnic rdfs:seeAlso igobs:chinese-market-domain-names-2014-12 .\n", encoding="utf-8")
    r = kg("check", "--no-consistency", env=env, cwd=home)
    assert r.returncode == 1
    assert "  FAIL  deprecated-iri-used: 2 row(s) [error]\n" in r.stdout
    rows = [line.strip() for line in r.stdout.splitlines() if "entity=igobs:chinese-market-domain-names" in line]
    assert rows == [
        "- entity=igobs:chinese-market-domain-names-2014-12  property=rdfs:comment  value=old",
        "- entity=igobs:chinese-market-domain-names-2014-12  property=rdfs:seeAlso  value=igorg:cnnic",
    ]


# ------------------------------------------------------------------ redirects in the project data

def test_describe_of_a_redirected_iri_describes_its_replacement(kg):
    r = kg("describe", "igobs:chinese-market-domain-names-2014-12", "--format", "json")
    assert r.returncode == 0
    assert r.stderr == ("igobs:chinese-market-domain-names-2014-12 is deprecated; "
                        "replaced by igobs:china-number-of-domain-names-2014-12\n")
    assert json.loads(r.stdout)["iri"] == expand("igobs:china-number-of-domain-names-2014-12")


AUDIT_REDIRECTS = {
    "igorg:apnic": "igtopic:apnic", "igorg:apltd": "igtopic:apltd",
    "igevent:igf-workshop-2014-photo": "igdoc:cnnic-inter-cctld-cooperation--photo-2014-igf-workshop",
    "igevent:cnnic-laonic-training-2012": "igdoc:cnnic-inter-cctld-cooperation--photo-2012-cnnic-laonic-training",
    "igpart:cnnic-laonic-training-2012--laonic": "igdoc:cnnic-inter-cctld-cooperation--photo-2012-cnnic-laonic-training",
    "igperson:song-zheng": "igperson:song-zheng-5f9c3a",
    "igorg:garbled-domain-name-registry": "igorg:domain-name-registry-21fc2d",
}


@pytest.mark.parametrize("old, new", sorted(AUDIT_REDIRECTS.items()))
def test_iris_the_audit_removed_redirect_to_what_now_records_them(kg, old, new):
    """APNIC and APLTD became topics, photo captions photos, people and records IRIs of the scheme."""
    r = kg("describe", old, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert r.stderr == f"{old} is deprecated; replaced by {new}\n"
    assert json.loads(r.stdout)["iri"] == expand(new)


def test_new_document_gives_a_namesake_a_new_person_iri(kg, project, tmp_path):
    home, env = project
    (home / "docs").mkdir()
    text = tmp_path / "icann-59.txt"
    text.write_text("Song Zheng spoke at the meeting.\n", encoding="utf-8")
    r = kg("new-document", "icann-59", "--text", str(text), "--title", "ICANN 59", "--json", env=env, cwd=home)
    assert r.returncode == 0, r.stderr
    people = [m for m in json.loads(r.stdout)["mentions"] if m["entity"].startswith(PERSON)]
    namesake = PERSON + "song-zheng-" + __import__("kg.iris").iris.name_hash(expand("igdoc:icann-59"), "Song Zheng")
    existing = people[0]["entity"] if people else None
    assert existing == PERSON + "song-zheng-5f9c3a" and namesake != existing
    assert people == [{"entity": existing, "label": "Song Zheng", "words": "Song Zheng",
                       "how": "label", "namesake": namesake}]
    ttl = (home / "data" / "icann-59.ttl").read_text(encoding="utf-8")
    assert (f"#   Song Zheng: same person igperson:{existing[len(PERSON):]} ; "
            f"namesake igperson:{namesake[len(PERSON):]}\n") in ttl
