"""The extractive brief on wire copy: lede first, no dateline, no credits, whole clauses, and
disputes only between rival counts of one thing."""

from __future__ import annotations

from evals.brief_metrics import DATELINE, cut_mid_phrase
from summarizer.analysis import analyse
from summarizer.engines.base import Article
from summarizer.engines.extractive import build_body

WIRE = (
    "Quake hits Peru: share your photos with us\n\n"
    "LIMA (Reuters) - A magnitude 7.1 earthquake struck southern Peru on Sunday, killing at least "
    "12 people and destroying hundreds of homes, the country's civil defence agency said.\n\n"
    "Regional governor Ana Torres said 14 people had died, and that rescuers were still searching "
    "collapsed buildings in the town of Acari.\n\n"
    "“We have lost everything,” said Rosa Quispe, a farmer whose house fell in.\n\n"
    "The agency said it had sent 2,000 tents to the region.\n\n"
    "(Reporting by Marco Aquino; Editing by Daniel Wallis)\n\n"
    "($1 = 3.75 soles)"
)


def test_headline_is_the_ledes_main_clause_without_dateline() -> None:
    body = build_body(Article(text=WIRE), analyse(WIRE))
    assert "earthquake" in body.headline.lower() and "Peru" in body.headline
    assert not DATELINE.search(body.headline) and "Reuters" not in body.headline
    assert len(body.headline.split()) <= 15
    assert cut_mid_phrase(body.headline, WIRE) is None


def test_summary_opens_with_the_lede_and_never_a_credit() -> None:
    body = build_body(Article(text=WIRE), analyse(WIRE))
    assert body.summary.startswith("A magnitude 7.1 earthquake struck southern Peru")
    for noise in ("Reporting by", "Editing by", "3.75", "share your photos", "LIMA"):
        assert noise not in body.summary
    assert all(noise not in (s.name + (s.role or "")) for s in body.sources
               for noise in ("Marco Aquino", "Daniel Wallis"))  # fmt: skip
    assert all(e.evidence[0].text.find("Reuters") < 0 for e in body.events)


def test_a_real_toll_dispute_but_no_dispute_of_unrelated_numbers() -> None:
    body = build_body(Article(text=WIRE), analyse(WIRE))
    disputed = [sorted(body.figures[i].value for i in d.figures) for d in body.disputes]
    assert disputed == [[12.0, 14.0]]  # the agency's toll and the governor's
    business = (
        "Delta said the outage cost it $500 million. CrowdStrike said it holds $3.7 billion in "
        "cash. American Airlines' Kent Powell said three flights were cancelled at one airport, "
        "while Todd Lehmacher said six weather-related cancellations hit another."
    )
    assert build_body(Article(text=business), analyse(business)).disputes == []


REACTIONS = (
    "At least 10 people were killed when rockets hit a village in the north on Saturday, "
    "medics said.\n\n"
    "A rocket attack killed at least 10 people in the village of Tarsa on Saturday.\n\n"
    "The village lies in a valley that is home to about 20,000 people.\n\n"
    "The government blamed the Aram militia for the attack on Tarsa.\n\n"
    "The Aram militia denied any involvement in the strike.\n\n"
    "Among the sites hit was a football field where children were playing on Saturday.\n\n"
    "Medics said 29 people were injured, six of them seriously, in the northern village.\n\n"
    "Doctors at the Tarsa hospital said they had received 26 injured people on Saturday.\n\n"
    "The region was seized in 1967 and has been disputed since then by two countries.\n\n"
    "Interior Minister Ana Torres condemned what she called \u201cthugs who came to burn\u201d."
)


def test_reactions_of_the_parties_are_events_and_quoted_insults_are_not() -> None:
    events = [e.description for e in build_body(Article(text=REACTIONS), analyse(REACTIONS)).events]
    assert any("blamed" in e for e in events) and any("denied" in e for e in events), events
    assert not any("thugs" in e for e in events), events


TITLED = (
    "Harbour city orders evacuation as river floods old town\n\n"
    "The river burst its banks overnight, the mayor of the harbour city of Tarsa said on "
    "Monday, after three days of rain left streets in the old town under water.\n\n"
    "About 4,000 people were moved to schools and sports halls, officials said."
)


def test_a_title_that_is_a_whole_neutral_clause_is_the_headline() -> None:
    body = build_body(Article(text=TITLED), analyse(TITLED))
    assert body.headline == "Harbour city orders evacuation as river floods old town"


def test_a_quoting_or_loaded_title_is_not_the_headline() -> None:
    for title in ("Mayor: 'we are drowning'", "Monster flood wreaks havoc on helpless old town"):
        text = TITLED.replace("Harbour city orders evacuation as river floods old town", title)
        headline = build_body(Article(text=text), analyse(text)).headline
        assert headline != title and "river" in headline.lower(), headline


LONG_TITLED = (
    "Quake toll in coastal Tarsa expected to rise 'in a considerable way', says vice president\n\n"
    "At least 272 people were killed when a 7.8-magnitude earthquake struck the coast of Tarsa on "
    "Saturday, Vice President Ana Torres said.\n\n"
    "More than 2,000 people were injured and rescuers were still searching collapsed buildings in "
    "the port, the civil defence agency said.\n\n"
    "Interior Minister Paul Reyes said 40 buildings collapsed in the port, blaming "
    "\u201cthugs\u201d for the collapses.\n\n"
    "The agency said it had sent 2,000 tents to the region."
)


def test_the_summary_starts_from_the_lede_not_the_title_the_headline_already_gives() -> None:
    body = build_body(Article(text=LONG_TITLED), analyse(LONG_TITLED))
    assert body.summary.startswith("At least 272 people were killed"), body.summary
    assert "considerable" not in body.summary and "2,000 people were injured" in body.summary


def test_a_sentence_quoting_a_loaded_word_stays_out_of_the_summary() -> None:
    analysis = analyse(LONG_TITLED)
    assert any(term.in_quote and term.text == "thugs" for term in analysis.loaded)
    body = build_body(Article(text=LONG_TITLED), analysis)
    assert "thugs" not in body.summary and "tents" in body.summary, body.summary


def test_a_title_keeps_its_subordinate_clause_and_its_possessives() -> None:
    for title in (
        "Shares fall by more than 3% as investors fear the port strike will spread",
        "Tarsa\u2019s mayor orders evacuation as river floods old town",
        "Ports' owners order evacuation as river floods old town",
    ):
        text = TITLED.replace("Harbour city orders evacuation as river floods old town", title)
        assert build_body(Article(text=text), analyse(text)).headline == title


def test_a_byline_or_picture_credit_on_the_first_line_is_no_title() -> None:
    for first in (
        "Written by Tarsa Today on November 7, 2023",
        "Left Image: AFP, Right Image: NOAA",
    ):
        text = TITLED.replace("Harbour city orders evacuation as river floods old town", first)
        body = build_body(Article(text=text), analyse(text))
        assert "Tarsa Today" not in body.headline and "Image" not in body.headline, body.headline
        assert "river" in body.headline.lower(), body.headline
