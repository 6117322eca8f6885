"""align/ground: exact, repaired and fuzzy spans, always true to the article."""

from __future__ import annotations

import time

import pytest

from summarizer.models import Span
from summarizer.verify.grounding import align, ground
from tests.support import ROOT

SEEDS = ROOT / "seeds"
ARTICLE = (SEEDS / "000_e5a4ada6868b4a8e" / "article.txt").read_text(encoding="utf-8")
SECOND = (SEEDS / "003_a749de6f848d4ae8" / "article.txt").read_text(encoding="utf-8")


def _check(article: str, span: Span | None) -> Span:
    assert span is not None
    assert article[span.start : span.end] == span.text
    return span


def test_exact_snippet() -> None:
    span = _check(ARTICLE, align(ARTICLE, "more than 2,000 civilians have died"))
    assert span.alignment == "exact"
    assert span.start == ARTICLE.index("more than 2,000")


def test_exact_picks_occurrence_nearest_the_hint() -> None:
    text = "Shelling hit the city. Later, shelling hit the city. Again shelling hit the city."
    last = text.rindex("shelling hit the city")
    assert _check(text, align(text, "shelling hit the city", hint=last - 3)).start == last
    middle = text.index("shelling hit the city")
    assert _check(text, align(text, "shelling hit the city", hint=0)).start == middle


def test_straight_quotes_repaired_to_curly() -> None:
    snippet = '"There can be no green corridors because only the sick brain of the Russians'
    span = _check(ARTICLE, align(ARTICLE, snippet))
    assert span.alignment == "repaired"
    assert span.text.startswith("\u201cThere can be no green corridors")


def test_whitespace_case_and_dashes_repaired() -> None:
    snippet = "russian forces   blitzed a red cross building in ukraine today - within 24 hours"
    span = _check(SECOND, align(SECOND, snippet))
    assert span.alignment == "repaired"
    assert span.text.endswith("within 24 hours")
    assert "\u2013" in span.text


def test_apostrophe_repaired() -> None:
    span = _check(SECOND, align(SECOND, "Moscow's troops amid growing doubt"))
    assert span.alignment == "repaired"
    assert span.text == "Moscow\u2019s troops amid growing doubt"


def test_paraphrase_aligned_fuzzily() -> None:
    snippet = "the Ukrainian emergency services said more than 2,000 civilians have died"
    span = _check(ARTICLE, align(ARTICLE, snippet))
    assert span.alignment == "fuzzy"
    assert "emergency services saying more than 2,000 civilians have died" in span.text


def test_fuzzy_keeps_the_snippets_edge_punctuation() -> None:
    span = _check(ARTICLE, align(ARTICLE, '"They are destroying us."'))
    assert span.text == "\u201cThey are destroying us."


def test_unrelated_snippet_is_not_aligned() -> None:
    assert align(ARTICLE, "The central bank raised interest rates by half a point") is None
    assert align(ARTICLE, "11,000 civilians were evacuated from Odesa by train") is None
    assert align(ARTICLE, "   ") is None
    assert align("", "anything") is None


def test_threshold_is_respected() -> None:
    snippet = "Three Ukrainians died when Russians shelled a bridge"
    assert align(ARTICLE, snippet, threshold=0.99) is None
    assert align(ARTICLE, snippet, threshold=0.8) is not None


def test_ground_keeps_a_correct_span() -> None:
    start = ARTICLE.index("The UN says")
    span = Span(text="The UN says", start=start, end=start + 11)
    assert ground(ARTICLE, span) is span


def test_ground_repairs_wrong_offsets() -> None:
    start = ARTICLE.index("The UN says")
    span = _check(ARTICLE, ground(ARTICLE, Span(text="The UN says", start=3, end=14)))
    assert (span.start, span.alignment) == (start, "exact")


def test_ground_repairs_offsets_past_the_end() -> None:
    span = Span(text="16 miles northwest", start=10_000, end=10_018)
    assert _check(ARTICLE, ground(ARTICLE, span)).text == "16 miles northwest"


def test_ground_drops_invented_text() -> None:
    assert ground(ARTICLE, Span(text="Putin resigned on Tuesday", start=0, end=25)) is None


@pytest.mark.parametrize("snippet", ["Kyiv", "civilians", "x" * 10])
def test_short_snippets_never_misalign(snippet: str) -> None:
    span = align(ARTICLE, snippet)
    if span is not None:
        assert ARTICLE[span.start : span.end] == span.text


def test_fast_on_a_fifty_thousand_character_article() -> None:
    words = (ARTICLE + "\n" + SECOND).split()
    # a long article of shuffled-but-real sentences, so words repeat as in real text
    long_article = " ".join(words[i % len(words)] for i in range(0, 9000 * 7, 7))[:50_000]
    align(long_article, "warm up the caches")
    snippet = " ".join(long_article.split()[4000:4015]).replace(",", "").upper()
    timings = []
    for _ in range(5):  # best of five: other processes share the machine
        started = time.perf_counter()
        span = _check(long_article, align(long_article, snippet))
        timings.append(time.perf_counter() - started)
    assert span.alignment in ("repaired", "fuzzy")
    assert min(timings) < 0.05
