"""Which numbers of kind `figure` a brief lists: counts and amounts, not what only places things.

Left out: ages ('children under five', 'Ana Costa, 54,'), back-references ('the two cities'),
the number of anonymous sources ('two people familiar with the talks said'), a unit conversion
that restates the figure before it ('150 mm (6 inches)'), and durations that only place an
event in time ('four years ago', 'over the last five years'). A duration is a figure when it
measures something: a sentence, an effort or wait ('for three days', 'averaged nearly two
hours'), a period named by a noun ('nearly 20 years of hostile relations', 'a six-month review
period', 'delays of 30 minutes to an hour'), a rate ('four hours a day'), a span to another
event ('three months later', 'six months before GCSEs replaced O-levels', 'began six months
ago') or a record ('its first cut in four years').
"""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.types import NumberMention, Sentence

_DURATIONS = vocabulary.words("duration_units")
_CUSTODY = re.compile(r"sentenc|jail|prison", re.IGNORECASE)
_SUPERLATIVE = "first|highest|lowest|biggest|largest|worst|best|strongest|weakest|longest|fastest"
_LASTING = re.compile(
    r"\b(?:for(?:\s+the\s+(?:past|last|next|first))?|over\s+the\s+(?:next|coming)|spent|spend"
    r"|spends|take|takes|took|taking|lasted|lasting|lasts|another|within|averaged|averaging"
    r"|waited|wait|waiting|delayed\s+by"
    rf"|(?:{_SUPERLATIVE})\b[^.;,]{{0,40}}?\bin)\s+$",
    re.IGNORECASE,
)
_NOUN_OF_BEFORE = re.compile(r"\b(?!age\b|ages\b)[a-z]{3,}\s+of\s+$")  # 'delays of 30 minutes'
_AGO = re.compile(r"\s*ago\b", re.IGNORECASE)
_STARTED = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.words('start_verbs'))})\b[^.;,]{{0,40}}$",
    re.IGNORECASE,
)
_SPAN_AFTER = re.compile(r"\s*(?:later|earlier|early|late|before|after)\b", re.IGNORECASE)
_RATE_AFTER = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(?:second|minute|hour|day|week|month|year)\b", re.I
)
_OF_AFTER = re.compile(
    r"\s+of\s+(?!age\b|the\b|this\b|that\b|last\b|next\b|its\b|their\b|his\b|her\b)[a-z]", re.I
)
_MODIFIER = re.compile(r"-(?:second|minute|hour|day|week|month|year|decade)$", re.IGNORECASE)
_NAMED_SPAN = re.compile(
    rf"\s+(?:[A-Z]\w*\s+)?(?:{vocabulary.alternation(vocabulary.words('duration_name_nouns'))})\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"\b(?:the|both|these|those)\s*$", re.IGNORECASE)
_PARTITIVE_REFERENCE = re.compile(r"\bof\s+the\s*$", re.IGNORECASE)
_AGE_BAND = re.compile(
    r"\b(?:children|child|kids|people|adults|those|anyone|women|men|girls|boys|patients|"
    r"residents|workers|voters|pensioners|babies|infants|participants)\s+(?:aged\s+)?"
    r"(?:under|over|below|above|older\s+than|younger\s+than)\s*$"
    r"|\b(?:older|younger)\s+than\s*$"  # 'many of them younger than 15'
    r"|\bin\s+age\s+from\s*(?:\d+\s*(?:to|-|\u2013)\s*)?$"  # 'ranging in age from 50 to 110'
    r"|\baged\s*(?:(?:between\s+)?\w+\s*(?:to|-|and|\u2013)\s*)?$",
    re.IGNORECASE,
)
# 'adults 45 and older', 'children five or younger'
_AGE_OPEN_END = re.compile(r"^\s*(?:and|or)\s+(?:older|younger|over)\b", re.IGNORECASE)
_YEARS_OLD_AFTER = re.compile(r"^[\s-]*years?[\s-]*old\b", re.IGNORECASE)
_AGE_LIST = re.compile(r"\bage[sd]?\s+\d+(?:\s*,\s*\d+)*\s*(?:,|and|or|to|-)?\s*$", re.I)
# 'Ana Costa, 54,', 'Everett Dutschke , 41,', 'Patrick Carlineo Jr., 55,', 'Constand, now 44.'
_NAME_AGE = re.compile(r"\b(?:[A-Z][\w'\u2019-]+\.?|man|woman|boy|girl)\s*,\s*(?:now\s+)?$")
_YEARS_OLD = re.compile(r"^[\s-]*(?:years?|yrs?)[\s-]*old\b|^\s*[,.;]", re.IGNORECASE)
_SOURCE_HEADS = vocabulary.alternation(
    {*vocabulary.words("anonymous_heads"), *(f"{w}s" for w in vocabulary.words("anonymous_heads"))}
    | {"officials", "diplomats", "officers"}
)
# 'two people familiar with the discussions said', 'three sources told Reuters'
_SOURCE_COUNT = re.compile(
    rf"\s+(?:[a-z]+\s+){{0,2}}?(?:{_SOURCE_HEADS})\s+(?:familiar\s+with|close\s+to|with\s+"
    r"(?:direct\s+)?knowledge|briefed\s+on|who\s+(?:spoke|asked|declined|requested|were\s+not)"
    r"|(?:have\s+|had\s+)?(?:said|say|says|told|tell)\b(?!\s+to\b))",
    re.IGNORECASE,
)
_CONVERSION_GAP = re.compile(
    r"\s*\(\s*(?:about|around|roughly|some|approximately|nearly|almost|or)?\s*$", re.I
)
_CONVERTIBLE = frozenset(
    {
        *("miles", "km", "metres", "feet", "inches", "yards", "mm", "cm", "square miles"),
        *("square km", "hectares", "acres", "kg", "tonnes", "litres", "gallons", "barrels"),
        *("mph", "degrees", "dollars", "euros", "pounds", "yen", "yuan", "rupees", "roubles"),
    }
)


_ADDRESS = re.compile(
    r"\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|St|Avenue|Ave|Plaza|Road|Rd|Boulevard|Blvd|Lane|"
    r"Drive|Square|Place|Way|Court|Terrace|Parkway)\b"
)
_RATING = re.compile(r"-star\b", re.IGNORECASE)
_ODDS_AFTER = re.compile(r"\s+in\s+[\d,.]+")
_NAME_OR_DRAW = re.compile(r"-(?:[A-Z][a-z]|\d+-\d)")
_DRAW_BEFORE = re.compile(r"\d-\d+-$")
_GLUED_NAME = re.compile(r"\d-[A-Z][a-z]+(?<!s)\b")


def counts(
    text: str, number: NumberMention, sentence: Sentence, previous: NumberMention | None
) -> bool:
    """Whether `number` (kind figure) is a count or amount a brief lists."""
    if not sentence.is_reporting:
        return False
    if number.unit in _DURATIONS:
        return _duration_counts(text, number, sentence)
    if is_age(text, number):
        return False
    if _RATING.match(text, number.end):
        return False  # "the five-star hotel", "a four-star general": a grade, not a count
    named = _NAME_OR_DRAW.match(text, number.end) or _GLUED_NAME.search(number.text)
    if named or _DRAW_BEFORE.search(text, 0, number.start):
        return False  # "a 7-Eleven", "numbers drawn 4-8-19-27-34": a name, a draw, no count
    if number.value == 1 and _ODDS_AFTER.match(text, number.end):
        return False  # "odds of 1 in 292.2 million": the other number is the figure
    if number.value == 0 and text[number.end : number.end + 1] == "-":
        return False  # "a zero-tolerance policy", "zero-sum": a modifier, not a count of nothing
    if _ADDRESS.match(text, number.end):
        return False  # "its offices at 30 Rockefeller Plaza": a street number
    spelled = not any(ch.isdigit() for ch in number.text)
    before = text[max(0, number.start - 8) : number.start]
    modifier = text[number.end : number.end + 1] == "-"  # 'the nine-member committee'
    partitive = _PARTITIVE_REFERENCE.search(before)  # 'one of the ten hospitals' counts them
    if spelled and not modifier and not partitive and _REFERENCE.search(before):
        return False  # "the two cities" points back at known things; it counts nothing
    sources = number.value <= 10 and number.unit in (None, "people")
    if sources and _SOURCE_COUNT.match(text, number.end):
        return False  # 'two people familiar with the talks said': who speaks, not the news
    return not _restates(text, number, previous)


def _restates(text: str, number: NumberMention, previous: NumberMention | None) -> bool:
    """'150 mm (6 inches)', '300 km (200 miles)': a conversion of the figure just before."""
    if previous is None or previous.kind != "figure":
        return False
    units = (previous.unit, number.unit)
    if not all(unit in _CONVERTIBLE for unit in units) or units[0] == units[1]:
        return False
    return bool(_CONVERSION_GAP.fullmatch(text[previous.end : number.start]))


def _duration_counts(text: str, number: NumberMention, sentence: Sentence) -> bool:
    if _CUSTODY.search(sentence.text):
        return True  # "sentenced to 12 years", "spent four years in prison"
    before = text[max(0, number.start - 60) : number.start]
    after = text[number.end : number.end + 30]
    if _AGO.match(after):
        return bool(_STARTED.search(before))  # "the blockade began six months ago"
    if _MODIFIER.search(number.text):
        # "a six-month review period"; not "its biggest one-day drop" or "a 52-week high"
        return number.value != 1 and not _NAMED_SPAN.match(after)
    return bool(
        _LASTING.search(before)
        or _NOUN_OF_BEFORE.search(before)
        or (_SPAN_AFTER.match(after) and number.value != 1)
        or _RATE_AFTER.match(after)
        or _OF_AFTER.match(after)
    )


def is_age(text: str, number: NumberMention) -> bool:
    """`children under five`, `people over 65`, `Ana Costa, 54,`: an age, not a count."""
    after = text[number.end : number.end + 12]
    if number.value == int(number.value) and _YEARS_OLD_AFTER.match(after) and not number.unit:
        return True  # "the 124-year-old company": an age, of people or of anything else
    if number.value != int(number.value) or not 0 < number.value < 120 or number.unit:
        return False
    bare = text[max(0, number.start - 40) : number.start]
    if _AGE_LIST.search(bare):
        return True  # "three girls ages 5, 8 and 11"
    if _AGE_BAND.search(bare) or _AGE_BAND.search(f"{bare}{number.text.split()[0]} "):
        return True
    if _AGE_OPEN_END.match(after):
        return True
    return bool(_NAME_AGE.search(bare) and _YEARS_OLD.match(after))
