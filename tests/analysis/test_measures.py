"""What a figure measures comes from its own clause: the counted noun after the number and the
verb that happened to it, else stays minimal. Never an outcome borrowed from another clause or
figure, never a function word. Sentences from wire copy (Reuters, AP, CNN) and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.analysis import analyse, vocabulary
from tests.support import ROOT

# sentence, the figure's text, its measure
MEASURES = [
    # the outcome is the figure's own verb, or none: never one from another clause
    (
        "More than 150 Malawians were bussed out of the country after xenophobic attacks "
        "killed seven people, officials said.",
        "More than 150",
        "Malawians",
    ),
    (
        "Police said 1,000 people were arrested and 150 Malawians were bussed out.",
        "150",
        "Malawians",
    ),
    ("Two gunmen died, and three others may have escaped, officials said.", "three", "others"),
    ("More than 100 vehicles ended up in wrecks.", "More than 100", "vehicles"),
    (
        "He said beyond the lost revenue from having to cancel about 6,300 flights in the five "
        "days, the company paid tens of millions a day in compensation.",
        "about 6,300",
        "flights",
    ),
    (
        "His office announced payments of about $2,400 for the next of kin of those killed.",
        "about $2,400",
        "payments",
    ),
    (
        "Three members preferred to keep the rate at 4.75%, the bank said.",
        "4.75%",
        "%",
    ),
    # ... and found where it stands
    (
        "At least 10 people are said to have starved to death in the town.",
        "At least 10",
        "people killed",
    ),
    ("Twelve people in the town died on Monday.", "Twelve", "people killed"),
    (
        "The agency said that 41 deaths had been confirmed and 27 people were missing.",
        "41",
        "people killed",
    ),
    ("A Boeing 737 crashed, killing 150 people.", "150", "people killed"),
    (
        "Eleven miners were rescued, but four of their colleagues are still missing.",
        "four",
        "colleagues missing",
    ),
    (
        "Consumer discretionary stocks rose 8.4 percent last year.",
        "8.4 percent",
        "discretionary stocks rose",
    ),
    ("The Caldo river rose 4.2 metres above its normal level.", "4.2 metres", "Caldo river rose"),
    (
        "The bank raised its growth forecast for this year to 1.1% from 0.8%.",
        "1.1%",
        "growth forecast raised",
    ),
    ("Police put the turnout at 18,000.", "18,000", "turnout"),
    (
        "Overall, 85 S&P 500 companies guided below estimates and 26 issued positive guidance.",
        "85",
        "S&P 500 companies",
    ),
    (
        "In a couple of poor neighborhoods, sales more than tripled.",
        "more than tripled",
        "sales rose",
    ),
    # minimal, and never a function word
    ("Irpin, which lies 16 miles northwest of the capital Kyiv, was shelled.", "16 miles", "miles"),
    ("US Airways Express tallied 56 cancellations because of the weather.", "56", "cancellations"),
    (
        "Sustained winds must not reach 23 mph or gusts exceed 34 mph -- both above forecasts.",
        "34 mph",
        "mph",
    ),
    (
        "Profit growth of 7.5 percent is forecast, while inflation will be 2 percent.",
        "2 percent",
        "%",
    ),
    (
        "Profit growth of 7.5 percent is forecast, below Oct. 1, when it stood at 10.3 percent.",
        "10.3 percent",
        "Profit growth",
    ),
    (
        "Ferri and Berti received sentences of four years and of three years and four months "
        "respectively.",
        "three years and four months",
        "prison sentence",
    ),
    (
        "After nearly 20 years of hostile relations, the US eased sanctions.",
        "nearly 20 years",
        "years of hostile relations",
    ),
    ("Rescuers then spent nearly thirty hours clearing a passage.", "nearly thirty hours", "hours"),
]


@pytest.mark.parametrize(("sentence", "number", "measure"), MEASURES)
def test_measure_comes_from_the_figures_own_clause(
    sentence: str, number: str, measure: str
) -> None:
    figures = {f.number.text: f.measure for f in analyse(sentence).figures}
    assert figures.get(number) == measure, figures


_FUNCTION_WORDS = vocabulary.words("counted_noun_function_words") | vocabulary.words(
    "counted_noun_stop_words"
)
ARTICLES = sorted((ROOT / "seeds").glob("*/article.txt")) + sorted(
    (ROOT / "seeds" / "realnews" / "tune").glob("*/article.txt")
)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.parent.name)
def test_no_measure_starts_or_ends_on_a_function_word(path: Path) -> None:
    for figure in analyse(path.read_text(encoding="utf-8")).figures:
        words = figure.measure.lower().split()
        assert words, figure
        assert words[0] not in _FUNCTION_WORDS and words[-1] not in _FUNCTION_WORDS, figure.measure
