"""The extractive body: figures, disputes, sources with quotes, loaded language and events, each
span cut straight from the article. No model.

Pure functions of the article and its analysis; model-based engines use them as their floor.
"""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.types import (
    Analysis,
    Confidence,
    EventCandidate,
    FigureCandidate,
    SourceMention,
)
from summarizer.contract import MAX_EVENTS
from summarizer.models import (
    AttributionNote,
    Dispute,
    Event,
    Figure,
    LoadedTerm,
    Quote,
    Source,
    SourceRef,
    Span,
)

_PARTICIPLES = vocabulary.words("outcome_participles")
_WEAK_END = vocabulary.words("weak_line_ends")


def span_of(text: str, start: int, end: int) -> Span | None:
    if not 0 <= start < end <= len(text):
        return None
    return Span(text=text[start:end], start=start, end=end)


def _ref(source: SourceMention | None) -> SourceRef | None:
    return SourceRef(name=source.name, role=source.role) if source is not None else None


def figures_of(text: str, analysis: Analysis) -> list[Figure]:
    conflicts_of: dict[int, list[int]] = {}
    for group in analysis.conflicts:
        for index in group:
            conflicts_of[index] = [other for other in group if other != index]
    figures: list[Figure] = []
    for index, candidate in enumerate(analysis.figures):
        evidence = span_of(text, candidate.evidence_start, candidate.evidence_end)
        if evidence is None:
            continue
        figures.append(_figure(candidate, evidence, conflicts_of.get(index, [])))
    return figures


def _figure(candidate: FigureCandidate, evidence: Span, conflicts: list[int]) -> Figure:
    number = candidate.number
    return Figure(
        value=number.value,
        upper=number.upper,
        unit=number.unit,
        measure=candidate.measure,
        qualifier=number.qualifier,
        status=candidate.status,
        source=_ref(candidate.source),
        evidence=evidence,
        attribution=note_of(candidate.attribution),
        conflicts_with=conflicts,
    )


def note_of(found: Confidence) -> AttributionNote:
    return AttributionNote(method=found.method, confidence=round(found.score, 2))


def disputes_of(analysis: Analysis, figures: list[Figure]) -> list[Dispute]:
    disputes: list[Dispute] = []
    for group in analysis.conflicts:
        members = [i for i in group if i < len(figures)]
        if len(members) < 2:
            continue
        claims = [_claim_words(analysis.figures[i]) for i in members]
        note = "; ".join(claims)
        disputes.append(
            Dispute(
                measure=figures[members[0]].measure,
                figures=members,
                note=note[0].upper() + note[1:] + ".",
            )
        )
    return disputes


def _claim_words(candidate: FigureCandidate) -> str:
    """'the UN says 364 Ukrainian civilians were killed'."""
    source = candidate.source
    who = display_name(source) if source else "the article"
    verb = "say" if source and source.kind != "person" and who.endswith("s") else "says"
    words = candidate.measure.split()
    if len(words) > 1 and words[-1] in _PARTICIPLES:
        measure = " ".join([*words[:-1], "were", words[-1]])
    else:
        measure = candidate.measure
    return f"{who} {verb} {candidate.number.text} {measure}"


def display_name(source: SourceMention) -> str:
    if source.kind in ("organisation", "government", "media") and source.name.isupper():
        return f"the {source.name}"  # "the UN"
    return source.name


def sources_of(text: str, analysis: Analysis) -> list[Source]:
    quotes_by_speaker: dict[str, list[Quote]] = {}
    index = SentenceIndex(analysis.sentences)
    for quote in analysis.quotes:
        sentence = index.at(quote.start)
        if quote.speaker is None or (sentence is not None and not sentence.is_reporting):
            continue  # a quote nobody can be tied to is not presented as anyone's statement
        span = span_of(text, quote.start, quote.end)
        if span is not None:
            listed = Quote(**span.model_dump(), attribution=note_of(quote.attribution))
            quotes_by_speaker.setdefault(quote.speaker.name, []).append(listed)
    return [
        Source(
            name=source.name,
            role=source.role,
            kind=source.kind,
            quotes=quotes_by_speaker.get(source.name, []),
        )
        for source in analysis.sources
    ]


def loaded_of(analysis: Analysis) -> list[LoadedTerm]:
    return [
        LoadedTerm(
            text=term.text,
            neutral=term.neutral,
            start=term.start,
            end=term.end,
            in_quote=term.in_quote,
            speaker=term.speaker,
        )
        for term in analysis.loaded
    ]


def events_of(text: str, analysis: Analysis) -> list[Event]:
    events: list[Event] = []
    for candidate in sorted(_diverse_events(analysis), key=lambda e: e.sentence):
        evidence = span_of(text, candidate.evidence_start, candidate.evidence_end)
        if evidence is None or not candidate.description:
            continue
        events.append(
            Event(
                description=candidate.description,
                actors=list(candidate.actors),
                location=candidate.location,
                time=candidate.time,
                source=_ref(candidate.source),
                evidence=[evidence],
            )
        )
    return events


def _diverse_events(analysis: Analysis) -> list[EventCandidate]:
    """The best events, each new pick penalised for repeating the words of earlier picks."""
    pool = {e.sentence: e for e in analysis.events}
    words = {i: content_words(analysis.sentences[i].text) for i in pool}
    chosen: list[EventCandidate] = []
    while pool and len(chosen) < MAX_EVENTS:

        def value(event: EventCandidate) -> float:
            repeated = max(
                (overlap(words[event.sentence], words[c.sentence]) for c in chosen), default=0.0
            )
            return event.score - 2.5 * repeated

        best = max(pool.values(), key=value)
        chosen.append(pool.pop(best.sentence))
    return chosen


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _WEAK_END}


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))
