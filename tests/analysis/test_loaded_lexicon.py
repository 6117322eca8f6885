"""The lexicon's wire-copy emphasis and the contexts where a listed word is neutral."""

from __future__ import annotations

import json

import pytest

from summarizer.analysis.loaded import neutralise, rewrite
from summarizer.analysis.loaded_lexicon import lexicon
from tests.support import ROOT
from tests.support.loaded import assert_left_alone, assert_neutralised

LEXICON = ROOT / "summarizer" / "data" / "loaded_terms.json"
WIRE = ROOT / "summarizer" / "data" / "loaded_terms_wire.json"
TUNE = ROOT / "seeds" / "realnews" / "tune"
CONTEXT_FIELDS = {"not_after", "not_before", "only_before", "not_near", "alt"}


def test_entries_are_well_formed_and_word_sets_exist() -> None:
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    wire = json.loads(WIRE.read_text(encoding="utf-8"))
    sets = set(data["word_sets"]) | {"function", "end"}
    assert data["decisions"], "what was left out, and why, is written down"
    assert wire["about"] and len(wire["sources"]) >= 2
    entries = data["entries"] + wire["entries"]
    terms = [entry["term"] for entry in entries]
    assert len(terms) == len(set(terms)), "a form is listed twice"
    assert 60 <= len(wire["entries"]) <= 150
    for entry in entries:
        assert set(entry) <= {"term", "neutral", "category"} | CONTEXT_FIELDS, entry
        words = [w for f in CONTEXT_FIELDS - {"alt"} for w in entry.get(f, [])]
        words += [
            w
            for alt in entry.get("alt", [])
            for k in ("after", "before", "near")
            for w in alt.get(k, [])
        ]
        assert all(w[1:] in sets for w in words if w.startswith("@")), entry
        assert all(w == w.lower() for w in words), entry
    lexicon.cache_clear()
    assert lexicon().single["slammed"].not_near  # the word sets are expanded on loading


@pytest.mark.parametrize(
    ("loaded", "neutral"),
    [
        # the brief's examples of wire-copy emphasis that used to go through
        ("Protesters flooded the streets of Tbilisi.", "Protesters filled the streets of Tbilisi."),
        ("The ultra-hardline cleric won the runoff.", "The hardline cleric won the runoff."),
        (
            "The ruling dealt a shattering blow to the government.",
            "The ruling dealt a blow to the government.",
        ),
        ("It was a bold move by the central bank.", "It was a move by the central bank."),
        # criticism verbs and reactions
        ("Republicans blasted the decision.", "Republicans criticised the decision."),
        (
            "Trump lashed out at the judge on social media.",
            "Trump criticised the judge on social media.",
        ),
        ("The union will hit out at the plan.", "The union will criticise the plan."),
        ("The minister was grilled by MPs.", "The minister was questioned by MPs."),
        ("The decision caused a furore in Rome.", "The decision caused a controversy in Rome."),
        ("Residents are up in arms over the plan.", "Residents are angry over the plan."),
        ("The report sparked a storm of criticism.", "The report sparked criticism."),
        # sensational framing
        ("The bombshell report found abuse.", "The surprise report found abuse."),
        ("The party suffered a shock defeat.", "The party suffered an unexpected defeat."),
        (
            "He made explosive allegations against the board.",
            "He made allegations against the board.",
        ),
        ("The regime imposed draconian curbs.", "The government imposed strict curbs."),
        ("The government announced sweeping reforms.", "The government announced broad reforms."),
        ("The mine was a death trap, survivors said.", "The mine was a hazard, survivors said."),
        ("It was a grim milestone for the country.", "It was a milestone for the country."),
        # business headlinese, tense kept
        ("The company axed 500 jobs.", "The company cut 500 jobs."),
        ("The bank slashed rates to 3%.", "The bank cut rates to 3%."),
        ("Shares have tumbled 30% this year.", "Shares have fallen 30% this year."),
        ("Stocks tanked on Monday.", "Stocks fell on Monday."),
        ("Fat cat bosses took bonuses.", "Highly paid bosses took bonuses."),
    ],
)
def test_wire_copy_emphasis_is_neutralised(loaded: str, neutral: str) -> None:
    assert_neutralised(loaded, neutral)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hurricane Milton slammed into Florida's Gulf Coast.",  # weather, not criticism
        "Storm Ciaran slammed the coast of Cornwall with 100mph winds.",
        "She slammed the door on further talks.",
        "The car slammed into a wall.",
        "The rocket blasted off from Cape Canaveral.",
        "Heavy rain flooded the streets of Valencia.",  # literal flooding
        "Firefighters were sweeping through the building.",
        "They hammered out a deal overnight.",
        "The survey revealed a gap in funding.",  # not a 'that' clause: no speech act
        "She insisted on a vote.",
        "The victims were found in bloody clothes.",
        "He is a mob boss from Naples.",
        "The puppet show drew crowds.",
        "Troops liberated 200 hostages.",
        "The patient went into septic shock.",
        "Police found an explosive device.",
        "The local butcher said trade was slow.",  # a trade, not a killer
        "The policy flattened the curve of infections.",
        "It caused a media blitz.",
    ],
)
def test_neutral_senses_are_left_alone(sentence: str) -> None:
    assert_left_alone(sentence)


@pytest.mark.parametrize(
    ("case", "sentence", "expected"),
    [
        (
            "32_delta_crowdstrike_outage_cost",
            "The CEO of Delta Air Lines lashed out at cyber security firm CrowdStrike",
            "The CEO of Delta Air Lines criticised cyber security firm CrowdStrike",
        ),
        (
            "32_delta_crowdstrike_outage_cost",
            "resulted in a five-day service meltdown he said cost the airline $500 million.",
            "resulted in a five-day service collapse he said cost the airline $500 million.",
        ),
        (
            "06_tunisia_bardo_museum_attack",
            "Thousands of Tunisians have flocked to join jihadist groups in Syria",
            "Thousands of Tunisians have travelled to join jihadist groups in Syria",
        ),
        (
            "18_thatcher_gcse_archive_papers",
            "a further vindication of their sweeping reforms of the exams",
            "a further vindication of their broad reforms of the exams",
        ),
        (
            "12_sp500_profit_recession",
            "hit by a downward spiral in other commodities.",
            "hit by a decline in other commodities.",
        ),
        (
            "25_us_ranks_last_poverty_mobility",
            "The U.S. has long been heralded as a land of opportunity",
            "The U.S. has long been described as a land of opportunity",
        ),
        (
            "26_kerala_wayanad_landslides",
            "scientists say the climate crisis has exacerbated extreme weather events",
            "scientists say climate change has exacerbated extreme weather events",
        ),
        (
            "21_florence_ashley_olsen_arrest",
            "Italian police have arrested a Senegalese illegal immigrant who",
            "Italian police have arrested a Senegalese undocumented migrant who",
        ),
        (
            "20_hal_finney_swatting_extortion",
            "demanded that he cough up 37 bitcoins",
            "demanded that he pay 37 bitcoins",
        ),
        (
            "07_us_lifts_sudan_sanctions",
            "continued to commit grave human rights abuses and atrocities, and he noted",
            "continued to commit grave human rights abuses and serious abuses, and he noted",
        ),
    ],
)
def test_published_articles(case: str, sentence: str, expected: str) -> None:
    assert sentence in (TUNE / case / "article.txt").read_text(encoding="utf-8")
    assert neutralise(sentence) == expected


def test_a_form_with_no_neutral_in_its_context_is_reported_as_kept() -> None:
    result = rewrite("Rioters rampaged through the city centre.")
    assert result.text == "Rioters rampaged through the city centre."
    assert [(c.text, c.reason) for c in result.kept] == [
        ("rampaged", "no neutral alternative fits here")
    ]
    assert neutralise("The country was plunged into crisis.") == (
        "The country was plunged into crisis."
    )
