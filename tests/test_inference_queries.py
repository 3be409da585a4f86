"""A named query that answers only with the reasoner's inferences (issue 6): exact rows both ways."""

from __future__ import annotations

import pytest

from kg import queries as lib
from kg.backend import OxigraphBackend
from kg.dataset import build_store
from kg.results import rows_text


@pytest.fixture(scope="module")
def reasoned():
    from kg.reason.rules import materialise

    store = build_store()
    materialise(store)
    return OxigraphBackend(store)


def test_members_of_organisation_is_empty_without_inference(real_store):
    result = lib.run("members-of-organisation", {"org": "igorg:knet"}, backend=OxigraphBackend(real_store))
    assert rows_text(result) == []


def test_members_of_organisation_with_inference_has_the_holders_and_affiliates(reasoned):
    result = lib.run("members-of-organisation", {"org": "igorg:knet"}, backend=reasoned)
    assert rows_text(result) == [
        ("igorg:knet", "igperson:wang-wei-6e68c4", "iggraph:inferred", "igdoc:circleid-icann58-readout"),
        ("igorg:knet", "igperson:zhang-jianchuan-db8cb8", "iggraph:inferred", "igdoc:circleid-icann58-readout"),
    ]
    cnnic = lib.run("members-of-organisation", {"org": "CNNIC"}, backend=reasoned)
    assert rows_text(cnnic) == [
        ("igorg:cnnic", "igperson:chu-nan-359b70", "iggraph:inferred", "igdoc:circleid-icann58-readout"),
        ("igorg:cnnic", "igperson:liyun-han-3e929e", "iggraph:inferred", "igdoc:cnnic-inter-cctld-cooperation"),
        ("igorg:cnnic", "igperson:shen-zhi-b695bb", "iggraph:inferred", "igdoc:circleid-icann58-readout"),
    ]


def test_every_membership_is_inferred_never_asserted(reasoned):
    rows = rows_text(lib.run("members-of-organisation", {}, backend=reasoned))
    assert len(rows) == len({(r[0], r[1]) for r in rows}) > 10
    assert {r[2] for r in rows} == {"iggraph:inferred"}
