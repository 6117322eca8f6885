"""Clauses and places around a speaker's name: the subject of a 'that' clause, a body before
the place it stands in, unnamed speakers with their place, quantifiers, and a body's noun used
again. The sentences are written for the tests."""

from __future__ import annotations

import pytest

from tests.support.analysis import assert_sources, source_names


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # the clause after 'that' holds the subject of its own verb
        (
            "She noted that Beijing, a permanent member of the Security Council, has stated it "
            "would not accept the plan.",
            "permanent member of the Security Council",
            "Beijing",
        ),
        # a quantifier opens part of a people, not a body's name
        (
            "Most Druze in the Golan identify as Syrian. The group said 12 children died.",
            "Most Druze",
            None,
        ),
        # an unnamed speaker keeps the place that says who they are
        (
            "An eyewitness in Khan Younis told CNN that she was woken by screams, saying she "
            "saw flares.",
            "Khan Younis",
            "An eyewitness in Khan Younis",
        ),
        # ... but a study by people somewhere is the study's
        (
            "A study by economists in Chicago found that rents rose 12% in a year.",
            "economists in Chicago",
            "A study",
        ),
        ('"I am looking for a place to stay," said one man.', None, "one man"),
    ],
)
def test_clauses_quantifiers_and_places(text: str, absent: str | None, present: str | None) -> None:
    assert_sources(text, absent, present)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "Ziv Medical Center in the northern Israeli city of Safed said it had received 26 "
            "injured people.",
            "Ziv Medical Center",
        ),
        (
            "Israeli President Isaac Herzog decried the attack as a “terrible disaster”.",
            "Isaac Herzog",
        ),
        (
            "The report was withdrawn, according to a person with knowledge of the center’s plans.",
            "a person with knowledge of the center’s plans",
        ),
        ("The opposition rejected the claim, saying Gonzalez had 70% of the votes.", "opposition"),
        ("The health minister Mai Ahmad Fatty said the ban would stay.", "Mai Ahmad Fatty"),
    ],
)
def test_bodies_before_places_and_more_speech(text: str, present: str) -> None:
    assert present in source_names(text)


def test_the_noun_of_a_body_that_just_spoke_is_that_body() -> None:
    text = (
        "The government of Lebanon condemned the attack on Saturday. "
        "The government also called for an immediate ceasefire, the agency reported."
    )
    assert "government" not in source_names(text)


@pytest.mark.parametrize("text", ["Few have seen the plan.", "All said they would return."])
def test_a_bare_quantifier_is_no_source(text: str) -> None:
    assert source_names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "It was the efforts of a family friend who spotted the car and called 911.",
        "She worked as a diplomat under the UN reporting to senior officials.",
    ],
)
def test_phone_calls_and_reporting_lines_are_no_speech(text: str) -> None:
    assert source_names(text) == []


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # a capitalised stop word inside a masthead
        (
            "USA Today newspaper reported last week that 23 schools had acted.",
            "newspaper",
            "USA Today newspaper",
        ),
        # after a comma, 'warned X on Monday that ...' has X as its object
        (
            "Officials in Washington, D.C., warned residents on Monday that it would take days.",
            "residents",
            "Officials in Washington",
        ),
        (
            "The governor, Andrew Cuomo, said weekend road closures throughout New York City had "
            "saved lives.",
            "New York City",
            "Andrew Cuomo",
        ),
        # ... while a name after 'says' still speaks
        (
            "The packs had worked well, says Mohit Jain, a research engineer with the group.",
            None,
            "Mohit Jain",
        ),
        # a job before 'of' names an employer, not the person
        (
            "“It was an attempt to mislead voters,’’ Will Moy, chief executive of Full Fact, told "
            "the BBC.",
            "Full Fact",
            "Will Moy",
        ),
        # a dated poll is a document
        (
            "An NBC/Marist poll from the beginning of January found Clinton ahead by 3 points.",
            None,
            "An NBC/Marist poll",
        ),
        # an adjective, not a verb
        (
            "One Napa County reporting station has seen no rain, said Scott Strenfel, a "
            "meteorologist.",
            "One Napa County",
            "Scott Strenfel",
        ),
    ],
)
def test_inverted_speakers_mastheads_and_dated_documents(
    text: str, absent: str | None, present: str
) -> None:
    assert_sources(text, absent, present)


def test_two_single_marks_close_a_quote() -> None:
    from tests.support.analysis import quote_speakers

    text = "“It was a mistake,’’ Will Moy, chief executive of Full Fact, told the BBC."
    assert quote_speakers(text) == {"It was a": "Will Moy"}


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("China’s ambassador to Britain Liu Xiaoming", "Liu Xiaoming"),
        ("the women's minister Mai Ahmad Fatty", "Mai Ahmad Fatty"),
    ],
)
def test_three_word_names_but_not_a_place_before_a_name(phrase: str, name: str) -> None:
    from summarizer.analysis.sources import parse_source

    parsed = parse_source(phrase)
    assert parsed is not None and parsed.name == name
