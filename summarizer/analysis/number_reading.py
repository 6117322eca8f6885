"""Reading one cardinal: the bare number, then what extends it.

Left: a currency symbol, 'between'/'from', a qualifier ('more than'). Right: a scale ('million',
'bn'), a percent sign, a range ('150-200', 'between $2 billion and $3 billion', 'Sixty to seventy
thousand', 'three or four', '30 minutes to an hour'), a unit ('tonnes', 'people'), a compound
duration ('10 years and six months'). Every regex is compiled once at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.analysis import vocabulary
from summarizer.analysis.number_forms import WORDS_RE, qualifier_before
from summarizer.analysis.number_words import (
    AND_PART,
    CURRENCY_SYMBOLS,
    DURATION_SECONDS,
    MULTIPLIERS,
    PARTS,
    PEOPLE_NOUNS,
    SCALES,
    SHORT_SCALES,
    UNIT_BY_FORM,
    parse_number_words,
)
from summarizer.models import Qualifier

CARDINAL_RE = re.compile(
    rf"(?<![\w.,])(?P<d>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|\b(?P<w>{WORDS_RE})(?![\w])",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(
    rf"\s*(?P<word>{vocabulary.alternation(SCALES)})\b|(?P<short>bn|mn|trn|tn|[mbk])\b",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(
    r"\s*(?:(?P<sign>%)|(?P<pp>percentage\s+points?)\b|(?P<pc>per\s?cent|percent)\b)",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(
    r"\s*(?:(?P<dash>[-\u2013\u2014])|(?P<word>to|and|or)\b)\s*(?P<cur>[$£€¥])?\s?", re.I
)
_UNIT_RANGE_AFTER = re.compile(r"\s*(?:[-\u2013]|\s(?P<word>to|and|or)\s)\s*", re.I)
_ONE_OF_UNIT = re.compile(rf"an?\s+(?P<u>{vocabulary.alternation(UNIT_BY_FORM)})\b", re.I)
_UNIT_AFTER = re.compile(
    rf"(?P<sep>\s*|-)(?P<unit>{vocabulary.alternation(UNIT_BY_FORM)})(?![\w-])", re.IGNORECASE
)
_PEOPLE_AFTER = re.compile(
    rf"\s+(?:(?:more|other|[A-Z][a-z]+|[a-z]+(?:an|ish|ese|i))\s+)?(?:{'|'.join(PEOPLE_NOUNS)}"
    rf"|[A-Z][a-z]+ians?s?|[A-Z][a-z]+ans)\b"
)
_CURRENCY_BEFORE = re.compile(r"(?:^|(?<=[^\w$£€¥]))(?:US|A|C|NZ|HK)?(?P<c>[$£€¥₹])\s?$")
_RANGE_START_BEFORE = re.compile(r"\b(?P<w>between|from)\s+$", re.IGNORECASE)
# a number glued to a word by a hyphen that only marks when it was: 'mid-2014', 'pre-2008'
_TIME_PREFIX = re.compile(r"\b(?:mid|early|late|pre|post)-$", re.IGNORECASE)
_SLASH_CODE = re.compile(r"/\d+(?![\d.,])")
_PERCENT_UNITS = ("%", "percentage points")
_BOUND_VERB_BEFORE = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.words('qualifier_verbs'))})\s+$", re.I
)


@dataclass
class Amount:
    """A cardinal being read: where it stands and what it is worth so far."""

    start: int
    end: int
    value: float
    is_digits: bool
    core_start: int  # the digits or number words themselves
    core_end: int
    upper: float | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    scaled: bool = False
    scale: float = 1.0  # the scale word's worth ('million' 1e6), so ranges can share it
    has_decimals: bool = False
    people: bool = False
    glued: bool = False  # part of a code: 'F-16', 'COVID-19', '24/7'


def read_core(text: str, match: re.Match[str], in_range: bool = False) -> Amount | None:
    """The bare number of a CARDINAL_RE match; `glued` when it is part of a name or code."""
    start = match.start()
    glued = start >= 2 and text[start - 1] in "-/" and text[start - 2].isalnum()
    if glued and _TIME_PREFIX.search(text[max(0, start - 6) : start]):
        glued = False  # 'mid-2014' is a year
    if match.group("d"):
        digits = match.group("d")
        if len(digits.replace(",", "")) > 18:
            return None
        value = float(digits.replace(",", ""))
        amount = Amount(start, match.end(), value, True, start, match.end())
        amount.has_decimals = "." in digits
        slash = _SLASH_CODE.match(text, amount.end)
        if slash is not None and not in_range:
            amount.end, glued = slash.end(), True  # '24/7', '9/11'
        amount.glued = glued and not in_range
        return amount
    parsed = parse_number_words(match.group("w"))
    if parsed is None:
        return None
    value, used = parsed
    amount = Amount(start, start + used, value, False, start, start + used)
    amount.glued = glued and not in_range
    words = re.split(r"[\s-]+", match.group("w")[:used].lower())
    if words[-1] in SCALES or words[-1] in MULTIPLIERS:
        amount.scale = SCALES.get(words[-1], MULTIPLIERS.get(words[-1], 1.0))
        amount.scaled = words[-1] in SCALES
    article = re.search(r"\ba\s+$", text[max(0, start - 3) : start], re.IGNORECASE)
    if article is not None and (words[0] in MULTIPLIERS or words[0] in SCALES):
        amount.start -= len(article.group())  # 'a dozen', 'a million'
    return amount


def extend_scale(text: str, amount: Amount, currency: bool) -> None:
    """'8.5 million', '1.2bn', '£40m' ('5m tall' stays metres: 'm' means million only
    with a currency or before a plural noun)."""
    match = _SCALE_AFTER.match(text, amount.end)
    if match is None:
        return
    if match.group("short"):
        short = match.group("short").lower()
        if not amount.is_digits or text[amount.end - 1].isspace():
            return
        plural_next = re.match(r"\s+[a-z]+s\b|\s+people\b", text[match.end() :])
        if short in ("m", "b") and not currency and (short == "b" or not plural_next):
            return
        factor = SHORT_SCALES[short]
    else:
        factor = SCALES[match.group("word").lower()]
    amount.value *= factor
    amount.end, amount.scaled, amount.scale = match.end(), True, factor


def extend_percent(text: str, amount: Amount) -> None:
    match = _PERCENT_AFTER.match(text, amount.end)
    if match is not None:
        amount.unit = "percentage points" if match.group("pp") else "%"
        amount.end = match.end()


def _connector_allowed(word: str, range_word: str | None) -> bool:
    """'and' only after 'between'; 'from 3 to 5' is a change, not a range; 'or' stands alone."""
    if word == "and":
        return range_word == "between"
    if word == "to":
        return range_word != "from"
    return not (word == "or" and range_word is not None)


def extend_range(text: str, amount: Amount, range_word: str | None) -> None:
    """'150-200', 'between $2 billion and $3 billion', '2 to 3 million', 'three or four'."""
    connector = _RANGE_AFTER.match(text, amount.end)
    if connector is None:
        return
    word = (connector.group("word") or "").lower()
    if not _connector_allowed(word, range_word):
        return
    symbol = connector.group("cur")
    spaced = any(ch.isspace() for ch in connector.group())
    if connector.group("dash") and (not amount.is_digits or spaced):
        return
    if symbol and amount.unit != CURRENCY_SYMBOLS[symbol]:
        return  # '$2 billion and $3 billion' share one currency
    second_match = CARDINAL_RE.match(text, connector.end())
    second = read_core(text, second_match, in_range=True) if second_match else None
    if second is None:
        return
    extend_scale(text, second, currency=symbol is not None or amount.unit is not None)
    extend_percent(text, second)
    if amount.unit in _PERCENT_UNITS and second.unit != amount.unit:
        return  # 'fell 6% to 5.8bn euros': a change and a level, not a range
    if second.scale > 1 and amount.scale == 1 and amount.value <= second.value / second.scale:
        amount.value *= second.scale  # 'Sixty to seventy thousand', '$1.2-1.5 billion'
        amount.scaled = amount.scaled or second.scaled
        amount.scale = second.scale
    if second.value <= amount.value:
        return
    if word == "or" and second.value > max(2 * amount.value, amount.value + 2):
        return  # 'one or two', 'three or four'; '5 or 50' is a choice, not a range
    amount.upper, amount.qualifier, amount.end = second.value, "range", second.end
    amount.unit = amount.unit or second.unit


def extend_unit_range(text: str, amount: Amount, range_word: str | None) -> None:
    """'30 minutes to an hour', 'between 18 months and two years': one range in the first unit."""
    if amount.upper is not None or amount.unit is None or amount.people:
        return
    connector = _UNIT_RANGE_AFTER.match(text, amount.end)
    if connector is None or not _connector_allowed(
        (connector.group("word") or "").lower(), range_word
    ):
        return
    one = _ONE_OF_UNIT.match(text, connector.end())
    if one is not None:
        value, end = 1.0, one.end()
        unit = UNIT_BY_FORM[re.sub(r"\s+", " ", one.group("u").lower())]
    else:
        second_match = CARDINAL_RE.match(text, connector.end())
        second = read_core(text, second_match, in_range=True) if second_match else None
        if second is None:
            return
        extend_scale(text, second, currency=False)
        extend_unit(text, second)
        if second.unit is None or second.people:
            return
        value, end, unit = second.value, second.end, second.unit
    if unit != amount.unit:
        if unit not in DURATION_SECONDS or amount.unit not in DURATION_SECONDS:
            return
        value = round(value * DURATION_SECONDS[unit] / DURATION_SECONDS[amount.unit], 3)
    if value > amount.value:
        amount.upper, amount.qualifier, amount.end = value, "range", end


def extend_unit(text: str, amount: Amount) -> None:
    if amount.unit is not None:
        return
    match = _UNIT_AFTER.match(text, amount.end)
    if match is not None:
        unit = UNIT_BY_FORM[re.sub(r"\s+", " ", match.group("unit").lower())]
        if unit == "pence" and match.group("sep") != "":
            return
        amount.unit, amount.end = unit, match.end()
        return
    if _PEOPLE_AFTER.match(text, amount.end):
        amount.unit, amount.people = "people", True


def extend_compound(text: str, amount: Amount) -> None:
    """'10 years and six months' -> 10.5 years, '11 hours and 30 minutes' -> 11.5 hours."""
    part = PARTS.get(amount.unit or "")
    match = AND_PART.match(text, amount.end) if part and amount.upper is None else None
    if part is None or match is None:
        return
    raw = match.group("n")
    words = parse_number_words(raw)
    count = float(raw) if raw.isdigit() else (words[0] if words else None)
    if count is not None and UNIT_BY_FORM.get(match.group("u").lower()) == part[0]:
        amount.value = round(amount.value + count / part[1], 3)
        amount.end = match.end()


def extend_left(text: str, amount: Amount) -> tuple[str | None, bool]:
    """Currency symbol and 'between'/'from' before the number; returns them for the right side."""
    window = text[max(0, amount.start - 4) : amount.start]
    currency = _CURRENCY_BEFORE.search(window)
    if currency is not None:
        amount.unit = CURRENCY_SYMBOLS[currency.group("c")]
        amount.start -= len(window) - currency.start()
    range_start = _RANGE_START_BEFORE.search(text[max(0, amount.start - 10) : amount.start])
    return (range_start.group("w").lower() if range_start else None), currency is not None


def extend_qualifier(text: str, amount: Amount) -> None:
    if amount.qualifier == "range":
        range_start = _RANGE_START_BEFORE.search(text[max(0, amount.start - 10) : amount.start])
        if range_start is not None:
            amount.start -= len(range_start.group())
        return
    amount.qualifier, amount.start = qualifier_before(text, amount.start)
    if amount.qualifier == "exact" and _BOUND_VERB_BEFORE.search(
        text[max(0, amount.start - 16) : amount.start]
    ):
        amount.qualifier = "at_least"  # 'the death toll has surpassed 150'


def read_amount(text: str, match: re.Match[str]) -> Amount | None:
    """The whole reading of one CARDINAL_RE match: core, then every extension in order."""
    amount = read_core(text, match)
    if amount is None or amount.glued:
        return amount
    range_word, currency = extend_left(text, amount)
    extend_scale(text, amount, currency)
    extend_percent(text, amount)
    extend_range(text, amount, range_word)
    extend_unit(text, amount)
    extend_unit_range(text, amount, range_word)
    extend_compound(text, amount)
    if amount.end == match.end() and text[amount.end : amount.end + 1].isalpha():
        amount.glued = True  # '3D', '5G', 'iPhone 6s': a code, not a count
        return amount
    extend_qualifier(text, amount)
    return amount
