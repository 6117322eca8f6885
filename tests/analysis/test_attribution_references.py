"""Who 'the company', 'the president', 'they' and 'its website' are; staff of a named body;
figures in a leading background clause; a paragraph that closes on its speaker."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from tests.support.analysis import quote_speakers, source_names


def test_the_company_is_the_one_word_company_that_just_spoke() -> None:
    text = (
        "Halvorsen, which is based in Oslo, said the fine was unfair. "
        "\u201cWe have always followed the rules in every market,\u201d the company said in a "
        "statement."
    )
    assert quote_speakers(text) == {"We have always": "Halvorsen"}
    assert "company" not in source_names(text)


def test_the_company_is_not_a_company_that_spoke_paragraphs_ago() -> None:
    text = (
        "Halvorsen said the fine was unfair.\n\nRegulators met on Friday. The meeting was long. "
        "Inspectors visited three sites.\n\n\u201cWe will appeal the decision,\u201d the company "
        "said."
    )
    assert quote_speakers(text)["We will appeal"] != "Halvorsen"


def test_its_website_is_read_once_and_belongs_to_the_body() -> None:
    text = (
        "Halvorsen said the ruling was wrong. Halvorsen has trained 4,000 farmers since 2015, "
        "according to its website."
    )
    names = source_names(text)
    assert names.count("Halvorsen website") == 1, names
    assert not any(name.endswith("website website") for name in names), names


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("President Ana Varela said the vote failed.", "the president"),
        ("Ana Varela, the country's president, said the vote failed.", "the president"),
        ("Finance Minister Ana Varela said the vote failed.", "the minister"),
    ],
)
def test_the_role_noun_is_the_one_person_who_holds_it(first: str, later: str) -> None:
    text = f"{first} Later, {later} said \u201cwe will try again next year with more votes.\u201d"
    assert quote_speakers(text) == {"we will try": "Ana Varela"}


def test_a_role_two_people_hold_stays_unresolved() -> None:
    text = (
        "Finance Minister Ana Varela said no. Trade Minister Luis Ortega said yes. "
        "The minister said \u201cthe talks will go on until the end of the month.\u201d"
    )
    assert quote_speakers(text)["the talks will"] not in {"Ana Varela", "Luis Ortega"}


@pytest.mark.parametrize(
    ("text", "body", "staff"),
    [
        ("Analysts at Brandt Capital said demand could slow.", "Brandt Capital", "analysts"),
        ("Economists at the Bank of Ostrava warned that prices would rise.",
         "Bank of Ostrava", "economists"),
        ("Doctors at Saint Mary Hospital said 12 people were treated.",
         "Saint Mary Hospital", "doctors"),
    ],
)  # fmt: skip
def test_staff_at_a_named_body_speak_for_it(text: str, body: str, staff: str) -> None:
    sources = [(s.name, s.role, s.kind) for s in analyse(text).sources]
    assert (body, staff, "organisation") in sources, sources


def test_staff_at_a_named_body_are_they_in_the_next_quote() -> None:
    text = (
        "Analysts at Brandt Capital warned on Monday that demand could slow. "
        "\u201cAny slowing in demand could delay a recovery,\u201d they said in a note."
    )
    assert quote_speakers(text) == {"Any slowing in": "Brandt Capital"}


def _claimant_of(text: str, number: str) -> str | None:
    for figure in analyse(text).figures:
        if figure.number.text == number:
            return figure.source.name if figure.source else None
    raise AssertionError(f"no figure {number!r}")


@pytest.mark.parametrize(
    "text",
    [
        "After 14 miners died in the collapse in March, the minister said safety would improve.",
        "Since 300 homes were flooded last year, the mayor has said the levee must be raised.",
    ],
)
def test_a_figure_in_a_leading_background_clause_is_the_reporters(text: str) -> None:
    number = "14" if "14" in text else "300"
    assert _claimant_of(text, number) is None


def test_a_figure_after_the_leading_clause_is_the_speakers() -> None:
    text = "After the storm passed, officials said 12 people had died."
    assert _claimant_of(text, "12") == "officials"


def test_a_data_paragraph_closing_on_its_speaker() -> None:
    text = (
        "Stocks of grain fell last week, the ministry said on Monday.\n\n"
        "Wheat stocks fell by 1.2 million tonnes to 40 million. "
        "Maize stocks fell by 300,000 tonnes, the agriculture board said.\n\n"
        "Prices rose."
    )
    assert _claimant_of(text, "1.2 million tonnes") == "agriculture board"


def test_a_longer_paragraph_does_not_lend_its_closing_speaker() -> None:
    text = (
        "Wheat is grown in 11 regions. Most farms are small, the board said. "
        "Yields vary, they wrote.\n\nPrices rose."
    )
    assert _claimant_of(text, "11") is None
