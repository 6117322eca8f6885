from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from summarizer.analysis.attribution import status_of
from summarizer.analysis.sources import parse_source
from summarizer.analysis.types import Analysis
from tests.support import seed_text


def _sources(analysis: Analysis) -> dict[str, tuple[str | None, str]]:
    return {s.name: (s.role, s.kind) for s in analysis.sources}


def _attributed(analysis: Analysis) -> dict[int, tuple[str | None, str]]:
    return {
        a.sentence: (a.source.name if a.source else None, a.status) for a in analysis.attributions
    }


@pytest.mark.parametrize(
    ("phrase", "name", "role", "kind"),
    [
        (
            "Interior ministry adviser Anton Garashchenko",
            "Anton Garashchenko",
            "Interior ministry adviser",
            "person",
        ),
        (
            "Ukrainian President Volodymyr Zelensky",
            "Volodymyr Zelensky",
            "Ukrainian President",
            "person",
        ),
        ("the Ukrainian emergency services", "Ukrainian emergency services", None, "government"),
        ("The capital\u2019s Ministry of Defence", "Ministry of Defence", None, "government"),
        (
            "the Office for National Statistics",
            "Office for National Statistics",
            None,
            "government",
        ),
        ("the Federal Reserve", "Federal Reserve", None, "organisation"),
        ("the Daily Mirror", "Daily Mirror", None, "media"),
        ("a senior official", "a senior official", None, "anonymous"),
        ("London-based security sources", "London-based security sources", None, "anonymous"),
        ("Judge Maria Lopez", "Maria Lopez", "Judge", "person"),
    ],
)
def test_parse_source(phrase: str, name: str, role: str | None, kind: str) -> None:
    parsed = parse_source(phrase)
    assert parsed is not None
    assert (parsed.name, parsed.role, parsed.kind) == (name, role, kind)


def test_noun_phrases_that_name_nobody() -> None:
    assert parse_source("the sound of shelling") is None
    assert parse_source("") is None


def test_status_from_context_then_verb() -> None:
    assert status_of("says", "364 civilians have been confirmed killed") == "confirmed"
    assert status_of("said", "An estimated eight people") == "estimated"
    assert status_of(None, "amid reports of losses") == "reported"
    assert status_of("forecast", "growth of 2%") == "projected"
    assert status_of("said", "prices rose") == "claimed"


def test_patterns_across_beats() -> None:
    text = (
        "Inflation fell to 3.1% in May, according to the Office for National Statistics. "
        "Dr. Amy Chen, the city's health commissioner, said most patients were children. "
        "Police put the figure at 15,000. "
        "It was revealed by the company that 300 jobs would go. "
        "Rescuers searched for survivors, a senior official who asked not to be named told Reuters."
    )
    analysis = analyse(text)
    attributed = _attributed(analysis)
    assert attributed[0] == ("Office for National Statistics", "claimed")
    assert attributed[1][0] == "Amy Chen"
    assert attributed[2][0] == "Police"
    assert attributed[3][0] == "company"
    assert attributed[4][0] == "a senior official"
    sources = _sources(analysis)
    assert sources["Amy Chen"] == ("the city's health commissioner", "person")
    assert sources["a senior official"][1] == "anonymous"
    assert sources["Reuters"][1] == "media"


def test_pronouns_and_surnames_merge_into_one_source() -> None:
    text = (
        "Mayor Anna Kowalski said the bridge would reopen. She added that repairs cost more. "
        "Kowalsky later confirmed the date. The council said it agreed. It added that funds exist."
    )
    analysis = analyse(text)
    people = [s for s in analysis.sources if s.kind == "person"]
    assert len(people) == 1
    assert people[0].name == "Anna Kowalski"
    assert "Kowalsky" in people[0].aliases
    attributed = _attributed(analysis)
    assert attributed[1][0] == "Anna Kowalski"
    assert attributed[2] == ("Anna Kowalski", "confirmed")
    assert attributed[4][0] == "council"


def test_words_inside_quotes_do_not_attribute() -> None:
    text = "The governor said: “My aide told me the plan was dead.”"
    analysis = analyse(text)
    assert [s.name for s in analysis.sources] == ["governor"]


def test_seed_000_sources() -> None:
    analysis = analyse(seed_text("000"))
    sources = _sources(analysis)
    assert sources["Oleksandr Markushin"] == ("the city's mayor", "person")
    assert sources["UN"][1] == "organisation"
    assert sources["Ukrainian emergency services"][1] == "government"
    assert sources["Anton Garashchenko"] == ("Interior ministry adviser", "person")
    assert sources["Vadym Boychenko"] == ("Mariupol mayor", "person")
    boychenko = next(s for s in analysis.sources if s.name == "Vadym Boychenko")
    assert boychenko.aliases == ("Boychenko",)
    attributed = _attributed(analysis)
    assert attributed[3] == ("Oleksandr Markushin", "estimated")
    assert attributed[6] == ("UN", "confirmed")


def test_seed_003_sources() -> None:
    analysis = analyse(seed_text("003"))
    sources = _sources(analysis)
    assert sources["Lyudmyla Denisova"] == ("Ukrainian ombudswoman", "person")
    assert sources["A former western intelligence officer"][1] == "anonymous"
    assert sources["London-based security sources"][1] == "anonymous"
    assert sources["Ministry of Defence"][1] == "government"
    assert sources["Daily Mirror"][1] == "media"
    assert sources["Ruslan Martsynkiv"][1] == "person"
    assert sources["Volodymyr Zelensky"] == ("Ukrainian President", "person")
    attributed = _attributed(analysis)
    # "She said", "He added", "He said" resolve to the last person who spoke
    assert attributed[7][0] == "Lyudmyla Denisova"
    assert attributed[28][0] == "Oleksander Danylyuk"
    assert attributed[31][0] == "Volodymyr Zelensky"
    assert attributed[26] == ("Ministry of Defence", "reported")


def test_possessive_bodies_informed_sources_and_three_word_names() -> None:
    text = (
        "The World Health Organization said it was alarmed. In a statement, its regional office "
        "said "
        "19 people had died. Two people familiar with the discussions said the deal was close. "
        "Medecins Sans Frontieres said it had opened a clinic. "
        "The union's chairman, Josef Hruby, called for an inquiry."
    )
    analysis = analyse(text)
    names = [a.source.name for a in analysis.attributions if a.source]
    assert names == [
        "World Health Organization",
        "World Health Organization regional office",
        "Two people familiar with the discussions",
        "Medecins Sans Frontieres",
        "Josef Hruby",
    ]
    sources = _sources(analysis)
    assert sources["Two people familiar with the discussions"][1] == "anonymous"
    assert sources["Josef Hruby"] == ("The union's chairman", "person")


def _figure_sources(text: str) -> dict[str, str | None]:
    return {f.number.text: (f.source.name if f.source else None) for f in analyse(text).figures}


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        (
            "Floods have killed at least 63 people, the governor of Alto Rio province said on "
            "Wednesday, a figure well above the national toll.",
            "at least 63",
            "governor of Alto Rio province",
        ),
        (
            "Shelling overnight wounded 14 civilians, the mayor of Kharkiv said on Friday.",
            "14",
            "mayor of Kharkiv",
        ),
    ],
)
def test_post_clause_role_of_a_place(text: str, figure: str, name: str) -> None:
    assert _figure_sources(text)[figure] == name


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        (
            "President Luisa Ferreira flew over the affected area by helicopter and announced "
            "emergency funding of 500 million reais.",
            "500 million",
            "Luisa Ferreira",
        ),
        (
            "Health Minister Omar Said visited the hospital on Monday and confirmed that 14 "
            "patients had died.",
            "14",
            "Omar Said",
        ),
    ],
)
def test_verb_after_and_keeps_the_subject(text: str, figure: str, name: str) -> None:
    assert _figure_sources(text)[figure] == name


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        (
            "The mine flooded, according to Halvor Coal, the state-owned company that runs it. "
            "Rescuers pumped out 300 tonnes of water, the company said.",
            "300 tonnes",
            "Halvor Coal",
        ),
        (
            "The National Civil Defence Agency said 41 deaths had been confirmed. More than "
            "12,000 people have been forced from their homes, the agency said.",
            "More than 12,000",
            "National Civil Defence Agency",
        ),
    ],
)
def test_the_company_resolves_to_the_body_named_earlier(text: str, figure: str, name: str) -> None:
    assert _figure_sources(text)[figure] == name


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        (
            "Prosecutors had asked for a sentence of 10 years and six months.",
            "10 years and six months",
            "Prosecutors",
        ),
        ("The union sought a pay rise of 12%, its leader said.", "12%", "union"),
        (
            "According to the verdict, Salvi received at least 3.1 million euros in cash.",
            "at least 3.1 million euros",
            "the verdict",
        ),
        (
            "According to the ruling, the firm paid 2 million euros in bribes.",
            "2 million euros",
            "the ruling",
        ),
    ],
)
def test_requests_and_court_documents_are_sources(text: str, figure: str, name: str) -> None:
    assert _figure_sources(text)[figure] == name


@pytest.mark.parametrize(
    "text",
    [
        "OSLO, Nov 7 (Wire) - Norvik Telecom will cut about 4,000 jobs, the company said on "
        "Thursday. Revenue fell 6% to 5.8bn euros, the company said.",
        "Baltic Air will cancel 1,200 flights this winter, the company said. Fuel costs rose 9%, "
        "the company said, and it expects a loss.",
    ],
)
def test_the_company_said_names_the_company_that_opens_the_story(text: str) -> None:
    analysis = analyse(text)
    names = {f.source.name for f in analysis.figures if f.source is not None}
    assert len(names) == 1 and names.pop() in {"Norvik Telecom", "Baltic Air"}


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        (
            "Rescue teams were drilling a second borehole towards the area, which the company "
            "said could take another forty-eight hours.",
            "forty-eight hours",
            "company",
        ),
        (
            "The council approved a budget of 40 million euros, which the mayor said was the "
            "largest ever.",
            "40 million euros",
            "mayor",
        ),
    ],
)
def test_speaker_inside_a_relative_clause(text: str, figure: str, name: str) -> None:
    assert _figure_sources(text)[figure] == name
