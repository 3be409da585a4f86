"""`kg describe`: finding an entity by IRI, prefixed name or label, and its profile as sentences."""

from __future__ import annotations

import json

import pytest

from kg.backend import OxigraphBackend
from kg.describe import Describer
from kg.errors import UsageError


@pytest.fixture(scope="module")
def describer(real_store):
    return Describer(OxigraphBackend(real_store))


@pytest.mark.parametrize("name", [
    "Zhang Jianchuan", "zhang jianchuan", "igperson:zhang-jianchuan-db8cb8",
    "https://w3id.org/igkg/id/person/zhang-jianchuan-db8cb8", "<https://w3id.org/igkg/id/person/zhang-jianchuan-db8cb8>",
])
def test_resolve_by_label_prefixed_name_or_iri(describer, name):
    assert describer.resolve(name) == "https://w3id.org/igkg/id/person/zhang-jianchuan-db8cb8"


def test_resolve_by_acronym_and_alt_label(describer):
    assert describer.resolve("cnnic") == "https://w3id.org/igkg/id/org/cnnic"
    assert describer.resolve("MIIT") == "https://w3id.org/igkg/id/org/miit"


def test_unknown_name_lists_close_matches(describer):
    with pytest.raises(UsageError) as err:
        describer.resolve("Song")
    message = str(err.value)
    assert message.startswith("'Song': no entity has this IRI, prefixed name or label\ndid you mean:\n")
    assert "  Song Zheng (igperson:song-zheng-5f9c3a)\n" in message + "\n"


def test_unknown_prefixed_name_is_an_error(describer):
    with pytest.raises(UsageError, match="igperson:nobody: no such entity in the graph"):
        describer.resolve("igperson:nobody")


def test_ambiguous_label_lists_every_candidate(describer):
    with pytest.raises(UsageError) as err:
        describer.resolve("178Million 27.5% Rural Netizen (China, Dec 2014)")
    assert "is ambiguous" in str(err.value)
    assert "igobs:china-rural-netizen-2014-12" in str(err.value)
    assert "igobs:china-rural-netizen-share-2014-12" in str(err.value)


def test_zhang_jianchuan_profile_has_his_posts_succession_and_participation(describer):
    profile = describer.describe("Zhang Jianchuan")
    assert profile.types == ("person (igkg:Person)",)
    assert [(s.kind, s.sentence) for s in profile.statements] == [
        ("PostHolding", "Zhang Jianchuan holds the post Senior Researcher of KNET, started by 2017-03-29, "
                        "not ended before 2017-03-29."),
        ("PostHolding", "Zhang Jianchuan is announced to hold the post Director of the ICANN Beijing Engagement "
                        "Center, starting on or after 2017-03-29; succeeds Song Zheng, Director of the ICANN "
                        "Beijing Engagement Center; start announced at ICANN 58 China Internet Community Readout "
                        "Session by Jia-Rong LOW."),
        # the group's topics (ICANN, APNIC, APLTD) are the event's, not his
        ("Participation", "Zhang Jianchuan took part in ICANN 58 China Internet Community Readout Session "
                          "(2017-03-29, the CAICT (premises)) as presenter."),
        ("Participation", "Zhang Jianchuan took part in ICANN 58 Copenhagen Meeting (2017-03-10 to 2017-03-16, "
                          "Copenhagen) as attendee (editor-inferred)."),
    ]
    succession = profile.statements[1]
    assert succession.sources == ("igdoc:circleid-icann58-readout",)
    assert ("he also announced that Song would leave his position and Zhang Jianchuan, Senior Researcher of KNET, "
            "would take over his position") in succession.quotes


def test_song_zheng_holding_is_shown_in_office_with_its_end_announced(describer):
    sentences = [s.sentence for s in describer.describe("Song Zheng").statements if s.kind == "PostHolding"]
    assert sentences == [
        "Song Zheng holds the post Director of the ICANN Beijing Engagement Center, started by 2017-03-29 "
        "(circa P3Y by then), not ended before 2017-03-29 (ends: left the position); succeeded by Zhang "
        "Jianchuan, Director of the ICANN Beijing Engagement Center (successor of Song Zheng); end announced at "
        "ICANN 58 China Internet Community Readout Session by Jia-Rong LOW."
    ]


def test_krnic_profile_shows_the_mou_with_its_signing(describer):
    sentences = [s.sentence for s in describer.describe("KRNIC").statements if s.kind == "MOU"]
    assert len(sentences) == 1
    assert "between CNNIC and KRNIC; signed at CNNIC-KRNIC Strategic Partnership MOU Signing in 2012-05 in Kunming" \
        in sentences[0]


def test_describe_cli_json_and_text(kg):
    r = kg("describe", "cnnic", "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert (doc["iri"], doc["name"], doc["label"]) == ("https://w3id.org/igkg/id/org/cnnic", "igorg:cnnic", "CNNIC")
    kinds = {s["kind"] for s in doc["statements"]}
    assert {"PostHolding", "Affiliation", "Participation", "MOU", "Partnership", "ContactPoint"} <= kinds
    assert {"Chu Nan is from CNNIC.", "Shen Zhi is from CNNIC."} <= {s["sentence"] for s in doc["statements"]}
    text = kg("describe", "igorg:cnnic").stdout
    assert text.startswith("CNNIC  (igorg:cnnic)\n  <https://w3id.org/igkg/id/org/cnnic>\n")
    assert "\nAffiliations:\n  * Chu Nan is from CNNIC.\n      source: igdoc:circleid-icann58-readout\n" in text


def test_describe_cli_unknown_name_exits_2(kg):
    r = kg("describe", "Nobody At All")
    assert r.returncode == 2
    assert r.stderr.startswith("error: 'Nobody At All': no entity has this IRI, prefixed name or label")


def test_inferred_relations_are_marked_and_do_not_become_statements():
    from kg.dataset import build_store
    from kg.reason.rules import materialise

    store = build_store()
    assert materialise(store) > 0
    profile = Describer(OxigraphBackend(store)).describe("Zhang Jianchuan")
    assert profile.types == ("person (igkg:Person)",)
    assert "schema:Person" in profile.inferred_types
    member_of = {(r.value, r.inferred) for r in profile.outgoing if r.property == "org:memberOf"}
    assert member_of == {("https://w3id.org/igkg/id/org/knet", True),
                         ("https://w3id.org/igkg/id/org/icann-beijing-engagement-center", True)}
    assert [s.kind for s in profile.statements] == ["PostHolding", "PostHolding", "Participation", "Participation"]
