"""Exact expected rows of every named query on the two documents (ordered as the query's ORDER BY).

The rows are those of the ontology, the reference data and the documents of conftest.DOCUMENTS
(`documents_store`): a further document in data/ adds its own rows to the project's answers and
leaves these unchanged (its rows are stated by its own tests).

Cells are shown as in the table output (`kg.results.cell`): IRIs as prefixed names, literals
as their text. Each query is run with one or more parameter sets, including labels as parameters
("Guo Feng", "Beijing"); the same rows (as a set) must come from rdflib's engine (the oracle,
tests/oracle.py).

When the data changes on purpose, regenerate the expectations by printing
`rows_text(run(name, params))` for each case below and review the difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oracle import run_rdflib

from kg import queries as lib
from kg.queries.library import library
from kg.results import rows_text

EXPECTED = {
    'agreements': [
        ({}, [
            ('igagr:cnnic-krnic-strategic-partnership-mou', 'igkg:MOU', 'Strategic Partnership MOU', 'igevent:cnnic-krnic-mou-signing', '2012-05', 'igplace:kunming', 'igvocab:signed', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:caict-icann-mou', 'igkg:MOU', 'MOU', 'igevent:caict-icann-mou-signing', '2014-06', '', 'igvocab:signed', 'igdoc:circleid-icann58-readout'),
            ('igagr:cnnic-ru-cctld-strategic-partnership-mou', 'igkg:MOU', 'Strategic Partnership MOU', 'igevent:cnnic-ru-cctld-mou-signing', '2014-11', 'igplace:wuzhen', 'igvocab:signed', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--denic', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--jordan-nict', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--kisa', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--krnic', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--laonic', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--nominet', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--pandi', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--ru-cctld', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--sgnic', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--twnic', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--yemennet', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igagr:cnnic--zadna', 'igkg:Partnership', '', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'agreements-of-organisation': [
        ({'org': 'igorg:krnic'}, [
            ('igorg:krnic', 'igorg:cnnic', 'igagr:cnnic--krnic', 'igkg:Partnership', '', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:krnic', 'igorg:cnnic', 'igagr:cnnic-krnic-strategic-partnership-mou', 'igkg:MOU', 'Strategic Partnership MOU', 'igevent:cnnic-krnic-mou-signing', '2012-05', 'igplace:kunming', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
        ({'org': 'igorg:caict'}, [
            ('igorg:caict', 'igorg:icann', 'igagr:caict-icann-mou', 'igkg:MOU', 'MOU', 'igevent:caict-icann-mou-signing', '2014-06', '', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'agreements-with-too-few-parties': [
        ({}, [
        ]),
    ],
    'announcements': [
        ({}, [
            ('igevent:icann-58-readout-session', '2017-03-29', 'end', 'igperson:jia-rong-low-dc02d2', 'igperson:song-zheng-5f9c3a', 'igpost:director-icann-beijing-engagement-center', 'igvocab:in-office', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', '2017-03-29', 'start', 'igperson:jia-rong-low-dc02d2', 'igperson:zhang-jianchuan-db8cb8', 'igpost:director-icann-beijing-engagement-center', 'igvocab:announced', '', '', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'areas-of-cooperation': [
        ({'area': 'igtopic:anti-malware-technologies'}, [
            ('igtopic:anti-malware-technologies', 'Joint development and dissemination of advanced technologies to combat malware', 'igscope:cnnic-inter-cctld-cooperation', 'igorg:cnnic', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
        ]),
        ({'inferred': 'false'}, [
        ]),
    ],
    'career-of-person': [
        ({'person': 'igperson:zhang-jianchuan-db8cb8'}, [
            ('igperson:zhang-jianchuan-db8cb8', 'igorg:knet', 'post', 'Senior Researcher', 'igvocab:in-office', 'by 2017-03-29', 'not before 2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igorg:icann-beijing-engagement-center', 'post', 'Director', 'igvocab:announced', 'not before 2017-03-29', '', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'person': 'Guo Feng'}, [
            ('igperson:guo-feng-0ee565', 'igorg:caict', 'post', 'Researcher', 'igvocab:in-office', 'by 2017-03-29', 'not before 2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igperson:guo-feng-0ee565', 'igorg:gac', 'post', 'Vice Chair', 'igvocab:in-office', 'by 2017-03-29', 'not before 2017-03-29', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'co-attendees': [
        ({'person': 'igperson:zhang-jianchuan-db8cb8'}, [
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:cai-xiongshan-30ac5c', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:chu-nan-359b70', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:kan-kaili-cf3332', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:liu-limei-624903', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:pam-little-364eb0', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:shen-zhi-b695bb', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:tan-yaling-ee95d6', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:wang-wei-6e68c4', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-copenhagen-meeting', 'igperson:wu-yangyi-408760', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igorg:beijing-communications-administration', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igorg:ministry-of-foreign-affairs', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igorg:office-of-the-central-leading-group-for-cyberspace-affairs', 'igrole:attendee', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:cai-xiongshan-30ac5c', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:chu-nan-359b70', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:guo-feng-0ee565', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:jia-rong-low-dc02d2', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:kan-kaili-cf3332', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:li-xiangning-11e04d', 'igrole:speaker', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:liu-limei-624903', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:liu-yue-032bdc', 'igrole:moderator', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:pam-little-364eb0', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:shen-zhi-b695bb', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:tan-yaling-ee95d6', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:wang-wei-6e68c4', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'igevent:icann-58-readout-session', 'igperson:wu-yangyi-408760', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'connection-between': [
        ({'a': 'igperson:zhang-jianchuan-db8cb8', 'b': 'igorg:knet'}, [
            ('igperson:zhang-jianchuan-db8cb8', 'igorg:knet', '2', 'a <- via -> b', 'org:member', 'igholding:zhang-jianchuan-db8cb8--senior-researcher-knet--1', 'org:organization'),
        ]),
        ({'a': 'igperson:song-zheng-5f9c3a', 'b': 'igorg:icann-beijing-engagement-center'}, [
            ('igperson:song-zheng-5f9c3a', 'igorg:icann-beijing-engagement-center', '2', 'a <- via -> b', 'org:member', 'igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1', 'org:organization'),
        ]),
    ],
    'contact-points': [
        ({}, [
            ('igorg:cnnic', 'igcp:cnnic-global-strategic-partnership', 'partnership opportunities, conference participation and MoU signing', 'hanliyun@cnnic.cn', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igperson:liyun-han-3e929e', 'igcp:cnnic-global-strategic-partnership', 'partnership opportunities, conference participation and MoU signing', 'hanliyun@cnnic.cn', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'editorial-notes': [
        ({'entity': 'igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1'}, [
            ('igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1', "In office on the day of the readout session (29 March 2017), where he is named as Director: igkg:latestStart 2017-03-29. His leaving was announced there in the future tense ('would leave his position'): the end is after the announcement (igkg:earliestEnd 2017-03-29), its date is not stated, so schema:endDate is left out.", 'iggraph:circleid-icann58-readout', 'igdoc:circleid-icann58-readout'),
            ('igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1', "No start date is stated. The attendants thanked him for his 'efforts in the last three years': recorded as an approximate span (igkg:approximateDuration P3Y, circa) up to the session; the article does not say that these efforts were all made as Director, so this is a reading, and no start date is derived from it.", 'iggraph:circleid-icann58-readout', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'entities-without-label': [
        ({}, [
        ]),
    ],
    'event-hierarchy': [
        ({}, [
            ('igevent:caict-china-internet-community-seminars', 'has part', 'igevent:icann-58-readout-session', '2017-03-29'),
            ('igevent:icann-58-copenhagen-meeting', 'part of', 'igevent:icann-conferences', ''),
            ('igevent:icann-58-copenhagen-meeting', 'reported on by', 'igevent:icann-58-readout-session', '2017-03-29'),
            ('igevent:icann-58-readout-session', 'part of', 'igevent:caict-china-internet-community-seminars', ''),
            ('igevent:icann-58-readout-session', 'reports on', 'igevent:icann-58-copenhagen-meeting', '2017-03-10'),
            ('igevent:icann-conferences', 'has part', 'igevent:icann-58-copenhagen-meeting', '2017-03-10'),
        ]),
    ],
    'event-participants': [
        ({'event': 'igevent:icann-58-readout-session'}, [
            ('igevent:icann-58-readout-session', 'igorg:beijing-communications-administration', 'igrole:attendee', '', '', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igorg:ministry-of-foreign-affairs', 'igrole:attendee', '', '', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igorg:office-of-the-central-leading-group-for-cyberspace-affairs', 'igrole:attendee', '', '', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:liu-yue-032bdc', 'igrole:moderator', 'igorg:caict', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:cai-xiongshan-30ac5c', 'igrole:presenter', 'igorg:tencent-research-institute', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:chu-nan-359b70', 'igrole:presenter', 'igorg:cnnic', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:guo-feng-0ee565', 'igrole:presenter', 'igorg:caict', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:guo-feng-0ee565', 'igrole:presenter', 'igorg:gac', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:jia-rong-low-dc02d2', 'igrole:presenter', 'igorg:icann', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:kan-kaili-cf3332', 'igrole:presenter', 'igorg:beijing-university-of-posts-and-telecommunications', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:liu-limei-624903', 'igrole:presenter', 'igorg:conac', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:pam-little-364eb0', 'igrole:presenter', 'igorg:alibaba-cloud', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:shen-zhi-b695bb', 'igrole:presenter', 'igorg:cnnic', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:tan-yaling-ee95d6', 'igrole:presenter', 'igorg:teleinfo', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:wang-wei-6e68c4', 'igrole:presenter', 'igorg:knet', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:wu-yangyi-408760', 'igrole:presenter', 'igorg:domain-name-registry-21fc2d', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:zhang-jianchuan-db8cb8', 'igrole:presenter', 'igorg:icann-beijing-engagement-center', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:zhang-jianchuan-db8cb8', 'igrole:presenter', 'igorg:knet', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igperson:li-xiangning-11e04d', 'igrole:speaker', 'igorg:information-and-communication-administration', 'member', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'event': 'igevent:wic-wuzhen-summit'}, [
            ('igevent:wic-wuzhen-summit', 'igorg:cnnic', 'igrole:participant', '', '', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
        ]),
        ({'event': 'igevent:icann-58-copenhagen-meeting'}, [
            ('igevent:icann-58-copenhagen-meeting', 'igperson:cai-xiongshan-30ac5c', 'igrole:attendee', 'igorg:tencent-research-institute', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:chu-nan-359b70', 'igrole:attendee', 'igorg:cnnic', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:kan-kaili-cf3332', 'igrole:attendee', 'igorg:beijing-university-of-posts-and-telecommunications', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:liu-limei-624903', 'igrole:attendee', 'igorg:conac', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:pam-little-364eb0', 'igrole:attendee', 'igorg:alibaba-cloud', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:shen-zhi-b695bb', 'igrole:attendee', 'igorg:cnnic', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:tan-yaling-ee95d6', 'igrole:attendee', 'igorg:teleinfo', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:wang-wei-6e68c4', 'igrole:attendee', 'igorg:knet', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:wu-yangyi-408760', 'igrole:attendee', 'igorg:domain-name-registry-21fc2d', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:zhang-jianchuan-db8cb8', 'igrole:attendee', 'igorg:icann-beijing-engagement-center', 'member', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igperson:zhang-jianchuan-db8cb8', 'igrole:attendee', 'igorg:knet', 'member', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'event': 'igevent:icann-58-copenhagen-meeting', 'inferred': 'false'}, [
        ]),
    ],
    'events': [
        ({}, [
            ('igevent:caict-china-internet-community-seminars', 'igkg:EventSeries', '', '', '', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-conferences', 'igkg:EventSeries', '', '', '', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:cnnic-krnic-mou-signing', 'igkg:SigningCeremony', '2012-05', '', 'igplace:kunming', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igevent:1st-china-southeast-capacity-building-cooperation-program', 'igkg:CapacityBuildingProgramme', '2013-05', '', 'igplace:beijing', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igevent:apec-funding-program-capacity-building-cooperation-program-of-ict', 'igkg:CapacityBuildingProgramme', '2014-04', '', 'igplace:yangzhou', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igevent:caict-icann-mou-signing', 'igkg:SigningCeremony', '2014-06', '', '', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:2nd-china-southeast-capacity-building-cooperation-program', 'igkg:CapacityBuildingProgramme', '2014-08', '', 'igplace:beijing', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust', 'igkg:Workshop', '2014-09', '', 'igplace:istanbul', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igevent:wsis-10-workshop-new-concept-of-capacity-building', 'igkg:Workshop', '2014-09', '', 'igplace:geneva', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igevent:cnnic-ru-cctld-mou-signing', 'igkg:SigningCeremony', '2014-11', '', 'igplace:wuzhen', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igevent:wic-wuzhen-summit', 'igkg:Summit', '2014-11', '', 'igplace:wuzhen', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igevent:icann-58-copenhagen-meeting', 'igkg:Meeting', '2017-03-10', '2017-03-16', 'igplace:copenhagen', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:caict-domain-name-lecture-2017-03-29', 'igkg:Lecture', '2017-03-29', '', '', 'igdoc:circleid-icann58-readout', 'true'),
            ('igevent:icann-58-readout-session', 'igkg:ReadoutSession', '2017-03-29', '', 'igplace:caict-premises', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'inferred': 'false'}, [
            ('igevent:caict-china-internet-community-seminars', 'igkg:EventSeries', '', '', '', 'igdoc:circleid-icann58-readout', 'false'),
            ('igevent:caict-domain-name-lecture-2017-03-29', 'igkg:Lecture', '', '', '', 'igdoc:circleid-icann58-readout', 'false'),
            ('igevent:icann-58-copenhagen-meeting', 'igkg:Meeting', '', '', '', 'igdoc:circleid-icann58-readout', 'false'),
            ('igevent:icann-58-readout-session', 'igkg:ReadoutSession', '', '', 'igplace:caict-premises', 'igdoc:circleid-icann58-readout', 'false'),
            ('igevent:icann-conferences', 'igkg:EventSeries', '', '', '', 'igdoc:circleid-icann58-readout', 'false'),
            ('igevent:cnnic-krnic-mou-signing', 'igkg:SigningCeremony', '2012-05', '', 'igplace:kunming', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igevent:1st-china-southeast-capacity-building-cooperation-program', 'igkg:CapacityBuildingProgramme', '2013-05', '', 'igplace:beijing', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igevent:apec-funding-program-capacity-building-cooperation-program-of-ict', 'igkg:CapacityBuildingProgramme', '2014-04', '', 'igplace:yangzhou', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igevent:caict-icann-mou-signing', 'igkg:SigningCeremony', '2014-06', '', '', 'igdoc:circleid-icann58-readout', 'false'),
            ('igevent:2nd-china-southeast-capacity-building-cooperation-program', 'igkg:CapacityBuildingProgramme', '2014-08', '', 'igplace:beijing', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust', 'igkg:Workshop', '2014-09', '', 'igplace:istanbul', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igevent:wsis-10-workshop-new-concept-of-capacity-building', 'igkg:Workshop', '2014-09', '', 'igplace:geneva', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igevent:cnnic-ru-cctld-mou-signing', 'igkg:SigningCeremony', '2014-11', '', 'igplace:wuzhen', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igevent:wic-wuzhen-summit', 'igkg:Summit', '2014-11', '', 'igplace:wuzhen', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
        ]),
    ],
    'events-about-topic': [
        ({'topic': 'igtopic:icann-jurisdiction'}, [
            ('igtopic:icann-jurisdiction', 'igevent:icann-58-readout-session', '2017-03-29', 'event', 'igdoc:circleid-icann58-readout'),
            ('igtopic:icann-jurisdiction', 'igevent:icann-58-readout-session', '2017-03-29', 'participant', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'events-at-place': [
        ({'place': 'igplace:wuzhen'}, [
            ('igplace:wuzhen', 'igevent:cnnic-ru-cctld-mou-signing', '2014-11', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igplace:wuzhen', 'igevent:wic-wuzhen-summit', '2014-11', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
        ({'place': 'Beijing'}, [
            ('igplace:beijing', 'igevent:1st-china-southeast-capacity-building-cooperation-program', '2013-05', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igplace:beijing', 'igevent:2nd-china-southeast-capacity-building-cooperation-program', '2014-08', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'events-by-organiser': [
        ({}, [
            ('igorg:caict', 'igevent:caict-china-internet-community-seminars', '', '', 'igdoc:circleid-icann58-readout'),
            ('igorg:caict', 'igevent:caict-domain-name-lecture-2017-03-29', '2017-03-29', '', 'igdoc:circleid-icann58-readout'),
            ('igorg:caict', 'igevent:icann-58-readout-session', '2017-03-29', 'igplace:caict-premises', 'igdoc:circleid-icann58-readout'),
            ('igorg:icann', 'igevent:icann-58-copenhagen-meeting', '2017-03-10', 'igplace:copenhagen', 'igdoc:circleid-icann58-readout'),
            ('igorg:icann-beijing-engagement-center', 'igevent:icann-58-readout-session', '2017-03-29', 'igplace:caict-premises', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'events-in-series': [
        ({}, [
            ('igevent:caict-china-internet-community-seminars', 'igevent:icann-58-readout-session', '2017-03-29', '', 'igplace:caict-premises', 'igvocab:editor-inferred', 'igagr:caict-icann-mou', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-conferences', 'igevent:icann-58-copenhagen-meeting', '2017-03-10', '2017-03-16', 'igplace:copenhagen', 'igvocab:editor-inferred', '', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'series': 'igevent:caict-china-internet-community-seminars'}, [
            ('igevent:caict-china-internet-community-seminars', 'igevent:icann-58-readout-session', '2017-03-29', '', 'igplace:caict-premises', 'igvocab:editor-inferred', 'igagr:caict-icann-mou', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'series': 'ICANN conferences'}, [
            ('igevent:icann-conferences', 'igevent:icann-58-copenhagen-meeting', '2017-03-10', '2017-03-16', 'igplace:copenhagen', 'igvocab:editor-inferred', '', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'events-in-year': [
        ({'year': '2014'}, [
            ('2014', 'igevent:apec-funding-program-capacity-building-cooperation-program-of-ict', '2014-04', 'igplace:yangzhou', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('2014', 'igevent:caict-icann-mou-signing', '2014-06', '', 'igdoc:circleid-icann58-readout'),
            ('2014', 'igevent:2nd-china-southeast-capacity-building-cooperation-program', '2014-08', 'igplace:beijing', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('2014', 'igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust', '2014-09', 'igplace:istanbul', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('2014', 'igevent:wsis-10-workshop-new-concept-of-capacity-building', '2014-09', 'igplace:geneva', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('2014', 'igevent:cnnic-ru-cctld-mou-signing', '2014-11', 'igplace:wuzhen', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('2014', 'igevent:wic-wuzhen-summit', '2014-11', 'igplace:wuzhen', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
        ({'year': '2017'}, [
            ('2017', 'igevent:icann-58-copenhagen-meeting', '2017-03-10', 'igplace:copenhagen', 'igdoc:circleid-icann58-readout'),
            ('2017', 'igevent:caict-domain-name-lecture-2017-03-29', '2017-03-29', '', 'igdoc:circleid-icann58-readout'),
            ('2017', 'igevent:icann-58-readout-session', '2017-03-29', 'igplace:caict-premises', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'events-of-kind': [
        ({'kind': 'igkg:Workshop'}, [
            ('igkg:Workshop', 'igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust', '2014-09', 'igplace:istanbul', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igkg:Workshop', 'igevent:wsis-10-workshop-new-concept-of-capacity-building', '2014-09', 'igplace:geneva', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
        ({'kind': 'igkg:SigningCeremony'}, [
            ('igkg:SigningCeremony', 'igevent:cnnic-krnic-mou-signing', '2012-05', 'igplace:kunming', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igkg:SigningCeremony', 'igevent:caict-icann-mou-signing', '2014-06', '', 'igdoc:circleid-icann58-readout'),
            ('igkg:SigningCeremony', 'igevent:cnnic-ru-cctld-mou-signing', '2014-11', 'igplace:wuzhen', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'facts-by-basis': [
        ({}, [
            ('igvocab:editor-inferred', 'igstmt:beijing-university-of-posts-and-telecommunications--type', 'rdf:Statement', 'igorg:beijing-university-of-posts-and-telecommunications', 'rdf:type', 'igkg:University', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:caict-domain-name-lecture-2017-03-29--start-date', 'rdf:Statement', 'igevent:caict-domain-name-lecture-2017-03-29', 'schema:startDate', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:caict-icann-beijing-engagement-center-community-platform--type', 'rdf:Statement', 'igorg:caict-icann-beijing-engagement-center-community-platform', 'rdf:type', 'igkg:Organization', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:cnnic--contact-point', 'rdf:Statement', 'igorg:cnnic', 'schema:contactPoint', 'igcp:cnnic-global-strategic-partnership', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:cnnic-inter-cctld-cooperation--photo-2013-capacity-building-program--about-cnnic', 'rdf:Statement', 'igdoc:cnnic-inter-cctld-cooperation--photo-2013-capacity-building-program', 'schema:about', 'igorg:cnnic', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:cnnic-inter-cctld-cooperation--photo-2013-capacity-building-program--about-event', 'rdf:Statement', 'igdoc:cnnic-inter-cctld-cooperation--photo-2013-capacity-building-program', 'schema:about', 'igevent:1st-china-southeast-capacity-building-cooperation-program', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:cnnic-inter-cctld-cooperation--photo-2014-igf-workshop--about-cnnic', 'rdf:Statement', 'igdoc:cnnic-inter-cctld-cooperation--photo-2014-igf-workshop', 'schema:about', 'igorg:cnnic', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:cnnic-inter-cctld-cooperation--photo-2014-igf-workshop--about-event', 'rdf:Statement', 'igdoc:cnnic-inter-cctld-cooperation--photo-2014-igf-workshop', 'schema:about', 'igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:cnnic-inter-cctld-cooperation--photo-2014-wsis-workshop--about-cnnic', 'rdf:Statement', 'igdoc:cnnic-inter-cctld-cooperation--photo-2014-wsis-workshop', 'schema:about', 'igorg:cnnic', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:cnnic-inter-cctld-cooperation--photo-2014-wsis-workshop--about-event', 'rdf:Statement', 'igdoc:cnnic-inter-cctld-cooperation--photo-2014-wsis-workshop', 'schema:about', 'igevent:wsis-10-workshop-new-concept-of-capacity-building', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:cnnic-inter-cctld-cooperation--photo-2014-wuzhen-summit-ig-high-level-panel--about-cnnic', 'rdf:Statement', 'igdoc:cnnic-inter-cctld-cooperation--photo-2014-wuzhen-summit-ig-high-level-panel', 'schema:about', 'igorg:cnnic', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:cnnic-inter-cctld-cooperation--photo-2014-wuzhen-summit-ig-high-level-panel--about-event', 'rdf:Statement', 'igdoc:cnnic-inter-cctld-cooperation--photo-2014-wuzhen-summit-ig-high-level-panel', 'schema:about', 'igevent:wic-wuzhen-summit', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:domain-name-registry-21fc2d--type', 'rdf:Statement', 'igorg:domain-name-registry-21fc2d', 'rdf:type', 'igkg:Registry', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:gac--type', 'rdf:Statement', 'igorg:gac', 'rdf:type', 'igkg:AdvisoryCommittee', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:general-manager-asia-pacific-operations-icann--post-in', 'rdf:Statement', 'igpost:general-manager-asia-pacific-operations-icann', 'org:postIn', 'igorg:icann', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:global-strategic-partnership-manager-cnnic--post-in', 'rdf:Statement', 'igpost:global-strategic-partnership-manager-cnnic', 'org:postIn', 'igorg:cnnic', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:guo-feng-0ee565--researcher-caict--1--earliest-end', 'rdf:Statement', 'igholding:guo-feng-0ee565--researcher-caict--1', 'igkg:earliestEnd', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:guo-feng-0ee565--researcher-caict--1--latest-start', 'rdf:Statement', 'igholding:guo-feng-0ee565--researcher-caict--1', 'igkg:latestStart', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:guo-feng-0ee565--vice-chair-gac--1--earliest-end', 'rdf:Statement', 'igholding:guo-feng-0ee565--vice-chair-gac--1', 'igkg:earliestEnd', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:guo-feng-0ee565--vice-chair-gac--1--latest-start', 'rdf:Statement', 'igholding:guo-feng-0ee565--vice-chair-gac--1', 'igkg:latestStart', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-58-copenhagen-meeting--end-date', 'rdf:Statement', 'igevent:icann-58-copenhagen-meeting', 'schema:endDate', '2017-03-16', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-58-copenhagen-meeting--location', 'rdf:Statement', 'igevent:icann-58-copenhagen-meeting', 'schema:location', 'igplace:copenhagen', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-58-copenhagen-meeting--organizer', 'rdf:Statement', 'igevent:icann-58-copenhagen-meeting', 'schema:organizer', 'igorg:icann', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-58-copenhagen-meeting--start-date', 'rdf:Statement', 'igevent:icann-58-copenhagen-meeting', 'schema:startDate', '2017-03-10', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-58-copenhagen-meeting--super-event--icann-conferences', 'rdf:Statement', 'igevent:icann-58-copenhagen-meeting', 'schema:superEvent', 'igevent:icann-conferences', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-58-readout-session--start-date', 'rdf:Statement', 'igevent:icann-58-readout-session', 'schema:startDate', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-58-readout-session--super-event--caict-china-internet-community-seminars', 'rdf:Statement', 'igevent:icann-58-readout-session', 'schema:superEvent', 'igevent:caict-china-internet-community-seminars', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-beijing-engagement-center--sub-organization-of', 'rdf:Statement', 'igorg:icann-beijing-engagement-center', 'org:subOrganizationOf', 'igorg:icann', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-beijing-engagement-center--type', 'rdf:Statement', 'igorg:icann-beijing-engagement-center', 'rdf:type', 'igkg:EngagementCentre', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:icann-beijing-engagement-center--unit-of', 'rdf:Statement', 'igorg:icann-beijing-engagement-center', 'org:unitOf', 'igorg:icann', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:jia-rong-low-dc02d2--general-manager-asia-pacific-operations-icann--1--earliest-end', 'rdf:Statement', 'igholding:jia-rong-low-dc02d2--general-manager-asia-pacific-operations-icann--1', 'igkg:earliestEnd', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:jia-rong-low-dc02d2--general-manager-asia-pacific-operations-icann--1--latest-start', 'rdf:Statement', 'igholding:jia-rong-low-dc02d2--general-manager-asia-pacific-operations-icann--1', 'igkg:latestStart', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:jia-rong-low-dc02d2--vice-president-icann--1--earliest-end', 'rdf:Statement', 'igholding:jia-rong-low-dc02d2--vice-president-icann--1', 'igkg:earliestEnd', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:jia-rong-low-dc02d2--vice-president-icann--1--latest-start', 'rdf:Statement', 'igholding:jia-rong-low-dc02d2--vice-president-icann--1', 'igkg:latestStart', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:li-xiangning-11e04d--deputy-director-general-information-and-communication-administration--1--earliest-end', 'rdf:Statement', 'igholding:li-xiangning-11e04d--deputy-director-general-information-and-communication-administration--1', 'igkg:earliestEnd', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:li-xiangning-11e04d--deputy-director-general-information-and-communication-administration--1--latest-start', 'rdf:Statement', 'igholding:li-xiangning-11e04d--deputy-director-general-information-and-communication-administration--1', 'igkg:latestStart', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:miit--type', 'rdf:Statement', 'igorg:miit', 'rdf:type', 'igkg:Ministry', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:ministry-of-foreign-affairs--type', 'rdf:Statement', 'igorg:ministry-of-foreign-affairs', 'rdf:type', 'igkg:Ministry', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:ru--registry-operator', 'rdf:Statement', 'igtld:ru', 'igkg:registryOperator', 'igorg:ru-cctld', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igstmt:song-zheng--director-icann-beijing-engagement-center--approximate-duration', 'rdf:Statement', 'igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1', 'igkg:approximateDuration', 'P3Y', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1--earliest-end', 'rdf:Statement', 'igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1', 'igkg:earliestEnd', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1--latest-start', 'rdf:Statement', 'igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1', 'igkg:latestStart', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:tencent-research-institute--type', 'rdf:Statement', 'igorg:tencent-research-institute', 'rdf:type', 'igkg:ResearchInstitute', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1--earliest-start', 'rdf:Statement', 'igholding:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1', 'igkg:earliestStart', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:zhang-jianchuan-db8cb8--senior-researcher-knet--1--earliest-end', 'rdf:Statement', 'igholding:zhang-jianchuan-db8cb8--senior-researcher-knet--1', 'igkg:earliestEnd', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igstmt:zhang-jianchuan-db8cb8--senior-researcher-knet--1--latest-start', 'rdf:Statement', 'igholding:zhang-jianchuan-db8cb8--senior-researcher-knet--1', 'igkg:latestStart', '2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igvalue:chinese-market-cn-share-2014-12--bound', 'schema:QuantitativeValue', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igscope:cnnic-building-future-partnership', 'igkg:CooperationOffer', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igscope:cnnic-inter-cctld-cooperation', 'igkg:CooperationScope', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igpart:1st-china-southeast-capacity-building-cooperation-program--cnnic--participant', 'igkg:Participation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igpart:2nd-china-southeast-capacity-building-cooperation-program--cnnic--participant', 'igkg:Participation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igpart:apec-funding-program-capacity-building-cooperation-program-of-ict--cnnic--participant', 'igkg:Participation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igpart:cnnic-krnic-mou-signing--cnnic--participant', 'igkg:Participation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igpart:cnnic-ru-cctld-mou-signing--cnnic--participant', 'igkg:Participation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--cai-xiongshan-30ac5c--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--chu-nan-359b70--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--kan-kaili-cf3332--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--liu-limei-624903--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--pam-little-364eb0--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--shen-zhi-b695bb--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--tan-yaling-ee95d6--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--wang-wei-6e68c4--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--wu-yangyi-408760--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:icann-58-copenhagen-meeting--zhang-jianchuan-db8cb8--attendee', 'igkg:Participation', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igpart:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust--cnnic--participant', 'igkg:Participation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igpart:wic-wuzhen-summit--cnnic--participant', 'igkg:Participation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igpart:wsis-10-workshop-new-concept-of-capacity-building--cnnic--participant', 'igkg:Participation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igholding:jia-rong-low-dc02d2--general-manager-asia-pacific-operations-icann--1', 'igkg:PostHolding', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igvocab:editor-inferred', 'igholding:liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1', 'igkg:PostHolding', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:editor-inferred', 'igobs:china-rural-netizen-share-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:denic--type', 'rdf:Statement', 'igorg:denic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:jordan-nict--type', 'rdf:Statement', 'igorg:jordan-nict', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:krnic--type', 'rdf:Statement', 'igorg:krnic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:laonic--type', 'rdf:Statement', 'igorg:laonic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:nominet--type', 'rdf:Statement', 'igorg:nominet', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:pandi--type', 'rdf:Statement', 'igorg:pandi', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:ru-cctld--type', 'rdf:Statement', 'igorg:ru-cctld', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:sgnic--type', 'rdf:Statement', 'igorg:sgnic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:twnic--type', 'rdf:Statement', 'igorg:twnic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:yemennet--label', 'rdf:Statement', 'igorg:yemennet', 'rdfs:label', 'YemenNet', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:yemennet--type', 'rdf:Statement', 'igorg:yemennet', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:zadna--type', 'rdf:Statement', 'igorg:zadna', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--denic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--jordan-nict', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--krnic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--laonic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--nominet', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--pandi', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--ru-cctld', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--sgnic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--twnic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--yemennet', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--zadna', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-instant-message-users-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-ipv6-addresses-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-mobile-phone-netizen-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-netizen-number-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-number-of-domain-names-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-number-of-websites-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-online-purchasing-customers-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-rural-netizen-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:chinese-market-cn-domain-names-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:chinese-market-cn-share-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
        ({'basis': 'igvocab:read-from-layout'}, [
            ('igvocab:read-from-layout', 'igstmt:denic--type', 'rdf:Statement', 'igorg:denic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:jordan-nict--type', 'rdf:Statement', 'igorg:jordan-nict', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:krnic--type', 'rdf:Statement', 'igorg:krnic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:laonic--type', 'rdf:Statement', 'igorg:laonic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:nominet--type', 'rdf:Statement', 'igorg:nominet', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:pandi--type', 'rdf:Statement', 'igorg:pandi', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:ru-cctld--type', 'rdf:Statement', 'igorg:ru-cctld', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:sgnic--type', 'rdf:Statement', 'igorg:sgnic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:twnic--type', 'rdf:Statement', 'igorg:twnic', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:yemennet--label', 'rdf:Statement', 'igorg:yemennet', 'rdfs:label', 'YemenNet', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:yemennet--type', 'rdf:Statement', 'igorg:yemennet', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igstmt:zadna--type', 'rdf:Statement', 'igorg:zadna', 'rdf:type', 'igkg:CcTLDOperator', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--denic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--jordan-nict', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--krnic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--laonic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--nominet', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--pandi', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--ru-cctld', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--sgnic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--twnic', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--yemennet', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igagr:cnnic--zadna', 'igkg:Partnership', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-instant-message-users-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-ipv6-addresses-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-mobile-phone-netizen-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-netizen-number-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-number-of-domain-names-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-number-of-websites-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-online-purchasing-customers-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:china-rural-netizen-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:chinese-market-cn-domain-names-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igvocab:read-from-layout', 'igobs:chinese-market-cn-share-2014-12', 'igkg:StatisticalObservation', '', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'facts-per-document': [
        ({}, [
            ('igdoc:circleid-icann58-readout', 'igkg:Affiliation', '10'),
            ('igdoc:circleid-icann58-readout', 'igkg:Agreement', '1'),
            ('igdoc:circleid-icann58-readout', 'igkg:Event', '6'),
            ('igdoc:circleid-icann58-readout', 'igkg:Organization', '19'),
            ('igdoc:circleid-icann58-readout', 'igkg:Participation', '27'),
            ('igdoc:circleid-icann58-readout', 'igkg:Person', '15'),
            ('igdoc:circleid-icann58-readout', 'igkg:Place', '3'),
            ('igdoc:circleid-icann58-readout', 'igkg:Post', '7'),
            ('igdoc:circleid-icann58-readout', 'igkg:PostHolding', '8'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:Agreement', '14'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:ContactPoint', '1'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:Event', '8'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:Organization', '13'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:Participation', '8'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:Person', '1'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:Place', '7'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:Post', '1'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:PostHolding', '1'),
            ('igdoc:cnnic-inter-cctld-cooperation', 'igkg:StatisticalObservation', '11'),
        ]),
    ],
    'facts-without-quote': [
        ({}, [
        ]),
    ],
    'holder-of-post-on-date': [
        ({'date': '2017-03-28', 'post': 'igpost:director-icann-beijing-engagement-center'}, [
            ('2017-03-28', 'igpost:director-icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', 'circa 2014-03-29', '2017-03-29', 'circa: P3Y up to the latest start 2017-03-29', 'igvocab:in-office', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'date': '2017-03-29', 'post': 'igpost:director-icann-beijing-engagement-center'}, [
            ('2017-03-29', 'igpost:director-icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', '2017-03-29', '2017-03-29', 'stated', 'igvocab:in-office', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'date': '2017-03-01', 'post': 'igpost:director-icann-beijing-engagement-center'}, [
            ('2017-03-01', 'igpost:director-icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', 'circa 2014-03-29', '2017-03-29', 'circa: P3Y up to the latest start 2017-03-29', 'igvocab:in-office', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'date': '2014'}, [
            ('2014', 'igpost:director-icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', 'circa 2014-03-29', '2017-03-29', 'circa: P3Y up to the latest start 2017-03-29', 'igvocab:in-office', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'date': '2016-05-01'}, [
            ('2016-05-01', 'igpost:director-icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', 'circa 2014-03-29', '2017-03-29', 'circa: P3Y up to the latest start 2017-03-29', 'igvocab:in-office', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'date': '2015'}, [
            ('2015', 'igpost:director-icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', 'circa 2014-03-29', '2017-03-29', 'circa: P3Y up to the latest start 2017-03-29', 'igvocab:in-office', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'date': '2015', 'inferred': 'false'}, [
        ]),
        ({'date': '2017-03-29', 'post': 'igpost:general-manager-asia-pacific-operations-icann', 'inferred': 'false'}, [
        ]),
    ],
    'members-of-organisation': [
        ({}, [
        ]),
        ({'org': 'igorg:knet'}, [
        ]),
    ],
    'holders-of-role': [
        ({'role': 'igrole:vice-chair'}, [
            ('igrole:vice-chair', 'igpost:vice-chair-gac', 'Vice Chair', 'igorg:gac', 'igperson:guo-feng-0ee565', 'igvocab:in-office', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'role': 'Director'}, [
            ('igrole:director', 'igpost:director-icann-beijing-engagement-center', 'Director', 'igorg:icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', 'igvocab:in-office', 'igdoc:circleid-icann58-readout'),
            ('igrole:director', 'igpost:director-icann-beijing-engagement-center', 'Director', 'igorg:icann-beijing-engagement-center', 'igperson:zhang-jianchuan-db8cb8', 'igvocab:announced', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'role': 'igrole:researcher'}, [
            ('igrole:researcher', 'igpost:researcher-caict', 'Researcher', 'igorg:caict', 'igperson:guo-feng-0ee565', 'igvocab:in-office', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'organisation-ancestors': [
        ({'org': 'igorg:information-and-communication-administration'}, [
            ('igorg:information-and-communication-administration', 'igorg:miit', '1'),
        ]),
    ],
    'organisation-hierarchy': [
        ({}, [
            ('igorg:icann', 'igorg:icann-beijing-engagement-center', 'igorg:icann'),
            ('igorg:miit', 'igorg:information-and-communication-administration', 'igorg:miit'),
        ]),
    ],
    'organisation-timeline': [
        ({'org': 'igorg:cnnic'}, [
            ('igorg:cnnic', '2012-05', 'igevent:cnnic-krnic-mou-signing', 'agreement signed', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2012-05', 'igevent:cnnic-krnic-mou-signing', 'participant', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2013-05', 'igevent:1st-china-southeast-capacity-building-cooperation-program', 'participant', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2013-05', 'igevent:1st-china-southeast-capacity-building-cooperation-program', 'photographed', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-04', 'igevent:apec-funding-program-capacity-building-cooperation-program-of-ict', 'participant', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-08', 'igevent:2nd-china-southeast-capacity-building-cooperation-program', 'participant', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-09', 'igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust', 'participant', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-09', 'igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust', 'photographed', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-09', 'igevent:wsis-10-workshop-new-concept-of-capacity-building', 'participant', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-09', 'igevent:wsis-10-workshop-new-concept-of-capacity-building', 'photographed', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-11', 'igevent:cnnic-ru-cctld-mou-signing', 'agreement signed', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-11', 'igevent:cnnic-ru-cctld-mou-signing', 'participant', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-11', 'igevent:wic-wuzhen-summit', 'participant', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2014-11', 'igevent:wic-wuzhen-summit', 'photographed', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igorg:cnnic', '2017-03-10', 'igevent:icann-58-copenhagen-meeting', 'member took part', 'igdoc:circleid-icann58-readout', 'true'),
            ('igorg:cnnic', '2017-03-29', 'igevent:icann-58-readout-session', 'member took part', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'org': 'igorg:caict'}, [
            ('igorg:caict', '', 'igevent:caict-china-internet-community-seminars', 'organiser', 'igdoc:circleid-icann58-readout', 'true'),
            ('igorg:caict', '2014-06', 'igevent:caict-icann-mou-signing', 'agreement signed', 'igdoc:circleid-icann58-readout', 'true'),
            ('igorg:caict', '2017-03-29', 'igevent:caict-domain-name-lecture-2017-03-29', 'organiser', 'igdoc:circleid-icann58-readout', 'true'),
            ('igorg:caict', '2017-03-29', 'igevent:icann-58-readout-session', 'member took part', 'igdoc:circleid-icann58-readout', 'true'),
            ('igorg:caict', '2017-03-29', 'igevent:icann-58-readout-session', 'organiser', 'igdoc:circleid-icann58-readout', 'true'),
        ]),
        ({'org': 'igorg:icann', 'inferred': 'false'}, [
            ('igorg:icann', '2014-06', 'igevent:caict-icann-mou-signing', 'agreement signed', 'igdoc:circleid-icann58-readout', 'false'),
            ('igorg:icann', '2017-03-29', 'igevent:icann-58-readout-session', 'member took part', 'igdoc:circleid-icann58-readout', 'false'),
        ]),
        ({'org': 'igorg:cnnic', 'inferred': 'false'}, [
            ('igorg:cnnic', '2012-05', 'igevent:cnnic-krnic-mou-signing', 'agreement signed', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igorg:cnnic', '2014-11', 'igevent:cnnic-ru-cctld-mou-signing', 'agreement signed', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igorg:cnnic', '2017-03-29', 'igevent:icann-58-readout-session', 'member took part', 'igdoc:circleid-icann58-readout', 'false'),
        ]),
    ],
    'organisations-at-event': [
        ({'event': 'igevent:icann-58-readout-session'}, [
            ('igevent:icann-58-readout-session', 'igorg:alibaba-cloud', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:beijing-communications-administration', 'participant', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:beijing-university-of-posts-and-telecommunications', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:caict', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:caict', 'organiser', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:cnnic', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:conac', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:domain-name-registry-21fc2d', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:gac', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:icann', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:icann-beijing-engagement-center', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:icann-beijing-engagement-center', 'organiser', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:information-and-communication-administration', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:knet', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:ministry-of-foreign-affairs', 'participant', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:office-of-the-central-leading-group-for-cyberspace-affairs', 'participant', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:teleinfo', 'member', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igorg:tencent-research-institute', 'member', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'organisations-of-kind': [
        ({'kind': 'igkg:GovernmentAgency'}, [
            ('igkg:GovernmentAgency', 'igorg:beijing-communications-administration', 'Beijing Communications Administration', ''),
            ('igkg:GovernmentAgency', 'igorg:information-and-communication-administration', 'Information and Communication Administration', ''),
            ('igkg:GovernmentAgency', 'igorg:ministry-of-foreign-affairs', 'Ministry of Foreign Affairs', ''),
            ('igkg:GovernmentAgency', 'igorg:miit', 'Ministry of Industry and Information Technology', 'MIIT'),
            ('igkg:GovernmentAgency', 'igorg:office-of-the-central-leading-group-for-cyberspace-affairs', 'Office of the Central Leading Group for Cyberspace Affairs', ''),
        ]),
    ],
    'partners-of-organisation': [
        ({'org': 'igorg:cnnic'}, [
            ('igorg:cnnic', 'igorg:krnic', '2'),
            ('igorg:cnnic', 'igorg:ru-cctld', '2'),
            ('igorg:cnnic', 'igorg:denic', '1'),
            ('igorg:cnnic', 'igorg:jordan-nict', '1'),
            ('igorg:cnnic', 'igorg:kisa', '1'),
            ('igorg:cnnic', 'igorg:laonic', '1'),
            ('igorg:cnnic', 'igorg:nominet', '1'),
            ('igorg:cnnic', 'igorg:pandi', '1'),
            ('igorg:cnnic', 'igorg:sgnic', '1'),
            ('igorg:cnnic', 'igorg:twnic', '1'),
            ('igorg:cnnic', 'igorg:yemennet', '1'),
            ('igorg:cnnic', 'igorg:zadna', '1'),
        ]),
        ({'org': 'igorg:krnic'}, [
            ('igorg:krnic', 'igorg:cnnic', '2'),
        ]),
    ],
    'partnership-network': [
        ({'org': 'igorg:krnic', 'hops': '1'}, [
            ('igorg:krnic', '1', 'igorg:cnnic', '1'),
        ]),
        ({'org': 'igorg:krnic', 'hops': '2'}, [
            ('igorg:krnic', '2', 'igorg:cnnic', '1'),
            ('igorg:krnic', '2', 'igorg:denic', '2'),
            ('igorg:krnic', '2', 'igorg:jordan-nict', '2'),
            ('igorg:krnic', '2', 'igorg:kisa', '2'),
            ('igorg:krnic', '2', 'igorg:laonic', '2'),
            ('igorg:krnic', '2', 'igorg:nominet', '2'),
            ('igorg:krnic', '2', 'igorg:pandi', '2'),
            ('igorg:krnic', '2', 'igorg:ru-cctld', '2'),
            ('igorg:krnic', '2', 'igorg:sgnic', '2'),
            ('igorg:krnic', '2', 'igorg:twnic', '2'),
            ('igorg:krnic', '2', 'igorg:yemennet', '2'),
            ('igorg:krnic', '2', 'igorg:zadna', '2'),
        ]),
    ],
    'partnership-pairs': [
        ({}, [
            ('igorg:caict', 'igorg:icann', 'igagr:caict-icann-mou', 'MOU', 'igdoc:circleid-icann58-readout'),
            ('igorg:cnnic', 'igorg:denic', 'igagr:cnnic--denic', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:jordan-nict', 'igagr:cnnic--jordan-nict', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:kisa', 'igagr:cnnic--kisa', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:krnic', 'igagr:cnnic--krnic', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:krnic', 'igagr:cnnic-krnic-strategic-partnership-mou', 'Strategic Partnership MOU', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:laonic', 'igagr:cnnic--laonic', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:nominet', 'igagr:cnnic--nominet', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:pandi', 'igagr:cnnic--pandi', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:ru-cctld', 'igagr:cnnic--ru-cctld', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:ru-cctld', 'igagr:cnnic-ru-cctld-strategic-partnership-mou', 'Strategic Partnership MOU', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:sgnic', 'igagr:cnnic--sgnic', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:twnic', 'igagr:cnnic--twnic', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:yemennet', 'igagr:cnnic--yemennet', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igorg:zadna', 'igagr:cnnic--zadna', '', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'people': [
        ({}, [
            ('igperson:cai-xiongshan-30ac5c', 'Cai Xiongshan', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:chu-nan-359b70', 'Chu Nan', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:guo-feng-0ee565', 'Guo Feng', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:jia-rong-low-dc02d2', 'Jia-Rong LOW', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:kan-kaili-cf3332', 'Kan Kaili', 'Professor', 'igdoc:circleid-icann58-readout'),
            ('igperson:li-xiangning-11e04d', 'Li Xiangning', 'Mr.', 'igdoc:circleid-icann58-readout'),
            ('igperson:liu-limei-624903', 'Liu Limei', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:liu-yue-032bdc', 'Liu Yue', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:liyun-han-3e929e', 'Liyun HAN', 'Dr.', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igperson:pam-little-364eb0', 'Pam Little', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:shen-zhi-b695bb', 'Shen Zhi', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:song-zheng-5f9c3a', 'Song Zheng', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:tan-yaling-ee95d6', 'Tan Yaling', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:wang-wei-6e68c4', 'Wang Wei', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:wu-yangyi-408760', 'Wu Yangyi', '', 'igdoc:circleid-icann58-readout'),
            ('igperson:zhang-jianchuan-db8cb8', 'Zhang Jianchuan', '', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'people-of-organisation': [
        ({'org': 'igorg:cnnic'}, [
            ('igorg:cnnic', 'igperson:chu-nan-359b70', 'affiliation', '', '', '', '', 'igdoc:circleid-icann58-readout'),
            ('igorg:cnnic', 'igperson:liyun-han-3e929e', 'post', 'igpost:global-strategic-partnership-manager-cnnic', 'igvocab:in-office', '', '', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'igperson:shen-zhi-b695bb', 'affiliation', '', '', '', '', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'org': 'igorg:caict'}, [
            ('igorg:caict', 'igperson:guo-feng-0ee565', 'post', 'igpost:researcher-caict', 'igvocab:in-office', 'by 2017-03-29', 'not before 2017-03-29', 'igdoc:circleid-icann58-readout'),
            ('igorg:caict', 'igperson:liu-yue-032bdc', 'affiliation', '', '', '', '', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'people-of-organisation-tree': [
        ({'org': 'igorg:miit'}, [
            ('igorg:miit', 'igorg:information-and-communication-administration', 'igperson:li-xiangning-11e04d', 'post', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'people-without-organisation': [
        ({}, [
        ]),
    ],
    'posts-and-holders': [
        ({'org': 'igorg:icann-beijing-engagement-center'}, [
            ('igorg:icann-beijing-engagement-center', 'igpost:director-icann-beijing-engagement-center', 'Director', 'igperson:song-zheng-5f9c3a', 'igvocab:in-office', 'by 2017-03-29', 'not before 2017-03-29', 'igvocab:left-position', 'igdoc:circleid-icann58-readout'),
            ('igorg:icann-beijing-engagement-center', 'igpost:director-icann-beijing-engagement-center', 'Director', 'igperson:zhang-jianchuan-db8cb8', 'igvocab:announced', 'not before 2017-03-29', '', '', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'org': 'igorg:icann'}, [
            ('igorg:icann', 'igpost:general-manager-asia-pacific-operations-icann', 'General Manager of the Asia-Pacific Operations', 'igperson:jia-rong-low-dc02d2', 'igvocab:in-office', 'by 2017-03-29', 'not before 2017-03-29', '', 'igdoc:circleid-icann58-readout'),
            ('igorg:icann', 'igpost:vice-president-icann', 'Vice President', 'igperson:jia-rong-low-dc02d2', 'igvocab:in-office', 'by 2017-03-29', 'not before 2017-03-29', '', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'provenance-of': [
        ({'fact': 'igholding:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1'}, [
            ('igholding:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1', 'igdoc:circleid-icann58-readout', '000_cb5b9b3e40d00eea.txt', 'extended their congratulations to Zhang Jianchuan on his new role'),
            ('igholding:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1', 'igdoc:circleid-icann58-readout', '000_cb5b9b3e40d00eea.txt', 'he also announced that Song would leave his position and Zhang Jianchuan, Senior Researcher of KNET, would take over his position'),
        ]),
    ],
    'quotes-mentioning': [
        ({'text': 'take over'}, [
            ('take over', 'igholding:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1', 'he also announced that Song would leave his position and Zhang Jianchuan, Senior Researcher of KNET, would take over his position', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'text': 'Wuzhen'}, [
            ('Wuzhen', 'igagr:cnnic-ru-cctld-strategic-partnership-mou', 'CNNIC-.RU ccTLD Strategic Partnership MOU Signing Nov. 2014 @Wuzhen', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('Wuzhen', 'igdoc:cnnic-inter-cctld-cooperation--photo-2014-wuzhen-summit-ig-high-level-panel', '@2014 Wuzhen Summit IG High-level Panel', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('Wuzhen', 'igevent:cnnic-ru-cctld-mou-signing', 'CNNIC-.RU ccTLD Strategic Partnership MOU Signing Nov. 2014 @Wuzhen', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('Wuzhen', 'igevent:wic-wuzhen-summit', 'WIC WUZHEN Summit Nov. 2014 @ Wuzhen', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('Wuzhen', 'igpart:cnnic-ru-cctld-mou-signing--cnnic--participant', 'CNNIC-.RU ccTLD Strategic Partnership MOU Signing Nov. 2014 @Wuzhen', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('Wuzhen', 'igpart:wic-wuzhen-summit--cnnic--participant', 'WIC WUZHEN Summit Nov. 2014 @ Wuzhen', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('Wuzhen', 'igstmt:cnnic-inter-cctld-cooperation--photo-2014-wuzhen-summit-ig-high-level-panel--about-cnnic', '@2014 Wuzhen Summit IG High-level Panel', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('Wuzhen', 'igstmt:cnnic-inter-cctld-cooperation--photo-2014-wuzhen-summit-ig-high-level-panel--about-event', '@2014 Wuzhen Summit IG High-level Panel', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'search-by-label': [
        ({'text': 'engagement'}, [
            ('engagement', 'igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1', 'Song Zheng, Director of the ICANN Beijing Engagement Center', 'igkg:PostHolding'),
            ('engagement', 'igholding:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1', 'Zhang Jianchuan, Director of the ICANN Beijing Engagement Center (successor of Song Zheng)', 'igkg:PostHolding'),
            ('engagement', 'igorg:caict-icann-beijing-engagement-center-community-platform', 'community exchange and cooperation platform (CAICT and ICANN Beijing Engagement Center)', 'schema:Project'),
            ('engagement', 'igorg:caict-icann-beijing-engagement-center-community-platform', 'community exchange and cooperation platform (CAICT and ICANN Beijing Engagement Center)', 'igkg:Organization'),
            ('engagement', 'igorg:icann-beijing-engagement-center', 'ICANN Beijing Engagement Center', 'igkg:EngagementCentre'),
            ('engagement', 'igpost:director-icann-beijing-engagement-center', 'Director of the ICANN Beijing Engagement Center', 'igkg:Post'),
            ('engagement', 'igstmt:icann-beijing-engagement-center--sub-organization-of', 'The ICANN Beijing Engagement Center is part of ICANN (read from its name)', 'rdf:Statement'),
            ('engagement', 'igstmt:icann-beijing-engagement-center--type', 'The ICANN Beijing Engagement Center is an engagement centre (read from its name)', 'rdf:Statement'),
            ('engagement', 'igstmt:icann-beijing-engagement-center--unit-of', 'The ICANN Beijing Engagement Center is a unit of ICANN (read from its name)', 'rdf:Statement'),
            ('engagement', 'igstmt:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1--earliest-end', 'Song Zheng, Director of the ICANN Beijing Engagement Center: earliest end 2017-03-29 (year from another sentence)', 'rdf:Statement'),
            ('engagement', 'igstmt:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1--latest-start', 'Song Zheng, Director of the ICANN Beijing Engagement Center: latest start 2017-03-29 (year from another sentence)', 'rdf:Statement'),
            ('engagement', 'igstmt:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1--earliest-start', 'Zhang Jianchuan, Director of the ICANN Beijing Engagement Center (successor of Song Zheng): earliest start 2017-03-29 (year from another sentence)', 'rdf:Statement'),
            ('engagement', 'igtopic:community-exchange-and-cooperation-platform', 'community exchange and cooperation platform set up by the CAICT and the ICANN Beijing Engagement Center', 'skos:Concept'),
            ('engagement', 'igkg:EngagementCentre', 'engagement centre', 'owl:Class'),
        ]),
    ],
    'shared-labels': [
        ({}, [
            ('11.09 millions .CN, 53.8%+ of the market (China, Dec 2014)', 'igobs:chinese-market-cn-domain-names-2014-12', 'igobs:chinese-market-cn-share-2014-12'),
            ('178Million 27.5% Rural Netizen (China, Dec 2014)', 'igobs:china-rural-netizen-2014-12', 'igobs:china-rural-netizen-share-2014-12'),
        ]),
    ],
    'stated-functions': [
        ({'org': 'igorg:cnnic'}, [
            ('igorg:cnnic', 'A link from China to the World', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'Institute of Internet Governance Research', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'International cooperation platform to building an inclusive IG ecosystem', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'National policy and research hub for the industry and the community', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'Operation, Administration and Service organization of national network fundamental resources', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'Platform for Internet open cooperation and technical exchange', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'Platform of Cooperation', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'Registry of .CN', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'Research and consulting services driving force for Internet development', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'Research, Development and Security center of national network fundamental resources', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igorg:cnnic', 'Secure and reliable platform for gTLD registries, especially for IDN registries', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
        ({'org': 'igorg:caict'}, [
        ]),
    ],
    'statement-provenance': [
        ({'subject': 'igorg:cnnic', 'predicate': 'rdfs:label'}, [
            ('igorg:cnnic', 'rdfs:label', 'CNNIC', 'iggraph:circleid-icann58-readout', 'igdoc:circleid-icann58-readout'),
            ('igorg:cnnic', 'rdfs:label', 'CNNIC', 'iggraph:cnnic-inter-cctld-cooperation', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'statistics': [
        ({'measure': 'igvocab:netizen-number'}, [
            ('igvocab:netizen-number', '2014-12', 'igplace:china', '649', 'igvocab:persons', '6', '649million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
        ]),
        ({'period': '2014-12'}, [
            ('igvocab:cn-domain-names', '2014-12', 'igplace:china', '11.09', 'igvocab:domain-names', '6', '11.09 millions', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:cn-market-share', '2014-12', 'igplace:china', '53.8', 'igvocab:percent', '0', '53.8%+', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:instant-message-users', '2014-12', 'igplace:china', '5.87', 'igvocab:persons', '6', '5.87Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:ipv6-addresses', '2014-12', 'igplace:china', '18797', 'igvocab:ipv6-slash-32-blocks', '0', '18797/32', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:mobile-phone-netizen', '2014-12', 'igplace:china', '557', 'igvocab:persons', '6', '557million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:netizen-number', '2014-12', 'igplace:china', '649', 'igvocab:persons', '6', '649million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:number-of-domain-names', '2014-12', 'igplace:china', '20.6', 'igvocab:domain-names', '6', '20.60 millions', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:number-of-domain-names', '2014-12', 'igplace:china', '20.6', 'igvocab:domain-names', '6', '20.6Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:number-of-websites', '2014-12', 'igplace:china', '3.35', 'igvocab:websites', '6', '3.35Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:online-purchasing-customers', '2014-12', 'igplace:china', '361', 'igvocab:persons', '6', '361Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:rural-netizen', '2014-12', 'igplace:china', '178', 'igvocab:persons', '6', '178Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
            ('igvocab:rural-netizen-share', '2014-12', 'igplace:china', '27.5', 'igvocab:percent', '0', '27.5%', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'true'),
        ]),
        ({'inferred': 'false'}, [
            ('igvocab:cn-domain-names', '2014-12', 'igplace:china', '11.09', 'igvocab:domain-names', '6', '11.09 millions', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:cn-market-share', '2014-12', 'igplace:china', '53.8', 'igvocab:percent', '0', '53.8%+', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:instant-message-users', '2014-12', 'igplace:china', '5.87', 'igvocab:persons', '6', '5.87Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:ipv6-addresses', '2014-12', 'igplace:china', '18797', 'igvocab:ipv6-slash-32-blocks', '0', '18797/32', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:mobile-phone-netizen', '2014-12', 'igplace:china', '557', 'igvocab:persons', '6', '557million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:netizen-number', '2014-12', 'igplace:china', '649', 'igvocab:persons', '6', '649million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:number-of-domain-names', '2014-12', 'igplace:china', '20.6', 'igvocab:domain-names', '6', '20.60 millions', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:number-of-domain-names', '2014-12', 'igplace:china', '20.6', 'igvocab:domain-names', '6', '20.6Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:number-of-websites', '2014-12', 'igplace:china', '3.35', 'igvocab:websites', '6', '3.35Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:online-purchasing-customers', '2014-12', 'igplace:china', '361', 'igvocab:persons', '6', '361Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
            ('igvocab:rural-netizen', '2014-12', 'igplace:china', '178', 'igvocab:persons', '6', '178Million', 'igdoc:35th-statistical-report-on-internet-development-in-china', 'igdoc:cnnic-inter-cctld-cooperation', 'false'),
        ]),
    ],
    'statistics-summary': [
        ({}, [
            ('igvocab:cn-domain-names', '1', '2014-12', '2014-12'),
            ('igvocab:cn-market-share', '1', '2014-12', '2014-12'),
            ('igvocab:instant-message-users', '1', '2014-12', '2014-12'),
            ('igvocab:ipv6-addresses', '1', '2014-12', '2014-12'),
            ('igvocab:mobile-phone-netizen', '1', '2014-12', '2014-12'),
            ('igvocab:netizen-number', '1', '2014-12', '2014-12'),
            ('igvocab:number-of-domain-names', '1', '2014-12', '2014-12'),
            ('igvocab:number-of-websites', '1', '2014-12', '2014-12'),
            ('igvocab:online-purchasing-customers', '1', '2014-12', '2014-12'),
            ('igvocab:rural-netizen', '1', '2014-12', '2014-12'),
            ('igvocab:rural-netizen-share', '1', '2014-12', '2014-12'),
        ]),
    ],
    'successions': [
        ({}, [
            ('igorg:icann-beijing-engagement-center', 'igpost:director-icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', 'igperson:zhang-jianchuan-db8cb8', 'igvocab:announced', '', '2017-03-29', 'igevent:icann-58-readout-session', 'igperson:jia-rong-low-dc02d2', 'igdoc:circleid-icann58-readout', 'extended their congratulations to Zhang Jianchuan on his new role'),
            ('igorg:icann-beijing-engagement-center', 'igpost:director-icann-beijing-engagement-center', 'igperson:song-zheng-5f9c3a', 'igperson:zhang-jianchuan-db8cb8', 'igvocab:announced', '', '2017-03-29', 'igevent:icann-58-readout-session', 'igperson:jia-rong-low-dc02d2', 'igdoc:circleid-icann58-readout', 'he also announced that Song would leave his position and Zhang Jianchuan, Senior Researcher of KNET, would take over his position'),
        ]),
    ],
    'top-level-domains': [
        ({}, [
            ('igtld:cn', '.CN', 'igkg:CountryCodeTopLevelDomain', 'igorg:cnnic', 'igdoc:cnnic-inter-cctld-cooperation'),
            ('igtld:ru', '.RU', 'igkg:CountryCodeTopLevelDomain', 'igorg:ru-cctld', 'igdoc:cnnic-inter-cctld-cooperation'),
        ]),
    ],
    'topics-discussed': [
        ({'event': 'igevent:icann-58-readout-session'}, [
            ('igevent:icann-58-readout-session', 'igtopic:apltd', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:apnic', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:china-internet-community-development', 'igperson:li-xiangning-11e04d', 'igrole:speaker', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:community-exchange-and-cooperation-platform', 'igperson:li-xiangning-11e04d', 'igrole:speaker', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:compliant-operations-of-domain-name-practitioners', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:country-names-and-codes-in-second-level-domains', 'igperson:li-xiangning-11e04d', 'igrole:speaker', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:domain-name-rule-making', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:gac-key-topics', 'igperson:guo-feng-0ee565', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:icann-58-general-conditions', 'igperson:guo-feng-0ee565', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:icann-58-hot-topics', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:icann-accountability-second-phase', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:icann-affairs', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:icann-copenhagen-meeting-important-topics', 'igperson:jia-rong-low-dc02d2', 'igrole:presenter', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:icann-jurisdiction', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:icann-jurisdiction', 'igperson:li-xiangning-11e04d', 'igrole:speaker', 'igdoc:circleid-icann58-readout'),
            ('igevent:icann-58-readout-session', 'igtopic:internet-power-strategy', 'igperson:li-xiangning-11e04d', 'igrole:speaker', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'event': 'igevent:caict-china-internet-community-seminars'}, [
            ('igevent:caict-china-internet-community-seminars', 'igtopic:iana-stewardship-transition', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:caict-china-internet-community-seminars', 'igtopic:icann-internationalization', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:caict-china-internet-community-seminars', 'igtopic:international-domain-name-policy-making', '', '', 'igdoc:circleid-icann58-readout'),
        ]),
        ({'event': 'igevent:caict-domain-name-lecture-2017-03-29'}, [
            ('igevent:caict-domain-name-lecture-2017-03-29', 'igtopic:domain-name-service-compliance-training', '', '', 'igdoc:circleid-icann58-readout'),
            ('igevent:caict-domain-name-lecture-2017-03-29', 'igtopic:new-gtld-policies', '', '', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'topics-of-organisation': [
        ({'org': 'igorg:icann'}, [
            ('igorg:icann', 'igtopic:icann-accountability-second-phase', 'igevent:icann-58-readout-session', 'igdoc:circleid-icann58-readout'),
            ('igorg:icann', 'igtopic:icann-affairs', 'igevent:icann-58-readout-session', 'igdoc:circleid-icann58-readout'),
            ('igorg:icann', 'igtopic:icann-internationalization', 'igevent:caict-china-internet-community-seminars', 'igdoc:circleid-icann58-readout'),
            ('igorg:icann', 'igtopic:icann-jurisdiction', 'igevent:icann-58-readout-session', 'igdoc:circleid-icann58-readout'),
        ]),
    ],
    'undated-events': [
        ({}, [
            ('igevent:1st-china-southeast-capacity-building-cooperation-program', '2013-05', 'month'),
            ('igevent:2nd-china-southeast-capacity-building-cooperation-program', '2014-08', 'month'),
            ('igevent:apec-funding-program-capacity-building-cooperation-program-of-ict', '2014-04', 'month'),
            ('igevent:caict-icann-mou-signing', '2014-06', 'month'),
            ('igevent:cnnic-krnic-mou-signing', '2012-05', 'month'),
            ('igevent:cnnic-ru-cctld-mou-signing', '2014-11', 'month'),
            ('igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust', '2014-09', 'month'),
            ('igevent:wic-wuzhen-summit', '2014-11', 'month'),
            ('igevent:wsis-10-workshop-new-concept-of-capacity-building', '2014-09', 'month'),
            ('igevent:caict-china-internet-community-seminars', '', 'none'),
            ('igevent:icann-conferences', '', 'none'),
        ]),
    ],
}

ROOT = Path(__file__).resolve().parent.parent
CASES = [(name, params, rows) for name, cases in EXPECTED.items() for params, rows in cases]


@pytest.fixture(scope="module")
def backend(documents_store):
    from kg.backend import OxigraphBackend

    return OxigraphBackend(documents_store)


def test_every_query_has_expected_rows():
    assert sorted(EXPECTED) == sorted(library())


def test_parameterised_queries_are_tested_with_two_values():
    multi = [name for name, cases in EXPECTED.items() if len(cases) >= 2]
    assert len(multi) >= 15


@pytest.mark.parametrize("name, params, rows", CASES, ids=[f"{n}-{i}" for i, (n, *_rest) in enumerate(CASES)])
def test_query_returns_exactly(backend, name, params, rows):
    assert rows_text(lib.run(name, params, backend=backend)) == rows


@pytest.mark.parametrize("name, params, rows", CASES, ids=[f"{n}-{i}" for i, (n, *_rest) in enumerate(CASES)])
def test_rdflib_returns_the_same_rows(backend, name, params, rows):
    got = rows_text(run_rdflib(name, params, backend=backend))
    assert sorted(got) == sorted(rows)


# ------------------------------------------------------------------------------ other backends


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory):
    """The documents' files loaded by `kg load` (no inference, so the same triples as the files)."""
    from conftest import document_sources, invoke_kg

    path = tmp_path_factory.mktemp("store") / "kg"
    files = [str(s.path) for s in document_sources()]
    r = invoke_kg("load", "--store", str(path), "--no-validate", "--no-reason", *files, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return path


@pytest.fixture(scope="module")
def endpoint(loaded_store):
    """`kg serve` on the loaded store, on a free loopback port; stopped after the module."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(loaded_store), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"kg serve exited: {proc.stdout.read().decode()}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("name, params, rows", CASES, ids=[f"{n}-{i}" for i, (n, *_rest) in enumerate(CASES)])
def test_on_disk_store_returns_exactly(loaded_store, name, params, rows):
    from kg.backend import open_backend

    assert rows_text(lib.run(name, params, backend=open_backend(store=str(loaded_store)))) == rows


@pytest.mark.parametrize("name, params, rows", CASES, ids=[f"{n}-{i}" for i, (n, *_rest) in enumerate(CASES)])
def test_sparql_endpoint_returns_exactly(endpoint, name, params, rows):
    """Over HTTP the parameters travel as a VALUES block built from RDF terms (kg.remote)."""
    from kg.backend import open_backend

    assert rows_text(lib.run(name, params, backend=open_backend(endpoint=endpoint))) == rows


def test_kg_query_with_endpoint_and_store_options(kg, endpoint, loaded_store):
    args = ["query", "people-of-organisation", "-p", "org=CNNIC", "--format", "csv"]
    remote, stored = kg(*args, "--endpoint", endpoint), kg(*args, "--store", str(loaded_store))
    assert remote.returncode == stored.returncode == 0, remote.stderr
    assert remote.stdout == stored.stdout
    assert [row.split(",")[1] for row in stored.stdout.splitlines()[1:]] == [
        "https://w3id.org/igkg/id/person/chu-nan-359b70", "https://w3id.org/igkg/id/person/liyun-han-3e929e",
        "https://w3id.org/igkg/id/person/shen-zhi-b695bb",
    ]
