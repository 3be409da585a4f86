"""Stated versus inferred: igkg:basis on records and reified triples, value bounds, and the library
queries that show (inferred=true, the default) or hide (inferred=false) what the editor inferred.

Each hiding test states the exact rows that `inferred=false` leaves out (rows as kg.results.rows_text
shows them) and that it leaves out nothing else.
"""

from __future__ import annotations

import pytest

from kg import queries as lib
from kg.results import rows_text


@pytest.fixture(scope="module")
def backend(documents_store):
    from kg.backend import OxigraphBackend

    return OxigraphBackend(documents_store)


def hidden(backend, name: str, params: dict[str, str]) -> tuple[set, set]:
    """(rows only with inferred=true, rows only with inferred=false) of a library query, without
    the last column (the parameter itself, true or false on every row)."""
    def rows(value: str | None) -> set:
        given = params if value is None else {**params, "inferred": value}
        got = rows_text(lib.run(name, given, backend=backend))
        assert {r[-1] for r in got} <= {value or "true"}
        return {r[:-1] for r in got}

    shown, without = rows("true"), rows("false")
    assert shown == rows(None), "inferred=true is the default"
    return shown - without, without - shown


ARTICLE = "igdoc:circleid-icann58-readout"
SLIDES = "igdoc:cnnic-inter-cctld-cooperation"
ATTENDED_ICANN_58 = ("cai-xiongshan-30ac5c", "chu-nan-359b70", "kan-kaili-cf3332", "liu-limei-624903", "pam-little-364eb0", "shen-zhi-b695bb", "tan-yaling-ee95d6",
                     "wang-wei-6e68c4", "wu-yangyi-408760", "zhang-jianchuan-db8cb8")


def test_hiding_inferences_blanks_the_years_place_of_the_march_events(backend):
    gone, new = hidden(backend, "events", {})
    assert gone == {
        ("igevent:icann-58-copenhagen-meeting", "igkg:Meeting", "2017-03-10", "2017-03-16", "igplace:copenhagen", ARTICLE),
        ("igevent:icann-58-readout-session", "igkg:ReadoutSession", "2017-03-29", "", "igplace:caict-premises", ARTICLE),
        ("igevent:caict-domain-name-lecture-2017-03-29", "igkg:Lecture", "2017-03-29", "", "", ARTICLE),
    }
    assert new == {
        ("igevent:icann-58-copenhagen-meeting", "igkg:Meeting", "", "", "", ARTICLE),
        ("igevent:icann-58-readout-session", "igkg:ReadoutSession", "", "", "igplace:caict-premises", ARTICLE),
        ("igevent:caict-domain-name-lecture-2017-03-29", "igkg:Lecture", "", "", "", ARTICLE),
    }


def test_hiding_inferences_drops_the_attendance_of_icann_58_read_from_shared_experience(backend):
    gone, new = hidden(backend, "event-participants", {"event": "igevent:icann-58-copenhagen-meeting"})
    members = {"cai-xiongshan-30ac5c": ["tencent-research-institute"], "chu-nan-359b70": ["cnnic"],
               "kan-kaili-cf3332": ["beijing-university-of-posts-and-telecommunications"], "liu-limei-624903": ["conac"],
               "pam-little-364eb0": ["alibaba-cloud"], "shen-zhi-b695bb": ["cnnic"], "tan-yaling-ee95d6": ["teleinfo"], "wang-wei-6e68c4": ["knet"],
               "wu-yangyi-408760": ["domain-name-registry-21fc2d"],
               "zhang-jianchuan-db8cb8": ["icann-beijing-engagement-center", "knet"]}
    assert set(members) == set(ATTENDED_ICANN_58)
    assert gone == {("igevent:icann-58-copenhagen-meeting", f"igperson:{p}", "igrole:attendee", f"igorg:{o}", "member", ARTICLE)
                    for p, orgs in members.items() for o in orgs}
    assert new == set()
    # the readout session's participants are all stated
    assert hidden(backend, "event-participants", {"event": "igevent:icann-58-readout-session"}) == (set(), set())


def test_hiding_inferences_drops_song_zhengs_circa_span_and_the_general_managers_holding(backend):
    assert hidden(backend, "holder-of-post-on-date", {"date": "2015"}) == ({(
        "2015", "igpost:director-icann-beijing-engagement-center", "igperson:song-zheng-5f9c3a", "circa 2014-03-29",
        "2017-03-29", "circa: P3Y up to the latest start 2017-03-29", "igvocab:in-office", ARTICLE)}, set())
    gone, new = hidden(backend, "holder-of-post-on-date", {"date": "2017-03-29"})
    assert gone == {("2017-03-29", "igpost:general-manager-asia-pacific-operations-icann", "igperson:jia-rong-low-dc02d2",
                     "2017-03-29", "2017-03-29", "stated", "igvocab:in-office", ARTICLE)}
    assert new == set()


def test_hiding_inferences_drops_the_organiser_read_from_a_name(backend):
    assert hidden(backend, "organisation-timeline", {"org": "igorg:icann"}) == (
        {("igorg:icann", "2017-03-10", "igevent:icann-58-copenhagen-meeting", "organiser", ARTICLE)}, set())


def test_hiding_inferences_drops_cnnics_timeline_participations_and_photo_matches(backend):
    gone, new = hidden(backend, "organisation-timeline", {"org": "igorg:cnnic"})
    timeline = {
        ("2012-05", "igevent:cnnic-krnic-mou-signing"),
        ("2013-05", "igevent:1st-china-southeast-capacity-building-cooperation-program"),
        ("2014-04", "igevent:apec-funding-program-capacity-building-cooperation-program-of-ict"),
        ("2014-08", "igevent:2nd-china-southeast-capacity-building-cooperation-program"),
        ("2014-09", "igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust"),
        ("2014-09", "igevent:wsis-10-workshop-new-concept-of-capacity-building"),
        ("2014-11", "igevent:cnnic-ru-cctld-mou-signing"),
        ("2014-11", "igevent:wic-wuzhen-summit"),
    }
    photographed = {
        ("2013-05", "igevent:1st-china-southeast-capacity-building-cooperation-program"),
        ("2014-09", "igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust"),
        ("2014-09", "igevent:wsis-10-workshop-new-concept-of-capacity-building"),
        ("2014-11", "igevent:wic-wuzhen-summit"),
    }
    assert gone == ({("igorg:cnnic", d, e, "participant", SLIDES) for d, e in timeline}
                    | {("igorg:cnnic", d, e, "photographed", SLIDES) for d, e in photographed}
                    # Shen Zhi and Chu Nan of CNNIC attended ICANN 58: read from "shared their experience"
                    | {("igorg:cnnic", "2017-03-10", "igevent:icann-58-copenhagen-meeting", "member took part", ARTICLE)})
    assert new == set()


def test_hiding_inferences_drops_the_rural_share_whose_denominator_is_a_reading(backend):
    assert hidden(backend, "statistics", {}) == ({(
        "igvocab:rural-netizen-share", "2014-12", "igplace:china", "27.5", "igvocab:percent", "0", "27.5%",
        "igdoc:35th-statistical-report-on-internet-development-in-china", SLIDES)}, set())


def test_hiding_inferences_drops_the_areas_of_cooperation_attached_to_cnnic_by_the_editor(backend):
    gone, new = hidden(backend, "areas-of-cooperation", {})
    assert len(gone) == 13 + 16 and new == set()
    assert {r[2] for r in gone} == {"igscope:cnnic-inter-cctld-cooperation", "igscope:cnnic-building-future-partnership"}


def test_facts_by_basis_counts(backend):
    rows = rows_text(lib.run("facts-by-basis", {}, backend=backend))
    counts: dict[tuple[str, str], int] = {}
    for basis, _fact, kind, *_rest in rows:
        counts[(basis, kind)] = counts.get((basis, kind), 0) + 1
    assert counts == {
        ("igvocab:editor-inferred", "rdf:Statement"): 46,
        ("igvocab:editor-inferred", "igkg:Participation"): 18,
        ("igvocab:editor-inferred", "igkg:PostHolding"): 2,
        ("igvocab:editor-inferred", "igkg:StatisticalObservation"): 1,
        ("igvocab:editor-inferred", "igkg:CooperationScope"): 1,
        ("igvocab:editor-inferred", "igkg:CooperationOffer"): 1,
        ("igvocab:editor-inferred", "schema:QuantitativeValue"): 1,
        ("igvocab:read-from-layout", "rdf:Statement"): 12,
        ("igvocab:read-from-layout", "igkg:Partnership"): 11,
        ("igvocab:read-from-layout", "igkg:StatisticalObservation"): 10,
    }


def test_value_bounds_keep_the_text_and_say_whether_the_bound_is_excluded(documents_store):
    from kg.namespaces import sparql_prologue

    rows = [(r["v"].value, r["min"].value, r["min"].datatype.value.rsplit("#", 1)[1], r["excl"].value, r["text"].value)
            for r in documents_store.query(sparql_prologue() + """
        SELECT ?v ?min ?excl ?text WHERE {
          ?v a schema:QuantitativeValue ; schema:minValue ?min ; igkg:minValueExclusive ?excl ; igkg:boundAsWritten ?text }
        ORDER BY ?v""", use_default_graph_as_union=True)]
    assert rows == [
        ("https://w3id.org/igkg/id/value/chinese-market-cn-share-2014-12--bound", "53.8", "decimal", "false", "53.8%+"),
        ("https://w3id.org/igkg/id/value/icann-58-readout-session--attendance", "60", "integer", "true",
         "Over 60 representatives"),
    ]


@pytest.mark.parametrize("value", ["maybe", "1", ""])
def test_a_boolean_parameter_refuses_other_words(value):
    from kg.errors import UsageError
    from kg.queries.library import library
    from kg.queries.params import check_params

    with pytest.raises(UsageError, match="write true or false|empty"):
        check_params(library()["statistics"], {"inferred": value})


def test_a_boolean_parameter_is_an_xsd_boolean():
    from kg.queries.library import library
    from kg.queries.params import bind_params

    term = bind_params(library()["statistics"], {"inferred": " FALSE "})["inferred"]
    assert (term.value, term.datatype.value) == ("false", "http://www.w3.org/2001/XMLSchema#boolean")
