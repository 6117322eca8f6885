"""Find every number an article states, with its exact span and a normalised value.

Figures ("more than 2,000", "$3bn", "two-thirds", "between 150 and 200", "a nine-hour corridor")
are told apart from numbers that only name or place things (dates, years, ordinals, ages, clock
times, "the 1949 Geneva Conventions") so the figure extractor only sees counts and amounts.

The scan runs in passes: the fixed forms (dates, times, ages, fractions, ordinals) claim their
characters first, then cardinals are read and extended left (currency, qualifier) and right
(scale, percent, range, unit). Every regex is compiled once at import.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from summarizer.analysis import vocabulary
from summarizer.analysis.number_words import (
    AND_PART,
    CURRENCY_SYMBOLS,
    DENOMINATORS,
    MONTHS,
    MULTIPLIERS,
    ORDINAL_VALUES,
    PARTS,
    PEOPLE_NOUNS,
    QUALIFIERS,
    SCALES,
    SHORT_SCALES,
    UNIT_BY_FORM,
    WORD_VALUES,
    YEAR_SPAN,
    age_value,
    date_value,
    fraction_value,
    parse_number_words,
    ratio_value,
    time_value,
)
from summarizer.analysis.types import NumberKind, NumberMention, Sentence
from summarizer.models import Qualifier

# Capitalised words after which a number is part of a name ("Article 5", "Flight 17").
_NAMING_WORDS = vocabulary.ordered("naming_words")
_NAME_BEFORE = re.compile(rf"\b(?:{vocabulary.alternation(_NAMING_WORDS)})\s*$")


_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"\b(?:(?P<iy>\d{{4}})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
    rf"|(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{MONTHS})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{MONTHS})\.?\s+(?P<d2>{_DAY})(?!\d|,\d{{3}})(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{MONTHS})\s+(?P<y3>(?:1[89]|20)\d\d))\b"
)
TIME_RE = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]m\b|[ap]\.m\.)"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!:\d|\.\d)",
    re.IGNORECASE,
)
_WORD_NUMBER = vocabulary.alternation(list(WORD_VALUES) + list(MULTIPLIERS) + list(SCALES))
_WORDS_RE = rf"(?:{_WORD_NUMBER})(?:(?:\s+and\s+|\s+|-)(?:{_WORD_NUMBER}))*"
AGE_RE = re.compile(
    rf"\b(?:aged|age\s+of|age)\s+(?P<a1>\d{{1,3}})\b"
    rf"|(?<![\w.,])(?P<a2>\d{{1,3}}|{_WORDS_RE})[-\s]years?[-\s]old\b",
    re.IGNORECASE,
)
_NUMERATOR = vocabulary.alternation([*WORD_VALUES, "a", "an"])
FRACTION_RE = re.compile(
    rf"\b(?:(?P<num>{_NUMERATOR})[\s-]+(?P<den>{vocabulary.alternation(DENOMINATORS)})"
    rf"|(?P<half>half))\b(?P<of>\s+(?:of\s+)?(?:a|an)\s+(?P<unit>percentage\s+point|per\s?cent"
    rf"|percent|mile|kilometre|metre|hour|day|week|month|year|million|billion))?",
    re.IGNORECASE,
)
_SMALL_NUMBER = rf"\d{{1,3}}|{vocabulary.alternation(list(WORD_VALUES)[1:])}"
# 'one in five adults', '3 out of 10': a proportion, read as a fraction (0.2, 0.3)
RATIO_RE = re.compile(
    rf"(?<![\w.,])(?P<n>{_SMALL_NUMBER})\s+(?:in|out\s+of)\s+(?P<m>{_SMALL_NUMBER})(?![\w.,%])",
    re.IGNORECASE,
)
ORDINAL_RE = re.compile(
    rf"(?<![\w.,])(?P<n>\d{{1,4}})(?:st|nd|rd|th)\b|\b(?P<w>{vocabulary.alternation(ORDINAL_VALUES)})\b",
    re.IGNORECASE,
)
CARDINAL_RE = re.compile(
    rf"(?<![\w.,])(?P<d>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|\b(?P<w>{_WORDS_RE})(?![\w])",
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
_RANGE_AFTER = re.compile(r"\s*(?:(?P<dash>[-\u2013\u2014])|(?P<word>to|and))\s*", re.I)
_UNIT_AFTER = re.compile(
    rf"(?P<sep>\s*|-)(?P<unit>{vocabulary.alternation(UNIT_BY_FORM)})(?![\w-])", re.IGNORECASE
)
_PEOPLE_AFTER = re.compile(
    rf"\s+(?:(?:more|other|[A-Z][a-z]+|[a-z]+(?:an|ish|ese|i))\s+)?(?:{'|'.join(PEOPLE_NOUNS)}"
    rf"|[A-Z][a-z]+ians?s?|[A-Z][a-z]+ans)\b"
)
_QUALIFIER_BEFORE = re.compile(
    rf"(?:^|(?<=\W))(?P<q>{vocabulary.alternation(QUALIFIERS)})\s+$", re.I
)
_CURRENCY_BEFORE = re.compile(r"(?:^|(?<=[^\w$£€¥]))(?:US|A|C|NZ|HK)?(?P<c>[$£€¥₹])\s?$")
_RANGE_START_BEFORE = re.compile(r"\b(?P<w>between|from)\s+$", re.IGNORECASE)


@dataclass
class _Amount:
    """A cardinal being read: where it stands and what it is worth so far."""

    start: int
    end: int
    value: float
    is_digits: bool
    upper: float | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    scaled: bool = False
    has_decimals: bool = False
    people: bool = False


def _marked(mask: bytearray, start: int, end: int) -> bool:
    return any(mask[start:end])


def _mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


Found = tuple[int, int, float, float | None, str | None, Qualifier, NumberKind]


def _fixed_forms(text: str, mask: bytearray) -> Iterator[Found]:
    """Dates, clock times, ages, fractions and ordinals: forms with one fixed reading."""
    for match in DATE_RE.finditer(text):
        _mark(mask, match.start(), match.end())
        yield match.start(), match.end(), date_value(match), None, None, "exact", "date"
    for match in TIME_RE.finditer(text):
        if not _marked(mask, match.start(), match.end()):
            _mark(mask, match.start(), match.end())
            yield match.start(), match.end(), time_value(match), None, None, "exact", "time"
    for match in AGE_RE.finditer(text):
        age = age_value(match)
        if age is not None and not _marked(mask, match.start(), match.end()):
            _mark(mask, match.start(), match.end())
            yield match.start(), match.end(), age, None, "years", "exact", "age"
    for match in FRACTION_RE.finditer(text):
        fraction = fraction_value(match, text)
        if fraction is not None and not _marked(mask, match.start(), match.end()):
            _mark(mask, match.start(), match.end())
            value, unit = fraction
            yield match.start(), match.end(), value, None, unit, "exact", "figure"
    for match in RATIO_RE.finditer(text):
        ratio = ratio_value(match)
        if ratio is not None and not _marked(mask, match.start(), match.end()):
            _mark(mask, match.start(), match.end())
            yield match.start(), match.end(), ratio, None, None, "exact", "figure"
    for match in ORDINAL_RE.finditer(text):
        if _ordinal_is_unit(text, match.start()) or _marked(mask, match.start(), match.end()):
            continue
        _mark(mask, match.start(), match.end())
        raw = match.group("n") or match.group("w").lower()
        value = float(raw) if raw.isdigit() else ORDINAL_VALUES[raw]
        yield match.start(), match.end(), value, None, None, "exact", "ordinal"


def _ordinal_is_unit(text: str, start: int) -> bool:
    """'a 30-second clip' and '30 second delay': 'second' is a unit there, not an ordinal."""
    return bool(re.search(r"\d[\s-]$", text[max(0, start - 2) : start]))


def _read_core(text: str, match: re.Match[str], in_range: bool = False) -> _Amount | None:
    """The bare number of a CARDINAL_RE match, or None when it is part of a name or code."""
    start = match.start()
    glued = start >= 2 and text[start - 1] in "-/" and text[start - 2].isalnum()
    if glued and not in_range:
        return None  # 'F-16', 'COVID-19', '2021-22', '24/7'
    if match.group("d"):
        digits = match.group("d")
        if len(digits.replace(",", "")) > 18:
            return None
        amount = _Amount(start, match.end(), float(digits.replace(",", "")), is_digits=True)
        amount.has_decimals = "." in digits
        return amount
    parsed = parse_number_words(match.group("w"))
    if parsed is None:
        return None
    value, used = parsed
    amount = _Amount(start, start + used, value, is_digits=False)
    first_word = match.group("w").split()[0].lower()
    article = re.search(r"\ba\s+$", text[max(0, start - 3) : start], re.IGNORECASE)
    if article is not None and (first_word in MULTIPLIERS or first_word in SCALES):
        amount.start -= len(article.group())  # 'a dozen', 'a million'
    return amount


def _extend_scale(text: str, amount: _Amount, currency: bool) -> None:
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
        amount.value *= SHORT_SCALES[short]
    else:
        amount.value *= SCALES[match.group("word").lower()]
    amount.end, amount.scaled = match.end(), True


def _extend_percent(text: str, amount: _Amount) -> None:
    match = _PERCENT_AFTER.match(text, amount.end)
    if match is not None:
        amount.unit = "percentage points" if match.group("pp") else "%"
        amount.end = match.end()


def _extend_range(text: str, amount: _Amount, range_word: str | None) -> None:
    """'150-200', 'between 150 and 200', '2 to 3 million' (not 'from 3 to 5': a change)."""
    connector = _RANGE_AFTER.match(text, amount.end)
    if connector is None:
        return
    word = (connector.group("word") or "").lower()
    if word == "and" and range_word != "between":
        return
    if word == "to" and range_word == "from":
        return
    spaced = connector.end() - connector.start() > 1
    if connector.group("dash") and (not amount.is_digits or spaced):
        return
    second_match = CARDINAL_RE.match(text, connector.end())
    second = _read_core(text, second_match, in_range=True) if second_match else None
    if second is None:
        return
    _extend_scale(text, second, currency=False)
    _extend_percent(text, second)
    if second.scaled and not amount.scaled and amount.value < second.value / 1000:
        amount.value *= second.value / _unscaled(text, second)
    if second.value <= amount.value:
        return
    amount.upper, amount.qualifier, amount.end = second.value, "range", second.end
    amount.unit = amount.unit or second.unit


def _unscaled(text: str, amount: _Amount) -> float:
    match = CARDINAL_RE.match(text, amount.start)
    core = _read_core(text, match) if match else None
    return core.value if core and core.value else 1.0


def _extend_unit(text: str, amount: _Amount) -> None:
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


def _extend_compound(text: str, amount: _Amount) -> None:
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


def _extend_left(text: str, amount: _Amount) -> tuple[str | None, bool]:
    """Currency symbol and 'between'/'from' before the number; returns them for the right side."""
    window = text[max(0, amount.start - 4) : amount.start]
    currency = _CURRENCY_BEFORE.search(window)
    if currency is not None:
        amount.unit = CURRENCY_SYMBOLS[currency.group("c")]
        amount.start -= len(window) - currency.start()
    range_start = _RANGE_START_BEFORE.search(text[max(0, amount.start - 10) : amount.start])
    return (range_start.group("w").lower() if range_start else None), currency is not None


def _extend_qualifier(text: str, amount: _Amount) -> None:
    if amount.qualifier == "range":
        range_start = _RANGE_START_BEFORE.search(text[max(0, amount.start - 10) : amount.start])
        if range_start is not None:
            amount.start -= len(range_start.group())
        return
    window = text[max(0, amount.start - 24) : amount.start]
    match = _QUALIFIER_BEFORE.search(window)
    if match is not None:
        amount.qualifier = QUALIFIERS[re.sub(r"\s+", " ", match.group("q").lower())]
        amount.start -= len(window) - match.start()


def _cardinal_kind(text: str, amount: _Amount) -> NumberKind | None:
    """figure, year or name; None for a bare 'one' (mostly a pronoun: 'one of them')."""
    plain = (
        amount.unit is None
        and amount.qualifier == "exact"
        and not amount.scaled
        and amount.upper is None
    )
    if plain and not amount.is_digits and amount.value == 1:
        return None
    before = text[max(0, amount.start - 12) : amount.start]
    if plain and _NAME_BEFORE.search(before):
        return "name"
    raw = text[amount.start : amount.end]
    if YEAR_SPAN.fullmatch(raw) and amount.unit is None and not amount.scaled:
        return "year"  # 'between 2014 and 2019', '2014-2019'
    if plain and amount.is_digits and re.fullmatch(r"1[5-9]\d\d|20\d\d|2100", raw):
        after = text[amount.end : amount.end + 2]
        if re.search(r"\bthe\s+$", before, re.I) and re.match(r"\s[A-Z]", after):
            return "name"  # 'the 1949 Geneva Conventions'
        return "year"
    return "figure"


def _cardinals(text: str, mask: bytearray) -> Iterator[Found]:
    for match in CARDINAL_RE.finditer(text):
        if _marked(mask, match.start(), match.end()):
            continue
        amount = _read_core(text, match)
        if amount is None:
            continue
        range_word, currency = _extend_left(text, amount)
        _extend_scale(text, amount, currency)
        _extend_percent(text, amount)
        _extend_range(text, amount, range_word)
        _extend_unit(text, amount)
        _extend_compound(text, amount)
        if amount.end == match.end() and text[amount.end : amount.end + 1].isalpha():
            continue  # '3D', '5G', '1990s': a code, not a count
        _extend_qualifier(text, amount)
        kind = _cardinal_kind(text, amount)
        if kind is None or _marked(mask, amount.start, amount.end):
            continue
        _mark(mask, amount.start, amount.end)
        yield (
            amount.start,
            amount.end,
            amount.value,
            amount.upper,
            amount.unit,
            amount.qualifier,
            kind,
        )


def find_numbers(text: str, sentences: list[Sentence]) -> list[NumberMention]:
    """Every number in `text`, in order of position; never raises."""
    mask = bytearray(len(text))
    found: list[Found] = []
    passes: list[Callable[[str, bytearray], Iterator[Found]]] = [_fixed_forms, _cardinals]
    for scan in passes:
        try:
            found.extend(scan(text, mask))
        except Exception:  # a reading bug must cost one number, not the whole analysis
            continue
    starts = [sentence.start for sentence in sentences]
    mentions = []
    for start, end, value, upper, unit, qualifier, kind in sorted(found):
        position = bisect.bisect_right(starts, start) - 1
        sentence = sentences[position].index if sentences and position >= 0 else -1
        mention_text = text[start:end]
        mentions.append(
            NumberMention(start, end, mention_text, value, upper, unit, qualifier, kind, sentence)
        )
    return mentions
