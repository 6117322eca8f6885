"""What a language model is asked for, and how its answer is checked.

A small model cannot be trusted with the whole contract (asked for everything it copies the
article into `summary` and leaves figures empty), so it is asked only for short, checkable
pieces: a headline, a short neutral summary and a few event descriptions tied to numbered
sentences. Figures, sources and quotes come from the deterministic analyser. The validators
below run inside instructor, so a failure is sent back to the model as a re-ask.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from summarizer.analysis.types import Analysis
from summarizer.attribution_check import (
    changed_qualifiers,
    misattributed_figures,
    unknown_sources,
)
from summarizer.coverage_check import (
    lost_facts,
    main_places,
    missing_places,
    one_sided_disputes,
)
from summarizer.verify import text_problems

MAX_HEADLINE_WORDS = 15
MAX_SUMMARY_WORDS = 120
MAX_EVENTS = 3
_WORD = re.compile(r"\w+(?:['’]\w+)*")


class EventNote(BaseModel):
    sentence: int = Field(description="Number of the article sentence that reports the event.")
    description: str = Field(description="What happened, neutral words, at most 20 words.")

    @field_validator("description")
    @classmethod
    def _check_description(cls, value: str, info: ValidationInfo) -> str:
        _raise_if(description_problems(value, _context(info)))
        return value.strip()


class HeadlineSummary(BaseModel):
    """The smallest useful answer: about 100 output tokens, what a 1.5B model on 2 cores can
    write within the latency budget."""

    headline: str = Field(description="Neutral headline, at most 15 words, no loaded words.")
    summary: str = Field(
        description="2-4 neutral sentences in your own words, each claim attributed "
        "('..., the UN says'), at most 120 words."
    )

    @field_validator("headline")
    @classmethod
    def _check_headline(cls, value: str, info: ValidationInfo) -> str:
        _raise_if(headline_problems(value, _context(info)))
        return value.strip()

    @field_validator("summary")
    @classmethod
    def _check_summary(cls, value: str, info: ValidationInfo) -> str:
        _raise_if(summary_problems(value, _context(info)))
        return value.strip()



class ModelDraft(HeadlineSummary):
    """Headline and summary plus event descriptions tied to numbered sentences."""

    events: list[EventNote] = Field(
        default_factory=list, description="Up to 3 main events, each tied to one sentence."
    )

    @field_validator("events")
    @classmethod
    def _check_events(cls, value: list[EventNote], info: ValidationInfo) -> list[EventNote]:
        count = int(_context(info).get("sentence_count", 0))
        for note in value:
            if count and not 1 <= note.sentence <= count:
                raise ValueError(f"event sentence {note.sentence} does not exist; use 1 to {count}")
        return value[:MAX_EVENTS]


# --- checks shared by the validators (re-asks) and the field-by-field merge (fallback) ---------
def headline_problems(value: str, context: dict[str, Any]) -> list[str]:
    words = count_words(value)
    problems = [] if 3 <= words <= MAX_HEADLINE_WORDS else [
        f"the headline has {words} words; write 3 to {MAX_HEADLINE_WORDS}"
    ]
    return problems + _content_problems("headline", value, context)


def summary_problems(value: str, context: dict[str, Any]) -> list[str]:
    words = count_words(value)
    problems = [] if 15 <= words <= MAX_SUMMARY_WORDS else [
        f"the summary has {words} words; write 15 to {MAX_SUMMARY_WORDS}"
    ]
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
    words = count_words(value)
    problems = [] if 2 <= words <= 30 else [
        f"an event description has {words} words; write 3 to 20"
    ]
    return problems + _content_problems("event description", value, context)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


def _raise_if(problems: list[str]) -> None:
    if problems:
        raise ValueError("; ".join(problems))


def _content_problems(field_name: str, value: str, context: dict[str, Any]) -> list[str]:
    """Numbers absent from the article, loaded words: see summarizer.verify.text_problems."""
    analysis = context.get("analysis")
    if not isinstance(analysis, Analysis):
        return []
    return [f"{field_name}: {p}" for p in text_problems(str(context["article"]), analysis, value)]


RESPONSE_MODELS: dict[str, type[HeadlineSummary]] = {
    "headline_summary": HeadlineSummary,
    "draft_with_events": ModelDraft,
}


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
