"""Removing an intensifier must leave a grammatical sentence, or leave the word in place."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.analysis.loaded import neutralise, rewrite

TUNE_22 = (
    "She said she’s trying to turn her “anger into optimism,” especially since the situation in "
    "Flint is so egregious that it’s getting a lot of attention from both the media and policy "
    "makers."
)


@pytest.mark.parametrize(
    ("loaded", "neutral"),
    [
        # article agreement across a chain of removals (the old code wrote "a attack")
        ("It was a very horrific attack.", "It was an attack."),
        ("It was an horrific, unprovoked attack.", "It was an attack."),
        ("A huge, brutal attack followed.", "An attack followed."),
        # a coordinated adjective takes its "and" or comma with it
        ("A long and brutal war ended.", "A long war ended."),
        ("A swift and brutal crackdown followed.", "A swift crackdown followed."),
        ("The war was long, brutal and costly.", "The war was long and costly."),
        ("The war was long and brutal.", "The war was long."),
        (
            "Women and innocent children were among the dead.",
            "Women and children were among the dead.",
        ),
        # sentence adverbs go with their comma; the next word is capitalised
        ("Tragically, three children died.", "Three children died."),
        ("Clearly, the plan failed.", "The plan failed."),
        ("The plan, clearly, failed.", "The plan failed."),
        ("Brutal attacks continued overnight.", "Attacks continued overnight."),
        ("He was beaten brutally.", "He was beaten."),
        # "hammered out a deal", "bombarded with questions" are not violence
        ("They hammered out a deal.", "They hammered out a deal."),
        ("He was bombarded with questions.", "He was bombarded with questions."),
        # the neutral word already stands next to it: no "killings and killings"
        (
            "Witnesses described killings and massacres in the villages.",
            "Witnesses described killings in the villages.",
        ),
    ],
)
def test_removals_keep_the_sentence_whole(loaded: str, neutral: str) -> None:
    assert neutralise(loaded) == neutral


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The attack was brutal.", "brutal"),  # predicative: "the attack was ."
        ("The most brutal attack in years killed 30.", "brutal"),  # "the most attack"
        ("It came amid fears of more ferocious attacks.", "ferocious"),
        ("The evil of war was plain to see.", "evil"),  # "The of war"
        ("Babies are offered potentially horrific side effects.", "horrific"),  # "potentially side"
        ("The plan was, frankly, absurd.", "absurd"),  # "was, frankly."
        (TUNE_22, "egregious"),  # "so egregious that"
    ],
)
def test_removal_that_would_break_the_sentence_is_reported(sentence: str, kept: str) -> None:
    result = rewrite(sentence)
    assert result.text == sentence
    assert [(c.text, c.reason) for c in result.kept] == [
        (kept, "removing it would break the sentence")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "He was not very happy with the result.",  # "not very" is not "not"
        "Thank you very much, she said.",
        "The outlook is not hugely different.",
    ],
)
def test_negated_or_idiomatic_intensifiers_are_not_loaded(sentence: str) -> None:
    assert neutralise(sentence) == sentence


def test_irregular_verbs_keep_their_tense() -> None:
    assert neutralise("Tesla shares have tumbled 30% this year.") == (
        "Tesla shares have fallen 30% this year."
    )
    assert neutralise("Prices had already plummeted.") == "Prices had already fallen."
    assert neutralise("The capital was rocked by explosions.") == (
        "The capital was shaken by explosions."
    )
    assert neutralise("An explosion rocked the capital.") == "An explosion shook the capital."


# --- a property: whatever is removed, nothing broken is left behind ------------------------------
PIECES = [
    "The ",
    "the ",
    "a ",
    "an ",
    "It was ",
    "brutal ",
    "very ",
    "huge ",
    "innocent ",
    "horrific ",
    "bloody ",
    "attack",
    "war",
    "civilians",
    "long ",
    "and ",
    "or ",
    ", ",
    ". ",
    "Brutal ",
    "Clearly, ",
    "clearly ",
    "massive ",
    "barbaric",
    "was ",
    "most ",
    "people ",
    "killed ",
]
BROKEN = re.compile(
    r"  |\s[,.]|,\s*[,.]|\b(?:a|an|the|and|or)\s*[,.]|\b[Aa] [aeiou]|\b(?:and|or) (?:and|or)\b"
    r"|\.\s+[a-z]|^[a-z]"
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join))
def test_removal_never_creates_broken_text(text: str) -> None:
    rewritten = neutralise(text)
    assert len(BROKEN.findall(rewritten)) <= len(BROKEN.findall(text)), (text, rewritten)
