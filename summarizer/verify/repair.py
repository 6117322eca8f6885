"""The verify step, run on every engine's output before it leaves the service.

It enforces the contract's one hard rule (`article[start:end] == text` for every span), checks
that each figure's value is what its evidence says, keeps `conflicts_with` and `disputes`
pointing at the right figures after drops, flags numbers in the headline and summary that the
article never states, and rewrites loaded words the engine let through. Every change is reported
as a warning an editor can read.
"""

from __future__ import annotations

import bisect

from summarizer.analysis.loaded import rewrite
from summarizer.analysis.numbers import find_numbers
from summarizer.analysis.types import Analysis, NumberMention
from summarizer.checks.text import unsupported_numbers, values_match
from summarizer.models import (
    Dispute,
    Event,
    Figure,
    LoadedTerm,
    Quote,
    Source,
    Span,
    SummaryBody,
)
from summarizer.verify.grounding import ground

_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019")


def _label(value: float) -> str:
    """'11,000', '0.667', '8,500,000': how a warning names a figure."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _repair_note(given: str, found: Span) -> str:
    """Why a span had to be repaired, in a few words."""
    if found.alignment == "fuzzy":
        return "approximate match"
    if given == found.text:
        return "wrong offsets"
    if _QUOTE_MARKS & (set(given) ^ set(found.text)):
        return "curly/straight quotes"
    if " ".join(given.split()) == " ".join(found.text.split()):
        return "whitespace"
    if given.lower() == found.text.lower():
        return "case"
    return "dashes, spacing or case"


def _grounded(article: str, span: Span) -> tuple[Span | None, str | None]:
    """The span made true to the article, and what was repaired (None when nothing was)."""
    found = ground(article, span)
    if found is None or found is span:
        return found, None
    return found, _repair_note(span.text, found)


# ---- figures -------------------------------------------------------------------------------


def _stated_values(evidence: Span, analysis: Analysis, article: str) -> list[float]:
    """Numbers the evidence states: the analyser's numbers overlapping it (a clause cut just
    before 'million' still counts), read afresh only when the analysis is of another text.
    Reading each evidence afresh made an article of 500 numbers take seconds."""
    if analysis.text == article:
        mentions = _overlapping(analysis.numbers, evidence)
    else:
        mentions = find_numbers(evidence.text, [])
    values: list[float] = []
    for mention in mentions:
        values.extend(v for v in (mention.value, mention.upper) if v is not None)
    return values


def _overlapping(numbers: list[NumberMention], span: Span) -> list[NumberMention]:
    """Numbers (sorted by start, as the analyser lists them) overlapping `span`."""
    starts = [n.start for n in numbers]
    first = max(0, bisect.bisect_left(starts, span.start) - 1)
    last = bisect.bisect_left(starts, span.end)
    return [n for n in numbers[first:last] if n.start < span.end and span.start < n.end]


def _figure_value_ok(figure: Figure, evidence: Span, analysis: Analysis, article: str) -> bool:
    unit = (figure.unit or "").lower()
    claims = [figure.value] + [figure.value * s for w, s in _SCALE_WORDS.items() if w in unit]
    stated = _stated_values(evidence, analysis, article)
    return any(values_match(claim, value) for claim in claims for value in stated)


def _verify_figures(
    article: str, figures: list[Figure], analysis: Analysis, warnings: list[str]
) -> tuple[list[Figure], dict[int, int]]:
    """Figures kept, and old index -> new index for the ones that survived."""
    kept: list[Figure] = []
    new_index: dict[int, int] = {}
    for old, figure in enumerate(figures):
        label = f"figure '{_label(figure.value)}'"
        evidence, note = _grounded(article, figure.evidence)
        if evidence is None:
            warnings.append(f"{label} dropped: not found in the article")
            continue
        if not _figure_value_ok(figure, evidence, analysis, article):
            # a fuzzy match that states another number means the figure's words are not there
            reason = (
                "not found in the article"
                if evidence.alignment == "fuzzy"
                else "its evidence does not state that number"
            )
            warnings.append(f"{label} dropped: {reason}")
            continue
        if note:
            warnings.append(f"{label} evidence repaired: {note}")
        new_index[old] = len(kept)
        kept.append(figure.model_copy(update={"evidence": evidence}))
    for position, figure in enumerate(kept):
        links = sorted({new_index[i] for i in figure.conflicts_with if i in new_index} - {position})
        kept[position] = figure.model_copy(update={"conflicts_with": links})
    return kept, new_index


def _verify_disputes(
    disputes: list[Dispute], new_index: dict[int, int], warnings: list[str]
) -> list[Dispute]:
    kept = []
    for dispute in disputes:
        indexes = sorted({new_index[i] for i in dispute.figures if i in new_index})
        if len(indexes) < 2:
            warnings.append(f"dispute '{_short(dispute.measure)}' dropped: fewer than two figures")
            continue
        kept.append(dispute.model_copy(update={"figures": indexes}))
    return kept


# ---- events, sources, loaded language ------------------------------------------------------


def _verify_events(article: str, events: list[Event], warnings: list[str]) -> list[Event]:
    kept = []
    for event in events:
        label = f"event '{_short(event.description)}'"
        evidence: list[Span] = []
        for span in event.evidence:
            found, note = _grounded(article, span)
            if found is None:
                dropped = _short(span.text)
                warnings.append(f"{label}: evidence '{dropped}' dropped: not in the article")
                continue
            if note:
                warnings.append(f"{label}: evidence repaired: {note}")
            evidence.append(found)
        if not evidence:
            warnings.append(f"{label} dropped: no evidence found in the article")
            continue
        description = _neutral_text(f"{label} description", event.description, warnings)
        kept.append(event.model_copy(update={"evidence": evidence, "description": description}))
    return kept


def _verify_sources(article: str, sources: list[Source], warnings: list[str]) -> list[Source]:
    kept = []
    for source in sources:
        quotes: list[Quote] = []
        for quote in source.quotes:
            found, note = _grounded(article, quote)
            if found is None:
                warnings.append(
                    f"quote by {source.name} dropped: not found in the article "
                    f"('{_short(quote.text)}')"
                )
                continue
            if note:
                warnings.append(f"quote by {source.name} repaired: {note}")
            place = {"text": found.text, "start": found.start, "end": found.end}
            quotes.append(quote.model_copy(update={**place, "alignment": found.alignment}))
        kept.append(source.model_copy(update={"quotes": quotes}))
    return kept


def _verify_loaded(article: str, terms: list[LoadedTerm], warnings: list[str]) -> list[LoadedTerm]:
    """Loaded-term spans must be the word itself: an approximate match is not good enough."""
    kept = []
    for term in terms:
        found = ground(article, Span(text=term.text, start=term.start, end=term.end))
        if found is None or found.text.lower() != term.text.lower():
            warnings.append(f"loaded term '{term.text}' dropped: not found in the article")
            continue
        kept.append(
            term.model_copy(update={"text": found.text, "start": found.start, "end": found.end})
        )
    return kept


# ---- headline and summary ------------------------------------------------------------------


def _neutral_text(field: str, text: str, warnings: list[str]) -> str:
    """`text` with loaded words outside quotes rewritten; one warning per change.

    Every term outside quotation marks is reported: replaced (with what), removed, or left in
    place (with why: removing it would break the sentence, or no neutral form fits there). A term
    written several times with the same outcome is reported once, with the count.
    """
    result = rewrite(text)
    notes: dict[str, int] = {}
    for change in result.changes:
        if change.action == "replaced":
            note = f"{field}: '{change.text}' replaced by '{change.neutral}'"
        elif change.action == "removed":
            note = f"{field}: '{change.text}' removed"
        elif not change.in_quote:
            note = f"{field}: loaded term '{change.text}' left in place ({change.reason})"
        else:
            continue  # inside a quote: the speaker's words
        notes[note] = notes.get(note, 0) + 1
    warnings.extend(note if n == 1 else f"{note} ({n} times)" for note, n in notes.items())
    return result.text


def _check_text(
    field: str, article: str, analysis: Analysis, text: str, warnings: list[str]
) -> str:
    for number in unsupported_numbers(article, analysis, text):
        warnings.append(f"{field}: number '{number}' not found in the article")
    return _neutral_text(field, text, warnings)


def verify_body(
    article: str, body: SummaryBody, analysis: Analysis
) -> tuple[SummaryBody, list[str]]:
    """A corrected copy of `body` (every span true to the article) and what was changed."""
    warnings: list[str] = []
    figures, new_index = _verify_figures(article, body.figures, analysis, warnings)
    corrected = body.model_copy(
        update={
            "headline": _check_text("headline", article, analysis, body.headline, warnings),
            "summary": _check_text("summary", article, analysis, body.summary, warnings),
            "figures": figures,
            "disputes": _verify_disputes(body.disputes, new_index, warnings),
            "events": _verify_events(article, body.events, warnings),
            "sources": _verify_sources(article, body.sources, warnings),
            "loaded_language": _verify_loaded(article, body.loaded_language, warnings),
        }
    )
    return corrected, warnings
