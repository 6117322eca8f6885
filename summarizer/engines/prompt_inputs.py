"""What the prompt templates see: numbered sentences and the analyser's findings.

The model is told what the analyser already knows (figures with claimants, loaded words with
neutral alternatives) so it spends its few output tokens on wording, not on finding numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.analysis.loaded import neutralise
from summarizer.analysis.types import Analysis, EventCandidate, FigureCandidate, Sentence
from summarizer.checks.coverage import main_places
from summarizer.contract import MAX_HEADLINE_WORDS, MAX_MODEL_EVENTS, MAX_MODEL_SUMMARY_WORDS
from summarizer.engines.base import Article

MAX_FIGURES_IN_PROMPT = 12
LEAD_SENTENCES = 3
MAX_FACTS = 8


@dataclass(frozen=True)
class PromptInputs:
    sentences: list[Sentence]  # sentence n in the prompt is sentences[n - 1]
    template_context: dict[str, Any]


def build_prompt_inputs(
    article: Article, analysis: Analysis, max_chars: int, dispute_notes: list[str]
) -> PromptInputs:
    sentences = _sentences_within(analysis.sentences, max_chars)
    context = {
        "title": article.title or "",
        "published_at": article.published_at or "",
        "sentences": [{"n": n, "text": s.text} for n, s in enumerate(sentences, start=1)],
        "truncated": len(sentences) < sum(1 for s in analysis.sentences if _usable(s)),
        "figures": [_describe_figure(f) for f in analysis.figures[:MAX_FIGURES_IN_PROMPT]],
        "lead": [neutralise(s.text) for s in sentences[:LEAD_SENTENCES]],
        "facts": _key_facts(analysis),
        "main_events": [e.description for e in _top_events(analysis)],
        "loaded": _loaded_pairs(analysis),
        "disputes": dispute_notes,
        "places": main_places(analysis),
        "sources": _main_sources(analysis),
        "max_headline_words": MAX_HEADLINE_WORDS,
        "max_summary_words": MAX_MODEL_SUMMARY_WORDS,
        "max_events": MAX_MODEL_EVENTS,
    }
    return PromptInputs(sentences=sentences, template_context=context)


def _usable(sentence: Sentence) -> bool:
    return sentence.is_reporting


def _sentences_within(sentences: list[Sentence], max_chars: int) -> list[Sentence]:
    """Article order, captions and repeats left out, cut at the backend's prompt budget."""
    kept: list[Sentence] = []
    used = 0
    for sentence in filter(_usable, sentences):
        used += len(sentence.text) + 6
        if used > max_chars and kept:
            break
        kept.append(sentence)
    return kept


def _describe_figure(figure: FigureCandidate) -> str:
    source = figure.source.name if figure.source else "no named source"
    return f"{figure.number.text} ({figure.measure}) - {source}, {figure.status}"


def _key_facts(analysis: Analysis) -> list[str]:
    """Figures as short attributed facts, sourced ones first: what the summary should carry."""
    ranked = sorted(analysis.figures, key=lambda f: (f.source is None, f.number.start))
    facts = []
    for figure in ranked[:MAX_FACTS]:
        claim = f"{figure.number.text} {figure.measure}"
        if figure.source is not None:
            who = figure.source.name + (f" ({figure.source.role})" if figure.source.role else "")
            claim += f", {figure.status} by {who}"
        facts.append(neutralise(claim))
    return facts


def _top_events(analysis: Analysis) -> list[EventCandidate]:
    best = sorted(analysis.events, key=lambda e: -e.score)[:3]
    return sorted(best, key=lambda e: e.evidence_start)


def _loaded_pairs(analysis: Analysis) -> list[str]:
    pairs: dict[str, str] = {}
    for mention in analysis.loaded:
        if not mention.in_quote:
            pairs.setdefault(mention.text.lower(), mention.neutral or "(leave out)")
    return [f"{word} -> {neutral}" for word, neutral in pairs.items()]


def _main_sources(analysis: Analysis) -> list[str]:
    """Named sources of figures, in article order: who the summary should attribute to."""
    names: list[str] = []
    for figure in analysis.figures:
        source = figure.source
        if source is not None and source.kind != "anonymous":
            label = f"{source.name} ({source.role})" if source.role else source.name
            if label not in names:
                names.append(label)
    return names[:5]
