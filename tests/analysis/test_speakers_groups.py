"""Speakers that are not one named person: groups ('demonstrators chanted', 'They argued' after
a group), people a relative clause describes ('X, who said ...'), bodies by their kind ('the
airline said'), documents that mention; and subjects that open with a time, an adverb, 'No' or
a second verb. Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from tests.support.analysis import quote_speakers, source_names


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "\u201cClose the mine now,\u201d demonstrators chanted outside the hall.",
            "demonstrators",
        ),
        ("Nurses chanted, \u201cSafe staffing saves lives,\u201d as the rally began.", "Nurses"),
        ("\u201cThe water is gone,\u201d villagers said on Tuesday.", "villagers"),
        (
            "\u201cWe have not slept for days,\u201d says a nurse from Kherson, who asked not to "
            "be named.",
            "a nurse from Kherson",
        ),
    ],
)
def test_unnamed_groups_and_people_speak(text: str, speaker: str) -> None:
    assert list(quote_speakers(text).values()) == [speaker]


def test_they_after_a_group_that_opens_the_sentence_before_is_that_group() -> None:
    text = (
        "The county board approved the landfill. Farm owners delivered a letter on Monday to "
        "the governor. They argued that the site would poison the \u201conly aquifer we have\u201d "
        "in the valley."
    )
    assert quote_speakers(text) == {"only aquifer we": "Farm owners"}


def test_a_quote_in_a_who_said_clause_is_the_described_persons() -> None:
    text = (
        "Prosecutors said Daniel Okafor, a former bank clerk who said he wanted to "
        "\u201cteach them a lesson,\u201d set fire to the branch."
    )
    assert quote_speakers(text) == {"teach them a": "Daniel Okafor"}
    assert "Prosecutors" in source_names(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The airline said in a statement that it was flying relatives to the city, "
            "\u201cwhere a team of counsellors is waiting.\u201d",
            "airline",
        ),
        (
            "The summit communique specifically mentioned the shipping lanes, \u201cgiven that "
            "trade depends on them.\u201d",
            "The summit communique",
        ),
        (
            "The coast guard regularly patrols the strait, saying it is \u201cprotecting the "
            "right of free passage.\u201d",
            "coast guard",
        ),
    ],
)
def test_bodies_documents_and_subjects_before_an_adverb(text: str, speaker: str) -> None:
    assert list(quote_speakers(text).values()) == [speaker]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Late Monday, Okafor told the court that the fine would be \u201cthe end of my "
            "business.\u201d",
            "the end of",
            "Okafor",
        ),
        (
            "Energy Minister Clara Jensen visited the plant and said the repairs were "
            "\u201cweeks behind schedule.\u201d",
            "weeks behind schedule.",
            "Clara Jensen",
        ),
        (
            "Mayor Tomas Reyes thanked the crews but said \u201cthe real work starts now.\u201d",
            "the real work",
            "Tomas Reyes",
        ),
        (
            "Hospital director Maria Lund filed a request to the ministry, asking that "
            "\u201cevery ward be given two more nurses\u201d before winter.",
            "every ward be",
            "Maria Lund",
        ),
    ],
)
def test_who_speaks_after_a_time_a_second_verb_or_a_participle(
    text: str, quote: str, speaker: str
) -> None:
    assert quote_speakers(text)[quote] == speaker


def test_no_company_workers_is_nobody_and_he_is_who_said_it() -> None:
    text = (
        "No Nordkraft workers were hurt in the fire, Lars Holm said on Friday. But he called it "
        "\u201ca very serious failure\u201d and apologised to the town."
    )
    assert quote_speakers(text) == {"a very serious": "Lars Holm"}
    assert not any(name.startswith("No ") for name in source_names(text))


def test_a_name_opening_with_just_keeps_it() -> None:
    text = "Just Transition Alliance called the ruling \u201ca gift to polluters.\u201d"
    assert quote_speakers(text) == {"a gift to": "Just Transition Alliance"}


def test_a_one_and_a_count_of_things_is_no_body_that_the_utility_is() -> None:
    text = (
        "Northgrid said it may cut power to 40,000 homes. One Marin County weather station "
        "has recorded no rain since May. The utility said crews were ready."
    )
    assert not any("Marin" in name for name in source_names(text))


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held in Doha, where the group maintains a political office.",
        "Nearly 70 percent of the rifles came from abroad, according to the Bureau of Alcohol, "
        "Tobacco, Firearms and Explosives (ATF) cited in the audit.",
        "Port officials did not immediately say how many containers were lost.",
    ],
)
def test_keeping_an_office_being_cited_and_not_saying_are_no_claims(text: str) -> None:
    names = source_names(text)
    assert "group" not in names and "Firearms and Explosives" not in names, names
    assert "Port officials" not in names, names


def test_a_surname_that_is_also_a_trade_stays_the_persons() -> None:
    text = (
        "The council's Jo Farmer says testing must rise. \u201cWe need to be reminded that this "
        "can happen to anyone,\u201d Ms Farmer said."
    )
    assert quote_speakers(text) == {"We need to": "Jo Farmer"}


def test_a_figure_in_what_a_party_condemns_is_the_reporters() -> None:
    text = (
        "Foreign ministers have condemned the raid on the market, which killed 31 people, and "
        "called for calm."
    )
    figures = [f for f in analyse(text).figures if f.number.text == "31"]
    assert figures and figures[0].source is None
