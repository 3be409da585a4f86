"""The same answer whichever path: the in-memory build of the files, a store loaded with `--reason`
and a store loaded without it give the same rows for every named query.

The in-memory build materialises the rules' inferences as `kg load --reason` does, so it and the
reasoned store agree on every query. A plain store lacks the inferences: the queries are written
so that they give the same rows with and without them (no row per inferred type, no duplicate
row from a fact both asserted and inferred), except the queries tagged `inference`, whose answer
needs them; for those `kg query` says in one line that the store lacks them.
"""

from __future__ import annotations

import pytest

from kg import queries as lib
from kg.queries.library import library
from kg.results import rows_text

LIBRARY = library()


def cases() -> list[tuple[str, dict[str, str]]]:
    """Every query with its example parameters, and every parameter set of tests/test_queries_rows.py."""
    from test_queries_rows import EXPECTED

    out = []
    for name, q in LIBRARY.items():
        args = q.example_args()
        example = dict(a.split("=", 1) for a in args[1::2])
        sets = [p for p, _rows in EXPECTED.get(name, [])]
        for params in [example] + [p for p in sets if p != example]:
            out.append((name, params))
    return out


CASES = cases()


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """(in-memory build, plain store, reasoned store) backends over the project files."""
    from kg.backend import build_backend, open_backend
    from kg.dataset import default_sources
    from kg.store import load

    folder = tmp_path_factory.mktemp("stores")
    load(default_sources(), path=folder / "plain", reason=False, validated="no")
    load(default_sources(), path=folder / "reasoned", reason=True, validated="no")
    return (build_backend(), open_backend(store=str(folder / "plain")),
            open_backend(store=str(folder / "reasoned")))


def test_every_query_is_covered():
    assert {name for name, _ in CASES} == set(LIBRARY)


@pytest.mark.parametrize("name, params", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_in_memory_build_and_reasoned_store_give_the_same_rows(stores, name, params):
    memory, _plain, reasoned = stores
    assert rows_text(lib.run(name, params, backend=memory)) == rows_text(lib.run(name, params, backend=reasoned))


@pytest.mark.parametrize("name, params", [c for c in CASES if "inference" not in LIBRARY[c[0]].tags],
                         ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES) if "inference" not in LIBRARY[n].tags])
def test_plain_store_gives_the_same_rows(stores, name, params):
    memory, plain, _reasoned = stores
    assert rows_text(lib.run(name, params, backend=plain)) == rows_text(lib.run(name, params, backend=memory))


def test_the_queries_that_need_inference_are_few_and_tagged():
    assert sorted(n for n, q in LIBRARY.items() if "inference" in q.tags) == ["members-of-organisation"]


def test_a_plain_store_says_in_one_line_what_the_answer_lacks(kg, tmp_path):
    store = tmp_path / "plain"
    assert kg("load", "--store", str(store), "--no-validate", "--no-reason").returncode == 0
    r = kg("query", "members-of-organisation", "-p", "org=KNET", "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert r.stdout.endswith("(0 rows)\n")
    assert r.stderr == (f"note: answered by the on-disk store {store}, loaded without --reason: inferred triples "
                        "(super-classes, org:memberOf, igkg:partnerOf …) are missing; `kg load --reason` adds them\n")
    on_files = kg("query", "members-of-organisation", "-p", "org=KNET", env={"KG_STORE": str(tmp_path / "none")})
    assert on_files.returncode == 0 and on_files.stderr == ""
    assert "igperson:wang-wei-6e68c4" in on_files.stdout and on_files.stdout.endswith("(2 rows)\n")
    other = kg("query", "people-of-organisation", "-p", "org=KNET", "--store", str(store))
    assert other.returncode == 0 and other.stderr == ""
