"""Words that look like speech and are not, clauses that look like names, documents and
their publishers, and numbers that are no figures: forms found by running the analyser over
unlabelled published news. The sentences are written for the tests."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from tests.support.analysis import assert_sources, quote_speakers, source_names


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # 'US' opening a subject is the country, not the pronoun 'us'
        ("The US Treasury Department said 40 banks were fined.", None, "US Treasury Department"),
        # 'states' after a number, a region or an acronym is the noun
        ("The only three Baltic states to object also criticised the plan.", "Baltic", None),
        (
            "Use has risen in U.S. states where it is legal, according to a survey.",
            "U.S.",
            "a survey",
        ),
        # 'reported to prison' is going there
        (
            "Hale, who reported to federal prison last month to serve a six-month term, declined "
            "to comment.",
            "Hale",
            None,
        ),
        # a press release is a document that can speak
        ("More arrests may follow, the FBI release states.", None, "FBI release"),
    ],
)
def test_words_that_look_like_speech_verbs(
    text: str, absent: str | None, present: str | None
) -> None:
    assert_sources(text, absent, present)


def test_authors_of_a_paper_speak_not_the_journal() -> None:
    text = (
        "The authors of the research published in the journal Addiction Letters argued that "
        "the change was “a potential public health concern.”"
    )
    assert quote_speakers(text) == {"a potential public": "authors"}


def test_an_aside_with_and_does_not_hide_the_speaker() -> None:
    text = (
        "Ian Holt, an expert in drug policy and mental health at the University of Leeds who "
        'did not work on the study, told Reuters: "The rise is small but real."'
    )
    assert quote_speakers(text) == {"The rise is": "Ian Holt"}


def test_a_surname_opening_a_sentence_is_who_a_later_he_is() -> None:
    text = (
        '"We will build," Prime Minister Daniel Okoro said on Monday. '
        "The minister's rival, Paul Adeyemi, criticised the plan. "
        "Okoro visited the site on Tuesday. "
        '"This is a historic day for the country," he told workers, according to a statement.'
    )
    speakers = quote_speakers(text)
    assert speakers["This is a"] == "Daniel Okoro"
    assert "a statement" not in source_names(text)


def test_a_shouted_quote_has_its_speaker() -> None:
    text = "“Get out of here,” Marsh shouted at his staff during the recorded call."
    assert quote_speakers(text) == {"Get out of": "Marsh"}


def test_a_star_rating_is_not_a_figure() -> None:
    text = "Police said staff at the five-star Grand Plaza found the guests on Tuesday."
    assert [f.number.value for f in analyse(text).figures] == []


def test_a_measure_word_is_read_whole_at_the_start_of_a_sentence() -> None:
    text = "Guilty of nine out of 12 counts, Lee faces decades in prison, the prosecutor said."
    figures = analyse(text).figures
    assert figures and all(not f.measure.startswith("uilty") for f in figures)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # what follows 'says' is a clause, not an inverted speaker
        (
            "The owner, Helen Gray, says the company respects the findings of the inquiry.",
            "company respects the findings",
            "Helen Gray",
        ),
        (
            "Chirac said Mr Aziz remains the only partner for peace.",
            "Mr Aziz remains the only partner",
            None,
        ),
        # a speech participle without a comma belongs to the clause's subject ...
        (
            "Judge Ann Kemp gave a strong defence of the court saying open trials had helped "
            "extremists.",
            "court",
            "Ann Kemp",
        ),
        # ... except after 'with', where the noun phrase before it speaks
        (
            "The toll may be higher, with the regional health office saying 300 have died.",
            None,
            "regional health office",
        ),
        # a subject opening a clause ends before its auxiliary
        (
            "Unions are also worried, saying staff are not trained.",
            "Unions are also worried",
            "Unions",
        ),
        # deaths, not speech; a noun, not a verb
        (
            "Fighting between Muslims and Christians has claimed hundreds of lives.",
            "Muslims and Christians",
            None,
        ),
        (
            "The state is under fire from unions over a new departmental report which urges cuts.",
            "unions over a new departmental",
            None,
        ),
        ("Then, after adding new cells, the team tested the packs.", "Then", None),
        # 'on' joins a body's name but ends a person's
        (
            "The Council on Foreign Relations said 40 envoys attended.",
            "Foreign Relations",
            "Council on Foreign Relations",
        ),
        (
            '"We heard a declaration of war," said chief negotiator Saeb Erakat on CNN television.',
            "chief negotiator Saeb Erakat on CNN television",
            "Saeb Erakat",
        ),
    ],
)
def test_clauses_are_not_names(text: str, absent: str | None, present: str | None) -> None:
    assert_sources(text, absent, present)


@pytest.mark.parametrize(
    "text",
    [
        "Police said a worker abused girls ages 5, 8 and 11 at the shelter.",
        "The 124-year-old company said it would move on Monday.",
        "The agency said it has a zero-tolerance policy.",
        "The firm said it will sell its offices at 30 Rockefeller Plaza in New York.",
    ],
)
def test_ages_street_numbers_and_modifiers_are_not_figures(text: str) -> None:
    assert [f.number.value for f in analyse(text).figures] == []


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # declining to say is saying nothing
        ("The department declined to say how many children were held.", "department", None),
        # 'Co' closes a company's name; 'General' is no title there
        (
            "NEW YORK General Dynamics Co said on Wednesday it will cut 300 jobs.",
            "Dynamics Co",
            "General Dynamics Co",
        ),
        # a draft is a document that can be a source
        (
            "Aid will fall to 4 billion euros, according to a draft of the budget seen by Reuters.",
            None,
            "a draft",
        ),
        # an unnamed document beside a named speaker is the speaker's own
        (
            "The ministry reported 6,228 cases, according to the most recent data on its website.",
            "the most recent data",
            "ministry",
        ),
    ],
)
def test_documents_and_refusals(text: str, absent: str | None, present: str | None) -> None:
    assert_sources(text, absent, present)


def test_a_spelled_number_in_a_name_is_no_figure() -> None:
    text = "Officials said the assets were frozen by the Group of Seven last year."
    assert [f.number.value for f in analyse(text).figures] == []


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a named person closing an inverted phrase after a comma speaks
        (
            'He was "in charge of Ukraine," said another witness in the inquiry, former adviser '
            "Fiona Hale.",
            "Fiona Hale",
        ),
        # the body that publishes a report named after 'according to'
        (
            "Dealers sold 30,154 cars, according to the AutoFacts report from DataNation, a "
            "Texas-based provider.",
            "DataNation",
        ),
        # roles of politics and campaigns
        ('"He let everybody down," said one GOP operative in the state.', "one GOP operative"),
        # a body described in apposition speaks, not the place in its description
        (
            "The Sierra Grid Operator, the nonprofit that runs 80 percent of Nevada's power, said "
            "it acted after two plants shut.",
            "Sierra Grid Operator",
        ),
    ],
)
def test_speakers_named_at_the_edges_of_a_clause(text: str, present: str) -> None:
    names = source_names(text)
    assert present in names
    assert "Nevada" not in names


def test_a_quote_opening_a_sentence_goes_on_for_the_person_just_named() -> None:
    text = (
        '"The court got it wrong," said Jim Dunn, a product liability lawyer. '
        "The company's lawyer, Jeremy Robson, said the ruling would be appealed.\n\n"
        "Robson's client, Ann Bolt, was hurt in 2015, Jeremy Robson said on Friday. "
        "“It is impossible to overstate the magnitude of this ruling.”"
    )
    assert quote_speakers(text)["It is impossible"] == "Jeremy Robson"


def test_a_quote_with_its_own_speaker_is_not_given_to_the_person_before() -> None:
    text = (
        "His wife Fran Lee, who had been quoted before, said she took the call. "
        "“Are you OK?” the voice asked."
    )
    assert quote_speakers(text).get("Are you OK?") != "Fran Lee"


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # sequence adverbs open a sentence, they name no one
        ("Next, the firm's attorney accused the other side of bias.", "Next", None),
        ("Finally, Nagle pushed to keep the hearing closed.", "Finally", None),
        # an opening adverbial of 'of' is no name in apposition
        (
            "Of Friar Lawrence, Prelog said at one point, “He just wanted peace.”",
            "Of Friar Lawrence",
            None,
        ),
        # a day after the name is no part of it
        (
            "Former Defense Secretary Robert Gale on Sunday defended the pick.",
            "Former Defense Secretary Robert Gale on Sunday",
            "Robert Gale",
        ),
        # a name and an age before the verb: nothing is inverted
        (
            "Prelog, 43, argues the government’s most consequential cases.",
            "government’s most consequential cases",
            None,
        ),
        # a naming participle and an infinitive claim nothing
        (
            "In 2004, Nagle took down a cybercrime outfit called shadowcrew.com.",
            "taking down a cybercrime outfit",
            None,
        ),
        (
            "Three of the staffers amended the lawsuit to allege that they were passed over.",
            "Three of the staffers amended the lawsuit to",
            None,
        ),
        # the head of an inverted phrase is the speaker when it is a full name
        (
            '"It is bad," says Anton Lowe, author of The Border Laboratory, a book on the trade.',
            "Border Laboratory",
            "Anton Lowe",
        ),
        # 'said warning shots': a modifier, not a second verb
        (
            "Japanese officials said warning shots were fired, but the boat fled.",
            "Japanese officials said",
            "Japanese officials",
        ),
        # an announcement names its publisher
        (
            'Patients will receive "a daily dose," according to an announcement by MCRI.',
            None,
            "MCRI",
        ),
    ],
)
def test_openers_adverbials_and_participles(
    text: str, absent: str | None, present: str | None
) -> None:
    assert_sources(text, absent, present)


def test_a_first_name_is_not_taken_across_a_line_break() -> None:
    text = (
        "Pompey outlines the attack on Assange\n\n"
        "Pompey's first speech was in April. Pompey said 40 agents were assigned."
    )
    assert "Assange Pompey" not in source_names(text)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # a finite verb never stands inside a name
        (
            "The report issued by the Hume Institute says a detailed study shows little change.",
            "Hume Institute says a detailed study",
            "Hume Institute",
        ),
        (
            "New statistics released by the Lung Council reveal some alarming trends.",
            "Lung Council reveal some alarming trends",
            "Lung Council",
        ),
        # a participle after a document is no part of its name
        (
            "Losses may be worse, according to a leaked document prepared for the G7 summit.",
            "a leaked document prepared",
            "a leaked document",
        ),
    ],
)
def test_names_end_before_verbs_and_participles(text: str, absent: str, present: str) -> None:
    assert_sources(text, absent, present)
