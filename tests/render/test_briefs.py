"""Briefs rendered as Markdown and HTML from hand-built responses for the two seed articles."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from summarizer.models import Figure, Meta, Source, Span, SummaryRequest, SummaryResponse
from summarizer.render.briefs import (
    build_view,
    format_number,
    format_value,
    md,
    render_html,
    render_markdown,
)
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import seed_text
from tests.support.brief_samples import response_000, response_003, span


@pytest.fixture
def article_000() -> str:
    return seed_text("000")


@pytest.fixture
def article_003() -> str:
    return seed_text("003")


def _figure(value: float, qualifier: str, evidence: str, **extra: object) -> Figure:
    return Figure.model_validate(
        {
            "value": value,
            "qualifier": qualifier,
            "measure": "people killed",
            "status": "claimed",
            "evidence": {"text": evidence, "start": 0, "end": len(evidence)},
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2000, "2,000"),
        (364, "364"),
        (8_500_000, "8.5 million"),
        (0.667, "0.667"),
        (4.5, "4.5"),
        (2_000_000_000, "2 billion"),
    ],
)
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (_figure(2000, "at_least", "more than 2,000 civilians"), "more than 2,000"),
        (_figure(300, "at_most", "As many as 300 people"), "as many as 300"),
        (_figure(300, "at_most", "300 people at the most"), "up to 300"),
        (_figure(150, "range", "between 150 and 200", upper=200), "150\u2013200"),
        (_figure(4.5, "exact", "4.5%", unit="%"), "4.5%"),
        (_figure(16, "exact", "16 miles", unit="miles"), "16 miles"),
        (_figure(50, "approximate", "some 50 people", unit="people"), "some 50"),
        (_figure(50, "approximate", "50 people, give or take", unit="people"), "about 50"),
    ],
)
def test_format_value_keeps_the_articles_qualifier(figure: Figure, expected: str) -> None:
    assert format_value(figure) == expected


def test_a_brief_keeps_nearly_as_the_article_wrote_it() -> None:
    """One qualifier table read both ways: 'nearly' is read as at most, and written 'nearly'."""
    from summarizer.engines.base import Article
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.pipeline import run_pipeline

    article = "Nearly 90% of homes lost power, the utility said."
    response = run_pipeline(Article(text=article), ExtractiveEngine(), None)
    assert [f.qualifier for f in response.figures] == ["at_most"]
    assert format_value(response.figures[0]) == "nearly 90%"
    assert "| nearly 90% |" in render_markdown(response)


def test_markdown_000_lists_figures_with_claimants(article_000: str) -> None:
    text = render_markdown(response_000(article_000))
    assert text.startswith("# Airstrikes hit Irpin")
    assert "| 1 | 364 | Ukrainian civilians confirmed killed | UN | confirmed — DISPUTED" in text
    assert "| more than 2,000 | civilians killed | Ukrainian emergency services | claimed" in text
    assert "Oleksandr Markushin (mayor of Irpin)" in text
    assert "**Disputed figures**" in text
    assert "1. Russian forces fired on civilians fleeing Irpin by bus" in text
    assert "- **Vadym Boychenko**, mayor of Mariupol (person)" in text
    assert "  > “They are destroying us.”" in text
    assert "| “sick brain” | judgement | in a quote: Anton Garashchenko's words |" in text
    assert "| “slaughtered” | killed | article's own words |" in text
    assert "_engine extractive · model none · prompt none · 12 ms_" in text


def test_markdown_003_keeps_as_many_as_and_unattributed(article_003: str) -> None:
    text = render_markdown(response_003(article_003))
    assert "| 1 | as many as 300 | people killed in Irpin | not attributed | reported |" in text
    assert "| 2 | 145 children | children killed | Ukraine | reported |" in text
    assert "31,250 ms" in text and "model qwen2.5-coder-1.5b-instruct" in text


def test_markdown_table_cells_escape_pipes_and_markup() -> None:
    assert md("a | b") == r"a \| b"
    assert md("line one\nline | two") == r"line one line \| two"
    assert md("<script>") == r"\<script\>"
    assert md("# not a heading") == r"\# not a heading"
    response = SummaryResponse(
        headline="h",
        summary="s",
        meta=Meta(engine="extractive"),
        figures=[_figure(3, "exact", "3 | people", source={"name": "A|B"})],
    )
    row = next(line for line in render_markdown(response).splitlines() if line.startswith("| 1"))
    assert row.count(" | ") == 4  # five cells: the pipe inside a cell is escaped
    assert r"A\|B" in row


def test_html_000_lists_figures_with_claimants_and_offsets(article_000: str) -> None:
    response = response_000(article_000)
    page = render_html(response)
    row = re.search(r'<tr class="figure disputed" data-spans="(\d+):(\d+)".*?</tr>', page, re.S)
    assert row is not None
    start, end = int(row.group(1)), int(row.group(2))
    assert article_000[start:end] == response.figures[0].evidence.text
    assert ">364</button>" in row.group(0)
    assert '<td class="claimant" data-label="Says who">UN</td>' in row.group(0)
    assert '<strong class="badge">disputed</strong>' in row.group(0)
    assert "Disputed figures" in page
    assert "Anton Garashchenko&#39;s words" in page
    assert '<section class="brief-article"' not in page  # no article unless asked


def test_html_003_lists_figures(article_003: str) -> None:
    page = render_html(response_003(article_003), article=article_003)
    assert ">as many as 300</button>" in page
    assert '<td class="claimant" data-label="Says who">not attributed</td>' in page
    assert str(escape(article_003))[:200] in page


def test_html_escapes_script_in_article_and_quotes() -> None:
    article = 'He said: "<script>alert(1)</script>" and 5 <b>people</b> died.'
    quote = span(article, "<script>alert(1)</script>")
    response = SummaryResponse(
        headline="<img src=x onerror=alert(1)>",
        summary="A & B",
        meta=Meta(engine="x"),
        sources=[Source(name="<i>Bob</i>", kind="person", quotes=[quote])],
        figures=[_figure(5, "exact", "5 <b>people</b>")],
    )
    page = render_html(response, article=article)
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "A &amp; B" in page


def test_spans_in_html_are_article_offsets(article_000: str) -> None:
    view = build_view(response_000(article_000))
    items = [f.spans for f in view.figures] + [e.spans for e in view.events]
    items += [q.spans for s in view.sources for q in s.quotes] + [t.spans for t in view.loaded]
    for spans in items:
        for pair in spans.split():
            start, end = map(int, pair.split(":"))
            assert 0 <= start < end <= len(article_000)


def test_conflicts_without_dispute_notes_are_described(article_000: str) -> None:
    response = response_000(article_000).model_copy(update={"disputes": []})
    view = build_view(response)
    assert view.figures[0].disputed and view.figures[0].conflicts
    assert view.disputes == [
        "Ukrainian civilians confirmed killed: #1 364 (UN) vs "
        "#2 more than 2,000 (Ukrainian emergency services)"
    ]


def test_empty_response_renders() -> None:
    response = SummaryResponse(headline="Nothing", summary="", meta=Meta(engine="extractive"))
    assert "No figures found in the article." in render_markdown(response)
    assert "No figures found in the article." in render_html(response)


def test_real_offsets_with_non_ascii(article_003: str) -> None:
    # article 003 has curly quotes: offsets are code points, the renderer never shifts them
    quote = response_003(article_003).sources[0].quotes[0]
    assert isinstance(quote, Span)
    assert article_003[quote.start : quote.end] == quote.text
    assert f'data-spans="{quote.start}:{quote.end}"' in render_html(response_003(article_003))


# --- real responses from the extractive engine ---------------------------------------------------
def _extractive(article: str) -> SummaryResponse:
    service = SummaryService(Settings(load_model_at_startup=False))
    return service.summarize(SummaryRequest(text=article, engine="extractive"))


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_extractive_briefs_point_at_the_article(prefix: str) -> None:
    article = seed_text(prefix)
    response = _extractive(article)
    page = render_html(response)
    for start, end in re.findall(r'data-spans="[^"]*?(\d+):(\d+)', page):
        assert 0 <= int(start) < int(end) <= len(article)
    for figure in response.figures:
        assert f">{escape(format_value(figure))}</button>" in page
    assert render_markdown(response).count("\n| ") >= len(response.figures)


def test_extractive_brief_of_000_attributes_364_to_the_un() -> None:
    response = _extractive(seed_text("000"))
    row = next(line for line in render_markdown(response).splitlines() if "| 364 |" in line)
    assert re.search(r"\| (the )?(UN|United Nations)\b", row), row
    page = render_html(response)
    html_row = re.search(
        r'<tr class="figure[^"]*"[^>]*>\s*<td><button[^>]*>364</button>.*?</tr>', page, re.S
    )
    assert html_row is not None and re.search(r">(the )?(UN|United Nations)\b", html_row.group(0))
