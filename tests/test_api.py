"""The library API for Python programs (kg.api), and the README's example of it, run for real."""

from __future__ import annotations

import re

import pytest

from kg import api
from kg.errors import UsageError

ID = "https://w3id.org/igkg/id/"


@pytest.fixture(autouse=True)
def files_only(monkeypatch, tmp_path):
    """Answers from the in-memory build of the project files, never from a store left in the checkout."""
    monkeypatch.setenv("KG_STORE", str(tmp_path / "no-store"))


def test_the_readme_api_example_runs(capsys, root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    code = re.search(r"The library API \(`kg.api`\).*?```python\n(.*?)```", readme, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the project's own README
    assert capsys.readouterr().out.splitlines() == [
        "[('Chu Nan', 'affiliation'), ('Liyun HAN', 'post'), ('Shen Zhi', 'affiliation')]",
        "CNNIC 13",
        "Liyun HAN igperson:liyun-han-3e929e",
        "True 0 4239",
    ]


def test_query_rows_are_dicts_with_labels():
    rows = api.query("people-of-organisation", {"org": "CNNIC"}, labels=True)
    assert rows[0] == {
        "org": ID + "org/cnnic", "orgLabel": "CNNIC", "person": ID + "person/chu-nan-359b70", "personLabel": "Chu Nan",
        "relation": "affiliation", "source": ID + "doc/circleid-icann58-readout",
        "sourceLabel": rows[0]["sourceLabel"],
    }
    assert [r["person"] for r in api.query("people-of-organisation", {"org": "igorg:cnnic"})] == [
        ID + "person/chu-nan-359b70", ID + "person/liyun-han-3e929e", ID + "person/shen-zhi-b695bb"]


def test_sparql_answers_each_form():
    assert api.sparql("ASK { igorg:cnnic a igkg:Registry }") is True
    triples = api.sparql("CONSTRUCT { igorg:cnnic rdfs:label ?l } WHERE { igorg:cnnic rdfs:label ?l }")
    assert [t.object.value for t in triples] == ["CNNIC"]
    with pytest.raises(UsageError, match=r"line 1, column \d+ near 'foo:x': prefix 'foo:' is not declared"):
        api.sparql("SELECT ?s WHERE { ?s a foo:x }")


def test_describe_finds_a_person_by_name_in_either_order():
    assert api.describe("Liyun HAN").iri == api.describe("han liyun").iri == ID + "person/liyun-han-3e929e"


def test_load_makes_a_reasoned_store(tmp_path):
    result = api.load(store=str(tmp_path / "store"))
    assert result.meta.reasoned and result.meta.inferred > 0
    rows = api.query("members-of-organisation", {"org": "KNET"}, store=str(tmp_path / "store"))
    assert [r["member"] for r in rows] == [ID + "person/wang-wei-6e68c4", ID + "person/zhang-jianchuan-db8cb8"]


def test_dataframe_needs_pandas():
    rows = api.query("people", limit=2)
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(UsageError, match="pandas is not installed"):
            api.dataframe(rows)
        return
    frame = api.dataframe(rows, columns=["person", "name", "honorific", "source"])
    assert list(frame.columns) == ["person", "name", "honorific", "source"]
    assert frame["person"].tolist() == [r["person"] for r in rows] and len(frame) == 2
    labelled = api.dataframe(api.query("people-of-organisation", {"org": "CNNIC"}, labels=True))
    assert labelled["personLabel"].tolist() == ["Chu Nan", "Liyun HAN", "Shen Zhi"]
