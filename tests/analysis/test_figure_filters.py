"""Which numbers a brief lists as figures, and how often: sources counted, conversions, repeats,
partitive first mentions and distances, on wire-copy sentences."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse


def _figures(text: str) -> list[str]:
    return [f.number.text for f in analyse(text).figures]


@pytest.mark.parametrize(
    ("text", "kept", "left_out"),
    [
        # how many anonymous sources speak is not a figure of the news
        (
            "Two people familiar with the discussions said the ministry wanted around 18 billion.",
            ["around 18 billion"],
            ["Two"],
        ),
        ("Three sources told Reuters that 40 jobs would go.", ["40"], ["Three"]),
        # a conversion restates the figure before it
        (
            "Rainfall totals of 150 mm (6 inches) were recorded across Kerala.",
            ["150 mm"],
            ["6 inches"],
        ),
        (
            "Al Foua lies in Idlib province 300 km (200 miles) away, a U.N. source said.",
            ["300 km"],
            ["200 miles"],
        ),
        # a first mention behind 'of the' or as a compound modifier counts
        (
            "She is under a specialist at one of the ten pediatric hospitals across five states.",
            ["ten", "five"],
            [],
        ),
        ("The nine-member Monetary Policy Committee voted for the cut.", ["nine"], []),
        ("The minister ordered an inspection of all twelve underground mines.", ["twelve"], []),
        # distances are figures, wherever they lead
        (
            "The men were cut off by a roof collapse about forty metres from the main shaft.",
            ["about forty metres"],
            [],
        ),
        (
            "The bank raised its growth forecast for this year to 1.1% from 0.8%.",
            ["1.1%", "0.8%"],
            [],
        ),
        # names never become figures
        (
            "Samsung could gain more than $1 billion from the Snapdragon 820 orders, he said.",
            ["more than $1 billion"],
            ["820"],
        ),
    ],
)
def test_which_numbers_are_figures(text: str, kept: list[str], left_out: list[str]) -> None:
    figures = _figures(text)
    assert all(k in figures for k in kept), figures
    assert not any(o in figures for o in left_out), figures


def test_a_repeated_figure_is_listed_once() -> None:
    text = (
        "Gunmen attacked the museum, killing at least 19 people, officials said. "
        "It was the deadliest attack in a decade. "
        "Gunmen attacked the museum on Wednesday, killing at least 19 people, most of them "
        "foreign tourists."
    )
    assert _figures(text).count("at least 19") == 1


def test_the_repeat_with_a_qualifier_is_the_one_kept() -> None:
    text = (
        "Norvik Telecom to cut 4,000 jobs as revenue falls\n\n"
        "Norvik Telecom will cut about 4,000 jobs over the next two years, the company said."
    )
    kept = [f for f in analyse(text).figures if f.number.value == 4000]
    assert [f.number.text for f in kept] == ["about 4,000"]


def test_one_number_from_two_claimants_stays_two_claims() -> None:
    text = "The ministry said 12 miners died. Union leaders said 12 miners died."
    assert _figures(text) == ["12", "12"]


def test_bare_amounts_are_no_rival_counts() -> None:
    text = (
        "The house was worth more than $400,000 at the time, according to Fran Finney. "
        "The car was worth about $20,000, Roger Ver said."
    )
    assert analyse(text).conflicts == []
