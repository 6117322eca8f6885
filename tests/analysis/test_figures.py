from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from summarizer.analysis.figures import measure_key
from summarizer.analysis.types import Analysis, FigureCandidate
from tests.support import seed_text


def _figure(analysis: Analysis, value: float) -> FigureCandidate:
    found = [f for f in analysis.figures if f.number.value == value]
    assert found, f"no figure {value}: {[f.number.text for f in analysis.figures]}"
    return found[0]


def _source(figure: FigureCandidate) -> str | None:
    return figure.source.name if figure.source else None


def test_measure_keys_compare_head_noun_and_outcome() -> None:
    assert measure_key("Ukrainian civilians killed") == "civilian killed"
    assert measure_key("civilians killed") == "civilian killed"
    assert measure_key("homes destroyed") == "home destroyed"


def test_evidence_spans_are_exact_clauses() -> None:
    text = "Officers arrested 37 people after clashes, the interior ministry said."
    analysis = analyse(text)
    figure = _figure(analysis, 37)
    evidence = text[figure.evidence_start : figure.evidence_end]
    assert evidence == "Officers arrested 37 people after clashes"
    assert figure.measure == "people arrested"
    assert _source(figure) == "interior ministry"


def test_disaster_figures() -> None:
    text = (
        "At least 56 people died after flash floods swept through villages overnight, the "
        "national disaster agency said. Local media reported that more than 1,200 homes were "
        "destroyed."
    )
    analysis = analyse(text)
    died = _figure(analysis, 56)
    assert (died.measure, died.number.qualifier) == ("people killed", "at_least")
    assert _source(died) == "national disaster agency"
    homes = _figure(analysis, 1200)
    assert (homes.measure, homes.status, _source(homes)) == (
        "homes destroyed",
        "reported",
        "Local media",
    )


def test_crowd_estimates_conflict() -> None:
    text = (
        "Police put the figure at 15,000, while organisers said 200,000 people took part. "
        "Officers arrested 37 people."
    )
    analysis = analyse(text)
    police, organisers = _figure(analysis, 15000), _figure(analysis, 200000)
    assert police.measure == organisers.measure == "people protested"
    assert (_source(police), _source(organisers)) == ("Police", "organisers")
    index = analysis.figures.index
    assert analysis.conflicts == [(index(police), index(organisers))]


def test_same_value_from_two_sources_is_no_conflict() -> None:
    text = "The ministry said 12 miners died. Union leaders said 12 miners died."
    assert analyse(text).conflicts == []


def test_economy_and_courts_measures() -> None:
    text = (
        "The central bank raised interest rates by 0.5 percentage points. "
        "Inflation fell to 3.2% in March, the statistics office said. "
        "The former mayor was sentenced to 12 years in prison on Monday."
    )
    analysis = analyse(text)
    assert _figure(analysis, 0.5).measure == "interest rates raised"
    inflation = _figure(analysis, 3.2)
    assert (inflation.measure, _source(inflation)) == ("inflation fell", "statistics office")
    assert _figure(analysis, 12).measure == "prison sentence"


def test_durations_and_references_are_not_figures() -> None:
    text = "The regime fell four years ago. They will withdraw from the two cities."
    assert analyse(text).figures == []


def test_seed_000_figures_and_conflict() -> None:
    analysis = analyse(seed_text("000"))
    un = _figure(analysis, 364)
    assert (_source(un), un.status, un.measure) == ("UN", "confirmed", "Ukrainian civilians killed")
    services = _figure(analysis, 2000)
    assert _source(services) == "Ukrainian emergency services"
    assert services.number.qualifier == "at_least"
    assert services.measure == "civilians killed"
    eight = _figure(analysis, 8)
    assert (_source(eight), eight.status, eight.number.qualifier) == (
        "Oleksandr Markushin",
        "estimated",
        "approximate",
    )
    assert _figure(analysis, 20).measure == "children killed"
    troops = _figure(analysis, 11000)
    assert (troops.measure, troops.status, troops.source) == (
        "Russian troops lost",
        "reported",
        None,
    )
    index = analysis.figures.index
    assert analysis.conflicts == [(index(un), index(services))]


def test_seed_003_figures() -> None:
    text = seed_text("003")
    analysis = analyse(text)
    irpin = _figure(analysis, 300)
    assert irpin.number.qualifier == "at_most"
    assert irpin.measure == "people killed"
    children = _figure(analysis, 145)
    wounded = _figure(analysis, 232)
    assert (children.measure, _source(children)) == ("children killed", "Ukraine")
    assert (wounded.measure, _source(wounded)) == ("children wounded", "Ukraine")
    losses = _figure(analysis, 17000)
    assert losses.number.qualifier == "at_least"
    assert losses.source is not None and losses.source.kind == "anonymous"
    assert _source(losses) == "A former western intelligence officer"
    for figure in analysis.figures:
        assert figure.number.start >= figure.evidence_start
        assert figure.number.end <= figure.evidence_end


def _conflict_values(text: str) -> list[set[str]]:
    analysis = analyse(text)
    return [{analysis.figures[i].number.text for i in group} for group in analysis.conflicts]


def test_tolls_of_different_sources_conflict() -> None:
    text = (
        "Floods have killed at least 63 people, the governor of Alto Rio province said on "
        "Wednesday, a figure well above the national toll of 41 given by the federal civil "
        "defence agency."
    )
    assert _conflict_values(text) == [{"at least 63", "41"}]
    text = (
        "Twelve people have died, ministry spokeswoman Grace Atieno told reporters. The World "
        "Health Organization gave a higher toll. Its regional office said it had been informed "
        "of 19 deaths, including seven children under five."
    )
    assert _conflict_values(text) == [{"Twelve", "19"}]
    text = (
        "Army spokesman Ali Dogan said 30 civilians were killed in the raid. A local monitoring "
        "group said 52 people died."
    )
    assert _conflict_values(text) == [{"30", "52"}]


def test_turnout_estimates_conflict() -> None:
    text = (
        "Police put the turnout at 18,000. The Federation of Labour Unions, which organised "
        "the march, said 120,000 people took part."
    )
    assert _conflict_values(text) == [{"18,000", "120,000"}]
    text = "Organisers said 40,000 people marched, while police said the crowd was 9,000."
    assert _conflict_values(text) == [{"40,000", "9,000"}]


def test_historical_figures_and_age_bands_do_not_conflict() -> None:
    text = (
        "Twelve people have died, ministry spokeswoman Grace Atieno said. Laboratory tests have "
        "confirmed 41 cases in children under five, the ministry said. The country recorded its "
        "last large outbreak in 2017, when more than 1,100 people died, according to WHO figures."
    )
    assert _conflict_values(text) == []
    text = (
        "At least 8 people died in the storm, the mayor said. In 1998, when the last hurricane "
        "hit, 240 people died, according to the weather service."
    )
    assert _conflict_values(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Resident Ana Costa, 54, said the water entered her house within minutes.",
        "The number of people over 65 will rise, the ministry said.",
        "Vaccines for children aged 5 to 11 arrived on Monday.",
        "A man, 31, was arrested near the station.",
        "Seven children under five were treated, the hospital said.",
    ],
)
def test_ages_are_not_figures(text: str) -> None:
    figures = [f.number.text.lower() for f in analyse(text).figures]
    assert all(
        age not in figures for age in ("54", "over 65", "65", "5", "11", "31", "under five", "five")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Reyes , 41, was arrested at his home in Vigo, police said.",
        "Carl Weber Jr., 55, of Salem, pleaded guilty on Monday.",
        "The DNA on the knife belonged to her partner, Joao Lima, 74. He denies it.",
        "The suit was brought by Ana Marsh, now 44. It was settled in 2006.",
        "Inspectors found children younger than 15 picking cocoa, the report said.",
        "Seven people, ranging in age from 50 to 110, died in the heat, officials said.",
        "The test is approved for adults 45 and older, the agency said.",
        "The link was strongest among participants under 70, the study found.",
    ],
)
def test_ages_in_names_bands_and_open_ends_are_not_figures(text: str) -> None:
    values = {f.number.value for f in analyse(text).figures}
    assert not values & {41, 55, 74, 44, 15, 50, 110, 45, 70}, values


def test_shares_do_not_conflict_with_counts() -> None:
    text = (
        "Norvik Telecom will cut about 4,000 jobs, the company said. About two-thirds of the "
        "cuts will fall in Europe, chief executive Henrik Dahl told analysts."
    )
    assert _conflict_values(text) == []
    text = "The airline will cut 900 jobs, it said. Half of the job cuts are in Spain, unions said."
    assert _conflict_values(text) == []


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("Rescuers spent nearly thirty hours clearing a passage, the company said.", 30),
        ("The second borehole could take another forty-eight hours, the operator said.", 48),
        ("The hostages were held for three days in a warehouse, police said.", 3),
        ("The strike lasted 12 days, the union said.", 12),
        # a span to another event, a period named by a noun, a rate, a start, a record
        ("It came 24 hours after the first failed ceasefire.", 24),
        ("The outbreak was declared two weeks ago, the ministry said.", 2),
        ("The Madaya blockade began six months ago when the army encircled the town.", 6),
        ("The company will cut jobs over the next two years.", 2),
        ("After nearly 20 years of hostile relations, the US lifted sanctions.", 20),
        ("The order will have a six-month review period.", 6),
        ("Three months later, the users said the battery packs still worked.", 3),
        ("Departure delays from Philadelphia averaged nearly two hours.", 2),
        ("The batteries could power a light at least four hours a day.", 4),
        ("It was the bank's first cut in four years.", 4),
        ("Olsen had lived in Florence for the past three years.", 3),
    ],
)
def test_durations_of_an_effort_are_figures(text: str, duration: float) -> None:
    assert duration in [f.number.value for f in analyse(text).figures]


@pytest.mark.parametrize(
    "text",
    [
        "The regime was overthrown four years ago, the ministry said.",
        "Profits have grown over the last five years, the company said.",
        "The drugs could one day be used by psychiatrists.",
        "Shares had their biggest one-day drop since March.",
        "The bank sat on its hands for a year while people lost their homes.",
        "Shares hit a 52-week high as the 10-year Treasury yield held steady.",
    ],
)
def test_durations_that_only_place_things_are_not_figures(text: str) -> None:
    assert analyse(text).figures == []


@pytest.mark.parametrize(
    "text",
    [
        "The motion rejects the two-state solution, the minister said.",
        "Critics said the arrests broke the one country, two systems formula.",
        "The island has had a two-party system since 1990.",
    ],
)
def test_a_policy_named_by_a_number_counts_nothing(text: str) -> None:
    assert {f.number.value for f in analyse(text).figures} <= {1990.0}


def test_a_count_next_to_the_same_words_is_still_a_figure() -> None:
    text = "Two state governors said 40 people died in the floods."
    assert {f.number.value for f in analyse(text).figures} >= {40.0}


def test_stock_codes_in_wire_copy_are_not_figures() -> None:
    text = (
        "Mitsubishi Motors Corp's (7211.T) shares fell 15 percent on Thursday, while Hyundai "
        "Motor (005380.KS) rose 2 percent."
    )
    assert [f.number.value for f in analyse(text).figures] == [15.0, 2.0]


def test_an_aircraft_or_phone_model_is_not_a_figure() -> None:
    text = (
        "Two 737 Max crashes killed 346 people, and the 787 Dreamliner was grounded, the "
        "agency said. The firm sold 10 million iPhone 15 Pro units and two 747 jets."
    )
    assert [f.number.value for f in analyse(text).figures] == [2.0, 346.0, 10_000_000.0, 2.0]


def test_the_one_of_long_odds_is_not_a_figure_but_the_odds_are() -> None:
    text = "The three winners overcame odds of 1 in 292.2 million, lottery officials said."
    assert [f.number.value for f in analyse(text).figures] == [292_200_000.0]


def test_a_shop_name_and_a_lottery_draw_are_not_figures() -> None:
    text = (
        "The winning ticket, bought at a 7-Eleven in Chino Hills, matched the numbers drawn, "
        "4-8-19-27-34, and 300 people queued there on Thursday, a spokesman said."
    )
    assert [f.number.value for f in analyse(text).figures] == [300.0]
