"""The checks a model's headline, summary and event descriptions must pass.

The same functions run inside instructor's validators (a failure is sent back to the model as
a re-ask) and in the field-by-field merge (a failing field keeps the extractive wording).
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.analysis.types import Analysis
from summarizer.checks.attribution import changed_qualifiers, misattributed_figures, unknown_sources
from summarizer.checks.coverage import lost_facts, main_places, missing_places, one_sided_disputes
from summarizer.checks.text import text_problems
from summarizer.contract import (
    MAX_EVENT_WORDS,
    MAX_HEADLINE_WORDS,
    MAX_MODEL_SUMMARY_WORDS,
    MIN_HEADLINE_WORDS,
    MIN_MODEL_SUMMARY_WORDS,
)

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MIN_EVENT_WORDS = 2


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _length_problem(what: str, text: str, low: int, high: int) -> list[str]:
    words = count_words(text)
    return [] if low <= words <= high else [f"the {what} has {words} words; write {low} to {high}"]


def headline_problems(value: str, context: dict[str, Any]) -> list[str]:
    problems = _length_problem("headline", value, MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS)
    return problems + _content_problems("headline", value, context)


def summary_problems(value: str, context: dict[str, Any]) -> list[str]:
    problems = _length_problem("summary", value, MIN_MODEL_SUMMARY_WORDS, MAX_MODEL_SUMMARY_WORDS)
    analysis = context.get("analysis")
    if isinstance(analysis, Analysis):
        problems += misattributed_figures(analysis, value)
        problems += changed_qualifiers(analysis, value)
        problems += unknown_sources(analysis.text, value)
        problems += one_sided_disputes(value, analysis)
        problems += missing_places(value, main_places(analysis))
        problems += lost_facts(value, str(context.get("baseline_summary", "")))
    return problems + _content_problems("summary", value, context)


def description_problems(value: str, context: dict[str, Any]) -> list[str]:
    problems = _length_problem("event description", value, _MIN_EVENT_WORDS, MAX_EVENT_WORDS)
    return problems + _content_problems("event description", value, context)


def _content_problems(field_name: str, value: str, context: dict[str, Any]) -> list[str]:
    """Numbers absent from the article, loaded words: see summarizer.checks.text."""
    analysis = context.get("analysis")
    if not isinstance(analysis, Analysis):
        return []
    return [f"{field_name}: {p}" for p in text_problems(str(context["article"]), analysis, value)]


def validation_context(
    article: str, analysis: Analysis, sentence_count: int, baseline_summary: str = ""
) -> dict[str, Any]:
    """What the checks see; `baseline_summary` is the extractive summary the model must not
    fall far below."""
    return {
        "article": article,
        "analysis": analysis,
        "sentence_count": sentence_count,
        "baseline_summary": baseline_summary,
    }
