"""Who gives a figure, how that was found, and how sure the analyser is.

The claimant of a figure is the speaker of a quote holding it, the agent of `given by X` right
after it, the claim in its own clause, else another claim of its sentence. Each way of finding it
has a confidence; a figure whose claimant is unsure (several claimants in the sentence, or none
in it but one in the sentence before) is marked ambiguous, so a model can be asked about it and
only it (prompt v3).
"""

from __future__ import annotations

import re

from summarizer.analysis.types import Claim, Confidence, NumberMention, QuoteMention, SourceMention

_PASSIVE_AFTER = re.compile(r"^[\w\s-]{0,25}$")
_CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014]|,(?!\d)|\s(?:while|whereas|but)\s")
# "After nine churchgoers were killed in June, he admitted ...": a leading time or concession
# clause states background in the reporter's voice, not what the speaker of the main clause says
_LEADING_CLAUSE = re.compile(
    r"^\W*(?:After|Before|Since|When|Following|Despite|Although|Though|Once|Until|Because)\b"
    r"[^,;:\"\u201c\u201d]*$"
)
# verbs of reacting to a thing: a figure in their object describes the thing, in the reporter's
# voice, rather than being given by whoever reacts
_REACTIONS = frozenset(
    {"condemned", "condemns", "denounced", "denounces", "decried", "decries", "welcomed"}
    | {"welcomes", "praised", "hailed", "hails", "lauded", "criticised", "criticized", "mourned"}
)
_ASIDE = re.compile(r",\s*(?:which|who)\b")
# confidence of each way a claimant is found (1 = sure); below AMBIGUOUS a model may be asked
QUOTE = 0.9
GIVEN_BY = 0.85
SAME_CLAUSE = 0.85
SENTENCE_AFTER = 0.75  # "..., the agency said" at the end of the sentence
SENTENCE_BEFORE = 0.7
RIVALS = 0.5  # another claimant in the same sentence
CARRIED_OVER = 0.45  # no claim in the sentence, one in the sentence before
UNATTRIBUTED = 0.8  # no claim near: the article states it itself


def source_for(
    text: str,
    number: NumberMention,
    quotes: list[QuoteMention],
    here: list[Claim],
    before: list[Claim],
    sentence_start: int | None = None,
) -> tuple[SourceMention | None, str | None, Confidence]:
    """(claimant, its verb, how it was found); `here` are the claims of the figure's sentence,
    `before` those of the sentence before it in the same paragraph."""
    for quote in quotes:
        if quote.start <= number.start < quote.end and quote.speaker is not None:
            return quote.speaker, "said", Confidence("quote", QUOTE)
    for claim in here:
        passive = text[claim.start : claim.start + 40].split(" by ", 1)
        gap = text[number.end : claim.start]
        after = claim.start >= number.end and _PASSIVE_AFTER.match(gap) is not None
        if after and len(passive) == 2 and " " not in passive[0].strip():
            return claim.source, claim.verb, Confidence("given_by", GIVEN_BY)
    if not here:
        if before:
            return None, None, Confidence("carried_over", CARRIED_OVER)
        return None, None, Confidence("unattributed", UNATTRIBUTED)
    earlier = [c for c in here if c.start <= number.start]
    if not earlier and _in_leading_clause(text, number, here, sentence_start):
        return None, None, Confidence("unattributed", UNATTRIBUTED)
    background = bool(earlier) and _ASIDE.search(text[earlier[-1].start : number.start]) is not None
    if background and earlier[-1].verb in _REACTIONS:
        # "leaders have condemned the attack, which killed 1,200 people": what they react to is
        # the reporter's fact, not a figure they give; a speaker before them may still give it
        earlier = [c for c in earlier if c.verb not in _REACTIONS]
        if not earlier:
            return None, None, Confidence("unattributed", UNATTRIBUTED)
    chosen = earlier[-1] if earlier else here[0]
    rivals = len({c.source.name for c in here}) > 1
    if earlier and not _CLAUSE_BREAK.search(text[chosen.start : number.start]):
        method, score = "same_clause", SAME_CLAUSE
    elif earlier:
        method, score = "sentence_before", SENTENCE_BEFORE
    else:
        method, score = "sentence_after", SENTENCE_AFTER
    if rivals:
        score = min(score, RIVALS)
    return chosen.source, chosen.verb, Confidence(method, score)


def _in_leading_clause(
    text: str, number: NumberMention, here: list[Claim], sentence_start: int | None
) -> bool:
    """The figure sits in a subordinate clause that opens the sentence and closes (with a
    comma) before any claim of the sentence."""
    if sentence_start is None or not _LEADING_CLAUSE.match(text[sentence_start : number.start]):
        return False
    close = text.find(",", number.end)
    return close != -1 and all(claim.start > close for claim in here)
