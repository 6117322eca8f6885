"""The extractive engine: the whole contract from the analyser alone, no model.

`build_body` is a pure function of the article and its analysis. Model-based engines use it as
their fallback, so every span it emits is cut straight from the article (`article[start:end]`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.analysis import vocabulary
from summarizer.analysis.events import describe
from summarizer.analysis.loaded import loaded_terms_in, neutralise
from summarizer.analysis.quotes import is_scare_quote
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.types import (
    Analysis,
    EventCandidate,
    FigureCandidate,
    Sentence,
    SourceMention,
)
from summarizer.contract import (
    MAX_EVENTS,
    MAX_HEADLINE_WORDS,
    MAX_SUMMARY_SENTENCES,
    MAX_SUMMARY_WORDS,
)
from summarizer.engines.base import NO_MODEL, Article, EngineResult
from summarizer.models import (
    Dispute,
    Event,
    Figure,
    LoadedTerm,
    Source,
    SourceRef,
    Span,
    SummaryBody,
)

if TYPE_CHECKING:
    from summarizer.engines.prompting import PromptTemplate

_PARTICIPLES = vocabulary.words("outcome_participles")
_PRONOUN_LEAD = re.compile(r"^(He|She|They)\s+(?=\w)")
_LEAD_FILLER = re.compile(r"^(?:But|And|So|Yet|Meanwhile|However|It came as|It came amid),?\s+")
_HEADLINE_CUT = re.compile(r"\s(?:when|as|after|while|which|who|because|before|where)\s")
_ASIDE = re.compile(r",\s*(?:including|among them|many of them|most of them)[^,]*,")
_WEAK_END = vocabulary.words("weak_line_ends")


class ExtractiveEngine:
    """No model, no prompt, instant: what the analyser finds, assembled into the contract."""

    name = "extractive"
    capabilities = NO_MODEL  # pure CPU work, milliseconds

    def generate(
        self,
        article: Article,
        analysis: Analysis,
        prompt: PromptTemplate | None,
        deadline: float | None = None,
    ) -> EngineResult:
        del prompt, deadline  # no prompt, and milliseconds of work
        return EngineResult(body=build_body(article, analysis))

    def is_ready(self) -> bool:
        return True

    def model_name(self) -> str | None:
        return None

    def close(self) -> None:
        return None


def build_body(article: Article, analysis: Analysis) -> SummaryBody:
    """The whole contract, from the analysis alone."""
    text = article.text
    figures = _figures(text, analysis)
    events = _events(text, analysis)
    return SummaryBody(
        headline=_headline(article, analysis),
        summary=_summary(analysis),
        events=events,
        figures=figures,
        sources=_sources(text, analysis),
        loaded_language=_loaded(analysis),
        disputes=_disputes(analysis, figures),
    )


def _span(text: str, start: int, end: int) -> Span | None:
    if not 0 <= start < end <= len(text):
        return None
    return Span(text=text[start:end], start=start, end=end)


def _ref(source: SourceMention | None) -> SourceRef | None:
    return SourceRef(name=source.name, role=source.role) if source is not None else None


def _figures(text: str, analysis: Analysis) -> list[Figure]:
    conflicts_of: dict[int, list[int]] = {}
    for group in analysis.conflicts:
        for index in group:
            conflicts_of[index] = [other for other in group if other != index]
    figures: list[Figure] = []
    for index, candidate in enumerate(analysis.figures):
        evidence = _span(text, candidate.evidence_start, candidate.evidence_end)
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
        conflicts_with=conflicts,
    )


def _disputes(analysis: Analysis, figures: list[Figure]) -> list[Dispute]:
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
    who = _display_name(source) if source else "the article"
    verb = "say" if source and source.kind != "person" and who.endswith("s") else "says"
    words = candidate.measure.split()
    if len(words) > 1 and words[-1] in _PARTICIPLES:
        measure = " ".join([*words[:-1], "were", words[-1]])
    else:
        measure = candidate.measure
    return f"{who} {verb} {candidate.number.text} {measure}"


def _display_name(source: SourceMention) -> str:
    if source.kind in ("organisation", "government", "media") and source.name.isupper():
        return f"the {source.name}"  # "the UN"
    return source.name


def _sources(text: str, analysis: Analysis) -> list[Source]:
    quotes_by_speaker: dict[str, list[Span]] = {}
    index = SentenceIndex(analysis.sentences)
    for quote in analysis.quotes:
        sentence = index.at(quote.start)
        if quote.speaker is None or (sentence is not None and not sentence.is_reporting):
            continue  # a quote nobody can be tied to is not presented as anyone's statement
        span = _span(text, quote.start, quote.end)
        if span is not None:
            quotes_by_speaker.setdefault(quote.speaker.name, []).append(span)
    return [
        Source(
            name=source.name,
            role=source.role,
            kind=source.kind,
            quotes=quotes_by_speaker.get(source.name, []),
        )
        for source in analysis.sources
    ]


def _loaded(analysis: Analysis) -> list[LoadedTerm]:
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


def _events(text: str, analysis: Analysis) -> list[Event]:
    events: list[Event] = []
    for candidate in sorted(_diverse_events(analysis), key=lambda e: e.sentence):
        evidence = _span(text, candidate.evidence_start, candidate.evidence_end)
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
    words = {i: _content_words(analysis.sentences[i].text) for i in pool}
    chosen: list[EventCandidate] = []
    while pool and len(chosen) < MAX_EVENTS:

        def value(event: EventCandidate) -> float:
            overlap = max(
                (_overlap(words[event.sentence], words[c.sentence]) for c in chosen), default=0.0
            )
            return event.score - 1.5 * overlap

        best = max(pool.values(), key=value)
        chosen.append(pool.pop(best.sentence))
    return chosen


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _WEAK_END}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _headline(article: Article, analysis: Analysis) -> str:
    with_figures = {f.number.sentence for f in analysis.figures}

    def strength(event: EventCandidate) -> float:
        bonus = 1.5 * bool(event.actors) + 1.0 * bool(event.location)
        return event.score + bonus + 1.0 * (event.sentence in with_figures)

    for event in sorted(analysis.events, key=strength, reverse=True):
        headline = _shorten(event.description)
        if headline and not loaded_terms_in(headline):
            return headline
    if article.title:
        title = _shorten(neutralise(article.title))
        if title and not loaded_terms_in(title):
            return title
    first = next((s for s in analysis.sentences if s.is_reporting), None)
    return _shorten(describe(first.text)) if first else "Article summary"


def _shorten(sentence: str) -> str:
    """A headline of at most MAX_HEADLINE_WORDS words: the main clause, no final period."""
    text = _ASIDE.sub("", sentence.strip().rstrip("."))
    comma = text.find(",")
    if comma > 0 and len(text[:comma].split()) >= 5:
        text = text[:comma]
    cut = _HEADLINE_CUT.search(text)
    if cut is not None and len(text[: cut.start()].split()) >= 8:
        text = text[: cut.start()]
    words = [w for w in text.split() if w.lower() != "also"][:MAX_HEADLINE_WORDS]
    while words and words[-1].lower().strip(",;:") in _WEAK_END:
        words.pop()
    return " ".join(words).rstrip(",;:")


def _summary(analysis: Analysis) -> str:
    chosen = _pick_sentences(analysis)
    parts: list[str] = []
    words = 0
    for sentence in chosen:
        rendered = _render(sentence, analysis)
        count = len(rendered.split())
        if not rendered or loaded_terms_in(rendered) or words + count > MAX_SUMMARY_WORDS:
            continue
        parts.append(rendered)
        words += count
    return " ".join(parts)


def _pick_sentences(analysis: Analysis) -> list[Sentence]:
    """Greedy: the most informative sentences, preferring ones that add a place often named."""
    scores = _sentence_scores(analysis)
    places = {e.sentence: e.location for e in analysis.events if e.location}
    weight = _mentions(analysis.text, set(places.values()))
    chosen: list[int] = []
    seen_places: set[str] = set()
    while scores and len(chosen) < MAX_SUMMARY_SENTENCES:

        def gain(index: int) -> float:
            place = places.get(index)
            if place is None or place in seen_places:
                return scores[index]
            return scores[index] + 1.0 + 0.5 * min(4, weight[place])

        best = max(scores, key=gain)
        del scores[best]
        chosen.append(best)
        seen_places.add(places.get(best) or "")
    return [analysis.sentences[i] for i in sorted(chosen)]


def _mentions(text: str, places: set[str]) -> dict[str, int]:
    """How often each place is named in the article, in one pass over the text."""
    counts = dict.fromkeys(places, 0)
    if not places:
        return counts
    longest_first = sorted(places, key=len, reverse=True)
    named = re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\b")
    for match in named.finditer(text):
        if match.group() in counts:
            counts[match.group()] += 1
    return counts


def _sentence_scores(analysis: Analysis) -> dict[int, float]:
    quoted = _quoted_share(analysis)
    events = {e.sentence: e.score for e in analysis.events}
    attributed = {a.sentence for a in analysis.attributions if a.source is not None}
    disputed = {analysis.figures[i].number.sentence for g in analysis.conflicts for i in g}
    figure_count: dict[int, int] = {}
    for figure in analysis.figures:
        figure_count[figure.number.sentence] = figure_count.get(figure.number.sentence, 0) + 1
    loaded_count: dict[int, int] = {}
    sentence_index = SentenceIndex(analysis.sentences)
    for term in analysis.loaded:
        sentence = sentence_index.at(term.start)
        if not term.in_quote and sentence is not None:
            loaded_count[sentence.index] = loaded_count.get(sentence.index, 0) + 1
    scores: dict[int, float] = {}
    for sentence in analysis.sentences:
        length = len(sentence.text.split())
        if not sentence.is_reporting or quoted.get(sentence.index, 0) > 0.2:
            continue
        if length < 6 or length > 45 or sentence.text.rstrip().endswith("?"):
            continue
        score = events.get(sentence.index, 0.0) + 1.5 * min(2, figure_count.get(sentence.index, 0))
        score += 1.0 if sentence.index in attributed else 0.0
        score += 3.0 if sentence.index in disputed else 0.0  # a dispute must be told
        score -= 0.75 * loaded_count.get(sentence.index, 0)  # opinionated wording, less fact
        scores[sentence.index] = score - 0.05 * sentence.index
    return scores


def _quoted_share(analysis: Analysis) -> dict[int, float]:
    quotes = [q for q in analysis.quotes if not is_scare_quote(q.text)]
    quotes_in = SentenceIndex(analysis.sentences).group(quotes)
    share: dict[int, float] = {}
    for sentence in analysis.sentences:
        inside = sum(
            max(0, min(q.end, sentence.end) - max(q.start, sentence.start))
            for q in quotes_in.get(sentence.index, [])
        )
        share[sentence.index] = inside / max(1, sentence.end - sentence.start)
    return share


def _full_name(text: str, source: SourceMention) -> str:
    """'Reed added ...' -> 'Sam Reed added ...' when the summary never introduced Reed."""
    if source.kind != "person" or source.name in text:
        return text
    for alias in source.aliases:
        found = re.search(rf"\b{re.escape(alias)}\b", text)
        if found and source.name.endswith(alias):
            return text[: found.start()] + source.name + text[found.end() :]
    return text


def _render(sentence: Sentence, analysis: Analysis) -> str:
    """The sentence, neutral, with a pronoun subject replaced by the source it stands for."""
    text = " ".join(sentence.text.split())
    text = _LEAD_FILLER.sub("", text)
    attribution = next((a for a in analysis.attributions if a.sentence == sentence.index), None)
    source = attribution.source if attribution is not None else None
    if source is not None:
        text = _PRONOUN_LEAD.sub(_display_name(source) + " ", text, count=1)
        text = _full_name(text, source)
    text = neutralise(text).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "\u201d", '"')) else text + "."
