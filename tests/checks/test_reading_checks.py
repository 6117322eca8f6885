"""The checks a model's reading must pass before it replaces the analyser's (prompt v3)."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from summarizer.checks.reading import headline_drift

ARTICLE = (
    "A cargo ship carrying 40 crew ran aground off the port of Velda on Sunday, and all crew "
    "were taken off safely, the coastguard said.\n\n"
    "The ship's operator, Marlow Shipping, said fuel was not leaking.\n\n"
    "Salvage teams will try to refloat the vessel at high tide on Tuesday.\n\n"
    "Last year 1,200 ships called at Velda, the port authority said."
)
EXTRACTIVE = "A cargo ship carrying 40 crew ran aground off the port of Velda"


@pytest.mark.parametrize(
    "headline",
    [
        "Cargo ship with 40 crew runs aground off Velda",
        "Cargo ship ran aground off Velda, crew taken off safely",
    ],
)
def test_a_rephrased_lede_passes(headline: str) -> None:
    assert headline_drift(analyse(ARTICLE), EXTRACTIVE, headline) == []


@pytest.mark.parametrize(
    ("headline", "problem"),
    [
        ("Salvage teams to refloat vessel on Tuesday", "what happened"),  # other news
        ("Cargo ship disaster off Velda as ship runs aground", "verdict"),  # not the article's word
        ("1,200 ships ran aground off Velda", "opening"),  # a number from further down
        ("Marlow Shipping says fuel is not leaking", "what happened"),
    ],
)
def test_a_headline_that_drifts_from_the_lede_is_refused(headline: str, problem: str) -> None:
    problems = headline_drift(analyse(ARTICLE), EXTRACTIVE, headline)
    assert any(problem in p for p in problems), problems


def test_names_of_the_lede_must_mostly_stay() -> None:
    extractive = "The chief executive of Orlen Air criticised Veritas Systems and Halden Bank"
    article = extractive + " on Monday, saying a software fault cost the airline $50 million."
    problems = headline_drift(
        analyse(article), extractive, "Airline boss criticised software firms"
    )
    assert any("drops who" in p for p in problems)
    assert (
        headline_drift(
            analyse(article),
            extractive,
            "Orlen Air chief criticised Veritas Systems and Halden Bank",
        )
        == []
    )


def test_a_described_claimant_must_stand_whole_in_the_sentence_before() -> None:
    from summarizer.checks.reading import _named_in

    before = "The men were flown out, according to a local police source."
    assert not _named_in("an insurgent source", before)
    assert _named_in("a local police source", before)
    assert _named_in("Oleksandr Markushin", "Markushin said it was quiet.")


def test_the_ledes_actor_must_stay() -> None:
    text = (
        "In a joint statement, the Russian and Syrian defence ministries accused U.S. forces of "
        "blocking aid to the camp. The Pentagon rejected the accusations."
    )
    extractive = "The Russian and Syrian defence ministries accused U.S. forces"
    turned = "U.S. forces accused of blocking aid in Syria, Pentagon rejects claims"
    assert any("drops who" in p for p in headline_drift(analyse(text), extractive, turned))
    kept = "Russian and Syrian ministries accuse U.S. forces of blocking aid"
    assert headline_drift(analyse(text), extractive, kept) == []
