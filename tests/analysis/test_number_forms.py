"""Table-driven tests of find_numbers on wire-copy sentences: ranges, spelled numbers, shares,
and the numbers that name, date or age rather than count (class by class)."""

from __future__ import annotations

import time

import pytest

from summarizer.analysis.numbers import find_numbers
from tests.support.numbers import NumberCase, assert_reads, case_id

# sentence, span text, value, upper, unit, qualifier, kind
Case = tuple[str, str, float, float | None, str | None, str, str]

FIXED: list[Case] = [
    # dates, years, ordinals, ages, times, names
    ("On March 3 the talks began.", "March 3", 303, None, None, "exact", "date"),
    ("On 3 March 2022 the talks began.", "3 March 2022", 20220303, None, None, "exact", "date"),
    ("On March 3, 2022 the talks began.", "March 3, 2022", 20220303, None, None, "exact", "date"),
    ("On 2022-03-03 the talks began.", "2022-03-03", 20220303, None, None, "exact", "date"),
    ("In 2021 the war began.", "2021", 2021, None, None, "exact", "year"),
    ("the 2021-22 season", "2021", 2021, None, None, "exact", "year"),
    ("He finished 3rd.", "3rd", 3, None, None, "exact", "ordinal"),
    ("A third attempt failed.", "third", 3, None, None, "exact", "ordinal"),
    ("A man aged 45 was arrested.", "aged 45", 45, None, "years", "exact", "age"),
    ("A 45-year-old man was arrested.", "45-year-old", 45, None, "years", "exact", "age"),
    ("A five-year-old girl was hurt.", "five-year-old", 5, None, "years", "exact", "age"),
    ("The meeting starts at 9am.", "9am", 9, None, None, "exact", "time"),
    ("It happened at 9.30pm on Friday.", "9.30pm", 21.5, None, None, "exact", "time"),
    ("The meeting starts at 14:00.", "14:00", 14, None, None, "exact", "time"),
    ("Article 5 was invoked.", "5", 5, None, None, "exact", "name"),
    # compound durations are one figure
    (
        "Prosecutors had asked for a sentence of 10 years and six months.",
        "10 years and six months",
        10.5,
        None,
        "years",
        "exact",
        "figure",
    ),
    (
        "She was jailed for three years and four months on Monday.",
        "three years and four months",
        3.333,
        None,
        "years",
        "exact",
        "figure",
    ),
    (
        "The talks lasted 11 hours and 30 minutes.",
        "11 hours and 30 minutes",
        11.5,
        None,
        "hours",
        "exact",
        "figure",
    ),
    (
        "The drilling could take another forty-eight hours.",
        "forty-eight hours",
        48,
        None,
        "hours",
        "exact",
        "figure",
    ),
    (
        "Bribes were paid between 2014 and 2019.",
        "between 2014 and 2019",
        2014,
        2019,
        None,
        "range",
        "year",
    ),
    ("The audit covered the years 2014-2019.", "2014-2019", 2014, 2019, None, "range", "year"),
]

RANGES: list[Case] = [
    (
        "The deal is worth between $2 billion and $3 billion, sources said.",
        "between $2 billion and $3 billion",
        2e9,
        3e9,
        "dollars",
        "range",
        "figure",
    ),
    (
        "Sixty to seventy thousand people marched in the capital on Sunday.",
        "Sixty to seventy thousand",
        60000,
        70000,
        "people",
        "range",
        "figure",
    ),
    (
        "Three or four people were injured, police said.",
        "Three or four",
        3,
        4,
        "people",
        "range",
        "figure",
    ),
    (
        "Prices rose two to three percent last year.",
        "two to three percent",
        2,
        3,
        "%",
        "range",
        "figure",
    ),
    (
        "The plant will cost $1.2-1.5 billion.",
        "$1.2-1.5 billion",
        1.2e9,
        1.5e9,
        "dollars",
        "range",
        "figure",
    ),
    (
        "Some 10,000-15,000 troops were deployed.",
        "10,000-15,000",
        1e4,
        1.5e4,
        "people",
        "range",
        "figure",
    ),
    (
        "between five and six hundred homes were flooded",
        "between five and six hundred",
        500,
        600,
        None,
        "range",
        "figure",
    ),
    (
        "resulted in delays of 30 minutes to an hour, according to the FAA",
        "30 minutes to an hour",
        30,
        60,
        "minutes",
        "range",
        "figure",
    ),
    (
        "Executives were given suspended sentences of between 18 months and two years.",
        "between 18 months and two years",
        18,
        24,
        "months",
        "range",
        "figure",
    ),
    ("Bribes were paid in 2014 or 2015.", "2014 or 2015", 2014, 2015, None, "range", "year"),
    (
        "Between 1994 and 2003, Dietrich did a study.",
        "Between 1994 and 2003",
        1994,
        2003,
        None,
        "range",
        "year",
    ),
    # a change and a level, or a choice, is not a range
    ("Revenue fell 6% to 5.8bn euros, the company said.", "6%", 6, None, "%", "exact", "figure"),
    (
        "Revenue fell 6% to 5.8bn euros, the company said.",
        "5.8bn euros",
        5.8e9,
        None,
        "euros",
        "exact",
        "figure",
    ),
    ("Inflation rose from 3 to 5 percent.", "3", 3, None, None, "exact", "figure"),
]

SHARES: list[Case] = [
    (
        "leaving an estimated half-million passengers stranded",
        "an estimated half-million",
        5e5,
        None,
        None,
        "approximate",
        "figure",
    ),
    (
        "About two-thirds of the cuts will fall in Europe.",
        "About two-thirds",
        0.667,
        None,
        None,
        "approximate",
        "figure",
    ),
    (
        "irregularities in nearly a quarter of the tenders",
        "nearly a quarter",
        0.25,
        None,
        None,
        "at_most",
        "figure",
    ),
    (
        "the number of people over 65 is expected to rise by about a third by 2040",
        "about a third",
        0.333,
        None,
        None,
        "approximate",
        "figure",
    ),
    (
        "Up to a foot of snow fell in parts of Pennsylvania.",
        "Up to a foot",
        1,
        None,
        "feet",
        "at_most",
        "figure",
    ),
    (
        "She asked for it to be postponed for at least a year.",
        "at least a year",
        1,
        None,
        "years",
        "at_least",
        "figure",
    ),
    (
        "Finney waited on the lawn for a half hour, shivering.",
        "a half hour",
        0.5,
        None,
        "hours",
        "exact",
        "figure",
    ),
    (
        "the percentage of kids with elevated lead levels doubled",
        "doubled",
        2,
        None,
        "times",
        "exact",
        "figure",
    ),
    (
        "In a couple of poor neighborhoods, they more than tripled.",
        "more than tripled",
        3,
        None,
        "times",
        "at_least",
        "figure",
    ),
    (
        "The death toll has surpassed 150, many of whom drowned.",
        "150",
        150,
        None,
        None,
        "at_least",
        "figure",
    ),
    (
        "Sales exceeded $1 billion last year.",
        "$1 billion",
        1e9,
        None,
        "dollars",
        "at_least",
        "figure",
    ),
    (
        "An earnings recession - two quarters of declining profits - looms.",
        "two",
        2,
        None,
        None,
        "exact",
        "figure",
    ),
]


@pytest.mark.parametrize("case", FIXED + RANGES + SHARES, ids=case_id)
def test_reads_wire_forms(case: NumberCase) -> None:
    assert_reads(case)


def test_spelled_numbers_next_to_each_other_are_each_read() -> None:
    found = [(m.text, m.value) for m in find_numbers("Two and three people were hurt.", [])]
    assert found == [("Two", 2.0), ("three", 3.0)]


@pytest.mark.parametrize("text", ["one " * 10000, "twenty-five " * 4000, "aged " * 10000])
def test_runs_of_number_words_stay_linear(text: str) -> None:
    started = time.perf_counter()
    find_numbers(text, [])
    assert time.perf_counter() - started < 2.0
