"""What the prompt templates see: numbered sentences and the analyser's findings.

The model is told what the analyser already knows (figures with claimants, loaded words with
neutral alternatives) so it spends its few output tokens on wording, not on finding numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.analysis.types import Analysis, FigureCandidate, Sentence
from summarizer.engines.base import Article
from summarizer.engines.draft import MAX_EVENTS, MAX_HEADLINE_WORDS, MAX_SUMMARY_WORDS

MAX_FIGURES_IN_PROMPT = 12


@dataclass(frozen=True)
class PromptInputs:
    sentences: list[Sentence]  # sentence n in the prompt is sentences[n - 1]
    template_context: dict[str, Any]


def build_prompt_inputs(article: Article, analysis: Analysis, max_chars: int) -> PromptInputs:
    sentences = _sentences_within(analysis.sentences, max_chars)
    context = {
        "title": article.title or "",
        "published_at": article.published_at or "",
        "sentences": [{"n": n, "text": s.text} for n, s in enumerate(sentences, start=1)],
        "truncated": len(sentences) < sum(1 for s in analysis.sentences if _usable(s)),
        "figures": [_describe_figure(f) for f in analysis.figures[:MAX_FIGURES_IN_PROMPT]],
        "loaded": _loaded_pairs(analysis),
        "disputes": _dispute_lines(analysis),
        "max_headline_words": MAX_HEADLINE_WORDS,
        "max_summary_words": MAX_SUMMARY_WORDS,
        "max_events": MAX_EVENTS,
    }
    return PromptInputs(sentences=sentences, template_context=context)


def _usable(sentence: Sentence) -> bool:
    return not (sentence.is_caption or sentence.is_duplicate)


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


def _loaded_pairs(analysis: Analysis) -> list[str]:
    pairs: dict[str, str] = {}
    for mention in analysis.loaded:
        if not mention.in_quote:
            pairs.setdefault(mention.text.lower(), mention.neutral or "(leave out)")
    return [f"{word} -> {neutral}" for word, neutral in pairs.items()]


def _dispute_lines(analysis: Analysis) -> list[str]:
    lines = []
    for group in analysis.conflicts:
        members = [analysis.figures[i] for i in group if i < len(analysis.figures)]
        lines.append("; ".join(_describe_figure(f) for f in members))
    return lines
