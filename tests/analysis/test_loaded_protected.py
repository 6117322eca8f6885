"""What the neutraliser must never touch: legal and technical terms, and quoted words."""

from __future__ import annotations

import json

import pytest

from summarizer.analysis.loaded import find_loaded, loaded_terms_in, neutralise, rewrite
from tests.support import ROOT, seed_text
from tests.support.loaded import assert_left_alone

PROTECTED = ROOT / "summarizer" / "data" / "protected_terms.json"
TUNE = ROOT / "seeds" / "realnews" / "tune"


def _tune(case: str, sentence: str) -> str:
    """`sentence`, checked to be a real sentence of the tuning article `case`."""
    article = (TUNE / case / "article.txt").read_text(encoding="utf-8")
    assert sentence in article
    return sentence


def test_protected_phrases_are_documented_and_unique() -> None:
    data = json.loads(PROTECTED.read_text(encoding="utf-8"))
    assert data["about"] and len(data["sources"]) >= 3
    phrases = [p for group in data["phrases"].values() for p in group]
    assert len(phrases) == len(set(phrases)), "a phrase is listed twice"
    assert all(p == p.lower().strip() for p in phrases)
    assert {"legal", "technical", "medical", "institutions"} <= set(data["phrases"])


def test_no_protected_phrase_is_rewritten() -> None:
    data = json.loads(PROTECTED.read_text(encoding="utf-8"))
    for phrase in (p for group in data["phrases"].values() for p in group):
        sentence = f"The report mentioned {phrase} on Monday."
        assert neutralise(sentence) == sentence, phrase
        assert loaded_terms_in(sentence) == [], phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "He faces a capital murder conviction.",  # was "a capital killing conviction"
        "A jury returned a capital murder conviction on Friday.",
        "He pleaded guilty to second-degree murder and attempted murder.",
        "Police opened a murder investigation after the body was found.",
        "The murder trial resumes on Monday.",
        "He is a convicted murderer serving a life sentence.",
        "He was found guilty of conspiracy to commit murder.",
        "Prosecutors say he murdered his wife in 2019.",  # the charge, not our word
        "The gunman used an assault rifle in the attack.",
        "A suicide bomber killed 12 people, raising the death toll to 40.",
        "He suffered a massive heart attack at home.",
        "Doctors gave her a massive transfusion.",
        "Astronomers found a massive black hole at the centre.",
        "Police said the man suffered life-changing injuries.",
        "The group is a designated terrorist organisation in the UK.",
        "He was jailed for terrorist offences in 2019.",
        "The Bloody Sunday inquiry reported in 2010.",
        "A partial meltdown occurred at the reactor.",
        "The patient went into septic shock.",
        "She took the plunge and quit her job.",
        "The ban amounts to cruel and unusual punishment, the lawyers argued.",
        "The law bans cruel, inhuman or degrading treatment.",
        "Tourists gathered in Martyrs' Square.",
    ],
)
def test_legal_and_technical_terms_are_left_alone(sentence: str) -> None:
    assert_left_alone(sentence)
    assert find_loaded(sentence, []) == []


def test_guilty_verdict_on_a_real_case_is_not_rewritten() -> None:
    sentence = _tune(
        "21_florence_ashley_olsen_arrest",
        "The only person finally found guilty of the Kercher murder was a drifter from the "
        "Ivory Coast, Rudy Guede, who was found to have sexually assaulted his victim before "
        "killing her.",
    )
    assert neutralise(sentence) == sentence


def test_murder_outside_a_charge_is_still_neutralised() -> None:
    assert neutralise("The murder of the journalist shocked the country.") == (
        "The killing of the journalist shocked the country."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        'He said the attack was "brutal and cowardly".',
        "“This is a horrific crime,” the minister said.",
        "The minister called the attack ‘barbaric’ and vowed revenge.",
        "The minister called the attack 'barbaric' and vowed revenge.",
        "Rebels said «the regime slaughtered them» on Monday.",
        "‘It’s a brutal war, and it won’t end soon,’ she said.",
        '"I get on the highway and the traffic is horrific',  # a quote left open
    ],
)
def test_quoted_words_are_never_edited(sentence: str) -> None:
    result = rewrite(sentence)
    assert result.text == sentence
    assert result.changes and all(c.in_quote for c in result.changes)
    assert loaded_terms_in(sentence, include_quoted=False) == []


def test_quote_fragment_from_a_seed_keeps_the_speakers_word() -> None:
    # an event description that starts inside Carla Brandt's quote: only its closing mark is left
    article = seed_text("104")
    start = article.index("The only mob I saw")
    fragment = article[start : article.index("adding that", start)].rstrip(", ")
    assert fragment.endswith("she told reporters")
    assert neutralise(fragment) == fragment  # the old neutraliser wrote "The only crowd I saw"


def test_quoted_and_unquoted_uses_in_one_sentence() -> None:
    text = 'Troops slaughtered 12 people, officials said, calling it "a barbaric massacre".'
    result = rewrite(text)
    assert result.text == (
        'Troops killed 12 people, officials said, calling it "a barbaric massacre".'
    )
    assert [(c.text, c.action) for c in result.changes] == [
        ("slaughtered", "replaced"),
        ("barbaric", "kept"),
        ("massacre", "kept"),
    ]
