"""Disputes only between counts of the same time: a count of one day or of one dated event is no
rival of a running total, and the day a statement was made does not date what it counts."""

from __future__ import annotations

from summarizer.analysis import analyse


def _disputed_values(text: str) -> list[list[float]]:
    analysis = analyse(text)
    return [sorted(analysis.figures[i].number.value for i in group) for group in analysis.conflicts]


def test_a_dated_background_toll_is_no_rival_of_todays() -> None:
    text = (
        "At least 30 people were killed in the strike, health officials said.\n\n"
        "The war began on October 7. At least 1,200 people were killed, according to the army."
    )
    assert _disputed_values(text) == []


def test_a_count_of_one_day_is_no_rival_of_a_total() -> None:
    text = (
        "About 150,000 people fled the city on Monday alone, the UN said.\n\n"
        "Nearly 2 million people have fled the region, according to aid groups."
    )
    assert _disputed_values(text) == []


def test_the_day_a_statement_was_made_does_not_date_its_count() -> None:
    text = (
        "Twelve people have died, the health ministry said.\n\n"
        "The WHO said in a statement on Monday that 19 people had died."
    )
    assert _disputed_values(text) == [[12.0, 19.0]]


def test_a_breakdown_of_a_total_is_no_rival_of_it_but_a_rival_total_is() -> None:
    text = (
        "At least 11 people have died during the protests, Foro Penal said on Tuesday.\n\n"
        "Of those killed, five died in Caracas and two in Zulia, the group's head, Alfredo "
        "Romero, told reporters.\n\n"
        "The government said 20 people had died in the protests."
    )
    assert _disputed_values(text) == [[11.0, 20.0]]
