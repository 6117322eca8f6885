"""Split an article into paragraphs and sentences, keeping exact character offsets.

Plain text from the web is messy: captions and photo credits sit between paragraphs, the same
caption often appears twice, closing quotes are glued to the next sentence (`ongoing.”Ukrainian`)
and non-breaking spaces stand where spaces should be. Every sentence keeps `text[start:end]`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from summarizer.analysis import vocabulary, wire
from summarizer.analysis.types import Sentence


class _HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_SpanT = TypeVar("_SpanT", bound=_HasSpan)

# Words that end with a period without ending the sentence.
_ABBREVIATIONS = vocabulary.words("abbreviations")
# Abbreviations that only hold before a number ("No. 10", "Art. 5").
_NUMBER_ABBREVIATIONS = vocabulary.words("number_abbreviations")

_CLOSING_QUOTES = "\u201d\"\u2019'\u00bb"
_TERMINATOR = re.compile(r"[.!?\u2026]+[)\]" + _CLOSING_QUOTES + "]*")
_OPENERS = "\u201c\"\u2018'\u00ab([\u2013\u2014-"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")

_CAPTION = re.compile(
    r"\((?:Image|Images|Photo|Photos|Picture|Pic|Credit|Photograph|Video)\s*:"
    r"|Getty Images|Shutterstock|\bvia Getty\b|\bPhotograph:|\bPhoto credit\b|\bImage caption\b"
    r"|\bImage source\b|\(AP Photo|/AP\)|/Reuters\)|\bREUTERS/|\bPA Wire\b|\bAlamy\b"
    # a picture credit closing the paragraph: "... in Durban [Stringer/EPA]", "... supply chain.
    # Mike Blake/Reuters files"
    r"|[\[(][A-Z][\w .'\u2019-]{1,40}/[A-Z][\w .&'-]{1,30}[\])]\s*$"
    r"|\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}/(?:Reuters|AP|AFP|EPA|Getty Images|Bloomberg|Xinhua"
    r"|Anadolu|Sipa|Shutterstock)(?:\s+files?)?\.?\s*$",
)
# Prompt injection planted in an article: text that talks to a model instead of reporting.
_INSTRUCTION_STRONG = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?"
    r"(?:previous|prior|above|earlier|preceding|system)\s+(?:instructions?|prompts?|rules|messages?)"
    r"|\byou\s+are\s+now\b|\bsystem\s+prompt\b|\bas\s+an\s+ai\b|\blanguage\s+model\b"
    r"|\bnew\s+instructions?\s*:",
    re.IGNORECASE,
)
_INSTRUCTION_WEAK = re.compile(
    r"\b(?:use|write|output|set)\s+the\s+(?:headline|summary|title)\b|\brespond\s+(?:only\s+)?with\b"
    r"|\b(?:report|state|say)\s+that\b|\bdo\s+not\s+(?:mention|report|include)\b|\bmode\s*:",
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]+")
MAX_SENTENCE_CHARS = 1_000
_PARAGRAPH_END = ".!?:;)]\u2026" + _CLOSING_QUOTES
_SENTENCE_END = ".!?\u2026" + _CLOSING_QUOTES


def segment(text: str) -> list[Sentence]:
    """Sentences of `text` in order, each with its paragraph, flags and dateline."""
    sentences: list[Sentence] = []
    seen_paragraphs: set[str] = set()
    seen_sentences: set[str] = set()
    seen_captions: set[str] = set()
    seen_caption_paragraphs: set[str] = set()
    lines = _line_texts(text)
    dateline_chances = 3  # a dateline opens one of the story's first paragraphs
    for paragraph, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        para_text = text[p_start:p_end]
        key = _normalise(para_text)
        caption = _is_caption(para_text, key, lines)
        # a caption repeating a caption is a duplicate; a body line repeating a caption is not
        # (the caption is no reporting, so the body's copy must count)
        seen = seen_caption_paragraphs if caption else seen_paragraphs
        duplicate_paragraph = key in seen_paragraphs or (caption and key in seen_caption_paragraphs)
        seen.add(key)
        credit = wire.is_credit_line(para_text) or wire.is_promo(para_text)
        if wire.is_photo_credit(para_text):
            credit = True
            _mark_caption(sentences, paragraph - 1)  # the picture's caption stands before it
        dateline = 0
        if dateline_chances and not (caption or credit):
            dateline = wire.dateline_end(para_text, first=dateline_chances == 3)
            dateline_chances = 0 if dateline else dateline_chances - 1
        flags = {
            "is_caption": caption,
            "is_instruction": _is_instruction(para_text),
            "is_credit": credit,
            "is_heading": _is_heading(para_text) and not (caption or credit),
        }
        for s_start, s_end in _sentence_spans(text, p_start, p_end):
            s_text = text[s_start:s_end]
            s_key = _normalise(s_text)
            sentence_seen = s_key in seen_sentences or (caption and s_key in seen_captions)
            duplicate = duplicate_paragraph or (len(s_key) > 20 and sentence_seen)
            (seen_captions if caption else seen_sentences).add(s_key)
            lead_in = dateline if s_start == p_start and dateline < len(s_text) else 0
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=s_start,
                    end=s_end,
                    text=s_text,
                    paragraph=paragraph,
                    is_duplicate=duplicate,
                    dateline=lead_in,
                    **flags,
                )
            )
    return sentences


def _mark_caption(sentences: list[Sentence], paragraph: int) -> None:
    for position, sentence in enumerate(sentences):
        if sentence.paragraph == paragraph:
            sentences[position] = replace(sentence, is_caption=True)


def _normalise(fragment: str) -> str:
    return " ".join(fragment.split()).lower()


def _line_texts(text: str) -> dict[str, int]:
    """How often each (normalised) line occurs: a repeated unpunctuated line is a caption."""
    counts: dict[str, int] = {}
    for match in _LINE.finditer(text):
        key = _normalise(match.group())
        if key:
            counts[key] = counts.get(key, 0) + 1
    return counts


def _is_caption(para_text: str, key: str, lines: dict[str, int]) -> bool:
    if _CAPTION.search(para_text):
        return True
    # Web pages repeat a picture's caption (alt text + caption); body paragraphs are punctuated.
    unpunctuated = not para_text.rstrip().endswith(tuple(_PARAGRAPH_END))
    return unpunctuated and lines.get(key, 0) > 1 and len(key.split()) < 40


def _is_heading(para_text: str) -> bool:
    """A title or subheading: one short line that does not end like a sentence."""
    stripped = para_text.rstrip()
    return len(stripped.split()) <= 14 and not stripped.endswith(tuple(_SENTENCE_END))


def _is_instruction(para_text: str) -> bool:
    """A paragraph giving orders to a model: one strong sign or two weak ones."""
    if _INSTRUCTION_STRONG.search(para_text):
        return True
    return len(_INSTRUCTION_WEAK.findall(para_text)) >= 2


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines; a hard-wrapped line (no end punctuation, next starts lowercase) joins."""
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        start, end = _trimmed(text, match.start(), match.end())
        if start == end:
            continue
        if spans and _is_soft_wrap(text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _is_soft_wrap(text: str, previous: tuple[int, int], start: int) -> bool:
    gap = text[previous[1] : start]
    if gap.count("\n") != 1:
        return False
    return text[previous[1] - 1] not in _PARAGRAPH_END and text[start].islower()


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _TERMINATOR.finditer(text, start, end):
        if match.end() >= end:
            break
        if _is_break(text, match, end):
            spans.extend(_bounded(text, cursor, match.end()))
            cursor = match.end()
    spans.extend(_bounded(text, cursor, end))
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed span, cut at whitespace into pieces of at most MAX_SENTENCE_CHARS. No prose
    sentence is that long; a run of numbers or a table pasted as one line is, and every
    clause-level rule downstream would turn quadratic on it."""
    start, end = _trimmed(text, start, end)
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append(_trimmed(text, start, cut))
        start, end = _trimmed(text, cut, end)
    if start < end:
        pieces.append((start, end))
    return [(s, e) for s, e in pieces if s < e]


def _is_break(text: str, match: re.Match[str], end: int) -> bool:
    after = match.end()
    glued_quote = match.group()[-1] in _CLOSING_QUOTES and text[after].isupper()
    if not glued_quote:
        if not text[after].isspace():
            return False  # "3.5", "U.S.-led", "example.com"
        nxt = _next_visible(text, after, end)
        if nxt is None or not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            return False
    return not _is_abbreviation(text, match, end)


def _next_visible(text: str, pos: int, end: int) -> str | None:
    while pos < end and text[pos].isspace():
        pos += 1
    return text[pos] if pos < end else None


def _is_abbreviation(text: str, match: re.Match[str], end: int) -> bool:
    if match.group()[0] != "." or match.group().startswith(".."):
        return False
    word_match = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
    if word_match is None:
        return False
    word = word_match.group(1)
    lower = word.lower().rstrip(".")
    if lower in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    if _INITIALISM.match(word) and "." in word:
        return True  # "U.S.", "U.N.", "a.m."
    nxt = _next_visible(text, match.end(), end)
    return lower in _NUMBER_ABBREVIATIONS and nxt is not None and nxt.isdigit()


class SentenceIndex:
    """Finds sentences by offset in O(log n), so per-item lookups stay fast on long articles."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence | None:
        """The sentence containing `offset` (or ending right at it)."""
        position = bisect.bisect_right(self._starts, offset) - 1
        if position < 0:
            return None
        sentence = self.sentences[position]
        return sentence if offset <= sentence.end else None

    def overlapping(self, start: int, end: int) -> list[Sentence]:
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = bisect.bisect_left(self._starts, end)
        return [s for s in self.sentences[first:last] if s.start < end and start < s.end]

    def group(self, spans: Sequence[_SpanT]) -> dict[int, list[_SpanT]]:
        """Spans (anything with start/end) by the index of each sentence they overlap."""
        grouped: dict[int, list[_SpanT]] = {}
        for span in spans:
            for sentence in self.overlapping(span.start, span.end):
                grouped.setdefault(sentence.index, []).append(span)
        return grouped
