"""Claimants that are documents with modifiers, sources inside relative clauses, and reporting
verbs with plain senses ('concluded', 'divulged'): forms of published news the first rules left
unattributed. Each sentence is written here, not taken from a case."""

from __future__ import annotations

import pytest

from tests.analysis.test_attribution import _figure_sources


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        (
            "The research published in the journal Lancet Health in March showed that "
            "screening was linked to a 40% lower death rate.",
            "40%",
            "The research",
        ),
        (
            "A study by economists in Chicago found that rents rose 12% in a year.",
            "12%",
            "A study",
        ),
        (
            "The survey conducted for the union last month found that 35% of nurses planned "
            "to leave.",
            "35%",
            "The survey",
        ),
        (
            "The merger, which some analysts estimate is worth over $3 billion, closes in May.",
            "over $3 billion",
            "some analysts",
        ),
        (
            "The audit concluded that the agency had lost 2.5 million dollars.",
            "2.5 million dollars",
            "The audit",
        ),
        (
            "Officials divulged on Friday that the army had made three arrests.",
            "three",
            "Officials",
        ),
    ],
)
def test_documents_relatives_and_plain_sense_verbs(text: str, figure: str, name: str) -> None:
    assert _figure_sources(text)[figure] == name


@pytest.mark.parametrize(
    "text",
    [
        "The rise in prices in the north showed that 3 firms had failed.",  # no document
        "The meeting concluded after 4 hours of talks.",  # the plain sense: no claim
        "Snow in the hills continued to fall on 2 roads.",
    ],
)
def test_plain_subjects_stay_unattributed(text: str) -> None:
    assert set(_figure_sources(text).values()) <= {None}


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        (  # a body revising its own forecast gives the figure
            "The central bank raised its inflation forecast to 4.5% on Tuesday.",
            "4.5%",
            "central bank",
        ),
        (  # 'which it now expects': the pronoun in an object relative is the claimant
            "The Fund made upward revisions to its growth forecasts for Peru and Chile, which "
            "the Fund now expects to expand by 3%.",
            "3%",
            "Fund",
        ),
        (  # 'forecasts of' after a preposition is a noun: no claimant is made of it
            "Exports grew 6%, up from forecasts of 4% in May.",
            "4%",
            None,
        ),
        (  # a speaker named before a chain of appositives
            "Omar Lamrani, a senior analyst at Stratfor, the Texas-based intelligence firm, told "
            "reporters that 12 bases were active.",
            "12",
            "Omar Lamrani",
        ),
        (  # an adverbial that opens the sentence is no name
            "On Saturday, the Indian embassy in Rome said 33 workers had been freed.",
            "33",
            "Indian embassy in Rome",
        ),
    ],
)
def test_forecast_revisions_relatives_and_appositive_chains(
    text: str, figure: str, name: str | None
) -> None:
    assert _figure_sources(text)[figure] == name


def test_the_and_a_nationality_refers_back_to_the_person_written_about() -> None:
    from summarizer.analysis import analyse

    text = (
        "Ellen Mwamulima, a 45-year-old widow, fled a mob and hid in the bush for two weeks.\n\n"
        "\u201cWe lost everything,\u201d the Malawian told Al Jazeera."
    )
    analysis = analyse(text)
    speakers = [q.speaker.name if q.speaker else None for q in analysis.quotes]
    assert speakers == ["Ellen Mwamulima"]
    assert "Malawian" not in [s.name for s in analysis.sources]


def test_the_statement_is_said_by_whoever_issued_it() -> None:
    text = (
        "The army wrote on Telegram that it would operate in the south.\n\n"
        "The statement said 3 districts would be evacuated."
    )
    assert _figure_sources(text)["3"] == "army"


@pytest.mark.parametrize(
    "text",
    [
        "The WHO said 19 people had died.",
        "The World Health Organization (WHO) said 19 people had died.",
        "The outbreak has killed 19 people, the World Health Organization (WHO) said.",
    ],
)
def test_an_acronym_that_spells_a_pronoun_is_a_name(text: str) -> None:
    assert _figure_sources(text)["19"] in {"WHO", "World Health Organization"}


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        ("One analyst said that 40 firms would close.", "40", "One analyst"),
        (  # 'states' and 'claims' as nouns are no reporting verbs
            "Smoke covered parts of the Brazilian states of Mato Grosso after 3 wildfires, "
            "according to local news reports.",
            "3",
            "local news reports",
        ),
        ("Analysts said the Russian claims are false and 4 bases exist.", "4", "Analysts"),
        (
            "The bill cut the deadline for filing backdated claims for the tax credit, and 6 "
            "states objected, the Joint Committee on Taxation said.",
            "6",
            "Joint Committee on Taxation",
        ),
    ],
)
def test_counted_speakers_and_verbs_used_as_nouns(text: str, figure: str, name: str) -> None:
    assert _figure_sources(text)[figure] == name


def test_he_went_on_continues_the_speakers_quotes() -> None:
    from summarizer.analysis import analyse

    text = (
        "John Quatman, a former deputy DA, testified a judge \u201csaid I could not have a Jew on "
        "the jury.\u201d He went on, \u201cIt was standard practice to exclude Jewish jurors.\u201d"
    )
    assert [q.speaker.name if q.speaker else None for q in analyse(text).quotes] == [
        "John Quatman",
        "John Quatman",
    ]


def test_a_third_partys_admission_inside_an_account_is_no_source() -> None:
    from summarizer.analysis import analyse

    text = "Dykes admitted to the robbery but denied it was intentional, Price said."
    assert [s.name for s in analyse(text).sources] == ["Price"]


def test_passives_places_and_possessive_roles() -> None:
    from summarizer.analysis import analyse

    passive = analyse("The court heard that Rudy Guede, who was found to have lied, left 2 bags.")
    assert [s.name for s in passive.sources] == []
    place = analyse(
        "Dr. Manoj Narayanan, the superintendent of a hospital in the village of Mepaddi told "
        "CNN that 100 patients came."
    )
    assert "Mepaddi" not in [s.name for s in place.sources]
    assert [f.source.name for f in place.figures if f.source] == ["Manoj Narayanan"]
    owned = analyse(
        "Janaki\u2019s husband, Vasu, said rescue workers came at dawn. \u201cGod saved us,\u201d "
        "he said."
    )
    assert [q.speaker.name if q.speaker else None for q in owned.quotes] == ["Vasu"]


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        (
            "At least 973 children died in the schools, according to the results of an "
            "investigation released Tuesday.",
            "At least 973",
            "an investigation",
        ),
        (
            "The schools were funded by $23.3 billion, officials determined.",
            "$23.3 billion",
            "officials",
        ),
        (
            "More than 80% of children attended, according to the National Native American "
            "Boarding School Healing Coalition.",
            "More than 80%",
            "National Native American Boarding School Healing Coalition",
        ),
        ("The test showed 83% sensitivity in a study published in March.", "83%", "a study"),
        ("In the study, 40 people took part, the researchers said.", "40", "researchers"),
    ],
)
def test_results_of_long_bodies_and_in_a_study(text: str, figure: str, name: str) -> None:
    assert _figure_sources(text)[figure] == name


def test_the_name_right_after_a_quote_speaks_through_a_long_appositive() -> None:
    from summarizer.analysis import analyse

    text = (
        "Deb Haaland spoke on Tuesday.\n\n\u201cThe government took deliberate actions,\u201d "
        "Haaland, a member of the Laguna Pueblo tribe in New Mexico and the country\u2019s first "
        "Native American Cabinet secretary, said."
    )
    assert [q.speaker.name if q.speaker else None for q in analyse(text).quotes] == ["Haaland"]


def test_negation_abbreviated_titles_surnames_and_long_descriptions() -> None:
    from summarizer.analysis import analyse

    negated = analyse(
        "Police reported 5,000 people, but the agency didn\u2019t estimate the total."
    )
    assert [s.name for s in negated.sources] == ["Police"]
    text = (
        "Republican Gov. Eric Holcomb was away. Superintendent Jennifer McCormick has cited a "
        "study.\n\nMcCormick, who has split from many Republicans, told teachers they were "
        "right.\n\n\u201cWhat a shame,\u201d she said.\n\nJoel Schlabach, a teacher at eastern "
        "Indiana\u2019s Richmond High School, said politicians have lied."
    )
    analysis = analyse(text)
    assert [q.speaker.name if q.speaker else None for q in analysis.quotes] == [
        "Jennifer McCormick"
    ]
    assert {s.name for s in analysis.sources} == {"Jennifer McCormick", "Joel Schlabach"}


def test_unions_are_bodies() -> None:
    text = "Nearly 300 districts closed because of the rally, according to teachers unions."
    assert _figure_sources(text)["Nearly 300"] == "teachers unions"
