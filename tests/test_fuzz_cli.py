"""Fuzzing the CLI (hypothesis, bounded and deterministic): every parameter type of the named
queries, entity arguments, options taking numbers, paths and formats, and Turtle input to
`kg load` and `kg validate`. Whatever the input, kg exits 0, 1 or 2, never with a traceback (an
exception escaping `kg.cli.main` fails the test with it), an exit 2 starts with one `error:` line,
and a load that fails leaves the store as it was.

Runs in-process (`invoke_kg`) against one on-disk store loaded once, so a few hundred commands
take seconds. `derandomize=True` makes the examples the same on every run; no example database is
written (`database=None`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke_kg

FUZZ = settings(max_examples=15, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

ANY_CHAR = st.characters(codec="utf-8", exclude_categories=("Cs",))
PATH_CHAR = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00")
NASTY = st.sampled_from([
    "", " ", "%", "%zz", "%2", "<>", "<http://a b>", "<http://a%>", "http://", "urn:", "https://x/\x7f",
    "igorg:", "igorg:x%", "igorg:a b", ":", "::", "a:b", "nope:x", "_:b0", "igorg:cnnic", "CNNIC", "cnnic",
    "<igorg:cnnic>", "'", '"', "\\", "\\u0000", "{", "}", "?x", "$x", "#", "\n", "\r", "\x00", "\x1b[2J",
    "a\u0085b", "\u202e", "9" * 40, "-1", "+0", "-0", "1e3", "0x10", "١٢", "2017-02-30", "2017-13", "2017-00",
    "0000", "-2017", "99999-01-01", "2017-3-1", "2017-03-29T00:00:00", "2017-03-29Z", "NaN", "inf",
])
VALUE = st.one_of(
    NASTY,
    st.text(ANY_CHAR, max_size=24),
    st.builds(lambda p, local: f"{p}:{local}", st.sampled_from(["igorg", "igperson", "igkg", "rdf", "x", ""]),
              st.text(ANY_CHAR, max_size=12)),
    st.builds(lambda s: f"<{s}>", st.text(ANY_CHAR, max_size=16)),
    st.integers().map(str),
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)),
)


def check(r, *args) -> None:
    """Exit 0, 1 or 2; an exit 2 says why in a first line starting `error:` (or click's usage text)."""
    assert r.returncode in (0, 1, 2), (args, r)
    assert "Traceback" not in r.stderr, (args, r.stderr)
    if r.returncode == 2:
        first = r.stderr.splitlines()[0] if r.stderr else ""
        assert first.startswith(("error: ", "Usage: ")), (args, r.stderr)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The project data in an on-disk store, loaded once (reasoned, so the label look-ups answer)."""
    path = tmp_path_factory.mktemp("fuzz") / "store"
    r = invoke_kg("load", "--no-validate", "--reason", "--store", str(path))
    assert r.returncode == 0, r.stderr
    return path


def _by_type(kind: str) -> list[tuple[str, str]]:
    from kg.queries.library import library

    return [(q.name, p.name) for q in library().values() for p in q.params if p.type == kind]


def test_every_parameter_type_is_fuzzed():
    from kg.queries.library import library

    assert {p.type for q in library().values() for p in q.params} == {"iri", "string", "date", "integer", "boolean"}


@settings(FUZZ, max_examples=32)
@given(data=st.data())
def test_fuzz_query_parameters_of_each_type(store, data):
    kind = data.draw(st.sampled_from(["iri", "string", "date", "integer", "boolean"]))
    name, param = data.draw(st.sampled_from(_by_type(kind)))
    value = data.draw(VALUE)
    args = ("query", name, "-p", f"{param}={value}", "--store", str(store), "--format", "json")
    check(invoke_kg(*args), *args)


@FUZZ
@given(raw=st.one_of(VALUE, st.builds(lambda k, v: f"{k}={v}", st.text(ANY_CHAR, max_size=6), VALUE)))
def test_fuzz_raw_parameter_syntax(store, raw):
    args = ("query", "organisation-timeline", "-p", raw, "--store", str(store))
    check(invoke_kg(*args), *args)


@FUZZ
@given(name=VALUE, fmt=st.sampled_from(["text", "json"]))
def test_fuzz_entity_arguments_of_describe(store, name, fmt):
    args = ("describe", name, "--format", fmt, "--store", str(store))
    check(invoke_kg(*args), *args)


NUMBER = st.one_of(NASTY, st.integers(min_value=-(10 ** 30), max_value=10 ** 30).map(str),
                   st.floats(allow_nan=True).map(str), st.text(ANY_CHAR, max_size=8))
FORMAT = st.one_of(st.sampled_from(["table", "json", "csv", "tsv", "xml", "turtle", "nq", "trig", "jsonld", "nt",
                                    "text", "TABLE", "", "rdfxml"]), st.text(ANY_CHAR, max_size=8))


@FUZZ
@given(limit=NUMBER, offset=NUMBER, fmt=FORMAT)
def test_fuzz_numbers_and_formats_of_query(store, limit, offset, fmt):
    args = ("query", "people", "--limit", limit, "--offset", offset, "--format", fmt, "--store", str(store))
    check(invoke_kg(*args), *args)


@FUZZ
@given(fmt=FORMAT, command=st.sampled_from(["describe igorg:cnnic", "stats", "queries", "validate"]))
def test_fuzz_formats_of_other_commands(store, fmt, command):
    words = command.split()
    extra = ("--store", str(store)) if words[0] in ("describe", "stats") else ()
    args = (*words, "--format", fmt, *extra)
    check(invoke_kg(*args), *args)


@pytest.fixture(scope="module")
def paths(tmp_path_factory, store) -> list[str]:
    """Path arguments a user might give by mistake: missing, a folder, a file of garbage, a binary
    file, a damaged store, an unknown suffix, a name too long, a device, standard input. (No NUL:
    a command line cannot hold one, execve takes C strings.)"""
    base = tmp_path_factory.mktemp("paths")
    (base / "garbage.ttl").write_bytes(b"\xff\xfe not turtle {{{")
    (base / "empty.ttl").write_text("", encoding="utf-8")
    (base / "binary.nq").write_bytes(bytes(range(256)))
    (base / "notes.txt").write_text("hello", encoding="utf-8")
    (base / "q.rq").write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1", encoding="utf-8")
    damaged = base / "damaged-store"
    damaged.mkdir()
    (damaged / "current.json").write_text("[]", encoding="utf-8")
    (base / "folder").mkdir()
    return [str(base / "missing.ttl"), str(base / "folder"), str(base / "garbage.ttl"), str(base / "empty.ttl"),
            str(base / "binary.nq"), str(base / "notes.txt"), str(base / "q.rq"), str(damaged), str(store),
            str(base / ("x" * 300)), "/dev/null", "", "-", str(base / "new" / "deep.ttl")]


@settings(FUZZ, max_examples=30)
@given(data=st.data())
def test_fuzz_path_arguments_and_options(paths, data):
    path = data.draw(st.one_of(st.sampled_from(paths), st.text(PATH_CHAR, max_size=12)))
    args = data.draw(st.sampled_from([
        ("sparql", "ASK {}", "--store", path),
        ("sparql", "--file", path, "--store", paths[8]),
        ("query", "people", "--store", path),
        ("stats", "--store", path),
        ("describe", "igorg:cnnic", "--store", path),
        ("export", "-o", path, paths[3]),
        ("export", "--format", "nt", path),
        ("validate", "--engine", "fast", path),
        ("validate", "--shapes", path, paths[3]),
        ("load", "--no-validate", "--store", path, paths[3]),
    ]))
    check(invoke_kg(*args, cwd=Path(paths[1])), *args)  # relative paths land in a scratch folder


# ------------------------------------------------------------------ Turtle input

SEED_TTL = """@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:p "one"@en ; ex:q ex:b , [ ex:r 1.5 ] .
ex:b ex:n "7"^^xsd:integer ; ex:d "2017-03-29"^^xsd:date .
"""
TURTLE_BITS = st.sampled_from(list('<>"\'@^_:.,;[](){}#\\ \n\t') + [
    "@prefix", "@base", "PREFIX", "a", "ex:", "_:b", '"""', "^^xsd:integer", "@en", "true", "1e", "<<", ">>",
    "\\u0000", "\\U0010FFFF", "%", "\x00", "\x1b", "\ufeff", "GRAPH", "{", "}"])


def mutate(seed: str, edits: list[tuple[int, int, str]]) -> str:
    out = seed
    for where, cut, bit in edits:
        i = where % (len(out) + 1)
        out = out[:i] + bit + out[i + cut:]
    return out


TURTLE = st.one_of(
    st.builds(mutate, st.just(SEED_TTL), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 3),
                                                            st.one_of(TURTLE_BITS, st.text(ANY_CHAR, max_size=3))),
                                                  min_size=1, max_size=4)),
    st.lists(TURTLE_BITS, max_size=30).map(" ".join),
    st.text(ANY_CHAR, max_size=60),
)
SHAPES_TTL = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property [ sh:path ex:p ; sh:datatype <http://www.w3.org/2001/XMLSchema#string> ] .
"""


def _state(store: Path) -> tuple[str, int]:
    from kg.store import open_read_only

    handle = open_read_only(store)
    try:
        return (store / "current.json").read_text(encoding="utf-8"), len(handle.store)
    finally:
        handle.lock and handle.lock.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> dict[str, Path]:
    """A store holding SEED_TTL, a shapes file, and a file the examples write their Turtle into."""
    base = tmp_path_factory.mktemp("ttl")
    (base / "seed.ttl").write_text(SEED_TTL, encoding="utf-8")
    (base / "shapes.ttl").write_text(SHAPES_TTL, encoding="utf-8")
    store = base / "store"
    assert invoke_kg("load", "--no-validate", "--store", str(store), str(base / "seed.ttl")).returncode == 0
    return {"store": store, "shapes": base / "shapes.ttl", "data": base / "data.ttl"}


@FUZZ
@given(text=TURTLE)
def test_fuzz_turtle_input_to_load_and_validate(small, text):
    store, data = small["store"], small["data"]
    data.write_bytes(text.encode("utf-8"))
    before = _state(store)
    load = invoke_kg("load", "--no-validate", "--no-optimize", "--store", str(store), str(data))
    check(load, "load", text)
    if load.returncode != 0:
        assert _state(store) == before
    for engine in ("fast", "pyshacl"):
        r = invoke_kg("validate", "--engine", engine, "--shapes", str(small["shapes"]), "--format", "json", str(data))
        check(r, "validate", engine, text)
        if r.returncode in (0, 1):
            assert json.loads(r.stdout)["conforms"] is (r.returncode == 0)
