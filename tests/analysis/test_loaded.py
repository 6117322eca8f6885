"""Loaded-language lexicon: detection, quotes, neutral rewriting."""

from __future__ import annotations

import json
import time

import pytest

from summarizer.analysis.loaded import find_loaded, loaded_terms_in, neutralise
from tests.support import ROOT
from tests.support.loaded import assert_neutralised

SEEDS = ROOT / "seeds"
LEXICON = ROOT / "summarizer" / "data" / "loaded_terms.json"


def test_lexicon_is_large_and_well_formed() -> None:
    entries = json.loads(LEXICON.read_text(encoding="utf-8"))["entries"]
    assert len(entries) >= 150
    terms = [entry["term"] for entry in entries]
    assert len(terms) == len(set(terms)), "a form is listed twice"
    assert {entry["category"] for entry in entries} >= {"violence", "emotive", "one_sided"}
    assert all(entry["term"] == entry["term"].lower().strip() for entry in entries)


@pytest.mark.parametrize(
    ("loaded", "neutral"),
    [
        ("Eight people were slaughtered on Monday.", "Eight people were killed on Monday."),
        ("Troops are slaughtering civilians.", "Troops are killing civilians."),
        ("The mall was razed to the ground.", "The mall was destroyed."),
        ("The town was razed.", "The town was destroyed."),
        ("Russian forces blitzed a building.", "Russian forces attacked a building."),
        ("Shells pounded the port.", "Shells struck the port."),
        ("It was a barbaric attack.", "It was an attack."),
        ("They ended the bloody invasion.", "They ended the invasion."),
        ("The town was snatched back by Ukraine.", "The town was retaken by Ukraine."),
        ("Ukraine snatched back the town.", "Ukraine retook the town."),
        ("An evacuation was smashed by shelling.", "An evacuation was disrupted by shelling."),
        ("Forces have been hammered with losses.", "Forces have been hit with losses."),
        ("Areas packed with innocent civilians.", "Areas packed with civilians."),
        ("Mothers mourned slain children.", "Mothers mourned killed children."),
        ("Relentless shelling continued.", "Sustained shelling continued."),
        ("The regime's thugs attacked.", "The government's attackers attacked."),
        ("A brutal and bloody war.", "A war."),
        ("A very, very difficult state.", "A difficult state."),
        ("A huge explosion hit a massive depot.", "An explosion hit a depot."),
        ("Barbaric attacks continued.", "Attacks continued."),
        ("MASSACRE IN THE SQUARE", "KILLING IN THE SQUARE"),
        ("The minister slammed the plan.", "The minister criticised the plan."),
        ("Prices soared and shares plummeted.", "Prices rose and shares fell."),
        ("Terrorists seized a school.", "Militants seized a school."),
    ],
)
def test_neutralise_rewrites(loaded: str, neutral: str) -> None:
    assert_neutralised(loaded, neutral)


@pytest.mark.parametrize(
    "unchanged",
    [
        "He was found innocent.",  # legal sense
        "The sanctions regime was tightened.",  # neutral sense
        "The Palestine Liberation Organization met.",  # part of a name
        "The attack was brutal.",  # removing the adjective would break the sentence
        'He said "this is barbaric" on Monday.',  # a quote stays verbatim
        "The counter-terrorist unit arrived.",
        "Prices fell by 3% in March.",
    ],
)
def test_neutralise_leaves_neutral_uses_alone(unchanged: str) -> None:
    assert neutralise(unchanged) == unchanged


def test_neutralise_never_leaves_double_spaces() -> None:
    text = "A bloody, brutal war and a very huge, massive, barbaric attack on innocent people."
    rewritten = neutralise(text)
    assert "  " not in rewritten and " ," not in rewritten
    assert "war" in rewritten and "attack on people" in rewritten


def test_quoted_terms_belong_to_the_speaker() -> None:
    text = 'Officials said: "The occupiers slaughtered them." Troops were slaughtered.'
    quote_start = text.index('"') + 1
    quote_end = text.index('"', quote_start)
    found = find_loaded(text, [(quote_start, quote_end, "Officials")])
    by_position = {(m.start, m.in_quote, m.speaker) for m in found}
    first = text.index("slaughtered")
    second = text.index("slaughtered", first + 1)
    assert (first, True, "Officials") in by_position
    assert (second, False, None) in by_position
    assert all(text[m.start : m.end] == m.text for m in found)


def test_seed_terms_found_with_exact_spans() -> None:
    text = (SEEDS / "000_e5a4ada6868b4a8e" / "article.txt").read_text(encoding="utf-8")
    found = find_loaded(text, [])
    words = {m.text.lower() for m in found}
    assert {
        "razed to the ground",
        "innocent",
        "slaughtered",
        "ferocious",
        "pounded",
        "smashed",
        "slain",
        "relentless",
    } <= words
    assert all(text[m.start : m.end] == m.text for m in found)
    neutral = {m.text.lower(): m.neutral for m in found}
    assert neutral["slaughtered"] == "killed"
    assert neutral["innocent"] == ""


def test_second_seed_terms() -> None:
    text = (SEEDS / "003_a749de6f848d4ae8" / "article.txt").read_text(encoding="utf-8")
    words = {m.text.lower() for m in find_loaded(text, [])}
    expected = {"blitzed", "bloody", "barbaric", "slaughtered", "was snatched back", "hammered"}
    assert expected <= words
    assert "geneva" not in words


def test_loaded_terms_in_can_skip_quotes() -> None:
    text = 'A brutal war, "a bloody war", officials said.'
    assert loaded_terms_in(text) == ["brutal", "bloody"]
    assert loaded_terms_in(text, include_quoted=False) == ["brutal"]


def test_fast_on_a_long_article() -> None:
    text = (SEEDS / "003_a749de6f848d4ae8" / "article.txt").read_text(encoding="utf-8") * 8
    find_loaded(text, [])
    timings = []
    for _ in range(3):  # best of three: other processes share the machine
        started = time.perf_counter()
        find_loaded(text, [])
        neutralise(text)
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.1
