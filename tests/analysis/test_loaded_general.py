"""The general news lexicon (loaded_terms_general.json): evaluative, sensational and framing words,
their neutral alternatives, and the literal, legal and attributed senses left alone.

Every sentence here is written for the test (none comes from the seeds)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from summarizer.analysis.loaded import loaded_terms_in, rewrite
from summarizer.analysis.loaded_lexicon import lexicon
from tests.support import ROOT
from tests.support.loaded import assert_left_alone, assert_neutralised

DATA = ROOT / "summarizer" / "data"
CONTEXT_FIELDS = {"not_after", "not_before", "only_before", "not_near", "alt"}
CATEGORIES = {
    "intensifier",
    "emotive",
    "violence",
    "economy",
    "assertive",
    "one_sided",
    "dehumanising",
}
REMOVABLE = {"intensifier", "emotive", "one_sided"}  # a removal is an evaluation, never a fact


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def _context_words(entry: dict[str, Any]) -> list[str]:
    words = [w for f in CONTEXT_FIELDS - {"alt"} for w in entry.get(f, [])]
    return words + [
        w for alt in entry.get("alt", []) for k in alt if k != "neutral" for w in alt[k]
    ]


def test_general_entries_are_well_formed() -> None:
    main, wire, general = (
        _read(n)
        for n in ("loaded_terms.json", "loaded_terms_wire.json", "loaded_terms_general.json")
    )
    assert general["about"] and len(general["sources"]) >= 3 and general["decisions"]
    assert not set(general["word_sets"]) & set(main["word_sets"]), "a word set is defined twice"
    sets = set(main["word_sets"]) | set(general["word_sets"]) | {"function", "end"}
    entries = general["entries"]
    assert 200 <= len(entries) <= 900
    terms = [e["term"] for e in main["entries"] + wire["entries"] + entries]
    assert len(terms) == len(set(terms)), "a form is listed twice across the lexicon files"
    for entry in entries:
        assert set(entry) <= {"term", "neutral", "category"} | CONTEXT_FIELDS, entry
        assert entry["term"] == entry["term"].lower().strip(), entry
        assert entry["category"] in CATEGORIES, entry
        assert entry["neutral"] or entry["category"] in REMOVABLE, entry
        words = _context_words(entry)
        assert all(w[1:] in sets for w in words if w.startswith("@")), entry
        assert all(w == w.lower() for w in words), entry
    lexicon.cache_clear()
    assert "devastated" in lexicon().single  # the general file is loaded
    assert lexicon().single["swarm"].not_near  # with its own word sets expanded


def test_no_neutral_alternative_is_itself_loaded() -> None:
    for entry in _read("loaded_terms_general.json")["entries"]:
        neutrals = [entry["neutral"], *(alt["neutral"] for alt in entry.get("alt", []))]
        for neutral in filter(None, neutrals):
            assert loaded_terms_in(neutral) == [], (entry["term"], neutral)


@pytest.mark.parametrize(
    ("loaded", "neutral"),
    [
        # intensifiers, stance adverbs and evaluative adjectives: removed where the sentence reads
        ("It was an alarming rise in infections.", "It was a rise in infections."),
        ("The figures were remarkably similar.", "The figures were similar."),
        ("Sadly, the talks collapsed on Friday.", "The talks collapsed on Friday."),
        ("Talks collapsed, sadly, on Friday.", "Talks collapsed on Friday."),
        ("The plan failed spectacularly.", "The plan failed."),
        ("He complained bitterly about the decision.", "He complained about the decision."),
        ("Aid is sorely needed in the north.", "Aid is needed in the north."),
        ("The court heard harrowing and disturbing evidence.", "The court heard evidence."),
        ("The firm posted dismal results and abysmal sales.", "The firm posted results and sales."),
        ("A crazed gunman opened fire on shoppers.", "A gunman opened fire on shoppers."),
        ("The iconic tower was damaged in the fire.", "The tower was damaged in the fire."),
        ("The beloved actor died on Sunday aged 84.", "The actor died on Sunday aged 84."),
        ("The scandal-hit minister resigned on Friday.", "The minister resigned on Friday."),
        (
            "The extraordinary scenes unfolded in the capital.",
            "The scenes unfolded in the capital.",
        ),
        ("Untold damage was done to the economy.", "Damage was done to the economy."),
        ("The sham referendum was held in September.", "The referendum was held in September."),
        # evaluative words that carry a fact: replaced, the fact kept
        (
            "The scathing report criticised the police.",
            "The critical report criticised the police.",
        ),
        ("The dire situation worsened overnight.", "The serious situation worsened overnight."),
        ("Her meteoric rise began in 2010.", "Her rapid rise began in 2010."),
        ("The candidate won by a razor-thin margin.", "The candidate won by a narrow margin."),
        ("Workers received a paltry raise.", "Workers received a small raise."),
        ("The firm paid a hefty fine.", "The firm paid a large fine."),
        (
            "The team's bruising defeat ended the season.",
            "The team's heavy defeat ended the season.",
        ),
        ("Families face crushing debt.", "Families face heavy debt."),
        ("Washington imposed punishing sanctions.", "Washington imposed severe sanctions."),
        # sensational verbs and nouns, tense and number kept
        ("The storm devastated coastal towns.", "The storm severely affected coastal towns."),
        (
            "The family was devastated by his death.",
            "The family was severely affected by his death.",
        ),
        ("The cuts gutted the agency.", "The cuts severely weakened the agency."),
        ("The budget gutted funding for radio.", "The budget sharply cut funding for radio."),
        ("Security forces crushed the protests.", "Security forces suppressed the protests."),
        ("Floods wreaked havoc across the region.", "Floods caused disruption across the region."),
        ("The hardest-hit areas were in the north.", "The worst-affected areas were in the north."),
        (
            "Exporters were hit hard by the tariffs.",
            "Exporters were badly affected by the tariffs.",
        ),
        ("He went on a shooting spree.", "He carried out a series of shootings."),
        ("Residents lived in terror for weeks.", "Residents lived in fear for weeks."),
        ("Terrified residents fled overnight.", "Frightened residents fled overnight."),
        ("The decision sparked rage among farmers.", "The decision sparked anger among farmers."),
        ("The arrest set off a media frenzy.", "The arrest set off a burst of media coverage."),
        (
            "The resignation sent shockwaves through the party.",
            "The resignation surprised the party.",
        ),
        ("The comments roiled markets on Tuesday.", "The comments unsettled markets on Tuesday."),
        ("Demand has exploded since 2020.", "Demand has risen sharply since 2020."),
        (
            "Applications exploded from 200 to 9,000.",
            "Applications rose sharply from 200 to 9,000.",
        ),
        (
            "There was an explosion in demand for batteries.",
            "There was a sharp rise in demand for batteries.",
        ),
        ("Costs have ballooned since 2019.", "Costs have grown since 2019."),
        ("The currency has been in free fall.", "The currency has been in sharp decline."),
        ("Violence spiralled out of control.", "Violence worsened."),
        ("The newspaper is haemorrhaging readers.", "The newspaper is losing readers."),
        ("The party imploded after the election.", "The party collapsed after the election."),
        (
            "The ruling party was thrashed in the vote.",
            "The ruling party was defeated in the vote.",
        ),
        (
            "The spat between the two countries deepened.",
            "The dispute between the two countries deepened.",
        ),
        (
            "He launched a tirade against the judges.",
            "He launched a verbal attack against the judges.",
        ),
        ("The minister caved in to pressure.", "The minister yielded to pressure."),
        ("The senator torpedoed the bill.", "The senator blocked the bill."),
        ("Washington slapped tariffs on steel.", "Washington imposed tariffs on steel."),
        ("He was kicked out of the party in 2019.", "He was expelled from the party in 2019."),
        ("The country is teetering on the brink of default.", "The country is close to default."),
        ("The firm is embroiled in a bribery case.", "The firm is involved in a bribery case."),
        ("The report was riddled with errors.", "The report was full of errors."),
        # loaded labels and framing
        ("Police detained 40 illegal migrants.", "Police detained 40 undocumented migrants."),
        ("The pro-choice group filed a lawsuit.", "The abortion-rights group filed a lawsuit."),
        ("The plan aims to end chain migration.", "The plan aims to end family-based immigration."),
        ("He railed against woke ideology.", "He criticised progressive ideology."),
        ("The president's cronies got top jobs.", "The president's associates got top jobs."),
        (
            "The broadcaster is a mouthpiece for the party.",
            "The broadcaster is an outlet for the party.",
        ),
        (
            "Activists dubbed the law a power grab.",
            "Activists dubbed the law a move to expand power.",
        ),
        (
            "Officials warned of a flood of migrants.",
            "Officials warned of a large number of migrants.",
        ),
        ("Migrants flooded into the border town.", "Migrants arrived in the border town."),
        ("A swarm of protesters surrounded the car.", "A group of protesters surrounded the car."),
        ("The bill drew a barrage of criticism.", "The bill drew criticism."),
        # verbs that take sides (attribution verbs are left alone)
        ("The minister ripped into the plans.", "The minister criticised the plans."),
        ("Rights groups decried the verdict.", "Rights groups criticised the verdict."),
        (
            "The mayor bemoaned the lack of funding.",
            "The mayor complained about the lack of funding.",
        ),
        ("He crowed that the polls were wrong.", "He said that the polls were wrong."),
        ("The minister scoffed at the suggestion.", "The minister dismissed the suggestion."),
        ("The drug was touted as a cure.", "The drug was described as a cure."),
        ("The company touted its profits.", "The company promoted its profits."),
        ("State media parroted the official line.", "State media repeated the official line."),
        ("The group peddled conspiracy theories.", "The group promoted conspiracy theories."),
    ],
)
def test_general_news_vocabulary_is_neutralised(loaded: str, neutral: str) -> None:
    assert_neutralised(loaded, neutral)


@pytest.mark.parametrize(
    "sentence",
    [
        # literal senses
        "Fire gutted the 19th-century church on Sunday.",
        "The fish were gutted and sold at the market.",
        "A man was crushed to death by a falling tree.",
        "A bomb exploded outside the police station.",
        "A gas cylinder exploded in the kitchen.",
        "An explosion in a market in Baghdad killed 12 people.",
        "The submersible imploded near the wreck.",
        "The plane went into a tailspin and crashed.",
        "The skydiver was in freefall for 40 seconds.",
        "The patient was haemorrhaging blood.",
        "A swarm of bees attacked the hikers.",
        "A swarm of earthquakes shook the island.",
        "Water flooded into the basement.",
        "Sunlight flooded into the room.",
        "An avalanche of snow buried the village.",
        "The soldier was hit hard in the chest.",
        "The venomous snake bit a hiker.",
        "Police shot a rabid dog.",
        "The patient was feverish and confused.",
        "The crops were withering in the heat.",
        "Astronomers studied stellar evolution.",
        "He woke up at 6 a.m.",
        "He spat at the officer.",
        "The ship was torpedoed in 1942.",
        "The calls were routed through a server in Ireland.",
        "The roof caved in after the storm.",
        "The elephants trumpeted loudly.",
        "Ticket touts sold seats at five times the price.",
        "He peddled drugs on the street.",
        "The dog whined at the door.",
        "The earthquake rattled windows across the city.",
        "The bodies were bloated after days in the water.",
        "The car was riddled with bullets.",
        "The player was hobbled by a knee injury.",
        "He begged for mercy.",
        # legal, procedural and technical terms
        "He was charged with terror offences.",
        "The war on terror cost trillions.",
        "He was jailed for road rage.",
        "The shareholders called an extraordinary general meeting.",
        "The Treasury used extraordinary measures to avoid default.",
        "The doctor was grossly negligent, the court found.",
        "He was convicted of reckless driving.",
        "He was charged with possessing obscene material.",
        "The couple entered into a sham marriage to obtain visas.",
        "The trial compared the drug with sham surgery.",
        "The company held a groundbreaking ceremony for the plant.",
        "Doctors diagnosed mass hysteria.",
        "He was arrested for disturbing the peace.",
        "Residents are worrying about the water supply.",
        # a speaker's label, reported: rewriting it would change what was said
        "He described the inquiry as a witch hunt.",
        "Rights groups called it a sham election.",
        "The minister called the report a hit piece.",
    ],
)
def test_literal_legal_and_attributed_senses_are_left_alone(sentence: str) -> None:
    assert_left_alone(sentence)


def test_quotes_stay_verbatim_and_are_reported() -> None:
    text = 'The minister called it "a shameless power grab" on Monday.'
    result = rewrite(text)
    assert result.text == text
    assert [(c.text, c.reason) for c in result.changes] == [
        ("shameless", "in a quote"),
        ("power grab", "in a quote"),
    ]
    assert loaded_terms_in(text, include_quoted=False) == []


def test_a_predicative_evaluation_is_kept_and_reported() -> None:
    result = rewrite("The results were alarming.")
    assert result.text == "The results were alarming."
    assert [(c.text, c.reason) for c in result.kept] == [
        ("alarming", "removing it would break the sentence")
    ]
