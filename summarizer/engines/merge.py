"""Merging a model's draft into the extractive body, field by field.

Whatever the model wrote that passes the same checks the validators apply replaces the
extractive wording; whatever fails keeps the extractive result, with a warning. So a model-based
engine can only add fluency, never lose a figure or a source the analyser found.
"""

from __future__ import annotations

import json
import re

from pydantic import BaseModel, ValidationError

from summarizer.analysis.types import Analysis, EventCandidate, Sentence
from summarizer.checks.draft import (
    description_problems,
    headline_problems,
    summary_problems,
    validation_context,
)
from summarizer.contract import MAX_MODEL_EVENTS
from summarizer.engines.base import Article
from summarizer.engines.drafts import EventNote, HeadlineSummary, ModelDraft
from summarizer.engines.prompt_inputs import PromptInputs
from summarizer.models import Event, SourceRef, Span, SummaryBody

_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)
_COMPLETE_STRING_FIELD = re.compile(r'"(headline|summary)"\s*:\s*("(?:[^"\\]|\\.)*")')


class _LooseEvent(BaseModel):
    sentence: int = 0
    description: str = ""


class _LooseDraft(BaseModel):
    headline: str = ""
    summary: str = ""
    events: list[_LooseEvent] = []


def parse_loose_draft(text: str | None) -> ModelDraft | None:
    """The last answer read without content checks: None when it is not a JSON draft at all.

    An answer cut off by the token limit still yields the string fields it completed (the
    headline usually comes first and is whole)."""
    match = _JSON_OBJECT.search(text or "")
    try:
        loose = _LooseDraft.model_validate(json.loads(match.group(0) if match else ""))
    except (json.JSONDecodeError, ValidationError):
        loose = _completed_fields(text or "")
    if not (loose.headline or loose.summary or loose.events):
        return None
    events = [EventNote.model_construct(**e.model_dump()) for e in loose.events]
    return ModelDraft.model_construct(headline=loose.headline, summary=loose.summary, events=events)


def _completed_fields(text: str) -> _LooseDraft:
    fields = {name: json.loads(value) for name, value in _COMPLETE_STRING_FIELD.findall(text)}
    return _LooseDraft.model_validate(fields)


def merge_checked_draft(
    article: Article,
    analysis: Analysis,
    base: SummaryBody,
    draft: HeadlineSummary,
    inputs: PromptInputs,
) -> tuple[SummaryBody, list[str]]:
    context = validation_context(article.text, analysis, len(inputs.sentences), base.summary)
    warnings: list[str] = []
    merged = base.model_copy(deep=True)
    for name, value, problems in (
        ("headline", draft.headline, headline_problems(draft.headline, context)),
        ("summary", draft.summary, summary_problems(draft.summary, context)),
    ):
        if problems:
            warnings.append(f"model {name} not used ({'; '.join(problems)}); extractive kept")
        else:
            setattr(merged, name, value.strip())
    notes = draft.events if isinstance(draft, ModelDraft) else []
    merged.events, event_warnings = _merge_events(analysis, base.events, notes, inputs)
    return merged, warnings + event_warnings


def _merge_events(
    analysis: Analysis, base_events: list[Event], notes: list[EventNote], inputs: PromptInputs
) -> tuple[list[Event], list[str]]:
    context = validation_context(analysis.text, analysis, len(inputs.sentences))
    events = [e.model_copy(deep=True) for e in base_events]
    warnings: list[str] = []
    for note in notes[:MAX_MODEL_EVENTS]:
        if not 1 <= note.sentence <= len(inputs.sentences):
            warnings.append(f"model event on sentence {note.sentence} dropped: no such sentence")
            continue
        problems = description_problems(note.description, context)
        if problems:
            warnings.append(f"model event description not used ({'; '.join(problems)})")
            continue
        sentence = inputs.sentences[note.sentence - 1]
        existing = _event_on(events, sentence)
        if existing is not None:
            existing.description = note.description.strip()
        else:
            events.append(_event_from(analysis, sentence, note.description.strip()))
    events.sort(key=lambda e: e.evidence[0].start if e.evidence else len(analysis.text))
    return events, warnings


def _event_on(events: list[Event], sentence: Sentence) -> Event | None:
    for event in events:
        if any(s.start < sentence.end and sentence.start < s.end for s in event.evidence):
            return event
    return None


def _event_from(analysis: Analysis, sentence: Sentence, description: str) -> Event:
    candidate: EventCandidate | None = next(
        (c for c in analysis.events if c.sentence == sentence.index), None
    )
    source = candidate.source if candidate else None
    return Event(
        description=description,
        actors=list(candidate.actors) if candidate else [],
        location=candidate.location if candidate else None,
        time=candidate.time if candidate else None,
        source=SourceRef(name=source.name, role=source.role) if source else None,
        evidence=[Span(text=sentence.text, start=sentence.start, end=sentence.end)],
    )
