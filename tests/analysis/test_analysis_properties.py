"""Property tests: on any text the analysers never raise and every span is exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.analysis.loaded import find_loaded, loaded_terms_in, neutralise
from summarizer.analysis.numbers import find_numbers
from summarizer.analysis.segment import segment
from summarizer.analysis.types import Analysis
from summarizer.checks.text import text_problems
from summarizer.models import Figure, Source, Span, SummaryBody
from summarizer.verify import verify_body
from summarizer.verify.grounding import align, ground
from tests.support import ROOT

SEED_PATH = ROOT / "seeds" / "000_e5a4ada6868b4a8e"
SEED = (SEED_PATH / "article.txt").read_text(encoding="utf-8")

# pieces that exercise the readers: numbers, units, quotes, loaded words, markup, other scripts
PIECES = [
    "2,000",
    "1.5",
    "8.5 million",
    "$3bn",
    "£40m",
    "4.5%",
    "per cent",
    "between 150 and 200",
    "150-200",
    "more than",
    "as many as",
    "two-thirds",
    "twenty-five",
    "a dozen",
    "half",
    "March 3",
    "3 March 2022",
    "2022-03-03",
    "9am",
    "14:00",
    "aged 45",
    "45-year-old",
    "second",
    "3rd",
    "the 1949 Geneva Conventions",
    "slaughtered",
    "razed to the ground",
    "barbaric",
    "very, very",
    "bloody",
    "regime's",
    "“",
    "”",
    '"',
    "’",
    "–",
    "<p>",
    "</b>",
    "&amp;",
    "Київ",
    "北京",
    "مرحبا",
    "\n\n",
    "  ",
    "\t",
    ".",
    ",",
    "-",
    "…",
    "0",
    "9" * 30,
    "e",
    "1e9",
]
text_strategy = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text_strategy)
def test_find_numbers_spans_are_exact(text: str) -> None:
    for mention in find_numbers(text, segment(text)):
        assert text[mention.start : mention.end] == mention.text
        assert mention.start < mention.end
        assert mention.upper is None or mention.qualifier == "range"


@FAST
@given(text_strategy, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=3))
def test_find_loaded_spans_are_exact(text: str, raw_quotes: list[tuple[int, int]]) -> None:
    quotes: list[tuple[int, int, str | None]] = [
        (min(a, b), max(a, b), "speaker") for a, b in raw_quotes
    ]
    for mention in find_loaded(text, quotes):
        assert text[mention.start : mention.end] == mention.text
        assert mention.in_quote == (mention.speaker is not None)


@FAST
@given(text_strategy)
def test_neutralise_is_clean(text: str) -> None:
    rewritten = neutralise(text)
    assert isinstance(rewritten, str)
    assert rewritten.count("  ") <= text.count("  ")
    loaded_terms_in(rewritten)


@FAST
@given(st.text(max_size=80), st.integers(-50, 5000) | st.none())
def test_align_spans_are_exact(snippet: str, hint: int | None) -> None:
    span = align(SEED, snippet, hint=hint)
    if span is not None:
        assert SEED[span.start : span.end] == span.text


@FAST
@given(text_strategy, st.text(max_size=60), st.integers(0, 500), st.integers(0, 500))
def test_ground_spans_are_exact(article: str, snippet: str, start: int, end: int) -> None:
    span = ground(article, Span(text=snippet, start=start, end=end))
    if span is not None:
        assert article[span.start : span.end] == span.text


@FAST
@given(st.integers(0, len(SEED) - 1), st.integers(1, 80))
def test_align_finds_any_real_passage(start: int, length: int) -> None:
    snippet = SEED[start : start + length]
    span = align(SEED, snippet, hint=start)
    if snippet.strip():
        assert span is not None and span.start == start


@FAST
@given(text_strategy, text_strategy, st.floats(allow_nan=False, allow_infinity=False))
def test_verify_never_raises_and_grounds_everything(
    article: str, generated: str, value: float
) -> None:
    analysis = Analysis(text=article, sentences=segment(article))
    evidence = Span(text=generated[:30], start=0, end=len(generated[:30]))
    body = SummaryBody(
        headline=generated[:60],
        summary=generated,
        figures=[
            Figure(value=value, measure="m", qualifier="exact", status="claimed", evidence=evidence)
        ],
        sources=[Source(name="X", kind="person", quotes=[evidence])],
    )
    verified, warnings = verify_body(article, body, analysis)
    assert all(isinstance(w, str) for w in warnings)
    for figure in verified.figures:
        assert article[figure.evidence.start : figure.evidence.end] == figure.evidence.text
    for quote in verified.sources[0].quotes:
        assert article[quote.start : quote.end] == quote.text
    text_problems(article, analysis, generated)


def test_huge_input_is_handled() -> None:
    text = (SEED + " <b>12</b> 3,4,5 ") * 20
    assert all(text[m.start : m.end] == m.text for m in find_numbers(text, []))
    assert all(text[m.start : m.end] == m.text for m in find_loaded(text, []))
    span = align(text, "the city's mayor, Oleksandr Markushin, said")
    assert span is not None and text[span.start : span.end] == span.text
