"""Wire-copy emphasis added to loaded_terms_general.json after the published articles showed it
reaching the brief: market headlinese (woes, ructions, spooking, jolted), figurative idioms
(poured cold water on, ruffled feathers, sprang into action, a shot across the bow), weather hype
and intensifiers (shattered a record, hotly, stark, crucial), with their literal senses left alone.

Every sentence here is written for the test (none comes from the seeds)."""

from __future__ import annotations

import pytest

from tests.support.loaded import assert_left_alone, assert_neutralised


@pytest.mark.parametrize(
    ("loaded", "neutral"),
    [
        ("The carmaker's woes deepened in May.", "The carmaker's problems deepened in May."),
        ("Bond market ructions hit the pound.", "Bond market turmoil hit the pound."),
        ("The data jolted markets on Friday.", "The data unsettled markets on Friday."),
        (
            "The central bank, spooking investors, cut rates.",
            "The central bank, unsettling investors, cut rates.",
        ),
        ("The flagging economy shrank again.", "The weakening economy shrank again."),
        ("Exports were sluggish in March.", "Exports were slow in March."),
        ("The IMF issued a bleak outlook for Europe.", "The IMF issued a weak outlook for Europe."),
        (
            "The minister poured cold water on the plan.",
            "The minister cast doubt on the plan.",
        ),
        ("The senator ruffled feathers in Brussels.", "The senator caused friction in Brussels."),
        ("Volunteers sprang into action after the flood.", "Volunteers acted after the flood."),
        (
            "The bill was a shot across the bow to the union.",
            "The bill was a warning to the union.",
        ),
        (
            "Denver shattered the record for the hottest June day.",
            "Denver broke the record for the hottest June day.",
        ),
        ("The hotly contested seat went to Labour.", "The contested seat went to Labour."),
        ("The agency issued a stark warning.", "The agency issued a warning."),
        ("The vote is crucial for the coalition.", "The vote is important for the coalition."),
        ("The famed museum reopened.", "The well-known museum reopened."),
        ("The town is famed for its bridges.", "The town is known for its bridges."),
        ("The troubled airline cut 500 jobs.", "The airline cut 500 jobs."),
        (
            "The financially troubled retailer closed 40 stores.",
            "The financially struggling retailer closed 40 stores.",
        ),
        ("The board rebuffed the offer.", "The board rejected the offer."),
        ("The plan met another rebuff in Rome.", "The plan met another rejection in Rome."),
        ("Climbers were marooned on the ridge.", "Climbers were stranded on the ridge."),
        (
            "The report stoked fears of a recession.",
            "The report raised concerns about a recession.",
        ),
        ("The region is beset by drought.", "The region is affected by drought."),
        ("The party is mired in debt.", "The party is stuck in debt."),
        ("Sweltering temperatures closed schools.", "High temperatures closed schools."),
        ("Frigid weather kept buses off the roads.", "Freezing weather kept buses off the roads."),
        (
            "The ruling was a watershed moment for tenants.",
            "The ruling was a turning point for tenants.",
        ),
        (
            "The killing exposed a deep divide in the city.",
            "The killing exposed a divide in the city.",
        ),
        ("The scandal set off a political storm.", "The scandal set off a political crisis."),
        ("A mass exodus from the port followed.", "A mass departure from the port followed."),
    ],
)
def test_wire_emphasis_is_neutralised(loaded: str, neutral: str) -> None:
    assert_neutralised(loaded, neutral)


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast shattered windows across the street.",  # literal: not a record
        "Their plans shattered when the plant closed.",
        "The quake jolted residents awake at 3 a.m.",
        "The dog was spooking the horses in the field.",
        "The lorry was mired in mud for a day.",
        "The frigate fired a shot across the bow of the trawler.",
        "He felt troubled by the verdict.",
        "A troubled teenager was found safe.",
        "The stark landscape of the north was filmed in May.",
        "The steamy scenes were cut from the film.",
    ],
)
def test_literal_senses_are_left_alone(sentence: str) -> None:
    assert_left_alone(sentence)
