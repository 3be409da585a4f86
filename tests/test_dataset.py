"""Finding files, naming graphs, and reporting syntax errors with file:line:column."""

from __future__ import annotations

import pytest

from kg.dataset import build_store, default_sources, graph_for, read_quads, sources_for
from kg.errors import InputError, UsageError
from kg.namespaces import GRAPH, GRAPH_ONTOLOGY, GRAPH_REFERENCE


def test_default_sources_put_each_file_in_its_named_graph(root):
    graphs = {src.path.relative_to(root).as_posix(): src.graph for src in default_sources()}
    assert graphs["ontology/igkg.ttl"] == GRAPH_ONTOLOGY
    assert "ontology/shapes.ttl" not in graphs
    for rel, graph in graphs.items():
        if rel.startswith("data/reference/"):
            assert graph == GRAPH_REFERENCE
        elif rel.startswith("data/"):
            assert graph == GRAPH + rel.split("/")[-1].split(".")[0]


def test_graph_for_a_file_outside_the_project_is_named_after_its_stem(tmp_path):
    assert graph_for(tmp_path / "extra.data.ttl") == GRAPH + "extra"
    assert graph_for(tmp_path / "named.trig") is None


def test_turtle_syntax_error_names_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "open\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        list(read_quads(sources_for([bad])[0]))
    assert (err.value.line, err.value.column) == (3, 11)
    assert str(err.value).startswith(f"{bad}:3:11: syntax error: ")


def test_trig_keeps_its_graphs_and_default_graph_goes_to_the_stem_graph(tmp_path):
    f = tmp_path / "mixed.trig"
    f.write_text("<http://ex/a> <http://ex/p> 1 .\n<http://ex/g> { <http://ex/b> <http://ex/p> 2 . }\n")
    quads = list(read_quads(sources_for([f])[0]))
    assert sorted(q.graph_name.value for q in quads) == ["http://ex/g", GRAPH + "mixed"]


def test_unknown_suffix_and_missing_file_are_usage_errors(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(UsageError, match="unknown RDF file type '.txt'"):
        sources_for([tmp_path / "notes.txt"])
    with pytest.raises(UsageError, match="no such file or folder"):
        sources_for([tmp_path / "missing.ttl"])


def test_build_store_of_the_project_has_the_ontology_graph(real_store):
    import pyoxigraph as ox

    assert real_store.contains_named_graph(ox.NamedNode(GRAPH_ONTOLOGY))
    assert len(build_store(sources_for([]))) == 0


def test_a_utf8_byte_order_mark_is_accepted_by_reader_and_store(tmp_path):
    f = tmp_path / "bom.ttl"
    f.write_bytes(b'\xef\xbb\xbf@prefix ex: <http://example.org/> .\nex:a ex:b "caf\xc3\xa9" .\n')
    quads = list(read_quads(sources_for([f])[0]))
    assert [(q.subject.value, q.object.value) for q in quads] == [("http://example.org/a", "café")]
    assert len(build_store(sources_for([f]))) == 1


def test_a_syntax_error_after_a_byte_order_mark_keeps_its_line_and_column(tmp_path):
    f = tmp_path / "bad.ttl"
    f.write_bytes(b"\xef\xbb\xbf<http://ex/a> <http://ex/b> <http://ex/c> ;\n  <http://ex/d> .\n")
    with pytest.raises(InputError) as err:
        list(read_quads(sources_for([f])[0]))
    assert err.value.line == 2


def test_relative_iris_resolve_against_the_file_url(tmp_path):
    f = tmp_path / "rel.ttl"
    f.write_text('<a> <p> <#frag> .\n<> <p> "doc" .\n')
    quads = list(read_quads(sources_for([f])[0]))
    base = f.resolve().as_uri()
    assert sorted((q.subject.value, q.object.value) for q in quads) == sorted([
        (base.rsplit("/", 1)[0] + "/a", base + "#frag"), (base, "doc")])
    assert len(build_store(sources_for([f]))) == 2


def test_read_quads_keeps_literals_as_written(tmp_path):
    f = tmp_path / "lit.ttl"
    f.write_text('@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
                 '<http://ex/a> <http://ex/p> "6"^^xsd:int, "1.50"^^xsd:decimal, "1"^^xsd:boolean .\n')
    assert sorted(str(q.object) for q in read_quads(sources_for([f])[0])) == [
        '"1"^^<http://www.w3.org/2001/XMLSchema#boolean>', '"1.50"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        '"6"^^<http://www.w3.org/2001/XMLSchema#int>']
