"""The deterministic analyser: everything an engine needs to know about an article, offsets exact.

`analyse(text)` never raises: any input (empty, huge, HTML, another language) yields an Analysis,
possibly with empty parts, because every engine and the verify step rely on it.
"""

from __future__ import annotations

import logging

from summarizer.analysis.attribution import AttributionResult, attribute
from summarizer.analysis.events import event_candidates
from summarizer.analysis.figures import figure_candidates, find_conflicts
from summarizer.analysis.loaded import find_loaded
from summarizer.analysis.numbers import find_numbers
from summarizer.analysis.quotes import find_quote_spans
from summarizer.analysis.segment import segment
from summarizer.analysis.speakers import attach_speakers
from summarizer.analysis.types import Analysis, LoadedMention

__all__ = ["Analysis", "analyse"]

_log = logging.getLogger(__name__)


def analyse(text: str) -> Analysis:
    """Sentences, numbers, sources, quotes, loaded terms, figures, events and conflicts."""
    analysis = Analysis(text=text)
    try:
        _fill(analysis)
    except Exception:  # a heuristic failing on odd input must not take the request down
        _log.exception("analysis failed part-way; returning what was found")
    return analysis


def _outside_instructions(found: list[LoadedMention], analysis: Analysis) -> list[LoadedMention]:
    """Words of a planted instruction to a model are not the article's language."""
    planted = [(s.start, s.end) for s in analysis.sentences if s.is_instruction]
    if not planted:
        return found
    return [m for m in found if not any(lo <= m.start < hi for lo, hi in planted)]


def _fill(analysis: Analysis) -> None:
    text = analysis.text
    analysis.sentences = segment(text)
    analysis.numbers = find_numbers(text, analysis.sentences)
    spans = find_quote_spans(text, analysis.sentences)
    attributed: AttributionResult = attribute(text, analysis.sentences, spans)
    analysis.sources = attributed.sources
    analysis.attributions = attributed.attributions
    analysis.quotes = attach_speakers(
        text,
        spans,
        analysis.sentences,
        attributed.attributions,
        attributed.sources,
        attributed.claims,
    )
    known = {source.name for source in analysis.sources}
    for quote in analysis.quotes:
        # a speaker found only by a quote ('Her lawyer, Jeremy Robinson, had a statement.
        # "..."') is a source of the article too
        if quote.speaker is not None and quote.speaker.name not in known:
            analysis.sources.append(quote.speaker)
            known.add(quote.speaker.name)
    quote_spans = [(q.start, q.end, q.speaker.name if q.speaker else None) for q in analysis.quotes]
    analysis.loaded = _outside_instructions(find_loaded(text, quote_spans), analysis)
    analysis.figures = figure_candidates(
        text, analysis.sentences, analysis.numbers, attributed.claims, analysis.quotes
    )
    analysis.conflicts = find_conflicts(text, analysis.figures)
    analysis.events = event_candidates(
        analysis.sentences,
        analysis.attributions,
        analysis.quotes,
        frozenset(f.number.sentence for f in analysis.figures),
    )
