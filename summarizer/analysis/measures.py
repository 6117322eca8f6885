"""What a figure measures: the counted noun plus what happened to it, from the figure's own clause.

The outcome verb is reduced to one plain form so that figures of different sources compare
('died' and 'deaths' are both 'killed'). It is read only from the figure's own clause: the verb
that happened to the counted noun ('364 civilians have been confirmed killed'), the verb just
before the number ('police arrested 37 people') or the noun it counts ('a death toll of 300').
A verb that is not an outcome ends the search: 'more than 150 Malawians were bussed out ... after
attacks killed seven' measures 'Malawians', never 'Malawians killed'. Without an outcome the
measure stays minimal (the counted noun, else the unit); it never holds a function word.
"""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.number_words import PEOPLE_NOUNS
from summarizer.analysis.types import NumberMention, Sentence

# form -> plain outcome: 'died' -> 'killed', 'took part' -> 'protested'
OUTCOMES: dict[str, str] = {
    form: plain for plain, forms in vocabulary.groups("outcomes").items() for form in forms
}
INCLUDING = re.compile(r"\b(?:including|among them|of whom|of which)\s*$", re.IGNORECASE)

_OUTCOME_WORD = re.compile(r"\b(" + "|".join(sorted(OUTCOMES, key=len, reverse=True)) + r")\b")
_FUNCTION_WORDS = vocabulary.words("counted_noun_stop_words") | vocabulary.words(
    "counted_noun_function_words"
)
_NOUN_STOP = _FUNCTION_WORDS | frozenset(OUTCOMES)
_NOUN_WORD = re.compile(r"[A-Za-z][\w&'\u2019-]*|\d+")
_SKIPPED = vocabulary.words("counted_noun_skipped")
_VERBISH = vocabulary.words("irregular_past_verbs")
_AUXILIARIES = vocabulary.words("verb_chain_words")
_CLAUSE_LINKS = vocabulary.words("clause_links")
_RELATIVES = frozenset({"who", "that", "which"})
# words after which an outcome word is a noun: 'those killed', 'the injured', 'of deaths'
_NOUN_MARKERS = frozenset(
    {"the", "a", "an", "those", "these", "their", "its", "his", "her", "our", "of", "for", "to"}
)
_PLURAL_NEXT = re.compile(rf"\s+(?:[a-z]+s|{'|'.join(PEOPLE_NOUNS)})\b")  # '20 armed men'
_TO_DEATH = re.compile(r"\s+to\s+death\b", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s*of\s+(?:(?:the|all|its|their|his|her|our|these|those)\b)?\s*", re.I)
_OF_BEFORE = re.compile(r"(?:(?P<adj>[A-Z][\w-]+)\s+)?(?<![\w-])(?P<noun>[a-z][a-z-]*)\s+of\s*$")
_ASIDE = re.compile(r",\s*(?:including|among them|of whom|mostly|many of them)[^,]*,")
_MOVE_BEFORE = re.compile(
    r"(?<![\w-])(?P<noun>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?P<verb>[a-z]+)\s+(?:to|by|from|at)\s*$"
)
# 'raised rates by', 'raised its growth forecast for this year to'
_VERB_OBJECT_BEFORE = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?:(?:its|their|the|his|her|our)\s+)?(?P<noun>[a-z]+(?:\s[a-z]+)?)"
    r"(?:\s+(?:for|in)\s+(?:this|next|last|the)?\s*(?:year|quarter|month|\d{4}))?\s+(?:by|to)\s*$"
)
_OBJECT_AFTER = re.compile(r"\s+(?:its|their|his|her|the|our)\s+([\w\s-]+)")
# what may stand before a number whose noun is understood from the figure before it
_ELLIPSIS_BEFORE = re.compile(
    r"(?:\b(?:and|or|but|while|whereas|though|although|with|versus|against)|^\s*|"
    r"\b(?:it|they|which|this|that)\s+(?:[a-z]+\s+){0,2}(?:at|to|by))\s*$",
    re.IGNORECASE,
)
_CHANGES = frozenset({"rose", "fell", "lost"})
_TOLLS = frozenset({"killed", "wounded", "missing"})
_TOLL_NOUN = re.compile(r"\s+(?:deaths|dead|injured|wounded|missing|casualties)\b", re.I)
Previous = tuple[str, str | None]  # the measure and unit of the figure before, same sentence
CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014]|,(?!\d)|\s-\s")
PLACEHOLDER = "figure?"  # 'put the figure at 15,000': named later from a neighbouring figure
TOTAL = "total"
UNKNOWN = "figure"  # nothing in the clause says what is counted
# 'put the figure at 15,000', 'the total rose to 300': the count is named elsewhere
_PLACEHOLDER_BEFORE = re.compile(
    r"\b(figure|total|tally|number|count|estimate)\b(?:\s+[a-z]+){0,2}?"
    r"\s+(?:at|to|was|is|stood|reached|hit|of|as|by)\s*$",
    re.IGNORECASE,
)
_PUT_AT_BEFORE = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|estimating|placed|places|set|sets)\s+"
    r"(?:(?:the|its|their|his|her)\s+)?(?P<noun>[a-z]+(?:\s[a-z]+)?)\s+at\s*$",
    re.IGNORECASE,
)
_COPULA_BEFORE = re.compile(
    r"\b(?P<noun>[a-z]+)\s+(?:was|were|is|are|stood|totalled|totaled|numbered)\s+$", re.I
)
_CUSTODY = re.compile(r"sentenc|jail|prison", re.IGNORECASE)
_DURATIONS = vocabulary.words("duration_units")


def outcome_in(fragment: str) -> str | None:
    match = _OUTCOME_WORD.search(fragment.lower())
    return OUTCOMES[match.group(1)] if match else None


def clause_after(text: str, number: NumberMention, sentence: Sentence) -> str:
    rest = text[number.end : sentence.end]
    stop = CLAUSE_BREAK.search(rest)
    return rest[: stop.start()] if stop else rest


def clause_before(text: str, number: NumberMention, sentence: Sentence) -> str:
    before = text[sentence.start : number.start]
    breaks = list(CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def _noun_words(fragment: str, unit: str | None, allow_outcomes: bool = False) -> list[str]:
    """Up to three words naming what is counted ('Ukrainian civilians', 'S&P 500 companies')."""
    words: list[str] = []
    stop = _FUNCTION_WORDS if allow_outcomes else _NOUN_STOP
    for match in _NOUN_WORD.finditer(fragment):
        word = match.group()
        lower = word.lower()
        if word.isdigit() and not (words and words[-1][:1].isupper()):
            break  # a number inside the noun only as part of a name ('S&P 500 companies')
        if lower in _SKIPPED and not words:
            continue
        if lower in stop or lower in _VERBISH or len(words) == 3:
            break
        if lower.endswith("ed") and (words or not _PLURAL_NEXT.match(fragment, match.end())):
            break  # "people caught measles", "26 issued positive guidance": a verb ends it
        if unit not in (None, "people") and lower in str(unit).lower().split():
            continue  # "16 miles": the unit is not what is counted
        words.append(word)
    return words


def counted_noun(text: str, number: NumberMention, sentence: Sentence) -> str | None:
    """The noun after the number ('364 Ukrainian civilians'), or after 'of' in a share ('60% of
    the dead', 'two-thirds of the cuts')."""
    after = clause_after(text, number, sentence)
    words = _noun_words(after, number.unit)
    if not words:
        partitive = _PARTITIVE.match(after)
        if partitive is not None and partitive.group().strip():
            words = _noun_words(after[partitive.end() :], number.unit, allow_outcomes=True)
    return " ".join(words) or None


def _own_verb(fragment: str, noun: str | None) -> str | None:
    """The plain outcome of the first verb of the figure's clause; '' when that verb is no outcome
    ('... were bussed out ... after attacks killed seven'), None when the clause has no verb. An
    outcome word used as a noun ('of those killed', 'for the injured') is not that verb."""
    lowered = fragment.lower()
    pending = [w.lower() for w in (noun or "").split()]
    after_auxiliary = False
    previous = ""
    for token in _NOUN_WORD.finditer(fragment):
        word = token.group().lower()
        before, previous = previous, word
        if pending:
            if word == pending[0]:
                pending.pop(0)
            continue  # the counted noun itself ('2,000 more troops')
        outcome = _OUTCOME_WORD.match(lowered, token.start())
        if outcome is not None:
            if after_auxiliary or before not in _NOUN_MARKERS:
                return OUTCOMES[outcome.group(1)]
            continue
        if word in _AUXILIARIES or word.endswith("ly"):
            after_auxiliary = True
            continue
        if word in _RELATIVES:
            continue
        if word in _CLAUSE_LINKS:
            return None
        if after_auxiliary or word.endswith("ed") or word in _VERBISH:
            return "killed" if _TO_DEATH.match(fragment, token.end()) else ""
    return None


def _outcome_after(
    text: str, number: NumberMention, sentence: Sentence, noun: str | None
) -> str | None:
    clause = clause_after(text, number, sentence)
    found = _own_verb(clause, noun)
    if found is None and _ASIDE.match(text, number.end + len(clause)):
        # "eight people, including two children, were killed": the verb is past the aside
        rest = _ASIDE.sub(" ", text[number.end : sentence.end], count=1)
        found = _own_verb(" ".join(rest.split()[:12]), noun)
    return found


def _outcome_just_before(before: str) -> str | None:
    """'police arrested 37 people', 'the storm killed 12'."""
    words = before.lower().split()
    return OUTCOMES.get(words[-1]) if words else None


def _tidy(measure: str) -> str:
    """No function word at either end of a measure ('but', 'respectively', 'when it')."""
    words = measure.split()
    while words and words[0].lower() in _FUNCTION_WORDS:
        words.pop(0)
    while words and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


def measure_of(
    text: str, number: NumberMention, sentence: Sentence, previous: Previous | None
) -> str:
    """What `number` measures, from its own clause; `previous` is the measure and unit of the
    figure before it in the same sentence ('145 children have died and 232 have been wounded'),
    lent only to a number of the same kind of unit that names nothing itself."""
    lent = None
    if previous is not None and _same_kind(previous[1], number.unit):
        lent = previous[0]
    found = _measure(text, number, sentence, lent)
    if found in (PLACEHOLDER, TOTAL):
        return found
    return _tidy(found) or _tidy(number.unit or "") or UNKNOWN


def _same_kind(first: str | None, second: str | None) -> bool:
    counts = (None, "people")
    return first == second or (first in counts and second in counts)


def _subject(before: str) -> list[str]:
    """Up to two words just before the verb: 'Consumer discretionary stocks' -> the last two."""
    words: list[str] = []
    for word in reversed(before.split()):
        if word.lower() in _NOUN_STOP or not _NOUN_WORD.fullmatch(word) or len(words) == 2:
            break
        words.insert(0, word)
    return words


def _multiple(before: str, after: str) -> str:
    """'sales more than tripled' -> 'sales rose'; 'doubled its dividend' -> 'dividend rose'."""
    thing = _OBJECT_AFTER.match(after)
    words = _noun_words(thing.group(1), None) if thing else _subject(before)
    return " ".join([*words, "rose"]) if words else "times"


def _measure(text: str, number: NumberMention, sentence: Sentence, previous: str | None) -> str:
    before = clause_before(text, number, sentence)
    noun = counted_noun(text, number, sentence)
    if number.unit in _DURATIONS:
        # 'nearly 20 years of hostile relations': a span measures what fills it, never an outcome
        if _CUSTODY.search(sentence.text):
            return "prison sentence"
        of = _PARTITIVE.match(clause_after(text, number, sentence))
        filled = _noun_words(clause_after(text, number, sentence)[of.end() :], None) if of else []
        if filled:
            return " ".join([number.unit, "of", *filled])
        return noun if noun and not noun.split()[0].endswith("ing") else number.unit
    if number.unit == "times":  # 'the percentage of kids with elevated lead levels doubled'
        return _multiple(before, clause_after(text, number, sentence))
    if previous is not None and noun is not None and INCLUDING.search(before):
        # "including 20 children": a breakdown of the figure just before it
        prev_outcome = previous.split()[-1]
        return f"{noun} {prev_outcome}" if prev_outcome in OUTCOMES.values() else noun
    placeholder = _PLACEHOLDER_BEFORE.search(before)
    if placeholder is not None and not _OF_BEFORE.search(before):
        # "put the figure at 15,000": resolved later from a neighbouring figure
        return TOTAL if placeholder.group(1).lower() == TOTAL else PLACEHOLDER
    put = _PUT_AT_BEFORE.search(before) or _COPULA_BEFORE.search(before)
    if noun is None and put is not None and put.group("noun").lower() not in _NOUN_STOP:
        # 'Police put the turnout at 18,000', 'police said the crowd was 9,000'
        return "people killed" if put.group("noun").endswith("toll") else put.group("noun")
    own = _outcome_after(text, number, sentence, noun)
    outcome = own or _outcome_just_before(before)
    if noun is None and own in _TOLLS and _TOLL_NOUN.match(clause_after(text, number, sentence)):
        return f"people {own}"  # '41 deaths had been confirmed', 'two dead'
    if noun is None and own is None and outcome in _CHANGES and number.unit is not None:
        # 'Consumer discretionary stocks rose 8.4 percent': what changed stands before the verb
        subject = _subject(" ".join(before.split()[:-1]))
        if subject:
            return " ".join([*subject, outcome])
    of_match = _OF_BEFORE.search(before)
    if of_match is not None and (
        of_match.group("noun").endswith("ed") or of_match.group("noun") in _FUNCTION_WORDS
    ):
        of_match = None  # "informed of 19 deaths", "accused of": a verb, not what is counted
    if of_match is not None:
        # "Russian losses of 11,000 troops", "a death toll of 300"
        head = of_match.group("noun")
        adjective = of_match.group("adj")
        if head == "toll":
            return "people killed"
        outcome = outcome or OUTCOMES.get(head)
        if noun is None and head in OUTCOMES:
            return " ".join(w for w in (adjective, head) if w)  # "losses of more than 17,000"
        if noun is None or outcome is None:
            noun = " ".join(w for w in (adjective, head) if w)
        elif adjective:
            noun = f"{adjective} {noun}"
    acted = _VERB_OBJECT_BEFORE.search(before)
    if noun is None and acted is not None and acted.group("verb") in OUTCOMES:
        return f"{acted.group('noun')} {OUTCOMES[acted.group('verb')]}"  # "raised rates by"
    move = _MOVE_BEFORE.search(before)
    verb = move.group("verb") if move is not None else ""
    verbish = verb in OUTCOMES or verb in _VERBISH or verb.endswith("ed")
    if noun is None and move is not None and verbish:
        words = [w for w in move.group("noun").lower().split() if w not in _NOUN_STOP]
        if words:
            return " ".join([*words, OUTCOMES.get(verb, verb)])  # "inflation rose to 3%"
    elliptic = _ELLIPSIS_BEFORE.search(before) or _outcome_just_before(before)
    lendable = previous is not None and previous not in (PLACEHOLDER, TOTAL, UNKNOWN)
    if previous is not None and lendable and noun is None and elliptic:
        # "145 children have died and 232 have been wounded": the noun is understood
        prev_words = previous.split()
        lent_outcome = prev_words[-1] if prev_words[-1] in OUTCOMES.values() else None
        noun = " ".join(prev_words[:-1]) if lent_outcome else previous
        if own is None and outcome is None and lent_outcome:
            outcome = lent_outcome
    noun = noun or number.unit or UNKNOWN
    return f"{noun} {outcome}" if outcome and not noun.endswith(outcome) else noun
