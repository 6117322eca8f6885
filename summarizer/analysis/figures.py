"""Figures: what each count measures, how firm it is, who gives it, and where sources disagree.

The measure is the counted noun plus what happened to it, reduced to a plain verb so that two
sources can be compared: '364 Ukrainian civilians have been confirmed killed' -> 'Ukrainian
civilians killed', 'more than 2,000 civilians have died' -> 'civilians killed'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from summarizer.analysis import vocabulary
from summarizer.analysis.attribution import Claim, status_of
from summarizer.analysis.conflicts import find_conflicts, measure_key
from summarizer.analysis.figure_sources import source_for
from summarizer.analysis.measures import INCLUDING as _INCLUDING
from summarizer.analysis.measures import OUTCOMES as _OUTCOMES
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.types import (
    FigureCandidate,
    NumberMention,
    QuoteMention,
    Sentence,
    SourceMention,
)
from summarizer.models import Status

__all__ = ["figure_candidates", "find_conflicts", "measure_key", "resolve_placeholders"]

_OUTCOME_WORD = re.compile(r"\b(" + "|".join(sorted(_OUTCOMES, key=len, reverse=True)) + r")\b")
_NOUN_STOP = vocabulary.words("counted_noun_stop_words") | frozenset(_OUTCOMES)
_NOUN_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_SKIPPED = vocabulary.words("counted_noun_skipped")
_OF_BEFORE = re.compile(r"(?:(?P<adj>[A-Z][\w-]+)\s+)?(?P<noun>[a-z][a-z-]*)\s+of\s*$")
_ASIDE = re.compile(r",\s*(?:including|among them|of whom|mostly|many of them)[^,]*,")
_REFERENCE = re.compile(r"\b(?:the|both|these|those|all)\s*$", re.IGNORECASE)
_MOVE_BEFORE = re.compile(
    r"(?P<noun>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?P<verb>[a-z]+)\s+(?:to|by|from|at)\s*$"
)
_VERB_OBJECT_BEFORE = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?P<noun>[a-z]+(?:\s[a-z]+)?)\s+(?:by|to)\s*$"
)
_CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014]|,(?!\d)|\s-\s")
PLACEHOLDER = "figure"
TOTAL = "total"
_PLACEHOLDER_BEFORE = re.compile(
    r"\b(figure|total|tally|number|count|estimate)\b(?:\s+[a-z]+){0,2}\s*$", re.IGNORECASE
)
_LASTING = re.compile(
    r"\b(?:for|spent|spend|spends|take|takes|took|taking|lasted|lasting|lasts|another)\s+$",
    re.IGNORECASE,
)
_AGO = re.compile(r"\s*(?:ago|earlier|later|before|after|from)\b", re.IGNORECASE)
_CUSTODY = re.compile(r"sentenc|jail|prison", re.IGNORECASE)
_VERBISH = vocabulary.words("irregular_past_verbs")
_DURATIONS = vocabulary.words("duration_units")
_MIN_EVIDENCE_WORDS = 5


def figure_candidates(
    text: str,
    sentences: list[Sentence],
    numbers: list[NumberMention],
    claims: list[Claim],
    quotes: list[QuoteMention],
) -> list[FigureCandidate]:
    """One candidate per counted figure outside captions and repeated lines."""
    candidates: list[FigureCandidate] = []
    previous_in_sentence: dict[int, str] = {}
    quotes_in = SentenceIndex(sentences).group(quotes)
    claims_in: dict[int, list[Claim]] = {}
    for claim in claims:
        claims_in.setdefault(claim.sentence, []).append(claim)
    for number in numbers:
        sentence = sentences[number.sentence] if number.sentence < len(sentences) else None
        if number.kind != "figure" or sentence is None or not _counts(text, number, sentence):
            continue
        measure = _measure(text, number, sentence, previous_in_sentence.get(sentence.index))
        previous_in_sentence[sentence.index] = measure
        evidence_start, evidence_end = _evidence(text, number, sentence)
        clause = text[evidence_start:evidence_end]
        before = _claims_before(sentences, sentence, claims_in)
        here = claims_in.get(sentence.index, [])
        source, verb, found = source_for(
            text, number, quotes_in.get(sentence.index, []), here, before
        )
        status = _status(number, clause, sentence, verb, source)
        candidates.append(
            FigureCandidate(number, measure, status, source, evidence_start, evidence_end, found)
        )
    return resolve_placeholders(candidates)


def _counts(text: str, number: NumberMention, sentence: Sentence) -> bool:
    """Durations and distances that only place things ("16 miles northwest") are not figures."""
    if not sentence.is_reporting:
        return False
    if number.unit in _DURATIONS:
        # "sentenced to 12 years", "spent nearly thirty hours clearing", "trapped for two days"
        lasting = _LASTING.search(text[max(0, number.start - 20) : number.start])
        after = text[number.end : number.end + 12]
        return bool(_CUSTODY.search(sentence.text) or (lasting and not _AGO.match(after)))
    if _is_age(text, number):
        return False
    spelled = not any(ch.isdigit() for ch in number.text)
    if spelled and _REFERENCE.search(text[max(0, number.start - 8) : number.start]):
        return False  # "the two cities" points back at known things; it counts nothing
    after = text[number.end : number.end + 25].lower()
    return not (number.unit and re.match(r"\s*(?:north|south|east|west|from|away)", after))


_AGE_BAND = re.compile(
    r"\b(?:children|child|kids|people|adults|those|anyone|women|men|girls|boys|patients|"
    r"residents|workers|voters|pensioners|babies|infants)\s+(?:aged\s+)?"
    r"(?:under|over|below|above|older\s+than|younger\s+than)\s*$"
    r"|\baged\s*(?:(?:between\s+)?\w+\s*(?:to|-|and|\u2013)\s*)?$",
    re.IGNORECASE,
)
_NAME_AGE = re.compile(r"\b(?:[A-Z][\w'\u2019-]+|man|woman|boy|girl),\s*$")
_YEARS_OLD = re.compile(r"^[\s-]*(?:years?|yrs?)[\s-]*old\b|^\s*,", re.IGNORECASE)


def _is_age(text: str, number: NumberMention) -> bool:
    """`children under five`, `people over 65`, `Ana Costa, 54,`: an age, not a count."""
    if number.value != int(number.value) or not 0 < number.value < 120 or number.unit:
        return False
    bare = text[max(0, number.start - 40) : number.start]
    if _AGE_BAND.search(bare) or _AGE_BAND.search(f"{bare}{number.text.split()[0]} "):
        return True
    after = text[number.end : number.end + 12]
    return bool(_NAME_AGE.search(bare) and _YEARS_OLD.match(after)) or bool(
        re.match(r"^[\s-]*years?[\s-]*old\b", after, re.IGNORECASE)
    )


def _outcome_in(fragment: str) -> str | None:
    match = _OUTCOME_WORD.search(fragment.lower())
    return _OUTCOMES[match.group(1)] if match else None


def _clause_after(text: str, number: NumberMention, sentence: Sentence) -> str:
    rest = text[number.end : sentence.end]
    stop = _CLAUSE_BREAK.search(rest)
    return rest[: stop.start()] if stop else rest


def _clause_before(text: str, number: NumberMention, sentence: Sentence) -> str:
    before = text[sentence.start : number.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def _counted_noun(text: str, number: NumberMention, sentence: Sentence) -> str | None:
    """Up to three words after the number naming what is counted ("Ukrainian civilians")."""
    words: list[str] = []
    for match in _NOUN_WORD.finditer(_clause_after(text, number, sentence)):
        word = match.group()
        lower = word.lower()
        if lower in _SKIPPED and not words:
            continue
        if lower in _NOUN_STOP or lower in _VERBISH or len(words) == 3:
            break
        if words and lower.endswith("ed"):
            break  # "people caught measles", "homes destroyed": a verb ends the noun
        unit = number.unit or "people"
        if unit != "people" and lower in unit.lower().split():
            continue  # "16 miles": the unit is not what is counted
        words.append(word)
    return " ".join(words) or None


def _measure(text: str, number: NumberMention, sentence: Sentence, previous: str | None) -> str:
    before = _clause_before(text, number, sentence)
    noun = _counted_noun(text, number, sentence)
    if number.unit in _DURATIONS and _CUSTODY.search(sentence.text):
        return "prison sentence"
    if previous is not None and noun is not None and _INCLUDING.search(before):
        # "including 20 children": a breakdown of the figure just before it
        prev_outcome = previous.split()[-1]
        return f"{noun} {prev_outcome}" if prev_outcome in _OUTCOMES.values() else noun
    placeholder = _PLACEHOLDER_BEFORE.search(before)
    if placeholder is not None and not _OF_BEFORE.search(before):
        # "put the figure at 15,000": resolved later from a neighbouring figure
        return TOTAL if placeholder.group(1).lower() == TOTAL else PLACEHOLDER
    outcome = _outcome_after(text, number, sentence) or _outcome_just_before(before)
    of_match = _OF_BEFORE.search(before)
    if of_match is not None and of_match.group("noun").endswith("ed"):
        of_match = None  # "informed of 19 deaths", "accused of": a verb, not what is counted
    if of_match is not None:
        # "Russian losses of 11,000 troops", "a death toll of 300"
        head = of_match.group("noun")
        adjective = of_match.group("adj")
        if head == "toll":
            return "people killed"
        outcome = outcome or _OUTCOMES.get(head)
        if noun is None and head in _OUTCOMES:
            return " ".join(w for w in (adjective, head) if w)  # "losses of more than 17,000"
        if noun is None or outcome is None:
            noun = " ".join(w for w in (adjective, head) if w)
        elif adjective:
            noun = f"{adjective} {noun}"
    acted = _VERB_OBJECT_BEFORE.search(before)
    if noun is None and acted is not None and acted.group("verb") in _OUTCOMES:
        return f"{acted.group('noun')} {_OUTCOMES[acted.group('verb')]}"  # "raised rates by"
    move = _MOVE_BEFORE.search(before)
    if noun is None and move is not None:
        words = [w for w in move.group("noun").lower().split() if w not in _NOUN_STOP]
        return " ".join([*words, move.group("verb")])  # "inflation rose to 3%"
    usable = previous not in (None, PLACEHOLDER, TOTAL)
    if previous is not None and usable and (noun is None or outcome is None):
        # "145 children have died and 232 have been wounded"
        prev_words = previous.split()
        noun = noun or " ".join(prev_words[:-1]) or previous
        outcome = outcome or (prev_words[-1] if prev_words[-1] in _OUTCOMES.values() else None)
    noun = noun or number.unit or "figure"
    return f"{noun} {outcome}" if outcome and not noun.endswith(outcome) else noun


def _outcome_after(text: str, number: NumberMention, sentence: Sentence) -> str | None:
    found = _outcome_in(_clause_after(text, number, sentence))
    if found is None:
        # "eight people, including two children, were killed": the verb is past the aside
        rest = _ASIDE.sub(" ", text[number.end : sentence.end], count=1)
        found = _outcome_in(" ".join(rest.split()[:12]))
    return found


def _outcome_just_before(before: str) -> str | None:
    """'police arrested 37 people', 'the storm killed 12'."""
    words = before.lower().split()
    return _OUTCOMES.get(words[-1]) if words else None


def resolve_placeholders(figures: list[FigureCandidate]) -> list[FigureCandidate]:
    """'Police put the figure at 15,000, while organisers said 200,000 people took part'."""
    resolved: list[FigureCandidate] = []
    for index, figure in enumerate(figures):
        if figure.measure in (PLACEHOLDER, TOTAL):
            measure = _neighbour_measure(figures, index) or figure.measure
            if figure.measure == TOTAL and measure != TOTAL:
                measure = f"total {measure}"
            figure = replace(figure, measure=measure)
        resolved.append(figure)
    return resolved


def _neighbour_measure(figures: list[FigureCandidate], index: int) -> str | None:
    sentence = figures[index].number.sentence
    after = [f for f in figures[index + 1 :] if f.number.sentence == sentence]
    before = [f for f in figures[:index] if sentence - f.number.sentence <= 2]
    for candidate in [*after, *reversed(before)]:
        if candidate.measure not in (PLACEHOLDER, TOTAL):
            return candidate.measure
    return None


def _evidence(text: str, number: NumberMention, sentence: Sentence) -> tuple[int, int]:
    """The clause around the figure, widened to a few words so it reads on its own."""
    start = (
        sentence.start
        + len(text[sentence.start : number.start])
        - len(_clause_before(text, number, sentence))
    )
    end = number.end
    while end < sentence.end:
        rest = text[end : sentence.end]
        stop = _CLAUSE_BREAK.search(rest, 1)
        end = end + stop.start() if stop else sentence.end
        words = len(text[start:end].split())
        if words >= _MIN_EVIDENCE_WORDS and (_outcome_in(text[start:end]) or words > 20):
            break
    return _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\u2013\u2014"):
        end -= 1
    return start, end


def _claims_before(
    sentences: list[Sentence], sentence: Sentence, claims_in: dict[int, list[Claim]]
) -> list[Claim]:
    """Claims of the sentence before, when it is in the same paragraph."""
    previous = sentences[sentence.index - 1] if sentence.index > 0 else None
    if previous is None or previous.paragraph != sentence.paragraph:
        return []
    return claims_in.get(previous.index, [])


def _status(
    number: NumberMention,
    clause: str,
    sentence: Sentence,
    verb: str | None,
    source: SourceMention | None,
) -> Status:
    lead = sentence.text[: max(0, number.start - sentence.start)][-40:]
    status = status_of(verb, number.text + " " + clause + " " + lead)
    if status == "claimed" and source is None:
        return "reported"  # stated by the article itself, with no one named
    return status
