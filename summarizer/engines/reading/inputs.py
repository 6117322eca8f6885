"""What prompt v3 asks a model: the article's numbered sentences and the analyser's items by id.

Only what the analyser is unsure of is asked: figures whose claimant is ambiguous (several
claimants in the sentence, or none in it but one just before), quotes with no speaker or a weak
one. Each answer must choose from the names the article gives (`names`): the schema makes them an
enum, so llama.cpp's grammar cannot write another one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from summarizer.analysis import vocabulary
from summarizer.analysis.sources import parse_source
from summarizer.analysis.types import Analysis, FigureCandidate, QuoteMention, Sentence
from summarizer.contract import MAX_MODEL_EVENTS
from summarizer.engines.prompt_inputs import PromptInputs

NOBODY = "none"
MAX_ASKED_FIGURES = 6
MAX_ASKED_QUOTES = 4
MAX_NAMES = 24
CONTEXT = 1  # sentences shown either side of an item asked about
_NOT_NAMES = vocabulary.words("not_places") | vocabulary.words("leading_subordinators")
_TITLES_AND_ROLES = vocabulary.words("titles") | vocabulary.words("role_heads")
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


@dataclass(frozen=True)
class AskedFigure:
    id: str  # "F1"
    index: int  # into analysis.figures
    sentence: int  # prompt sentence number (1-based)


@dataclass(frozen=True)
class AskedQuote:
    id: str  # "Q1"
    index: int  # into analysis.quotes
    sentence: int


@dataclass(frozen=True)
class ReadingInputs:
    """The v2 inputs plus the items and names v3 asks about, and which decisions are on."""

    analysis: Analysis
    base: PromptInputs
    decisions: frozenset[str]
    figures: list[AskedFigure] = field(default_factory=list)
    quotes: list[AskedQuote] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return self.base.sentences

    def template_context(self) -> dict[str, Any]:
        return {
            **self.base.template_context,
            "sentences": self._shown_sentences(),
            "decisions": sorted(self.decisions),
            "asked_figures": [self._describe_figure(f) for f in self.figures],
            "asked_quotes": [self._describe_quote(q) for q in self.quotes],
            "names": self.names,
            "nobody": NOBODY,
        }

    def _shown_sentences(self) -> list[dict[str, Any]]:
        """Every numbered sentence when the model describes events; otherwise only the ones
        around the items asked (the prompt is most of a small model's time)."""
        numbered = self.base.template_context["sentences"]
        if max_events(self.decisions):
            return list(numbered)
        around: set[int] = set()
        for n in [f.sentence for f in self.figures] + [q.sentence for q in self.quotes]:
            around.update(range(n - CONTEXT, n + CONTEXT + 1))
        return [s for s in numbered if s["n"] in around]

    def _describe_figure(self, asked: AskedFigure) -> dict[str, Any]:
        return {"id": asked.id, "sentence": asked.sentence, "text": self._figure_text(asked)}

    def _figure_text(self, asked: AskedFigure) -> str:
        return self.analysis.figures[asked.index].number.text

    def _describe_quote(self, asked: AskedQuote) -> dict[str, Any]:
        words = self.analysis.quotes[asked.index].text.split()
        return {"id": asked.id, "sentence": asked.sentence, "text": " ".join(words[:14])}


def build_reading_inputs(
    analysis: Analysis, base: PromptInputs, decisions: frozenset[str]
) -> ReadingInputs:
    number_of = {s.index: n for n, s in enumerate(base.sentences, start=1)}
    figures = [
        AskedFigure(f"F{k}", index, number_of[f.number.sentence])
        for k, (index, f) in enumerate(_ambiguous_figures(analysis, number_of), start=1)
    ]
    quotes = [
        AskedQuote(f"Q{k}", index, number_of[_sentence_of(analysis, q)])
        for k, (index, q) in enumerate(_ambiguous_quotes(analysis, number_of), start=1)
    ]
    if "claimants" not in decisions:
        figures = []
    if "speakers" not in decisions:
        quotes = []
    return ReadingInputs(
        analysis=analysis,
        base=base,
        decisions=decisions,
        figures=figures,
        quotes=quotes,
        names=candidate_names(analysis),
    )


def _ambiguous_figures(
    analysis: Analysis, number_of: dict[int, int]
) -> list[tuple[int, FigureCandidate]]:
    found = [
        (index, figure)
        for index, figure in enumerate(analysis.figures)
        if figure.attribution.ambiguous and figure.number.sentence in number_of
    ]
    return found[:MAX_ASKED_FIGURES]


def _sentence_of(analysis: Analysis, quote: QuoteMention) -> int:
    for sentence in analysis.sentences:
        if sentence.start <= quote.start < sentence.end:
            return sentence.index
    return -1


def _ambiguous_quotes(
    analysis: Analysis, number_of: dict[int, int]
) -> list[tuple[int, QuoteMention]]:
    found = [
        (index, quote)
        for index, quote in enumerate(analysis.quotes)
        if len(quote.text.split()) >= 4
        and quote.attribution.ambiguous
        and _sentence_of(analysis, quote) in number_of
    ]
    return found[:MAX_ASKED_QUOTES]


def candidate_names(analysis: Analysis) -> list[str]:
    """Who may be chosen: the sources the analyser found, then the people the article names
    (first and last name) in its reporting sentences."""
    names: list[str] = [s.name for s in analysis.sources]
    for sentence in analysis.sentences:
        if not sentence.is_reporting:
            continue
        for match in _PERSON.finditer(sentence.content):
            if _inside_longer_name(sentence.content, match.start(), match.end()):
                continue  # "Marine Accident" of "Marine Accident Investigation Branch"
            parsed = parse_source(match.group())
            if parsed is None or parsed.kind != "person" or parsed.role is not None:
                continue
            known = any(parsed.name in n or n.endswith(parsed.name.split()[-1]) for n in names)
            if not known and not set(parsed.name.lower().split()) & _NOT_NAMES:
                names.append(parsed.name)
    return names[:MAX_NAMES]


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip().rsplit(" ", 1)[-1] if text[:start].strip() else ""
    after = text[end:].lstrip().split(" ", 1)[0] if text[end:].startswith(" ") else ""
    titled = before.lower().strip(".") in _TITLES_AND_ROLES  # "Minister Tomas Kral" is a name
    return (before[:1].isupper() and not titled) or after[:1].isupper()


def max_events(decisions: frozenset[str]) -> int:
    return MAX_MODEL_EVENTS if "events" in decisions else 0
