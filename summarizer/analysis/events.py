"""Events: sentences that report something happening, with actor, place, time and source.

Each candidate keeps the whole sentence as evidence and a short neutral description: the main
clause with loaded words replaced (H1's `neutralise`) and any trailing "..., X said" removed,
since the source is reported separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from summarizer.analysis import vocabulary
from summarizer.analysis.clauses import main_clause
from summarizer.analysis.loaded import loaded_terms_in, neutralise
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.subjects import noun_phrase_start
from summarizer.analysis.types import (
    Attribution,
    EventCandidate,
    QuoteMention,
    Sentence,
    SourceMention,
)

_HARD_VERBS = vocabulary.words("violent_event_verbs")
_SOFT_VERBS = vocabulary.words("event_verbs")
# Nouns that name an event even without a verb of action ("a cyber attack", "an outbreak").
_EVENT_NOUNS = vocabulary.words("event_nouns")
_TRIGGERS = _HARD_VERBS | _SOFT_VERBS | _EVENT_NOUNS
_EVENT_VERB = re.compile(r"\b(" + "|".join(sorted(_TRIGGERS, key=len, reverse=True)) + r")\b")
_PASSIVE_BY = re.compile(
    r"\s+(?:\w+\s+){0,2}?by\s+(?P<np>[A-Za-z][\w'\u2019-]*(?:\s[A-Za-z][\w'\u2019-]*){0,3})"
)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
_HEDGE = re.compile(
    r"\b(?:not known|unclear|fears?|may|might|could|believe[sd]?|possible|possibly)\b"
)
_ACTOR_WORDS = vocabulary.words("actor_nouns")
_NP_STOP = vocabulary.words("actor_stop_words")
_PLACE = re.compile(
    r"\b(?:in|at|near|outside|across|through|city of|town of|village of|outskirts of)\s+"
    r"(?P<place>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})"
)
_NOT_PLACES = vocabulary.words("not_places")
_TIME = re.compile(
    r"\b(?:earlier |later )?(?:today|yesterday|tonight|overnight|this (?:morning|afternoon|evening|"
    r"week|weekend|month|year)|last (?:night|week|weekend|month|year|(?:Mon|Tues|Wednes|Thurs|Fri|"
    r"Satur|Sun)day)|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|in recent days|"
    r"(?:on |in )?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?: \d{1,2})?(?:,? \d{4})?)\b"
)
# ", the city's mayor, Oleksandr Markushin, said." / ", police said" at the end of a sentence
_TRAILING_ATTRIBUTION = re.compile(
    r"(?:,\s*[^,]{1,50}){1,2},?\s(?:said|says|added|reported|confirmed|told [^,]+)\.?$"
)
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:also|then|later|reportedly|have|has|had|now))+\s*$")
_MAIN_CLAUSE_END = re.compile(
    r",\s*(?:sparking|prompting|with|which|while|as|amid|leaving|whilst|including)\b|\s[\u2013\u2014]\s|;"
)
_LEAD_FILLER = re.compile(r"^(?:But|And|So|Yet|Meanwhile|However),?\s+")
_MAX_DESCRIPTION_WORDS = 20
_QUOTE_MARKS = "\u201c\u201d\"\u2018'\u00ab"
_NAME = re.compile(r"(?<=\s)[A-Z][\w'\u2019-]+")


@dataclass(frozen=True)
class EventWeights:
    """How much each sign adds to an event candidate's score (higher: more newsworthy)."""

    violent_verb: float = 3.0  # killed, shelled, exploded: the strongest sign
    action_verb: float = 1.5  # voted, arrested, raised
    event_noun: float = 1.0  # an outbreak, clashes
    place: float = 1.0
    time: float = 0.5
    source: float = 0.5
    actors: float = 0.5
    statement: float = 0.5  # no event word, but a whole reporting sentence: findings, plans
    figure: float = 1.0  # the sentence states a counted figure
    lede: float = 1.5  # the article's first reporting sentence: news puts the news there
    name: float = 0.2  # per proper name, up to five: who and where
    position: float = 1.5  # subtracted in full for the last sentence, nothing for the first
    hedge: float = 1.5  # subtracted for may/might/could/fears: speculation
    quoted_loaded: float = 4.0  # subtracted per loaded word left in the description (in a quote)


WEIGHTS = EventWeights()


def event_candidates(
    sentences: list[Sentence],
    attributions: list[Attribution],
    quotes: list[QuoteMention],
    figure_sentences: frozenset[int] = frozenset(),
) -> list[EventCandidate]:
    """Candidates in article order; `score` says how informative each one is."""
    by_sentence = {a.sentence: a.source for a in attributions}
    events: list[EventCandidate] = []
    quotes_in = SentenceIndex(sentences).group(quotes)
    lede = next((s.index for s in sentences if s.is_reporting), -1)
    for sentence in sentences:
        inside = quotes_in.get(sentence.index, [])
        if not sentence.is_reporting or _mostly_quoted(sentence, inside):
            continue
        content = sentence.content.strip()
        inside_quote = content[:1] in _QUOTE_MARKS or starts_in_quote(sentence, inside)
        if content.endswith("?") or len(content.split()) < 6 or inside_quote:
            continue  # a question, a fragment, or the speaker's words: not the event's words
        weight = _trigger_weight(sentence.content) or WEIGHTS.statement
        weight += WEIGHTS.lede * (sentence.index == lede)
        source = by_sentence.get(sentence.index)
        candidate = _candidate(sentence, weight, source, len(sentences))
        if sentence.index in figure_sentences:
            # a count makes it news
            candidate = replace(candidate, score=candidate.score + WEIGHTS.figure)
        events.append(candidate)
    return events


def starts_in_quote(sentence: Sentence, quotes: list[QuoteMention]) -> bool:
    """The sentence opens inside a quote begun in an earlier sentence ('...a mob. The only mob
    I saw was in uniform," she said'): its first words are the speaker's."""
    return any(q.start < sentence.content_start < q.end for q in quotes)


def _mostly_quoted(sentence: Sentence, quotes: list[QuoteMention]) -> bool:
    quoted = sum(max(0, min(q.end, sentence.end) - max(q.start, sentence.start)) for q in quotes)
    return quoted > 0.4 * max(1, sentence.end - sentence.start)


def _trigger_weight(text: str, weights: EventWeights = WEIGHTS) -> float:
    """The strongest event word in the sentence: violence, other actions, event nouns."""
    best = 0.0
    for match in _EVENT_VERB.finditer(text):
        word = match.group(1)
        if word in _HARD_VERBS:
            weight = weights.violent_verb
        else:
            weight = weights.action_verb if word in _SOFT_VERBS else weights.event_noun
        best = max(best, weight)
    return best


def _candidate(
    sentence: Sentence, weight: float, source: SourceMention | None, total: int
) -> EventCandidate:
    text = sentence.content  # a dateline's place is where the reporter was, not the event
    place = _place(text)
    time = _time(text)
    actors = _actors(text)
    w = WEIGHTS
    score = weight + w.place * bool(place) + w.time * bool(time)
    score += w.source * bool(source) + w.actors * bool(actors)
    score += w.name * min(5, len(_NAME.findall(text)))
    score -= w.position * sentence.index / max(1, total)  # news puts what matters first
    score -= w.hedge * bool(_HEDGE.search(text))  # speculation is not an event
    description = describe(text)
    # loaded words the neutraliser may not touch (inside a quote) make a poor description
    score -= w.quoted_loaded * len(loaded_terms_in(description))
    return EventCandidate(
        sentence=sentence.index,
        description=description,
        actors=actors,
        location=place,
        time=time,
        source=source,
        evidence_start=sentence.content_start,
        evidence_end=sentence.end,
        score=round(score, 3),
    )


def _place(text: str) -> str | None:
    for match in _PLACE.finditer(text):
        place = match.group("place")
        if place.split()[0].lower() not in _NOT_PLACES:
            return place
    return None


def _time(text: str) -> str | None:
    match = _TIME.search(text)
    return match.group().strip() if match else None


def _actors(text: str) -> tuple[str, ...]:
    """Who acted: the `by ...` agent of a passive verb, else the subject of an active one."""
    for verb in _EVENT_VERB.finditer(text):
        before = text[: verb.start()]
        if _PASSIVE_AUX.search(before):
            by = _PASSIVE_BY.match(text, verb.end())
            found = _clean_actor(by.group("np")) if by else ()
        else:
            before = _TRAILING_ADVERBS.sub("", before.rstrip())
            found = _clean_actor(before[noun_phrase_start(before) :])
        if found:
            return found
    return ()


def _clean_actor(phrase: str) -> tuple[str, ...]:
    words = phrase.split()
    while words and words[0].lower() in _NP_STOP:
        words.pop(0)  # "the", "but": not part of who acted
    while words and (words[-1].lower() in _NP_STOP or words[-1].lower() in {"today", "also"}):
        words.pop()
    if not words or len(words) > 6:
        return ()
    has_name = any(w[0].isupper() for w in words) or words[-1].lower() in _ACTOR_WORDS
    return (" ".join(words),) if has_name else ()


def describe(sentence_text: str) -> str:
    """One neutral sentence: the main clause as a whole clause (analysis/clauses.py: pieces are
    removed whole, never cut mid-phrase), loaded words replaced, no trailing 'X said'."""
    text = main_clause(sentence_text, _MAX_DESCRIPTION_WORDS)
    if text is None:  # no shorter whole clause: the sentence itself, as long as it is
        text = _LEAD_FILLER.sub("", " ".join(sentence_text.split())).rstrip(" .")
    text = neutralise(text).strip().rstrip(",;:")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
