"""The loaded-language lexicon and where its terms occur in a text.

The data: `summarizer/data/loaded_terms.json`, `loaded_terms_wire.json` (general wire and
web-news emphasis) and `loaded_terms_general.json` (general emotive, sensational and evaluative
news vocabulary, with word sets of its own) list inflected forms, each with a neutral
alternative, a category and the contexts where the form is neutral or needs another alternative;
`summarizer/data/protected_terms.json` lists legal charges and verdicts, technical, medical and
scientific terms, names of laws and institutions and fixed expressions: a loaded word inside one
of them is not loaded there ("capital murder conviction", "assault rifle", "massive stroke").

Matching is word by word (a dict look-up per word, multi-word terms and protected phrases keyed by
their first word), so a long article costs one tokenising pass rather than one regex per term.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from summarizer.analysis.loaded_grammar import (
    FUNCTION_WORDS,
    INSERTED_ADVERBS,
    NEGATIONS,
    is_adverb,
)

# a word, hyphenated compounds and apostrophes included ("cold-blooded", "Putin's")
APOSTROPHE = "\u2019"
WORD_RE = re.compile(rf"[^\W\d_]+(?:['{APOSTROPHE}-][^\W\d_]+)*")
_SENTENCE_BREAK_RE = re.compile(r"[.!?:;\"“”\u2018(\n]")
_CLAUSE_BREAK_RE = re.compile(r"[.!?;\n]")
# spaces, or a number, between a term and the word it is checked against ('liberated 200 hostages')
_NUMBER_GAP_RE = re.compile(r"\s+(?:[$€£]?\d[\d.,]*%?\s+)?")
_NEAR_BEFORE, _NEAR_AFTER = 6, 4  # the window `not_near` and `alt.near` look at, in words
_END = "@end"  # in `only_before` / `alt.before`: punctuation or the end of the text follows


@dataclass(frozen=True)
class Alternative:
    """Another neutral for the form in some context; `neutral` None: no rewrite fits there."""

    neutral: str | None
    after: frozenset[str] = frozenset()
    before: tuple[tuple[str, ...], ...] = ()
    near: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # lower-case words of the form: ("razed", "to", "the", "ground")
    neutral: str  # "" = remove
    category: str
    not_after: frozenset[str] = frozenset()  # preceding words that make it neutral ("found")
    not_before: tuple[tuple[str, ...], ...] = ()  # following words/phrases ("out": "hammered out")
    only_before: tuple[tuple[str, ...], ...] = ()  # loaded only before these ("shock" + "defeat")
    not_near: frozenset[str] = frozenset()  # words nearby that make the sense literal ("storm")
    alternatives: tuple[Alternative, ...] = ()


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term
    previous_word: str | None
    neutral: str | None  # what to write here: "" = remove, None = no rewrite fits here


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    gaps: tuple[str, ...]  # what stands between the words besides spaces: "," in "cruel, inhuman"


@dataclass(frozen=True)
class Lexicon:
    single: dict[str, Term]
    multi: dict[str, list[Term]]  # first word -> terms, longest first
    protected: dict[str, list[Phrase]]  # first word -> phrases, longest first


def normal(word: str) -> str:
    return word.lower().replace(APOSTROPHE, "'")


def _words(raw: Iterable[str], sets: dict[str, list[str]]) -> frozenset[str]:
    """Lower-case words, '@name' expanded from the lexicon's word sets."""
    found: set[str] = set()
    for item in raw:
        found.update(sets[item[1:]] if item.startswith("@") and item != _END else [item])
    return frozenset(normal(word) for word in found)


def _phrases(raw: Iterable[str], sets: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normal(phrase).split()) for phrase in _words(raw, sets))


def _term(entry: dict[str, Any], sets: dict[str, list[str]]) -> Term:
    def strings(key: str) -> list[str]:
        return [str(item) for item in entry.get(key, [])]

    alternatives = []
    for raw in entry.get("alt", []):
        alternatives.append(
            Alternative(
                neutral=raw["neutral"],
                after=_words(raw.get("after", []), sets),
                before=_phrases(raw.get("before", []), sets),
                near=_words(raw.get("near", []), sets),
            )
        )
    return Term(
        words=tuple(str(entry["term"]).lower().split()),
        neutral=str(entry["neutral"]),
        category=str(entry["category"]),
        not_after=_words(strings("not_after"), sets),
        not_before=_phrases(strings("not_before"), sets),
        only_before=_phrases(strings("only_before"), sets),
        not_near=_words(strings("not_near"), sets),
        alternatives=tuple(alternatives),
    )


def _read(name: str) -> dict[str, Any]:
    raw = resources.files("summarizer").joinpath(f"data/{name}").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


@cache
def lexicon() -> Lexicon:
    data = _read("loaded_terms.json")
    general = _read("loaded_terms_general.json")
    sets: dict[str, list[str]] = dict(data["word_sets"])
    sets.update(general.get("word_sets", {}))  # names are distinct (a test checks)
    sets["function"] = sorted(FUNCTION_WORDS)
    single: dict[str, Term] = {}
    multi: dict[str, list[Term]] = {}
    wire = _read("loaded_terms_wire.json")["entries"]
    for entry in [*data["entries"], *wire, *general["entries"]]:
        term = _term(entry, sets)
        if len(term.words) == 1:
            single[term.words[0]] = term
        else:
            multi.setdefault(term.words[0], []).append(term)
    for terms in multi.values():
        terms.sort(key=lambda term: len(term.words), reverse=True)
    protected: dict[str, list[Phrase]] = {}
    for group in _read("protected_terms.json")["phrases"].values():
        for raw in group:
            tokens = list(WORD_RE.finditer(raw))
            phrase = Phrase(tuple(normal(t.group()) for t in tokens), _gaps(raw, tokens))
            protected.setdefault(phrase.words[0], []).append(phrase)
    for phrases in protected.values():
        phrases.sort(key=lambda phrase: len(phrase.words), reverse=True)
    return Lexicon(single, multi, protected)


def _gaps(text: str, span: list[re.Match[str]]) -> tuple[str, ...]:
    return tuple(normal(text[a.end() : b.start()]).strip() for a, b in itertools.pairwise(span))


def _at(
    text: str,
    tokens: list[re.Match[str]],
    index: int,
    words: tuple[str, ...],
    gaps: tuple[str, ...] | None = None,
) -> bool:
    """tokens[index:] spell `words`, with only spaces between them (or `gaps` and spaces)."""
    span = tokens[index : index + len(words)]
    if len(span) != len(words) or any(
        normal(t.group()) != w for t, w in zip(span, words, strict=True)
    ):
        return False
    written = _gaps(text, span)
    return written == (gaps if gaps is not None else ("",) * len(written))


def _protected_tokens(text: str, tokens: list[re.Match[str]]) -> set[int]:
    """Indexes of the tokens inside a protected phrase."""
    phrases = lexicon().protected
    covered: set[int] = set()
    for index, token in enumerate(tokens):
        for phrase in phrases.get(normal(token.group()), ()):
            if _at(text, tokens, index, phrase.words, phrase.gaps):
                covered.update(range(index, index + len(phrase.words)))
                break
    return covered


def _possessive(term: Term) -> Term:
    neutral = term.neutral + "'s" if term.neutral else ""
    return replace(term, words=(*term.words[:-1], term.words[-1] + "'s"), neutral=neutral)


def _is_name_part(text: str, token: re.Match[str], previous: re.Match[str] | None) -> bool:
    """A capitalised term mid-sentence is part of a name ('Palestine Liberation Organization')."""
    word = token.group()
    if not word[:1].isupper() or word.isupper() or previous is None:
        return False
    return not _SENTENCE_BREAK_RE.search(text[previous.end() : token.start()])


def _followed_by(
    text: str, tokens: list[re.Match[str]], after: int, phrases: tuple[tuple[str, ...], ...]
) -> bool:
    """tokens[after:] start with one of `phrases` ('@end': punctuation or nothing follows)."""
    end = tokens[after - 1].end()
    following = text[end : tokens[after].start()] if after < len(tokens) else text[end:]
    if after >= len(tokens) or not _NUMBER_GAP_RE.fullmatch(following):
        return (_END,) in phrases
    return any(_at(text, tokens, after, phrase) for phrase in phrases if phrase != (_END,))


def _nearby(text: str, tokens: list[re.Match[str]], first: int, last: int) -> set[str]:
    """Words within a few words of tokens[first:last + 1], in the same clause."""
    words = set()
    for index in range(max(0, first - _NEAR_BEFORE), min(len(tokens), last + 1 + _NEAR_AFTER)):
        low, high = sorted((tokens[index].start(), tokens[first].start()))
        if not _CLAUSE_BREAK_RE.search(text, low, high):
            words.add(normal(tokens[index].group()))
    return words


def _auxiliary(text: str, tokens: list[re.Match[str]], first: int) -> str | None:
    """The word before tokens[first], looking past adverbs ('has already soared' -> 'has')."""
    for index in range(first - 1, max(-1, first - 4), -1):
        if _CLAUSE_BREAK_RE.search(text, tokens[index].end(), tokens[index + 1].start()):
            return None
        word = normal(tokens[index].group())
        if not (is_adverb(word) or word in INSERTED_ADVERBS):
            return word
    return None


def _neutral_here(
    text: str, tokens: list[re.Match[str]], term: Term, first: int, previous: str | None
) -> tuple[bool, str | None]:
    """Whether `term`, found at tokens[first:], is loaded here, and its neutral here."""
    last = first + len(term.words) - 1
    if previous in term.not_after or (not term.neutral and previous in NEGATIONS):
        return False, None
    if term.not_before and _followed_by(text, tokens, last + 1, term.not_before):
        return False, None
    if term.only_before and not _followed_by(text, tokens, last + 1, term.only_before):
        return False, None
    near = _nearby(text, tokens, first, last) if term.not_near or term.alternatives else set()
    if term.not_near & near:
        return False, None
    auxiliary = _auxiliary(text, tokens, first) if term.alternatives else None
    for alt in term.alternatives:
        if (
            auxiliary in alt.after
            or (alt.before and _followed_by(text, tokens, last + 1, alt.before))
            or alt.near & near
        ):
            return True, alt.neutral
    return True, term.neutral


def _found(text: str, tokens: list[re.Match[str]], index: int) -> Term | None:
    lex = lexicon()
    word = normal(tokens[index].group())
    terms = lex.multi.get(word, ())
    # the next word rules out most multi-word terms before the full comparison
    following = normal(tokens[index + 1].group()) if terms and index + 1 < len(tokens) else None
    for term in terms:
        if term.words[1] == following and _at(text, tokens, index, term.words):
            return term
    if word in lex.single:
        return lex.single[word]
    if word.endswith("'s") and word[:-2] in lex.single:
        return _possessive(lex.single[word[:-2]])  # "the regime's"
    return None


def find_matches(text: str) -> list[Match]:
    """Every loaded term in `text` (quotes included), with the neutral that fits each place."""
    tokens = list(WORD_RE.finditer(text))
    protected = _protected_tokens(text, tokens)
    matches: list[Match] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        term = _found(text, tokens, index) if index not in protected else None
        previous = tokens[index - 1] if index > 0 else None
        if term is None or _is_name_part(text, token, previous):
            index += 1
            continue
        last = index + len(term.words) - 1
        if protected.intersection(range(index, last + 1)):
            index += 1
            continue
        previous_word = normal(previous.group()) if previous is not None else None
        loaded, neutral = _neutral_here(text, tokens, term, index, previous_word)
        if loaded:
            matches.append(Match(token.start(), tokens[last].end(), term, previous_word, neutral))
        index = last + 1
    return matches


def match_case(original: str, replacement: str) -> str:
    """'Slaughtered' -> 'Killed', 'RAZED' -> 'DESTROYED'."""
    if not replacement:
        return replacement
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
