"""The verify step reports every change it makes to loaded wording, and what it left."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from summarizer.analysis.loaded import rewrite
from summarizer.analysis.types import Analysis
from summarizer.models import Event, Span, SummaryBody
from summarizer.verify import verify_body
from tests.support import seed_text

ARTICLE = seed_text("000")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(ARTICLE)


def _body(headline: str, summary: str, events: list[Event] | None = None) -> SummaryBody:
    return SummaryBody.model_validate(
        {"headline": headline, "summary": summary, "events": events or []}
    )


def test_every_change_is_warned(analysis: Analysis) -> None:
    body = _body(
        "Russian forces slammed as bloody attack kills eight",
        "The mayor said eight people were slaughtered in a very brutal attack. The attack was "
        'brutal, officials said, and "barbaric", the adviser said.',
    )
    verified, warnings = verify_body(ARTICLE, body, analysis)
    assert verified.headline == "Russian forces criticised as attack kills eight"
    assert verified.summary == (
        "The mayor said eight people were killed in an attack. The attack was brutal, officials "
        'said, and "barbaric", the adviser said.'
    )
    assert warnings == [
        "headline: 'slammed' replaced by 'criticised'",
        "headline: 'bloody' removed",
        "summary: 'slaughtered' replaced by 'killed'",
        "summary: 'very' removed",
        "summary: 'brutal' removed",
        "summary: loaded term 'brutal' left in place (removing it would break the sentence)",
    ]  # the quoted "barbaric" is the adviser's word: kept, and not ours to report


def test_event_descriptions_are_reported(analysis: Analysis) -> None:
    evidence = ARTICLE[ARTICLE.index("Russian forces also pounded") :]
    evidence = evidence[: evidence.index(".") + 1]
    start = ARTICLE.index(evidence)
    span = Span(text=evidence, start=start, end=start + len(evidence))
    body = _body(
        "Russian forces fire on civilians fleeing Irpin",
        "The UN says 364 civilians have been confirmed killed.",
        [Event(description="Russian forces pounded and blitzed Mariupol", evidence=[span])],
    )
    verified, warnings = verify_body(ARTICLE, body, analysis)
    assert verified.events[0].description == "Russian forces struck and attacked Mariupol"
    label = "event 'Russian forces pounded and blitzed Mariupol' description"
    assert warnings == [
        f"{label}: 'pounded' replaced by 'struck'",
        f"{label}: 'blitzed' replaced by 'attacked'",
    ]


def test_capital_murder_conviction_survives_verification(analysis: Analysis) -> None:
    body = _body(
        "Texas man's capital murder conviction upheld",
        "A court upheld his capital murder conviction and the first-degree murder charge.",
    )
    verified, warnings = verify_body(ARTICLE, body, analysis)
    assert verified.headline == body.headline and verified.summary == body.summary
    assert not [w for w in warnings if "murder" in w]


def test_repeated_changes_are_counted_once(analysis: Analysis) -> None:
    body = _body(
        "Officials say civilians were killed",
        "Troops slaughtered civilians in Irpin and slaughtered others in Bucha.",
    )
    _, warnings = verify_body(ARTICLE, body, analysis)
    assert warnings == ["summary: 'slaughtered' replaced by 'killed' (2 times)"]


def test_rewrite_lists_each_change_with_offsets() -> None:
    text = "Brutal fighting raged as the regime's thugs slammed the door on talks."
    result = rewrite(text)
    assert result.text == "Fighting raged as the government's attackers slammed the door on talks."
    regime, thugs = text.index("regime's"), text.index("thugs")
    assert [(c.start, c.end, c.text, c.action, c.neutral) for c in result.changes] == [
        (0, 6, "Brutal", "removed", ""),
        (regime, regime + 8, "regime's", "replaced", "government's"),
        (thugs, thugs + 5, "thugs", "replaced", "attackers"),
    ]
    assert all(text[c.start : c.end] == c.text for c in result.changes)
