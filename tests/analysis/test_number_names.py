"""Numbers that name, place, date or age rather than count, in wire-copy sentences: indexes,
models, scores, conversions, codes, phone numbers, ranks, list markers, years and ages. None may
become a figure."""

from __future__ import annotations

import pytest

from tests.support.numbers import NumberCase, assert_reads, case_id, figure_texts

# sentence, span text, value, upper, unit, qualifier, kind
Case = tuple[str, str, float, float | None, str | None, str, str]

NOT_COUNTS: list[Case] = [
    ("G20 leaders met in Rome.", "G20", 20, None, None, "exact", "name"),
    ("Flight MH17 was shot down over Ukraine.", "MH17", 17, None, None, "exact", "name"),
    ("An Airbus A320 landed safely.", "A320", 320, None, None, "exact", "name"),
    ("The S&P 500 fell 2 percent on Friday.", "500", 500, None, None, "exact", "name"),
    (
        "overall 85 S&P 500 companies guided below estimates",
        "500",
        500,
        None,
        None,
        "exact",
        "name",
    ),
    ("Police seized ADE 651 detectors at the checkpoint.", "651", 651, None, None, "exact", "name"),
    ("His grandfather fought in World War Two.", "Two", 2, None, None, "exact", "name"),
    ("Samsung said the Snapdragon 820 used its process.", "820", 820, None, None, "exact", "name"),
    (
        "see \u201cInnovators Under 35: Evans Wadongo\u201d",
        "Under 35",
        35,
        None,
        None,
        "at_most",
        "name",
    ),
    ("The court upheld the law in a 5-4 vote.", "5-4", 5, None, None, "exact", "name"),
    ("($1 = 118.55 yen)", "118.55 yen", 118.55, None, None, "exact", "name"),
    ("($1 = 118.55 yen)", "$1", 1, None, None, "exact", "name"),
    ("COVID-19 cases rose by 300.", "COVID-19", 19, None, None, "exact", "name"),
    (
        "You can't come into a mission critical 24/7 operation",
        "24/7",
        24,
        None,
        None,
        "exact",
        "name",
    ),
    ("A Boeing 737 crashed on Monday.", "737", 737, None, None, "exact", "name"),
    (
        "Under Section 230 of the act, platforms are shielded.",
        "230",
        230,
        None,
        None,
        "exact",
        "name",
    ),
    ("She is ranked No. 2 in the world.", "2", 2, None, None, "exact", "name"),
    ("Thatcher was advised by the No 10 policy unit.", "10", 10, None, None, "exact", "name"),
    ("some people always see the number 3 in yellow", "3", 3, None, None, "exact", "name"),
    (
        "Call 1-800-555-0199 for details.",
        "1-800-555-0199",
        18005550199,
        None,
        None,
        "exact",
        "name",
    ),
    ("the caller phoned 911, announced that he had", "911", 911, None, None, "exact", "name"),
    ("which came from a 911 emergency dispatch operator", "911", 911, None, None, "exact", "name"),
    ("The vote ended at 0900 GMT.", "0900 GMT", 9, None, None, "exact", "time"),
    ("1. Finland\n\n2. Norway", "2", 2, None, None, "exact", "ordinal"),
    (
        "the highest number since at least 2006, FactSet said",
        "at least 2006",
        2006,
        None,
        None,
        "at_least",
        "year",
    ),
    (
        "an almost relentless decline that began in mid-2014",
        "2014",
        2014,
        None,
        None,
        "exact",
        "year",
    ),
    ("The 29-year-old was arrested on Friday.", "29-year-old", 29, None, "years", "exact", "age"),
    ("John Smith, 45, was arrested.", "45", 45, None, "years", "exact", "age"),
    (
        "followed up with them when they were five, and again",
        "five",
        5,
        None,
        "years",
        "exact",
        "age",
    ),
    (
        "men and women between the ages of 25 and 54",
        "ages of 25 and 54",
        25,
        54,
        "years",
        "range",
        "age",
    ),
    (
        "around 3 per cent of 12-month-old children",
        "12-month-old",
        12,
        None,
        "months",
        "exact",
        "age",
    ),
    ("Vaccines for children aged 5 to 11 arrived.", "aged 5 to 11", 5, 11, "years", "range", "age"),
]

# sentences in which no figure may be read from the given text
NO_FIGURE = [
    ("A few hundred protesters gathered outside parliament.", "hundred"),
    ("when a mob of several hundred masked youths threw stones", "hundred"),
    ("Flight MH17 was shot down over Ukraine.", "17"),
    ("G20 leaders met in Rome.", "20"),
    ("They would be in products in the first half of the year.", "half"),
    ("The Pennsylvania official was just talking about one area.", "one"),
    ("She had surgery for a second time.", "second"),
    ("The company doubled down on its strategy.", "doubled"),
    ("Samsung's Galaxy S7 and the iPhone 6s went on sale.", "6"),
]


@pytest.mark.parametrize("case", NOT_COUNTS, ids=case_id)
def test_reads_what_names_places_or_ages(case: NumberCase) -> None:
    assert_reads(case)


@pytest.mark.parametrize(("sentence", "text"), NO_FIGURE)
def test_no_figure_is_read(sentence: str, text: str) -> None:
    figures = figure_texts(sentence)
    assert not any(text.lower() in figure.lower() for figure in figures), figures
