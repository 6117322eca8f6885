"""Direct quotes: where they stand (quotation marks excluded); `speakers.py` says who says them.

News copy mixes curly, straight and mismatched marks (`”This` used as an opener), lets a quote run
over several paragraphs (each new paragraph reopens it without closing the previous one) and uses
one- or two-word scare quotes (`a “massive” attack`) that are not statements of anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.analysis.types import Sentence

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
_STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + _STRAIGHT
_TRAILING_JUNK = ",;:\u2013\u2014- \t\n\u00a0"
_SCARE_MAX_WORDS = 2


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the quoted words, marks and trailing comma excluded
    end: int
    paragraph: int
    continues: bool  # reopened in a new paragraph: same quote, same speaker as the previous one


def is_scare_quote(text: str) -> bool:
    """One or two quoted words ("no evidence", "massive"): a borrowed phrase, not a statement."""
    return len(text.split()) <= _SCARE_MAX_WORDS and not text.rstrip().endswith((".", "!", "?"))


def find_quote_spans(text: str, sentences: list[Sentence]) -> list[QuoteSpan]:
    """Quoted stretches in order; a quote running over paragraphs yields one piece each."""
    spans: list[QuoteSpan] = []
    open_across = False  # the previous paragraph ended inside a quote
    marked = _DOUBLED_SINGLES.sub(_as_double, text)  # same length: offsets hold in `text`
    for paragraph, (p_start, p_end) in enumerate(_paragraph_bounds(sentences)):
        pieces, still_open = _scan_paragraph(marked, p_start, p_end, open_across)
        for index, (q_start, q_end) in enumerate(pieces):
            continues = open_across and index == 0 and opens_paragraph(text, p_start)
            spans.append(QuoteSpan(q_start, q_end, paragraph, continues))
        open_across = still_open
    return spans


# some wire feeds close (and open) quotes with two single marks: '...voters,\u2019\u2019 Moy said'
_DOUBLED_SINGLES = re.compile("\u2019\u2019|\u2018\u2018|''")


def _as_double(match: re.Match[str]) -> str:
    return ("\u201c" if match.group()[0] == "\u2018" else "\u201d") + " "


def _paragraph_bounds(sentences: list[Sentence]) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    for sentence in sentences:
        if sentence.paragraph == len(bounds):
            bounds.append((sentence.start, sentence.end))
        else:
            bounds[-1] = (bounds[-1][0], sentence.end)
    return bounds


def opens_paragraph(text: str, p_start: int) -> bool:
    return 0 <= p_start < len(text) and text[p_start] in MARKS


def _is_opener(text: str, pos: int, p_start: int, p_end: int) -> bool:
    """Whether the mark at `pos` opens a quote, judged by what stands around it."""
    mark = text[pos]
    if mark in OPENERS:
        return True
    before = text[pos - 1] if pos > p_start else " "
    after = text[pos + 1] if pos + 1 < p_end else " "
    starts_word = (before.isspace() or before in "([\u2013\u2014-:") and not after.isspace()
    if mark in CLOSERS:
        return starts_word and after.isalnum()  # a misused closer: `”This is ...`
    return starts_word  # a straight mark at a word start opens


def _scan_paragraph(
    text: str, p_start: int, p_end: int, open_across: bool
) -> tuple[list[tuple[int, int]], bool]:
    pieces: list[tuple[int, int]] = []
    opened_at: int | None = None
    if open_across and not opens_paragraph(text, p_start):
        open_across = False  # the writer dropped the closing mark: the quote ended
    for pos in range(p_start, p_end):
        if text[pos] not in MARKS:
            continue
        if opened_at is None:
            if _is_opener(text, pos, p_start, p_end):
                opened_at = pos + 1
        elif not (_is_opener(text, pos, p_start, p_end) and text[pos] not in _STRAIGHT + CLOSERS):
            _add_piece(text, opened_at, pos, pieces)
            opened_at = None
    if opened_at is not None:
        _add_piece(text, opened_at, p_end, pieces)
        return pieces, True
    return pieces, False


def _add_piece(text: str, start: int, end: int, pieces: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING_JUNK:
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        pieces.append((start, end))
