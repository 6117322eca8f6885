"""Shortening a sentence to a whole clause: pieces are removed whole, never cut mid-phrase."""

from __future__ import annotations

import pytest

from summarizer.analysis.clauses import main_clause, whole

CASES = [
    # attribution tail and an aside removed; the day goes before the toll does
    (
        "Gunmen opened fire on visitors at the national museum on Wednesday, killing at least 19 "
        "people, including 17 foreigners, officials said.",
        "Gunmen opened fire on visitors at the national museum, killing at least 19 people",
    ),
    # a leading subordinate clause goes before the main clause's object does
    (
        "After nearly 20 years of hostile relations, the American government plans to reverse its "
        "position on Sudan and lift trade sanctions, officials said on Friday.",
        "The American government plans to reverse its position on Sudan and lift trade sanctions",
    ),
    # what follows a colon is the news
    (
        "Wall Street's earnings season could confirm something many investors may not want to "
        "hear: the economy may be doing well but corporate profits are in a recession.",
        "The economy may be doing well but corporate profits are in a recession",
    ),
    # corporate suffixes and the day after 'said' go; the attribution stays
    (
        "Qualcomm Inc said on Thursday Samsung Electronics Co Ltd will become the sole maker of "
        "its new flagship chip.",
        "Qualcomm said Samsung Electronics will become the sole maker of its new flagship chip",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_main_clause(sentence: str, expected: str) -> None:
    assert main_clause(sentence, 15) == expected


def test_never_ends_inside_a_number_a_coordination_or_on_a_function_word() -> None:
    sentence = (
        "The court sentenced the former teacher to death for the rape and murder of a student "
        "in the northern city of Sialkot in 2014, a spokesman for the court said."
    )
    clause = main_clause(sentence, 15)
    assert clause is not None and len(clause.split()) <= 15
    assert not clause.endswith("rape")  # never half of 'rape and murder'
    assert whole(clause)
    earnings = main_clause(
        "Average hourly earnings rose 5.1% in the year to March, the department said.", 15
    )
    assert earnings == "Average hourly earnings rose 5.1% in the year to March"


def test_no_whole_clause_fits_is_none() -> None:
    assert main_clause("Many of the estimated 50 million lithium-ion laptop batteries discarded "
                       "every year could provide storage sufficient to light homes in poor "
                       "countries and villages across the developing world", 6) is None  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "kept", "dropped"),
    [
        # a relative clause with no commas, right before the main clause's auxiliary
        (
            "Three aid workers who had been held by rebels in the north since 2019 were freed on "
            "Friday in an exchange for two commanders, officials said.",
            "were freed",
            "who had been held",
        ),
        # a long 'according to' tail, and a short past verb ('died') is the clause's verb
        (
            "At least 412 miners died in the company's northern pits, according to the results of "
            "an inquiry released Tuesday by officials who called on the firm to apologise.",
            "At least 412 miners died in the company's northern pits",
            "according to",
        ),
        # a day goes to make room for the news
        (
            "The Marin County District Attorney's office on Tuesday announced the resentencing "
            "of two death row inmates amid an ongoing review of dozens of cases.",
            "resentencing of two death row inmates",
            "on Tuesday",
        ),
    ],
)
def test_pieces_removed_to_fit_the_news(sentence: str, kept: str, dropped: str) -> None:
    headline = main_clause(sentence, 15)
    assert headline is not None and kept in headline
    assert dropped not in headline
