"""Attribution and quote speakers on wire-copy forms the first rules got wrong."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse


def speakers(text: str) -> dict[str, str | None]:
    """First words of each quote -> its speaker's name."""
    analysis = analyse(text)
    return {" ".join(q.text.split()[:3]): (q.speaker.name if q.speaker else None)
            for q in analysis.quotes}  # fmt: skip


def source_names(text: str) -> list[str]:
    return [s.name for s in analyse(text).sources]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a quote of several sentences is attributed after its last one
        (
            "“There is a consensus here. We want to unify against this danger,” Lourimi said.",
            "There is a",
            "Lourimi",
        ),
        # a verb beyond 'said': declared
        (
            "“Our nation is in danger,” Essid declared in a televised address.",
            "Our nation is",
            "Essid",
        ),
        # 'said Mr. Reeves': the abbreviation's full stop does not end the name
        (
            "“Nothing has changed,” said Mr. Reeves, a senior fellow at the centre.",
            "Nothing has changed",
            "Reeves",
        ),
        # a modal and an adverb between the speaker and 'say'
        (
            "A company spokesperson would only say, “We are aware of the reports.”",
            "We are aware",
            "company spokesperson",
        ),
    ],
)
def test_quote_speakers(text: str, quote: str, speaker: str) -> None:
    found = speakers(text)
    assert found[quote] is not None and speaker in str(found[quote]), found


def test_a_bare_quote_paragraph_continues_the_person_of_the_paragraph_before() -> None:
    text = (
        "The program will start in March, said Professor Anna Perrett.\n\n"
        "“We are working with children here who have established allergies.”"
    )
    assert speakers(text)["We are working"] == "Anna Perrett"


def test_he_after_a_person_introduced_as_a_subject() -> None:
    text = (
        "Dr. Adam Fox, a paediatric allergist in London, has a child with a peanut allergy.\n\n"
        "He welcomed the development, telling reporters: “This is a really exciting initiative.”"
    )
    assert speakers(text)["This is a"] == "Adam Fox"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Although no group claimed responsibility, the bombing raised fears, officials said.",
            "no group",
        ),
        ("Snow also continued to fly in the mountains on Thursday.", "Snow"),
        ("DNA showed that the suspect had been in the house.", "DNA"),
        ("That’s when someone using another name called the police.", "That’s"),
        ("The treatment is free, said in the statement the hospital.", "in the statement"),
        (
            "Hezbollah, in response to accusations it was starving people in Madaya, denied it.",
            "Madaya",
        ),
    ],
)
def test_no_source_from_words_that_name_no_speaker(text: str, absent: str) -> None:
    assert absent not in source_names(text)


def test_names_with_and_of_for_inside_are_one_source() -> None:
    text = (
        "Tourism accounts for 15 percent of output, according to the World Travel and Tourism "
        "Council. The Syrian Observatory for Human Rights, which tracks the war, puts the toll at "
        "10."
    )
    names = source_names(text)
    assert "World Travel and Tourism Council" in names
    assert "Syrian Observatory for Human Rights" in names


def test_the_bank_said_is_the_bank_that_opens_the_story() -> None:
    text = (
        "The Bank of Eldoria cut its main interest rate by a quarter point on Thursday. "
        "The committee voted six to three for the cut, the bank said in a statement."
    )
    assert "Bank of Eldoria" in source_names(text)
    assert "bank" not in source_names(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # an appositive between the speaker and 'told', right after the quote
            "\u201cIt\u2019s hard to stay here,\u201d Falesi Chukuwumba, a Malawian national, "
            "told Al Jazeera.",
            "Falesi Chukuwumba",
        ),
        (
            "\u201cThere is work everywhere here,\u201d Mythobisi Sabelo, one of the protesters, "
            "told reporters in Durban.",
            "Mythobisi Sabelo",
        ),
    ],
)
def test_quote_then_name_and_appositive(text: str, speaker: str) -> None:
    assert list(speakers(text).values()) == [speaker]


def test_a_name_ending_like_a_demonym_is_still_a_name() -> None:
    from summarizer.analysis.sources import parse_source

    parsed = parse_source("Falesi Chukuwumba")
    assert parsed is not None and (parsed.name, parsed.kind) == ("Falesi Chukuwumba", "person")
    zelensky = parse_source("Ukrainian President Volodymyr Zelensky")
    assert zelensky is not None and zelensky.name == "Volodymyr Zelensky"
    malawi = parse_source("Malawian President Peter Mutharika")
    assert malawi is not None and malawi.name == "Peter Mutharika"
