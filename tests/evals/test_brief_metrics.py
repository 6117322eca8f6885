"""The brief scorers (quotes, source precision, disputes, headline, event clauses) on hand-made
responses to a case built from a wire-style article."""

from __future__ import annotations

import pytest

from evals import brief_metrics as bm
from evals.cases import EvalCase, Gold
from summarizer.models import Dispute, Event, Figure, Meta, Source, SourceRef, Span, SummaryResponse

ARTICLE = (
    "BAGHDAD (Reuters) - A car bomb killed 26 people in a Baghdad market on Sunday, police said. "
    "Hospital officials put the toll at 28. “We heard a huge blast and ran,” said Ali Hassan, a "
    "shopkeeper. The man was sentenced to death for the rape and murder of a student in 2014. "
    "Average hourly earnings rose 5.1% in the year, the department said."
)


def span(text: str) -> Span:
    start = ARTICLE.index(text)
    return Span(text=text, start=start, end=start + len(text))


@pytest.fixture
def case() -> EvalCase:
    gold = Gold.model_validate(
        {
            "id": "wire",
            "sources": [
                {"name": "police", "aliases": ["Iraqi police"]},
                {"name": "hospital officials"},
                {"name": "Ali Hassan", "aliases": ["Hassan", "shopkeeper"]},
            ],
            "quotes": [{"text": "We heard a huge blast and ran", "speaker": ["Ali Hassan"]}],
            "disputes": [{"values": [26, 28], "measure": "people killed"}],
            "headline": {"must_mention": [["bomb", "blast"], ["Baghdad"]]},
        }
    )
    return EvalCase(id="wire", article=ARTICLE, gold=gold)


def figure(value: float, evidence: str, source: str) -> Figure:
    return Figure(
        value=value, measure="people killed", qualifier="exact", status="claimed",
        source=SourceRef(name=source), evidence=span(evidence),
    )  # fmt: skip


def response(**fields: object) -> SummaryResponse:
    body: dict[str, object] = {"headline": "", "summary": "", "meta": Meta(engine="test")}
    body.update(fields)
    return SummaryResponse.model_validate(body)


def test_a_quote_credited_to_the_nearest_name_is_counted_wrong(case: EvalCase) -> None:
    quote = span("We heard a huge blast and ran")
    right = response(sources=[Source(name="Ali Hassan", kind="person", quotes=[quote])])
    wrong = response(sources=[Source(name="Hospital officials", kind="anonymous", quotes=[quote])])
    assert bm.quote_speaker_accuracy(case, right).value == 1.0
    assert bm.quote_speaker_accuracy(case, wrong).value == 0.0
    assert bm.quote_recall(case, wrong).value == 1.0
    assert bm.quote_recall(case, response()).value == 0.0


def test_junk_sources_count_against_precision(case: EvalCase) -> None:
    listed = [
        Source(name="police", kind="government"),
        Source(name="Sunday", kind="person"),
        Source(name="Additional", kind="person"),
        Source(name="Ali Hassan", role="a shopkeeper", kind="person"),
    ]
    score = bm.source_precision(case, response(sources=listed))
    assert score.value == 0.5 and "Sunday" in score.explanation


def test_disputes_real_and_false(case: EvalCase) -> None:
    real = [figure(26, "killed 26 people", "police"), figure(28, "at 28", "Hospital officials")]
    real_dispute = Dispute(measure="people killed", figures=[0, 1], note="n")
    found = response(figures=real, disputes=[real_dispute])
    assert bm.dispute_precision(case, found).value == 1.0
    assert bm.dispute_recall(case, found).value == 1.0
    false = response(
        figures=[real[0], figure(5.1, "rose 5.1%", "department")],
        disputes=[Dispute(measure="x", figures=[0, 1], note="n")],
    )
    assert bm.dispute_precision(case, false).value == 0.0
    assert bm.dispute_recall(case, false).value == 0.0
    assert bm.dispute_precision(case, response()).value is None  # nothing reported


@pytest.mark.parametrize(
    ("headline", "ok"),
    [
        ("A car bomb killed 26 people in a Baghdad market", True),
        ("BAGHDAD (Reuters) - A car bomb killed 26 people in a Baghdad market", False),
        ("Average hourly earnings rose 5", False),  # cut inside '5.1%'
        ("A car bomb killed 26 people in a", False),  # ends on a function word
        (
            "A car bomb killed 26 people in a Baghdad market on Sunday as police and hospital "
            "officials gave different tolls",
            False,
        ),
    ],
)
def test_headline_form(case: EvalCase, headline: str, ok: bool) -> None:
    assert bm.headline_form(case, response(headline=headline)).value == (1.0 if ok else 0.0)


def test_headline_main_news(case: EvalCase) -> None:
    assert bm.headline_main_news(case, response(headline="Car bomb kills 26 in Baghdad")).value == 1
    assert bm.headline_main_news(case, response(headline="Earnings rose in the year")).value == 0


def test_an_event_cut_inside_a_coordinated_noun_phrase_is_not_a_whole_clause(
    case: EvalCase,
) -> None:
    evidence = [
        span("The man was sentenced to death for the rape and murder of a student in 2014.")
    ]
    cut = Event(description="The man was sentenced to death for the rape.", evidence=evidence)
    whole = Event(
        description="The man was sentenced to death for the rape and murder of a student.",
        evidence=evidence,
    )
    assert bm.event_clauses(case, response(events=[cut])).value == 0.0
    assert bm.event_clauses(case, response(events=[whole])).value == 1.0
