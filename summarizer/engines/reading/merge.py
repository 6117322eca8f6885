"""Merging a v3 reading into the extractive body, item by item, with provenance.

A model's claimant, speaker or event replaces or joins the analyser's only when it passes the
checks of `summarizer.checks.reading`; it is then marked `provenance: model`, and every answer
that was not used is named in the warnings with the reason. The extractive body stays the floor.
"""

from __future__ import annotations

from typing import Any

from summarizer.analysis.types import Analysis
from summarizer.checks.draft import headline_problems, summary_problems, validation_context
from summarizer.checks.reading import (
    claimant_problems,
    event_problems,
    headline_drift,
    misplaced_numbers,
    name_near,
)
from summarizer.contract import MAX_EVENTS, MAX_MODEL_EVENTS
from summarizer.engines.base import Article
from summarizer.engines.reading.inputs import NOBODY, ReadingInputs
from summarizer.models import AttributionNote, Event, Quote, Source, SourceRef, Span, SummaryBody

MODEL_NOTE = AttributionNote(method="model", confidence=0.6)


def merge_reading(
    article: Article, analysis: Analysis, base: SummaryBody, answer: Any, inputs: ReadingInputs
) -> tuple[SummaryBody, list[str]]:
    body = base.model_copy(deep=True)
    warnings: list[str] = []
    context = validation_context(article.text, analysis, len(inputs.sentences), base.summary)
    _merge_text(body, answer, context, analysis, warnings)
    _merge_claimants(body, answer, inputs, warnings)
    _merge_speakers(body, answer, inputs, warnings)
    _merge_events(article, analysis, body, answer, inputs, warnings)
    return body, warnings


def _merge_text(
    body: SummaryBody, answer: Any, context: dict[str, Any], analysis: Analysis,
    warnings: list[str],
) -> None:  # fmt: skip
    headline = getattr(answer, "headline", None)
    if headline:
        problems = headline_problems(headline, context) + misplaced_numbers(analysis, headline)
        problems += headline_drift(analysis, body.headline, headline)
        _use(body, "headline", headline, problems, warnings)
    summary = getattr(answer, "summary", None)
    if summary:
        _use(body, "summary", summary, summary_problems(summary, context), warnings)


def _use(
    body: SummaryBody, name: str, value: str, problems: list[str], warnings: list[str]
) -> None:
    if problems:
        warnings.append(f"model {name} not used ({'; '.join(problems)}); extractive kept")
    else:
        setattr(body, name, value.strip())


def _figure_position(body: SummaryBody, analysis: Analysis, index: int) -> int | None:
    """Where analysis.figures[index] stands in body.figures (matched by evidence)."""
    candidate = analysis.figures[index]
    for position, figure in enumerate(body.figures):
        if (
            figure.evidence.start == candidate.evidence_start
            and figure.value == candidate.number.value
        ):
            return position
    return None


def _merge_claimants(
    body: SummaryBody, answer: Any, inputs: ReadingInputs, warnings: list[str]
) -> None:
    asked = {f.id: f for f in inputs.figures}
    for choice in getattr(answer, "claimants", None) or []:
        item = asked.get(choice.figure)
        if item is None:
            continue
        candidate = inputs.analysis.figures[item.index]
        problems = claimant_problems(inputs.analysis, candidate, choice.source)
        position = _figure_position(body, inputs.analysis, item.index)
        if problems or position is None:
            warnings.append(f"model claimant for '{candidate.number.text}' not used "
                            f"({'; '.join(problems) or 'figure dropped'})")  # fmt: skip
            continue
        figure = body.figures[position]
        source = None if choice.source == NOBODY else _ref(body, choice.source)
        body.figures[position] = figure.model_copy(
            update={"source": source, "provenance": "model", "attribution": MODEL_NOTE}
        )


def _ref(body: SummaryBody, name: str) -> SourceRef:
    known = next((s for s in body.sources if s.name == name), None)
    return SourceRef(name=name, role=known.role if known else None)


def _merge_speakers(
    body: SummaryBody, answer: Any, inputs: ReadingInputs, warnings: list[str]
) -> None:
    asked = {q.id: q for q in inputs.quotes}
    for choice in getattr(answer, "speakers", None) or []:
        item = asked.get(choice.quote)
        if item is None or choice.speaker == NOBODY:
            continue
        mention = inputs.analysis.quotes[item.index]
        sentence = next(
            (s.index for s in inputs.analysis.sentences if s.start <= mention.start < s.end), -1
        )
        problems = claimant_problems_for_quote(inputs, choice.speaker, sentence)
        if problems:
            warnings.append(f"model speaker for a quote not used ({'; '.join(problems)})")
            continue
        _move_quote(body, mention.start, mention.end, mention.text, choice.speaker)


def claimant_problems_for_quote(inputs: ReadingInputs, name: str, sentence: int) -> list[str]:
    if name_near(inputs.analysis, name, sentence):
        return []
    return [f"'{name}' is not named near the quote"]


def _move_quote(body: SummaryBody, start: int, end: int, text: str, speaker: str) -> None:
    for source in body.sources:
        source.quotes = [q for q in source.quotes if not (q.start == start and q.end == end)]
    quote = Quote(text=text, start=start, end=end, provenance="model", attribution=MODEL_NOTE)
    target = next((s for s in body.sources if s.name == speaker), None)
    if target is None:
        target = Source(name=speaker, kind="person")
        body.sources.append(target)
    target.quotes.append(quote)


def _merge_events(
    article: Article, analysis: Analysis, body: SummaryBody, answer: Any,
    inputs: ReadingInputs, warnings: list[str],
) -> None:  # fmt: skip
    for proposed in (getattr(answer, "events", None) or [])[:MAX_MODEL_EVENTS]:
        numbers = [n for n in proposed.sentences if 1 <= n <= len(inputs.sentences)]
        cited = [inputs.sentences[n - 1] for n in dict.fromkeys(numbers)]
        problems = event_problems(article.text, analysis, proposed.description, cited, [])
        if problems:
            warnings.append(f"model event not used ({'; '.join(problems)})")
            continue
        evidence = [Span(text=s.text, start=s.start, end=s.end) for s in cited]
        source = None if proposed.source == NOBODY else _ref(body, proposed.source)
        event = Event(
            description=proposed.description.strip(),
            source=source,
            evidence=evidence,
            provenance="model",
        )
        _place_event(body, event)
    body.events.sort(key=lambda e: e.evidence[0].start if e.evidence else len(article.text))


def _place_event(body: SummaryBody, event: Event) -> None:
    """Replace the analyser's event on the same sentence, else add (within MAX_EVENTS)."""
    first = event.evidence[0]
    for position, existing in enumerate(body.events):
        if any(s.start < first.end and first.start < s.end for s in existing.evidence):
            update = {"description": event.description, "evidence": event.evidence,
                      "provenance": "model"}  # fmt: skip
            body.events[position] = existing.model_copy(update=update)
            return
    if len(body.events) < MAX_EVENTS:
        body.events.append(event)
