"""Ground a snippet of text in the article: find the exact characters it stands for.

LangExtract-style alignment in three steps, cheapest first:

1. exact: the snippet occurs verbatim (the occurrence nearest to `hint` wins);
2. repaired: it occurs once whitespace, curly/straight quotes, dashes and case are normalised;
   offsets are mapped back to the original characters;
3. fuzzy: a window of article words is similar enough (difflib ratio >= threshold). Candidate
   windows come from word votes (where the snippet's rarer words occur), so the cost grows with
   the snippet, not with article length times snippet length.

Whatever comes back satisfies `article[span.start:span.end] == span.text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from summarizer.models import Span

FUZZY_THRESHOLD = 0.85
_MAX_OCCURRENCES = 2000  # exact matches considered when a snippet repeats
_COMMON_WORD_LIMIT = 40  # a word this frequent in the article casts no votes
_CANDIDATES = 8
_TRANSLATE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
}
_WORD_RE = re.compile(r"\w+")
_LEADING_PUNCTUATION = re.compile(r"^[^\w\s]+")
_TRAILING_PUNCTUATION = re.compile(r"[^\w\s]+$")


@dataclass(frozen=True)
class _Normalised:
    """A normalised text and, for each of its characters, the original character's index."""

    text: str
    origin: list[int]


@dataclass(frozen=True)
class _Words:
    words: list[str]
    starts: list[int]  # offsets in the normalised text
    ends: list[int]
    positions: dict[str, list[int]]  # word -> indexes in `words`


def _normal_char(char: str) -> str:
    if char in _TRANSLATE:
        return _TRANSLATE[char]
    if char.isspace():
        return " "
    if char.isascii():
        return char.lower()
    # accents dropped, so 'café' precomposed and decomposed compare equal
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


@lru_cache(maxsize=16)
def normalise(text: str) -> _Normalised:
    """Quotes straightened, dashes unified, case folded, whitespace runs collapsed."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _normal_char(char):
            if piece == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(piece)
            origin.append(index)
    return _Normalised("".join(chars), origin)


@lru_cache(maxsize=16)
def _words_of(normalised_text: str) -> _Words:
    words, starts, ends = [], [], []
    positions: dict[str, list[int]] = {}
    for number, match in enumerate(_WORD_RE.finditer(normalised_text)):
        words.append(match.group())
        starts.append(match.start())
        ends.append(match.end())
        positions.setdefault(match.group(), []).append(number)
    return _Words(words, starts, ends, positions)


def _nearest(starts: list[int], hint: int | None) -> int:
    if hint is None:
        return starts[0]
    return min(starts, key=lambda start: abs(start - hint))


def _occurrences(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    position = haystack.find(needle)
    while position != -1 and len(found) < _MAX_OCCURRENCES:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def _span(article: str, start: int, end: int, alignment: str) -> Span:
    return Span.model_validate(
        {"text": article[start:end], "start": start, "end": end, "alignment": alignment}
    )


def _exact(article: str, snippet: str, hint: int | None) -> Span | None:
    starts = _occurrences(article, snippet)
    if not starts:
        return None
    start = _nearest(starts, hint)
    return _span(article, start, start + len(snippet), "exact")


def _repaired(article: str, snippet: str, hint: int | None) -> Span | None:
    normal_article = normalise(article)
    needle = normalise(snippet).text.strip()
    if not needle:
        return None
    starts = _occurrences(normal_article.text, needle)
    if not starts:
        return None
    original_starts = [normal_article.origin[start] for start in starts]
    chosen = starts[original_starts.index(_nearest(original_starts, hint))]
    start = normal_article.origin[chosen]
    end = normal_article.origin[chosen + len(needle) - 1] + 1
    return _span(article, start, end, "repaired")


def _candidate_starts(article_words: _Words, snippet_words: list[str]) -> list[int]:
    """Word indexes where the snippet would start, by how many of its words agree."""
    votes: Counter[int] = Counter()
    for offset, word in enumerate(snippet_words):
        positions = article_words.positions.get(word, [])
        if len(positions) > _COMMON_WORD_LIMIT:
            continue
        for position in positions:
            votes[position - offset] += 1
    return [start for start, _ in votes.most_common(_CANDIDATES)]


def _best_window(
    article_words: _Words, normal_text: str, needle: str, length: int, starts: list[int]
) -> tuple[float, int, int] | None:
    """The (ratio, first word, last word) window most similar to `needle`."""
    best: tuple[float, int, int] | None = None
    slack = max(1, length // 5)
    total = len(article_words.words)
    for candidate in starts:
        for first in range(max(0, candidate - slack), min(total, candidate + slack + 1)):
            for last in range(first + max(0, length - slack - 1), first + length + slack):
                if last >= total:
                    break
                window = normal_text[article_words.starts[first] : article_words.ends[last]]
                matcher = SequenceMatcher(None, needle, window, autojunk=False)
                floor = best[0] if best else 0.0
                if matcher.real_quick_ratio() <= floor or matcher.quick_ratio() <= floor:
                    continue
                ratio = matcher.ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, first, last)
    return best


def _fuzzy(article: str, snippet: str, threshold: float) -> Span | None:
    normal_article = normalise(article)
    needle = normalise(snippet).text.strip()
    snippet_words = _WORD_RE.findall(needle)
    if not snippet_words or len(needle) > 5000:
        return None
    article_words = _words_of(normal_article.text)
    starts = _candidate_starts(article_words, snippet_words)
    best = _best_window(article_words, normal_article.text, needle, len(snippet_words), starts)
    if best is None or best[0] < threshold:
        return None
    _, first, last = best
    start = normal_article.origin[article_words.starts[first]]
    end = normal_article.origin[article_words.ends[last] - 1] + 1
    start, end = _with_edge_punctuation(article, needle, start, end)
    return _span(article, start, end, "fuzzy")


def _with_edge_punctuation(article: str, needle: str, start: int, end: int) -> tuple[int, int]:
    """Word windows drop edge punctuation; take back as much as the snippet itself has
    ('"They are destroying us."' keeps its opening quote and full stop)."""
    leading = len(needle) - len(_LEADING_PUNCTUATION.sub("", needle, count=1))
    trailing = len(needle) - len(_TRAILING_PUNCTUATION.sub("", needle, count=1))
    while leading and start > 0 and _is_punctuation(article[start - 1]):
        start, leading = start - 1, leading - 1
    while trailing and end < len(article) and _is_punctuation(article[end]):
        end, trailing = end + 1, trailing - 1
    return start, end


def _is_punctuation(char: str) -> bool:
    return not char.isspace() and not char.isalnum()


def align(
    article: str, snippet: str, hint: int | None = None, threshold: float = FUZZY_THRESHOLD
) -> Span | None:
    """The span of `article` that `snippet` quotes: exact, then repaired, then fuzzy; or None.

    `hint` is where the snippet is expected (e.g. the offset a model gave): among several
    occurrences the nearest wins.
    """
    if not snippet or not snippet.strip() or not article:
        return None
    return (
        _exact(article, snippet, hint)
        or _repaired(article, snippet, hint)
        or _fuzzy(article, snippet, threshold)
    )


def ground(article: str, span: Span, threshold: float = FUZZY_THRESHOLD) -> Span | None:
    """`span` if it is right; else the same text at its true offsets; else an aligned span."""
    if 0 <= span.start <= span.end <= len(article) and article[span.start : span.end] == span.text:
        return span
    return align(article, span.text, hint=span.start, threshold=threshold)
