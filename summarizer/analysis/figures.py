"""Figures: what each count measures, how firm it is, who gives it, and where sources disagree.

The measure is the counted noun plus what happened to it, reduced to a plain verb so that two
sources can be compared: '364 Ukrainian civilians have been confirmed killed' -> 'Ukrainian
civilians killed', 'more than 2,000 civilians have died' -> 'civilians killed' (`measures`).
Which numbers count is decided in `figure_filters`; a figure the article repeats (the lead's toll
restated later, a headline's number) is listed once.
"""

from __future__ import annotations

import re
from dataclasses import replace

from summarizer.analysis.attribution import status_of
from summarizer.analysis.conflicts import find_conflicts as _conflicts_of
from summarizer.analysis.conflicts import measure_key
from summarizer.analysis.figure_filters import counts
from summarizer.analysis.figure_sources import CARRIED_OVER, source_for
from summarizer.analysis.measures import (
    CLAUSE_BREAK,
    OUTCOMES,
    PLACEHOLDER,
    TOTAL,
    UNKNOWN,
    Previous,
    clause_before,
    measure_of,
    outcome_in,
)
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.types import (
    Claim,
    Confidence,
    FigureCandidate,
    NumberMention,
    QuoteMention,
    Sentence,
    SourceMention,
)
from summarizer.models import Status

__all__ = ["figure_candidates", "find_conflicts", "measure_key", "resolve_placeholders"]

_MIN_EVIDENCE_WORDS = 5
_BARE_MEASURES = frozenset({"", "%", "percentage point", UNKNOWN})
_OUTCOME_FORMS = frozenset(OUTCOMES.values())
_OPENS_ON_VERB = re.compile(r"\s*(?:[a-z]+ed|took|gave|won|got|made|had|has|have|were|was)\b")


def figure_candidates(
    text: str,
    sentences: list[Sentence],
    numbers: list[NumberMention],
    claims: list[Claim],
    quotes: list[QuoteMention],
) -> list[FigureCandidate]:
    """One candidate per counted figure outside captions and repeated lines."""
    candidates: list[FigureCandidate] = []
    previous_in_sentence: dict[int, Previous] = {}
    quotes_in = SentenceIndex(sentences).group(quotes)
    claims_in: dict[int, list[Claim]] = {}
    for claim in claims:
        claims_in.setdefault(claim.sentence, []).append(claim)
    for position, number in enumerate(numbers):
        sentence = sentences[number.sentence] if number.sentence < len(sentences) else None
        if number.kind != "figure" or sentence is None:
            continue
        if not counts(text, number, sentence, numbers[position - 1] if position else None):
            continue
        measure = measure_of(text, number, sentence, previous_in_sentence.get(sentence.index))
        previous_in_sentence[sentence.index] = (measure, number.unit)
        evidence_start, evidence_end = _evidence(text, number, sentence)
        clause = text[evidence_start:evidence_end]
        before = _claims_before(sentences, sentence, claims_in)
        here = claims_in.get(sentence.index, [])
        source, verb, found = source_for(
            text, number, quotes_in.get(sentence.index, []), here, before, sentence.start
        )
        if found.method == "unattributed":
            source, verb, found = _closing_claim(text, sentences, sentence, claims_in) or (
                source,
                verb,
                found,
            )
        status = _status(number, clause, sentence, verb, source)
        candidates.append(
            FigureCandidate(number, measure, status, source, evidence_start, evidence_end, found)
        )
    return _without_repeats(resolve_placeholders(candidates))


def _without_repeats(figures: list[FigureCandidate]) -> list[FigureCandidate]:
    """A figure the article states twice is listed once: the statement with a named source, else
    with a qualifier ('about 4,000' over a headline's '4,000'), else the first. Two statements are
    one figure when value and unit agree, no second claimant speaks, and the measures agree (one
    may lack the outcome: '11 miners rescued' and '11 miners who had been trapped'); a measure that
    is only the unit agrees only when both have the same claimant or neither has one ('30 billion
    lorvas' ... 'Thirty billion is a sticking plaster', she said)."""
    chosen: list[FigureCandidate] = []
    by_value: dict[tuple[float, float | None, str | None], list[int]] = {}
    for figure in figures:
        number = figure.number
        unit = None if number.unit == "people" else number.unit
        key = (round(number.value, 6), number.upper, unit)
        same = [i for i in by_value.get(key, [])[-8:] if _same_fact(chosen[i], figure)]
        if not same:
            by_value.setdefault(key, []).append(len(chosen))
            chosen.append(figure)
        elif _informs_more(figure, chosen[same[0]]):
            chosen[same[0]] = figure
    return chosen


def _same_fact(first: FigureCandidate, second: FigureCandidate) -> bool:
    names = {f.source.name for f in (first, second) if f.source is not None}
    if len(names) > 1:
        return False  # two claimants: two claims, even of one number
    if _bare(first) or _bare(second):  # '$1 billion' twice: one fact only if one voice says it
        return (first.source is None) == (second.source is None)
    keys = [measure_key(f.measure).split() for f in (first, second)]
    heads = [k[:-1] if k and k[-1] in _OUTCOME_FORMS else k for k in keys]
    outcomes = {k[-1] for k in keys if k and k[-1] in _OUTCOME_FORMS}
    return heads[0] == heads[1] and len(outcomes) <= 1


def _informs_more(second: FigureCandidate, first: FigureCandidate) -> bool:
    def weight(figure: FigureCandidate) -> tuple[bool, bool]:
        return figure.source is not None, figure.number.qualifier != "exact"

    return weight(second) > weight(first)


def find_conflicts(text: str, figures: list[FigureCandidate]) -> list[tuple[int, ...]]:
    """Groups of figures from different sources giving different values for one measure
    (`conflicts.find_conflicts`), leaving out measures that name nothing but the unit: two bare
    amounts ('worth more than $400,000', 'about $20,000') are not rival counts of one thing."""
    return [
        group
        for group in _conflicts_of(text, figures)
        if not any(_bare(figures[index]) for index in group)
    ]


def _bare(figure: FigureCandidate) -> bool:
    measure = figure.measure.lower()
    return measure in (UNKNOWN, (figure.number.unit or "").lower()) or measure in _BARE_MEASURES


def resolve_placeholders(figures: list[FigureCandidate]) -> list[FigureCandidate]:
    """'Police put the figure at 15,000, while organisers said 200,000 people took part'."""
    resolved: list[FigureCandidate] = []
    for index, figure in enumerate(figures):
        if figure.measure in (PLACEHOLDER, TOTAL):
            measure = _neighbour_measure(figures, index) or figure.measure
            if figure.measure == TOTAL and measure != TOTAL:
                measure = f"total {measure}"
            figure = replace(figure, measure=UNKNOWN if measure == PLACEHOLDER else measure)
        resolved.append(figure)
    return resolved


def _neighbour_measure(figures: list[FigureCandidate], index: int) -> str | None:
    sentence = figures[index].number.sentence
    after = [f for f in figures[index + 1 :] if f.number.sentence == sentence]
    before = [f for f in figures[:index] if sentence - f.number.sentence <= 2]
    for candidate in [*after, *reversed(before)]:
        if candidate.measure not in (PLACEHOLDER, TOTAL, UNKNOWN):
            return candidate.measure
    return None


def _evidence(text: str, number: NumberMention, sentence: Sentence) -> tuple[int, int]:
    """The clause around the figure, widened to a few words so it reads on its own, and back to
    its subject when the clause opens on the verb ('Marco Berti, received sentences of ...')."""
    start = number.start - len(clause_before(text, number, sentence))
    if start > sentence.start and _OPENS_ON_VERB.match(text, start):
        subject = list(CLAUSE_BREAK.finditer(text, sentence.start, start - 1))
        start = subject[-1].end() if subject else sentence.start
    end = number.end
    while end < sentence.end:
        rest = text[end : sentence.end]
        stop = CLAUSE_BREAK.search(rest, 1)
        end = end + stop.start() if stop else sentence.end
        words = len(text[start:end].split())
        if words >= _MIN_EVIDENCE_WORDS and (outcome_in(text[start:end]) or words > 20):
            break
    return _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\u2013\u2014"):
        end -= 1
    return start, end


# "..., the API said." closing a sentence: the speaker of what its paragraph reports
_CLOSING_CLAIM = re.compile(
    r",\s*(?:the\s+)?[\w.'\u2019 -]{1,60}\s+(?:said|says|reported)\.?[\"\u201d]?$"
)


def _closing_claim(
    text: str, sentences: list[Sentence], sentence: Sentence, claims_in: dict[int, list[Claim]]
) -> tuple[SourceMention, str, Confidence] | None:
    """'Crude inventories fell by 3.9 million barrels ... Crude stocks at Cushing fell by
    302,000 barrels, the API said.': an unattributed sentence opening a two-sentence paragraph
    whose closing sentence gives figures and ends on 'X said' reports that speaker's figures."""
    following = sentences[sentence.index + 1] if sentence.index + 1 < len(sentences) else None
    previous = sentences[sentence.index - 1] if sentence.index > 0 else None
    after = sentences[sentence.index + 2] if sentence.index + 2 < len(sentences) else None
    if following is None or following.paragraph != sentence.paragraph:
        return None
    if (after is not None and after.paragraph == sentence.paragraph) or not re.search(
        r"\d", following.text
    ):
        return None  # the paragraph goes on, or its closing sentence reports no figure
    if previous is not None and previous.paragraph == sentence.paragraph:
        return None
    claims = claims_in.get(following.index, [])
    if len(claims) != 1 or not _CLOSING_CLAIM.search(following.text.rstrip()):
        return None
    if claims[0].start < following.start + len(following.text.rstrip()) - 60:
        return None
    return claims[0].source, claims[0].verb, Confidence("paragraph_close", CARRIED_OVER)


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
