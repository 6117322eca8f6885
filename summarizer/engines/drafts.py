"""What a language model is asked for: the answer shapes (pydantic models whose schema the
model sees, and which a llama.cpp grammar enforces locally).

A small model cannot be trusted with the whole contract (asked for everything it copies the
article into `summary` and leaves figures empty), so it is asked only for short, checkable
pieces: a headline, a short neutral summary and a few event descriptions tied to numbered
sentences. Figures, sources and quotes come from the deterministic analyser. The validators
run the checks of `summarizer.checks.draft` inside instructor, so a failure is a re-ask.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from summarizer.checks.draft import description_problems, headline_problems, summary_problems
from summarizer.contract import MAX_HEADLINE_WORDS, MAX_MODEL_EVENTS, MAX_MODEL_SUMMARY_WORDS


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

    headline: str = Field(
        description=f"Neutral headline, at most {MAX_HEADLINE_WORDS} words, no loaded words."
    )
    summary: str = Field(
        description="2-4 neutral sentences in your own words, each claim attributed "
        f"('..., the UN says'), at most {MAX_MODEL_SUMMARY_WORDS} words."
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
        default_factory=list,
        description=f"Up to {MAX_MODEL_EVENTS} main events, each tied to one sentence.",
    )

    @field_validator("events")
    @classmethod
    def _check_events(cls, value: list[EventNote], info: ValidationInfo) -> list[EventNote]:
        count = int(_context(info).get("sentence_count", 0))
        for note in value:
            if count and not 1 <= note.sentence <= count:
                raise ValueError(f"event sentence {note.sentence} does not exist; use 1 to {count}")
        return value[:MAX_MODEL_EVENTS]


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


def _raise_if(problems: list[str]) -> None:
    if problems:
        raise ValueError("; ".join(problems))


RESPONSE_MODELS: dict[str, type[HeadlineSummary]] = {
    "headline_summary": HeadlineSummary,
    "draft_with_events": ModelDraft,
}
