"""Loaded and emotive language: find it in an article, keep it out of what we write.

The lexicon (`summarizer/data/loaded_terms.json`) lists inflected forms with a neutral
alternative and a category, after Recasens et al. (2013) and AllSides' media-bias types. An empty
neutral marks a pure intensifier or emotive adjective: it is removed, not replaced.

Matching is word by word (a dict look-up per word, multi-word terms keyed by their first word), so
a long article costs one tokenising pass rather than one regex per term.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from summarizer.analysis.types import LoadedMention

# a word, hyphenated compounds and apostrophes included ("cold-blooded", "Putin's")
_APOSTROPHE = "\u2019"
_WORD_RE = re.compile(rf"[^\W\d_]+(?:['{_APOSTROPHE}-][^\W\d_]+)*")
_SENTENCE_BREAK_RE = re.compile(r"[.!?:;\"“”\u2018(\n]")
# quotation marks in generated text: the words inside belong to the speaker and stay verbatim
_QUOTED_RE = re.compile(r"“[^”]{0,3000}”|\"[^\"\n]{0,3000}\"|«[^»]{0,3000}»")
# after these an adjective is predicative: removing it would leave "the attack was."
_COPULAS = frozenset(
    [
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "became",
        "become",
        "becomes",
        "seemed",
        "seems",
        "seem",
        "looked",
        "looks",
        "remain",
        "remained",
        "remains",
        "appeared",
        "appears",
        "proved",
        "so",
        "too",
        "as",
    ]
)
_CONNECTOR_RE = re.compile(r"\s*,\s+|\s+(?:and|or)\s+")
_ARTICLE_RE = re.compile(rf"(?<![\w'{_APOSTROPHE}])(a|an|A|An|AN)(\s+)$")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # lower-case words of the form: ("razed", "to", "the", "ground")
    neutral: str  # "" = remove
    category: str
    not_after: frozenset[str]  # preceding words that make the form neutral ("sanctions regime")


@dataclass(frozen=True)
class _Lexicon:
    single: dict[str, Term]
    multi: dict[str, list[Term]]  # first word -> terms, longest first


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    term: Term
    previous_word: str | None


@cache
def _lexicon() -> _Lexicon:
    raw = resources.files("summarizer").joinpath("data/loaded_terms.json").read_text("utf-8")
    single: dict[str, Term] = {}
    multi: dict[str, list[Term]] = {}
    for entry in json.loads(raw)["entries"]:
        words = tuple(entry["term"].lower().split())
        term = Term(
            words, entry["neutral"], entry["category"], frozenset(entry.get("not_after", []))
        )
        if len(words) == 1:
            single[words[0]] = term
        else:
            multi.setdefault(words[0], []).append(term)
    for terms in multi.values():
        terms.sort(key=lambda term: len(term.words), reverse=True)
    return _Lexicon(single, multi)


def _normal(word: str) -> str:
    return word.lower().replace(_APOSTROPHE, "'")


def _multi_word_match(
    text: str, tokens: list[re.Match[str]], index: int, terms: list[Term]
) -> tuple[Term, int] | None:
    """The longest multi-word term starting at tokens[index], with its token count."""
    for term in terms:
        last = index + len(term.words) - 1
        if last >= len(tokens):
            continue
        span = tokens[index : last + 1]
        if all(_normal(t.group()) == w for t, w in zip(span, term.words, strict=True)) and all(
            text[a.end() : b.start()].isspace() for a, b in itertools.pairwise(span)
        ):
            return term, len(term.words)
    return None


def _possessive(term: Term) -> Term:
    neutral = term.neutral + "'s" if term.neutral else ""
    return Term((*term.words[:-1], term.words[-1] + "'s"), neutral, term.category, term.not_after)


def _is_name_part(text: str, token: re.Match[str], previous: re.Match[str] | None) -> bool:
    """A capitalised term mid-sentence is part of a name ('Palestine Liberation Organization')."""
    word = token.group()
    if not word[:1].isupper() or word.isupper() or previous is None:
        return False
    return not _SENTENCE_BREAK_RE.search(text[previous.end() : token.start()])


def _matches(text: str) -> Iterator[_Match]:
    lexicon = _lexicon()
    tokens = list(_WORD_RE.finditer(text))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        word = _normal(token.group())
        found = None
        if word in lexicon.multi:
            found = _multi_word_match(text, tokens, index, lexicon.multi[word])
        if found is None and word in lexicon.single:
            found = lexicon.single[word], 1
        elif found is None and word.endswith("'s") and word[:-2] in lexicon.single:
            found = _possessive(lexicon.single[word[:-2]]), 1  # "the regime's"
        previous = tokens[index - 1] if index > 0 else None
        if found is None or _is_name_part(text, token, previous):
            index += 1
            continue
        term, length = found
        previous_word = _normal(previous.group()) if previous is not None else None
        index += length
        if previous_word in term.not_after:
            continue
        yield _Match(token.start(), tokens[index - 1].end(), term, previous_word)


def match_case(original: str, replacement: str) -> str:
    """'Slaughtered' -> 'Killed', 'RAZED' -> 'DESTROYED'."""
    if not replacement:
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def find_loaded(text: str, quotes: list[tuple[int, int, str | None]]) -> list[LoadedMention]:
    """Every loaded term in `text`; inside a direct quote it is the speaker's (in_quote=True).

    `quotes` are (start, end, speaker) spans of direct quotes. An empty `neutral` means the
    word should simply be removed (an intensifier: 'barbaric', 'bloody').
    """
    ordered = sorted(quotes)
    quote_starts = [start for start, _, _ in ordered]
    mentions = []
    for match in _matches(text):
        position = bisect.bisect_right(quote_starts, match.start) - 1
        quote = ordered[position] if position >= 0 else None
        inside = quote is not None and match.end <= quote[1]
        original = text[match.start : match.end]
        mentions.append(
            LoadedMention(
                start=match.start,
                end=match.end,
                text=original,
                neutral=match_case(original, match.term.neutral),
                category=match.term.category,
                in_quote=inside,
                speaker=quote[2] if inside and quote is not None else None,
            )
        )
    return mentions


def loaded_terms_in(text: str, include_quoted: bool = True) -> list[str]:
    """The loaded terms present in generated text, as written, each once."""
    quoted = _quoted_spans(text) if not include_quoted else []
    seen: dict[str, str] = {}
    for match in _matches(text):
        if not _inside(match, quoted):
            seen.setdefault(text[match.start : match.end].lower(), text[match.start : match.end])
    return list(seen.values())


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(quoted.start(), quoted.end()) for quoted in _QUOTED_RE.finditer(text)]


def _inside(match: _Match, spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start and match.end <= end for start, end in spans)


def _is_adverb(term: Term) -> bool:
    return term.words[-1].endswith("ly") or term.words[-1] == "very"


def _removal_end(text: str, match: _Match, next_match: _Match | None) -> int | None:
    """Where removing an intensifier ends (its trailing space or 'and'), or None when removing
    it would break the sentence ('the attack was brutal.')."""
    if match.previous_word in _COPULAS and not _is_adverb(match.term):
        return None
    connector = _CONNECTOR_RE.match(text, match.end)
    if (
        connector is not None
        and next_match is not None
        and next_match.start == connector.end()
        and not next_match.term.neutral
    ):
        return connector.end()  # 'brutal and bloody war', 'very, very difficult'
    space = re.compile(r"[ \t]+(?=[^\W_])").match(text, match.end)
    return space.end() if space is not None else None


def _an(next_word: str) -> str:
    """'a' or 'an' before `next_word`, by its sound for the common exceptions."""
    lower = next_word.lower()
    if lower.startswith(("hour", "honest", "honour", "heir")):
        return "an"
    if lower.startswith(("uni", "use", "usu", "eu", "one", "once")):
        return "a"
    return "an" if lower[:1] in ("a", "e", "i", "o", "u") else "a"


def _fix_article(pieces: list[str], next_word: str) -> None:
    """Make the 'a'/'an' just before a replaced word agree with the new word."""
    if not pieces or not next_word:
        return
    article = _ARTICLE_RE.search(pieces[-1])
    if article is None:
        return
    wanted = _an(next_word)
    written = article.group(1)
    fixed = match_case(written, wanted) if written[:1].isupper() else wanted
    pieces[-1] = pieces[-1][: article.start()] + fixed + article.group(2)


def _next_word(text: str, position: int) -> str:
    found = _WORD_RE.search(text, position, min(len(text), position + 60))
    return found.group() if found else ""


def neutralise(text: str, keep_quotes: bool = True) -> str:
    """`text` with loaded terms replaced by neutral ones and intensifiers removed cleanly.

    Words inside quotation marks are left alone when `keep_quotes` (a quote is verbatim);
    an intensifier whose removal would leave a broken sentence is kept.
    """
    quoted = _quoted_spans(text) if keep_quotes else []
    matches = [match for match in _matches(text) if not _inside(match, quoted)]
    pieces: list[str] = []
    position = 0
    capitalise_next = False
    for number, match in enumerate(matches):
        if match.start < position:
            continue
        original = text[match.start : match.end]
        pieces.append(text[position : match.start])
        if match.term.neutral:
            replacement = match_case(original, match.term.neutral)
            if capitalise_next:
                replacement, capitalise_next = match_case("X", replacement), False
            _fix_article(pieces, replacement)
            pieces.append(replacement)
            position = match.end
            continue
        following = matches[number + 1] if number + 1 < len(matches) else None
        removal_end = _removal_end(text, match, following)
        if removal_end is None:
            position = match.start
            continue
        _fix_article(pieces, _next_word(text, removal_end))
        capitalise_next = capitalise_next or (original[:1].isupper() and not original.isupper())
        position = removal_end
        if capitalise_next and (following is None or following.start != removal_end):
            pieces.append(match_case("X", text[removal_end : removal_end + 1]))
            position, capitalise_next = removal_end + 1, False
    pieces.append(text[position:])
    return "".join(pieces)
