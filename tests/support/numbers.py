"""The number reader's table tests: one row per form (sentence, the span read, value, upper
bound, unit, qualifier, kind), checked the same way in every table."""

from __future__ import annotations

import pytest

from summarizer.analysis.numbers import find_numbers
from summarizer.analysis.types import NumberMention, Sentence

# one row: sentence, the span read, value, upper bound, unit, qualifier, kind
NumberCase = tuple[str, str, float, float | None, str | None, str, str]


def case_id(case: NumberCase) -> str:
    """A readable test id: the span and the start of its sentence."""
    return f"{case[1]} | {case[0][:40]}"


def mention_of(sentence: str, span_text: str) -> NumberMention:
    found = find_numbers(sentence, [Sentence(0, 0, len(sentence), sentence, 0)])
    matching = [mention for mention in found if mention.text == span_text]
    assert matching, f"{span_text!r} not found; got {[m.text for m in found]}"
    return matching[0]


def assert_reads(case: NumberCase) -> None:
    """The span is read with this value, bound, unit, qualifier and kind, at its true offsets."""
    sentence, span_text, value, upper, unit, qualifier, kind = case
    mention = mention_of(sentence, span_text)
    assert mention.value == pytest.approx(value, rel=1e-3)
    assert mention.upper == (pytest.approx(upper) if upper is not None else None)
    assert (mention.unit, mention.qualifier, mention.kind) == (unit, qualifier, kind)
    assert sentence[mention.start : mention.end] == mention.text


def figure_texts(sentence: str) -> list[str]:
    """The spans read as figures (not dates, names, ages or ordinals)."""
    return [m.text for m in find_numbers(sentence, []) if m.kind == "figure"]
