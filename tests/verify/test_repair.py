"""verify_body on realistic bad drafts built on the seed articles."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from summarizer.analysis.types import Analysis
from summarizer.checks.text import text_problems, values_match
from summarizer.models import (
    Dispute,
    Event,
    Figure,
    LoadedTerm,
    Source,
    SourceRef,
    Span,
    SummaryBody,
)
from summarizer.verify import verify_body
from tests.support import ROOT

SEEDS = ROOT / "seeds"
ARTICLE = (SEEDS / "000_e5a4ada6868b4a8e" / "article.txt").read_text(encoding="utf-8")
SECOND = (SEEDS / "003_a749de6f848d4ae8" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(ARTICLE)


def _span(article: str, text: str, shift: int = 0) -> Span:
    start = article.index(text) + shift
    return Span(text=text, start=start, end=start + len(text))


def _figure(
    value: float,
    evidence: Span,
    measure: str = "civilians killed",
    conflicts: list[int] | None = None,
) -> Figure:
    return Figure(
        value=value,
        measure=measure,
        qualifier="exact",
        status="claimed",
        source=SourceRef(name="UN"),
        evidence=evidence,
        conflicts_with=conflicts or [],
    )


def _body(**parts: object) -> SummaryBody:
    fields: dict[str, object] = {
        "headline": "Russian forces fire on civilians fleeing Irpin",
        "summary": "The UN says 364 civilians have been confirmed killed.",
    }
    fields.update(parts)
    return SummaryBody.model_validate(fields)


def _all_spans_true(article: str, body: SummaryBody) -> None:
    spans = [f.evidence for f in body.figures]
    spans += [s for e in body.events for s in e.evidence]
    spans += [q for s in body.sources for q in s.quotes]
    for span in spans:
        assert article[span.start : span.end] == span.text
    for term in body.loaded_language:
        assert article[term.start : term.end] == term.text


def test_good_draft_passes_unchanged(analysis: Analysis) -> None:
    body = _body(figures=[_figure(364, _span(ARTICLE, "364 Ukrainian civilians"))])
    verified, warnings = verify_body(ARTICLE, body, analysis)
    assert warnings == []
    assert verified == body


def test_wrong_offsets_repaired(analysis: Analysis) -> None:
    evidence = _span(ARTICLE, "more than 2,000 civilians have died", shift=-40)
    verified, warnings = verify_body(ARTICLE, _body(figures=[_figure(2000, evidence)]), analysis)
    assert len(verified.figures) == 1
    _all_spans_true(ARTICLE, verified)
    assert verified.figures[0].evidence.start == ARTICLE.index("more than 2,000")
    assert any("wrong offsets" in w for w in warnings)


def test_hallucinated_figure_dropped_and_indexes_fixed(analysis: Analysis) -> None:
    invented = Span(text="11,000 civilians were killed in Irpin", start=0, end=37)
    figures = [
        _figure(11000, invented),
        _figure(364, _span(ARTICLE, "364 Ukrainian civilians"), conflicts=[2]),
        _figure(2000, _span(ARTICLE, "more than 2,000 civilians"), conflicts=[1, 0]),
    ]
    disputes = [Dispute(measure="civilians killed", figures=[0, 1, 2], note="UN vs services")]
    body = _body(figures=figures, disputes=disputes)
    verified, warnings = verify_body(ARTICLE, body, analysis)
    assert [f.value for f in verified.figures] == [364, 2000]
    assert verified.figures[0].conflicts_with == [1]
    assert verified.figures[1].conflicts_with == [0]
    assert verified.disputes[0].figures == [0, 1]
    assert "figure '11,000' dropped: not found in the article" in warnings


def test_figure_whose_evidence_states_another_number_dropped(analysis: Analysis) -> None:
    body = _body(figures=[_figure(3640, _span(ARTICLE, "364 Ukrainian civilians"))])
    verified, warnings = verify_body(ARTICLE, body, analysis)
    assert verified.figures == []
    assert warnings == ["figure '3,640' dropped: its evidence does not state that number"]


@pytest.mark.parametrize(
    ("value", "evidence"),
    [
        (8, "An estimated eight people"),
        (16, "16 miles northwest"),
        (9, "a nine-hour safety corridor"),
        (200000, "who represents 200,000 residents"),
        (2000.0 * 1.005, "more than 2,000 civilians"),  # within the 0.6 % tolerance
    ],
)
def test_figure_values_checked_against_their_evidence(
    analysis: Analysis, value: float, evidence: str
) -> None:
    body = _body(figures=[_figure(value, _span(ARTICLE, evidence))])
    verified, warnings = verify_body(ARTICLE, body, analysis)
    assert len(verified.figures) == 1, warnings


def test_quote_with_straight_quotes_repaired(analysis: Analysis) -> None:
    curly = "\u201cThere can be no green corridors because only the sick brain"
    straight = curly.replace("\u201c", '"')
    quote = Span(text=straight, start=0, end=len(straight))
    source = Source(name="Anton Garashchenko", kind="person", quotes=[quote])
    verified, warnings = verify_body(ARTICLE, _body(sources=[source]), analysis)
    assert verified.sources[0].quotes[0].text == curly
    assert verified.sources[0].quotes[0].alignment == "repaired"
    assert "quote by Anton Garashchenko repaired: curly/straight quotes" in warnings
    _all_spans_true(ARTICLE, verified)


def test_invented_quote_dropped_source_kept(analysis: Analysis) -> None:
    quote = Span(text="We will never surrender Irpin to anyone.", start=10, end=50)
    source = Source(name="Oleksandr Markushin", kind="person", quotes=[quote])
    verified, warnings = verify_body(ARTICLE, _body(sources=[source]), analysis)
    assert verified.sources[0].quotes == []
    assert verified.sources[0].name == "Oleksandr Markushin"
    assert any(w.startswith("quote by Oleksandr Markushin dropped") for w in warnings)


def test_event_keeps_good_evidence_and_drops_bad(analysis: Analysis) -> None:
    good = _span(ARTICLE, "Three more Ukrainians died when Russians shelled a damaged bridge")
    bad = Span(text="A bridge collapsed under a tank column", start=5, end=43)
    events = [
        Event(description="Three people died in shelling of a bridge", evidence=[bad, good]),
        Event(description="A tank column crossed the river", evidence=[bad]),
    ]
    verified, warnings = verify_body(ARTICLE, _body(events=events), analysis)
    assert len(verified.events) == 1
    assert verified.events[0].evidence == [good]
    assert any("dropped: no evidence found" in w for w in warnings)


def test_loaded_summary_and_descriptions_neutralised(analysis: Analysis) -> None:
    body = _body(
        headline="Putin's forces slaughter civilians in bloody Irpin attack",
        summary="A shopping centre was razed, the mayor said. Eight innocent people were "
        'slaughtered. An adviser said "only the sick brain of the Russians decides".',
        events=[
            Event(
                description="Russian forces pounded Mariupol",
                evidence=[_span(ARTICLE, "Russian forces also pounded the key port")],
            )
        ],
    )
    verified, warnings = verify_body(ARTICLE, body, analysis)
    assert "slaughter" not in verified.headline and "bloody" not in verified.headline
    assert "razed" not in verified.summary and "innocent" not in verified.summary
    assert "destroyed" in verified.summary and "killed" in verified.summary
    assert verified.events[0].description == "Russian forces struck Mariupol"
    assert "summary: 'razed' replaced by 'destroyed'" in warnings
    assert "summary: 'innocent' removed" in warnings


def test_numbers_absent_from_the_article_flagged(analysis: Analysis) -> None:
    body = _body(summary="The UN says 364 civilians died; officials say 12,500 troops were lost.")
    _, warnings = verify_body(ARTICLE, body, analysis)
    assert warnings == ["summary: number '12,500' not found in the article"]


def test_loaded_language_spans_checked(analysis: Analysis) -> None:
    start = ARTICLE.index("slaughtered")
    terms = [
        LoadedTerm(text="slaughtered", neutral="killed", start=start + 3, end=start + 14),
        LoadedTerm(text="butchered", neutral="killed", start=0, end=9),
    ]
    verified, warnings = verify_body(ARTICLE, _body(loaded_language=terms), analysis)
    assert [t.start for t in verified.loaded_language] == [start]
    assert warnings == ["loaded term 'butchered' dropped: not found in the article"]


def test_text_problems_for_a_reask(analysis: Analysis) -> None:
    problems = text_problems(ARTICLE, analysis, "Russia razed Irpin, killing 5,000 people.")
    assert problems == [
        "the number '5,000' does not appear in the article; use only figures it states",
        "'razed' is loaded language; write 'destroyed' instead",
    ]
    assert text_problems(ARTICLE, analysis, "The UN says 364 civilians were killed.") == []


def test_second_seed_draft() -> None:
    second = analyse(SECOND)
    body = _body(
        headline="Russian forces hit Red Cross building in Mariupol",
        summary="Ukraine says 145 children have died; a source says losses exceed 17,000.",
        figures=[
            _figure(145, _span(SECOND, "145 children have now died")),
            _figure(300, _span(SECOND, "As many as 300 people")),
            _figure(17000, _span(SECOND, "losses of more than 17,000")),
        ],
    )
    verified, warnings = verify_body(SECOND, body, second)
    assert [f.value for f in verified.figures] == [145, 300, 17000]
    assert warnings == []


def test_values_match_tolerance_and_percent_forms() -> None:
    assert values_match(0.667, 66.7) and values_match(66.7, 0.667)
    assert values_match(2010, 2000) and not values_match(2020, 2000)
    assert values_match(0, 0) and not values_match(1, 0)
