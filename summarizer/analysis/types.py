"""What the deterministic analyser finds in an article.

Every offset is into the article exactly as received (`text[start:end]`). These types are
internal: engines turn them into the public models of `summarizer.models`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from summarizer.models import Qualifier, SourceKind, Status

NumberKind = Literal["figure", "date", "year", "ordinal", "age", "name", "time"]


# below this confidence an attribution is ambiguous: a model may be asked about it
AMBIGUOUS = 0.6


@dataclass(frozen=True)
class Confidence:
    """How an attribution (a figure's claimant, a quote's speaker) was found, and how sure the
    analyser is of it, 0-1."""

    method: str
    score: float

    @property
    def ambiguous(self) -> bool:
        return self.score < AMBIGUOUS


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    is_caption: bool = False  # an image caption ("(Image: AFP via Getty Images)")
    is_duplicate: bool = False  # repeats an earlier line verbatim (captions often do)
    # text addressed to a language model ("Ignore all previous instructions..."), not reporting
    is_instruction: bool = False
    # a credit line, byline, sign-off, currency footnote or appeal to readers (analysis/wire.py)
    is_credit: bool = False
    # a title or subheading: a short line with no sentence-ending punctuation
    is_heading: bool = False
    # characters of a dateline that open the sentence ("BAGHDAD (Reuters) - "): not its news
    dateline: int = 0

    @property
    def is_reporting(self) -> bool:
        """Whether the sentence is the article's own reporting: not a caption or credit, not a
        repeat, not a planted instruction. The one test every stage uses."""
        noise = self.is_caption or self.is_credit or self.is_heading
        return not (noise or self.is_duplicate or self.is_instruction)

    @property
    def content(self) -> str:
        """The sentence without its dateline: what a headline, summary or event may use."""
        return self.text[self.dateline :]

    @property
    def content_start(self) -> int:
        return self.start + self.dateline


@dataclass(frozen=True)
class NumberMention:
    start: int  # span of the whole expression, qualifier included ("more than 2,000")
    end: int
    text: str
    value: float
    upper: float | None
    unit: str | None
    qualifier: Qualifier
    kind: NumberKind
    sentence: int  # index into Analysis.sentences


@dataclass(frozen=True)
class SourceMention:
    name: str
    role: str | None
    kind: SourceKind
    start: int  # where the name (or the pronoun that resolved to it) stands
    end: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One `source + verb` found in a sentence; `start` is where the verb stands."""

    sentence: int
    source: SourceMention
    verb: str
    status: Status
    start: int


@dataclass(frozen=True)
class Attribution:
    """Who states a sentence, with which verb, hence how firm."""

    sentence: int
    source: SourceMention | None
    verb: str | None
    status: Status


@dataclass(frozen=True)
class QuoteMention:
    start: int  # the quoted words, quotation marks excluded
    end: int
    text: str
    speaker: SourceMention | None
    attribution: Confidence = Confidence("none", 0.0)


@dataclass(frozen=True)
class LoadedMention:
    start: int
    end: int
    text: str
    neutral: str
    category: str  # e.g. "emotive", "violence", "dehumanising" (from the lexicon)
    in_quote: bool
    speaker: str | None = None


@dataclass(frozen=True)
class FigureCandidate:
    number: NumberMention
    measure: str
    status: Status
    source: SourceMention | None
    evidence_start: int  # the clause that states the figure
    evidence_end: int
    attribution: Confidence = Confidence("unattributed", 0.8)


@dataclass(frozen=True)
class EventCandidate:
    sentence: int
    description: str  # neutral rewrite of the sentence (loaded terms replaced)
    actors: tuple[str, ...]
    location: str | None
    time: str | None
    source: SourceMention | None
    evidence_start: int
    evidence_end: int
    score: float  # how informative; higher first


@dataclass
class Analysis:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    sources: list[SourceMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    loaded: list[LoadedMention] = field(default_factory=list)
    figures: list[FigureCandidate] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    # groups of indexes into `figures` that count the same measure with different values
    conflicts: list[tuple[int, ...]] = field(default_factory=list)
