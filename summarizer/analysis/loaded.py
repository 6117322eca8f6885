"""Loaded and emotive language: find it in an article, keep it out of what we write.

The lexicon (`summarizer/data/loaded_terms*.json`: the core list, wire-copy forms and general
news language, read by `loaded_lexicon`) lists inflected forms
with a neutral alternative and a category, after Recasens et al. (2013) and AllSides' media-bias
types. An empty neutral marks a pure intensifier or emotive adjective: it is removed, not
replaced, and only where the sentence still reads without it (`loaded_grammar`). A loaded word
inside a protected phrase (`summarizer/data/protected_terms.json`: "capital murder conviction",
"assault rifle") is not loaded there, and words inside quotation marks belong to the speaker.

`rewrite` returns the neutral text and every change (replaced, removed, left in place) so callers
can report them; `neutralise` returns the text alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from summarizer.analysis.loaded_grammar import Removal, fix_article, is_adverb, without_repeat
from summarizer.analysis.loaded_lexicon import Match, find_matches, match_case
from summarizer.analysis.types import LoadedMention

__all__ = ["Change", "Rewrite", "find_loaded", "loaded_terms_in", "neutralise", "rewrite"]

# quotation marks in generated text: the words inside belong to the speaker and stay verbatim.
# Single quotes open after a space or bracket and close before a non-letter, so "don't" and
# "it's" inside a quote do not end it.
_QUOTED_RE = re.compile(
    r"“[^”]{0,3000}”"
    r"|\"[^\"\n]{0,3000}\""
    r"|«[^»]{0,3000}»"
    r"|„[^“”\n]{0,3000}[“”]"
    r"|(?<![^\s(\[{—–-])‘(?=\S)(?:[^’\n]|’(?=[^\W\d_])){0,3000}?(?<=\S)’(?![^\W\d_])"
    r"|(?<![^\s(\[{—–-])'(?=\S)(?:[^'\n]|'(?=[^\W\d_])){0,3000}?(?<=\S)'(?![^\W\d_])"
)
# an opening mark with no closing one quotes to the end of its paragraph; a closing mark with
# no opening one (a quote carried over from the paragraph before) quotes from the paragraph start
_OPENING_RE = re.compile(r"[“„«]|(?<![^\s(\[{—–-])\"(?=\S)")
_CLOSING_RE = re.compile(r"[”»]|(?<=\S)\"(?![^\W\d_])")
# adverbs of these categories may go at the end of a clause ('beaten brutally.'); stance adverbs
# may not ('he spoke clearly.', 'she cares deeply.')
_END_ADVERB_CATEGORIES = frozenset({"emotive", "violence"})

Action = Literal["replaced", "removed", "kept"]


@dataclass(frozen=True)
class Change:
    """One loaded term in a rewritten text and what became of it."""

    start: int  # offsets in the input text
    end: int
    text: str  # as written in the input
    action: Action
    neutral: str = ""  # the replacement ("" when removed or kept)
    reason: str = ""  # why it was kept: "in a quote", "removing it would break the sentence"

    @property
    def in_quote(self) -> bool:
        return self.reason == _IN_QUOTE


@dataclass(frozen=True)
class Rewrite:
    text: str
    changes: list[Change] = field(default_factory=list)

    @property
    def kept(self) -> list[Change]:
        """Terms left in place outside quotes (the ones a reader still sees as ours)."""
        return [c for c in self.changes if c.action == "kept" and not c.in_quote]


_IN_QUOTE = "in a quote"
_WOULD_BREAK = "removing it would break the sentence"
_NO_FIT = "no neutral alternative fits here"


def find_loaded(text: str, quotes: list[tuple[int, int, str | None]]) -> list[LoadedMention]:
    """Every loaded term in `text`; inside a direct quote it is the speaker's (in_quote=True).

    `quotes` are (start, end, speaker) spans of direct quotes. An empty `neutral` means the
    word should simply be removed (an intensifier: 'barbaric', 'bloody').
    """
    ordered = sorted(quotes)
    quote_starts = [start for start, _, _ in ordered]
    mentions = []
    for match in find_matches(text):
        position = bisect.bisect_right(quote_starts, match.start) - 1
        quote = ordered[position] if position >= 0 else None
        inside = quote is not None and match.end <= quote[1]
        original = text[match.start : match.end]
        neutral = match.neutral if match.neutral is not None else match.term.neutral
        mentions.append(
            LoadedMention(
                start=match.start,
                end=match.end,
                text=original,
                neutral=match_case(original, neutral),
                category=match.term.category,
                in_quote=inside,
                speaker=quote[2] if inside and quote is not None else None,
            )
        )
    return mentions


def loaded_terms_in(text: str, include_quoted: bool = True) -> list[str]:
    """The loaded terms present in generated text, as written, each once."""
    quoted = quoted_spans(text) if not include_quoted else []
    seen: dict[str, str] = {}
    for match in find_matches(text):
        if not _inside(match, quoted):
            seen.setdefault(text[match.start : match.end].lower(), text[match.start : match.end])
    return list(seen.values())


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` inside quotation marks (curly, straight, single, guillemets)."""
    spans = [(quoted.start(), quoted.end()) for quoted in _QUOTED_RE.finditer(text)]

    def covered(position: int) -> bool:
        return any(start <= position < end for start, end in spans)

    extra = []
    for mark in _OPENING_RE.finditer(text):
        if not covered(mark.start()):
            line_end = text.find("\n", mark.start())
            extra.append((mark.start(), len(text) if line_end < 0 else line_end))
    for mark in _CLOSING_RE.finditer(text):
        if not covered(mark.start()) and not any(s <= mark.start() < e for s, e in extra):
            extra.append((text.rfind("\n", 0, mark.start()) + 1, mark.end()))
    return sorted(spans + extra)


def _inside(match: Match, spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start and match.end <= end for start, end in spans)


def _capitalised(piece: str) -> tuple[str, bool]:
    """`piece` with its first letter upper-cased when only spaces precede it; and whether the
    request to capitalise is used up (it is when any non-space character comes first)."""
    stripped = piece.lstrip()
    if not stripped:
        return piece, False
    at = len(piece) - len(stripped)
    if stripped[0].isalpha():
        return piece[:at] + stripped[0].upper() + stripped[1:], True
    return piece, True


def rewrite(text: str, keep_quotes: bool = True) -> Rewrite:
    """`text` with loaded terms replaced by neutral ones and intensifiers removed cleanly, and
    what happened to each term.

    Words inside quotation marks are left alone when `keep_quotes` (a quote is verbatim); an
    intensifier whose removal would leave a broken sentence is kept and reported as kept.
    """
    quoted = quoted_spans(text) if keep_quotes else []
    matches = find_matches(text)
    changes: list[Change] = []
    out = ""
    position = 0
    capitalise = False

    def emit(piece: str) -> None:
        nonlocal out, capitalise
        if capitalise and piece:
            piece, used = _capitalised(piece)
            capitalise = not used
        out += piece

    for number, match in enumerate(matches):
        original = text[match.start : match.end]
        if match.start < position:
            continue  # taken with the removal before it
        if _inside(match, quoted):
            changes.append(Change(match.start, match.end, original, "kept", reason=_IN_QUOTE))
            continue
        if match.neutral is None:
            changes.append(Change(match.start, match.end, original, "kept", reason=_NO_FIT))
            continue
        emit(text[position : match.start])
        if match.neutral:
            replacement = match_case(original, match.neutral)
            trimmed = without_repeat(out, replacement)
            if trimmed is not None:  # 'abuses and atrocities': the neutral word is already there
                out, position = trimmed, match.end
                changes.append(Change(match.start, match.end, original, "removed"))
                continue
            out = fix_article(out, replacement)
            emit(replacement)
            position = match.end
            changes.append(Change(match.start, match.end, original, "replaced", replacement))
            continue
        following = matches[number + 1] if number + 1 < len(matches) else None
        removal = _plan(text, out, match, following, quoted)
        if removal is None:
            position = match.start  # the term is copied with the text after it
            changes.append(Change(match.start, match.end, original, "kept", reason=_WOULD_BREAK))
            continue
        out, position = removal.out, removal.resume
        capitalise = capitalise or removal.capitalise
        changes.append(Change(match.start, match.end, original, "removed"))
    emit(text[position:])
    return Rewrite(out, changes)


def _plan(
    text: str, out: str, match: Match, following: Match | None, quoted: list[tuple[int, int]]
) -> Removal | None:
    last_word = match.term.words[-1]
    chained = (
        following is not None
        and following.neutral == ""
        and not _inside(following, quoted)
        and re.fullmatch(r"\s*,\s+|\s+(?:and|or)\s+", text[match.end : following.start]) is not None
    )
    return Removal.plan(
        text,
        out,
        match.start,
        match.end,
        adverb=is_adverb(last_word),
        chained=chained,
        at_end_ok=match.term.category in _END_ADVERB_CATEGORIES,
    )


def neutralise(text: str, keep_quotes: bool = True) -> str:
    """`text` with loaded terms replaced by neutral ones and intensifiers removed cleanly.

    Words inside quotation marks are left alone when `keep_quotes` (a quote is verbatim);
    an intensifier whose removal would leave a broken sentence is kept.
    """
    return rewrite(text, keep_quotes).text
