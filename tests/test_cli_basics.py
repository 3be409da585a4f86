"""The `kg` entry point: version, help with an example on every command, export formats."""

from __future__ import annotations

import json

import pytest

from kg import __version__
from kg.cli import COMMANDS


def test_version(kg):
    r = kg("--version")
    assert (r.returncode, r.stdout.strip()) == (0, f"kg, version {__version__}")


def test_top_level_help_lists_every_command_and_an_example(kg):
    r = kg("--help")
    assert r.returncode == 0
    for name in COMMANDS:
        assert f"  {name} " in r.stdout
    assert "Example" in r.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_help_shows_an_example(kg, name):
    r = kg(name, "--help")
    assert r.returncode == 0, r.stderr
    assert "Example" in r.stdout


def test_unknown_command_is_a_usage_error(kg):
    r = kg("frobnicate")
    assert r.returncode == 2
    assert "No such command 'frobnicate'" in r.stderr


def _ttl(tmp_path):
    f = tmp_path / "two.ttl"
    f.write_text('<http://ex/a> <http://ex/p> "x" .\n<http://ex/a> <http://ex/q> <http://ex/b> .\n')
    return f


def test_export_nt_writes_each_triple_once(kg, tmp_path):
    r = kg("export", "--format", "nt", str(_ttl(tmp_path)))
    assert r.returncode == 0, r.stderr
    assert sorted(r.stdout.splitlines()) == [
        '<http://ex/a> <http://ex/p> "x" .',
        "<http://ex/a> <http://ex/q> <http://ex/b> .",
    ]


def test_export_nquads_and_trig_keep_the_named_graph(kg, tmp_path):
    r = kg("export", "--format", "nq", str(_ttl(tmp_path)))
    assert all(line.endswith("<https://w3id.org/igkg/graph/two> .") for line in r.stdout.splitlines())
    r = kg("export", "--format", "trig", str(_ttl(tmp_path)))
    assert "iggraph:two {" in r.stdout


def test_export_jsonld_is_json_with_the_graph(kg, tmp_path):
    r = kg("export", "--format", "jsonld", str(_ttl(tmp_path)))
    doc = json.loads(r.stdout)
    text = json.dumps(doc)
    assert "https://w3id.org/igkg/graph/two" in text or "iggraph:two" in text


def test_export_of_a_malformed_file_exits_2_with_location(kg, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://ex/a> <http://ex/p> .\n")
    r = kg("export", str(bad))
    assert r.returncode == 2
    assert r.stderr.startswith(f"error: {bad}:1:")
    assert "Traceback" not in r.stderr
