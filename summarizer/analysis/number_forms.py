"""Numbers with one fixed reading, found before any cardinal is read.

Dates, clock times, phone numbers, codes ('G20', 'MH17'), scores ('a 5-4 vote'), conversions
('($1 = 118.55 yen)'), list markers ('1. Finland'), ages ('the 29-year-old', 'Smith, 45,',
'between the ages of 25 and 54'), fractions ('two-thirds', 'an estimated half-million'),
proportions ('one in five'), one of a unit ('at least a year', 'up to a foot of snow'),
multiples ('doubled') and ordinals. Each form claims its characters in a mask, so the cardinal
reader never reads them again; vague amounts ('a few hundred', 'several thousand') claim theirs
and give no number at all. Every regex is compiled once at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer.analysis import vocabulary
from summarizer.analysis.number_words import (
    DENOMINATORS,
    MONTHS,
    MULTIPLES,
    MULTIPLIERS,
    ORDINAL_VALUES,
    QUALIFIERS,
    SCALES,
    UNIT_BY_FORM,
    WORD_VALUES,
    age_value,
    date_value,
    fraction_value,
    ratio_value,
    time_value,
)
from summarizer.analysis.types import NumberKind
from summarizer.models import Qualifier

Found = tuple[int, int, float, float | None, str | None, Qualifier, NumberKind]

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"\b(?:(?P<iy>\d{{4}})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
    rf"|(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{MONTHS})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{MONTHS})\.?\s+(?P<d2>{_DAY})(?!\d|,\d{{3}})(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{MONTHS})\s+(?P<y3>(?:1[89]|20)\d\d))\b"
)
_ZONES = r"GMT|UTC|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|BST|CET|CEST|EET|MSK|IST|JST|local\s+time|hrs"
TIME_RE = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]m\b|[ap]\.m\.)"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!:\d|\.\d)"
    rf"|\b(?P<hz>[01]\d|2[0-3])(?P<mz>[0-5]\d)\s*(?:{_ZONES})\b",
    re.IGNORECASE,
)
# '1-800-555-0199', '(212) 555-0199', '+44 20 7946 0958': one name, never a count
PHONE_RE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}"
    r"|(?:1[-.\s])?\(?\d{3}\)?[-.\s]\d{3}[-.]\d{4})(?![\w%])"
)
# '($1 = 118.55 yen)', '1 euro = 1.08 dollars': an exchange rate or conversion, not a figure
_SIDE = r"[$£€¥]?\s?\d[\d,]*(?:\.\d+)?(?:\s?[A-Za-z]{1,12})?"
EQUATION_RE = re.compile(rf"(?<![\w.,])(?P<left>{_SIDE})\s*=\s*(?P<right>{_SIDE})")
# 'a 5-4 vote', 'won 3-1': a score or tally, the second no larger than the first
SCORE_RE = re.compile(
    r"(?<![\w.,$£€¥/-])(?P<a>\d{1,3})[-\u2013](?P<b>\d{1,3})(?![\w%./-]|,\d|\s*(?:%|per))"
)
# 'G20', 'MH17', 'A320', 'H1N1', 'COVID-19': a code of letters and digits names a thing
CODE_RE = re.compile(r"(?<![\w.,$£€¥-])(?P<letters>[A-Za-z]{1,10})-?(?P<digits>\d+)[A-Za-z\d]*\b")
_NOT_CODES = re.compile(r"(?:mid|early|late|pre|post|km|m|sq|ft|mi|kg|cm|mm)", re.IGNORECASE)
# '1. Finland' at the start of a line: a rank in a list
LIST_MARKER_RE = re.compile(r"^[ \t]*(?P<n>\d{1,3})[.)](?=[ \t]+\S)", re.MULTILINE)
_WORD_NUMBER = vocabulary.alternation(list(WORD_VALUES) + list(MULTIPLIERS) + list(SCALES))
# at most ten words: a number phrase is never longer, and a bound keeps every scan linear
WORDS_RE = rf"(?:{_WORD_NUMBER})(?:(?:\s+and\s+|\s+|-)(?:{_WORD_NUMBER})){{0,9}}"
_AGE_NUMBER = rf"\d{{1,3}}|{WORDS_RE}"
AGE_RE = re.compile(
    rf"\b(?:aged|ages?(?:\s+of)?)\s+(?:between\s+)?(?P<a1>{_AGE_NUMBER})\b(?![,.]\d)"
    rf"(?:\s*(?:-|\u2013|to|and)\s*(?P<u1>{_AGE_NUMBER}))?\b(?!\s*(?:%|per))"
    rf"|(?<![\w.,])(?P<a2>{_AGE_NUMBER})[-\s](?P<unit>years?|months?|weeks?|days?)[-\s]olds?\b",
    re.IGNORECASE,
)
# 'Ana Costa, 54, said', 'a man, 31, was': an age set off by commas after a name or a person
NAME_AGE_RE = re.compile(
    r"(?:\b[A-Z][\w'\u2019-]+|\b(?:man|woman|boy|girl|mother|father|son|daughter|wife|husband))"
    r",\s(?P<age>\d{1,3})(?![,.]\d)(?=\s*[,)])"
)
# 'when they were five', 'after she turned 18': an age in a clause of time
PRONOUN_AGE_RE = re.compile(
    rf"\b(?:(?:when|until|since|after|before|once|because)\s+(?:he|she|they|I|we|you)\s+"
    rf"(?:was|were|is|are)|turn(?:s|ed|ing))\s+(?P<age>{_AGE_NUMBER})\b(?![,.]\d)"
    r"(?=\s*[,.;)]|\s+(?:and|when|or|but|on|in|last|this)\b)",
    re.IGNORECASE,
)
# 'a few hundred', 'several thousand': a vague amount, no number to report
VAGUE_RE = re.compile(
    r"\b(?:a\s+few|few|several|a\s+couple(?:\s+of)?|many)\s+(?:hundred|thousand|million|billion"
    r"|dozen)(?:\s+(?:thousand|million|billion))?\b",
    re.IGNORECASE,
)
_NUMERATOR = vocabulary.alternation([*WORD_VALUES, "a", "an"])
FRACTION_RE = re.compile(
    rf"\b(?:(?P<num>{_NUMERATOR})[\s-]+(?P<den>{vocabulary.alternation(DENOMINATORS)})"
    rf"|(?P<half>half))\b(?P<of>\s+(?:of\s+)?(?:a|an)\s+(?P<unit>percentage\s+point|per\s?cent"
    rf"|percent|mile|kilometre|metre|hour|day|week|month|year|million|billion))?",
    re.IGNORECASE,
)
# 'half-million', 'a quarter million': a share of a scale word
PART_SCALE_RE = re.compile(
    r"\b(?:an?\s+)?(?P<part>half|quarter)[\s-](?P<scale>million|billion|trillion)\b", re.I
)
_SMALL_NUMBER = rf"\d{{1,3}}|{vocabulary.alternation(list(WORD_VALUES)[1:])}"
# 'one in five adults', '3 out of 10': a proportion, read as a fraction (0.2, 0.3)
RATIO_RE = re.compile(
    rf"(?<![\w.,])(?P<n>{_SMALL_NUMBER})\s+(?:in|out\s+of)\s+(?P<m>{_SMALL_NUMBER})(?![\w.,%])",
    re.IGNORECASE,
)
_ONE_UNIT = "minute hour day week fortnight month year decade inch foot yard mile metre"
# 'at least a year', 'up to a foot of snow', 'for a half hour': one of a unit, as a number
ONE_UNIT_RE = re.compile(
    rf"\b(?:(?P<q>{vocabulary.alternation(QUALIFIERS)})|(?P<for>for|within|spent|lasted|lasting"
    rf"|took|averaged))\s+(?P<a>an?)\s+(?P<half>half[\s-])?"
    rf"(?P<u>{'|'.join(_ONE_UNIT.split())}|meter|kilometre|kilometer)(?![\w-])",
    re.IGNORECASE,
)
MULTIPLE_RE = re.compile(
    rf"\b(?P<m>{'|'.join(MULTIPLES)})\b(?!\s+(?:down|as|up|over|back)\b)", re.IGNORECASE
)
ORDINAL_RE = re.compile(
    rf"(?<![\w.,])(?P<n>\d{{1,4}})(?:st|nd|rd|th)\b|\b(?P<w>{vocabulary.alternation(ORDINAL_VALUES)})\b",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE = re.compile(
    rf"(?:^|(?<=\W))(?P<q>{vocabulary.alternation(QUALIFIERS)})\s+$", re.I
)


def marked(mask: bytearray, start: int, end: int) -> bool:
    return any(mask[start:end])


def mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def qualifier_before(text: str, start: int) -> tuple[Qualifier, int]:
    """The qualifier written just before `start` ('more than', 'about') and where it begins."""
    window = text[max(0, start - 24) : start]
    match = _QUALIFIER_BEFORE.search(window)
    if match is None:
        return "exact", start
    return QUALIFIERS[re.sub(r"\s+", " ", match.group("q").lower())], start - len(window) + (
        match.start()
    )


def _claim(mask: bytearray, start: int, end: int) -> bool:
    """Claim [start, end) when no earlier form holds any of it."""
    if marked(mask, start, end):
        return False
    mark(mask, start, end)
    return True


def _names(text: str, mask: bytearray) -> Iterator[Found]:
    """Phone numbers, conversions, scores and list markers: numbers that name, not count."""
    for match in PHONE_RE.finditer(text):
        if _claim(mask, match.start(), match.end()):
            digits = re.sub(r"\D", "", match.group())[:15]
            yield match.start(), match.end(), float(digits), None, None, "exact", "name"
    for match in EQUATION_RE.finditer(text):
        for side in ("left", "right"):
            start, end = match.span(side)
            number = re.search(r"\d[\d,]*(?:\.\d+)?", match.group(side))
            if number is not None and _claim(mask, start, end):
                value = float(number.group().replace(",", ""))
                yield start, end, value, None, None, "exact", "name"
    for match in SCORE_RE.finditer(text):
        first, second = int(match.group("a")), int(match.group("b"))
        if second <= first and _claim(mask, match.start(), match.end()):
            yield match.start(), match.end(), float(first), None, None, "exact", "name"
    for match in CODE_RE.finditer(text):
        if _NOT_CODES.fullmatch(match.group("letters")) or len(match.group("digits")) > 9:
            continue  # 'mid-2014' is a year, 'km2' a unit
        if _claim(mask, match.start(), match.end()):
            yield (
                match.start(),
                match.end(),
                float(match.group("digits")),
                None,
                None,
                "exact",
                "name",
            )
    for match in LIST_MARKER_RE.finditer(text):
        start, end = match.span("n")
        if _claim(mask, start, end):
            yield start, end, float(match.group("n")), None, None, "exact", "ordinal"


def _ages(text: str, mask: bytearray) -> Iterator[Found]:
    for match in AGE_RE.finditer(text):
        age = age_value(match.group("a1") or match.group("a2"))
        upper = age_value(match.group("u1"))
        if age is None or not _claim(mask, match.start(), match.end()):
            continue
        unit = UNIT_BY_FORM.get((match.group("unit") or "years").lower().rstrip("s") + "s")
        ranged = upper is not None and upper > age
        qualifier: Qualifier = "range" if ranged else "exact"
        yield match.start(), match.end(), age, upper if ranged else None, unit, qualifier, "age"
    for regex in (NAME_AGE_RE, PRONOUN_AGE_RE):
        for match in regex.finditer(text):
            age = age_value(match.group("age"))
            start, end = match.span("age")
            if age is not None and age > 0 and _claim(mask, start, end):
                yield start, end, age, None, "years", "exact", "age"


def _shares(text: str, mask: bytearray) -> Iterator[Found]:
    """Fractions, proportions, one of a unit and multiples, with the qualifier before them."""
    found: list[tuple[int, int, float, str | None]] = []
    for match in PART_SCALE_RE.finditer(text):
        part = 0.5 if match.group("part").lower() == "half" else 0.25
        found.append(
            (match.start(), match.end(), part * SCALES[match.group("scale").lower()], None)
        )
    for match in ONE_UNIT_RE.finditer(text):
        if match.group("for") and not match.group("half"):
            continue  # 'for a year' mostly places ('sat on its hands for a year'); a half counts
        start = match.start("a")  # the qualifier, if any, is read back below
        value = 0.5 if match.group("half") else 1.0
        unit = UNIT_BY_FORM.get(match.group("u").lower())
        unit = unit or UNIT_BY_FORM.get(match.group("u").lower() + "s")
        found.append((start, match.end(), value, unit))
    for match in FRACTION_RE.finditer(text):
        fraction = fraction_value(match, text)
        if fraction is not None:
            found.append((match.start(), match.end(), *fraction))
    for match in RATIO_RE.finditer(text):
        ratio = ratio_value(match)
        if ratio is not None:
            found.append((match.start(), match.end(), ratio, None))
    for match in MULTIPLE_RE.finditer(text):
        found.append((match.start(), match.end(), MULTIPLES[match.group("m").lower()], "times"))
    for start, end, value, unit in found:
        if marked(mask, start, end):
            continue
        qualifier, start = qualifier_before(text, start) if start > 0 else ("exact", start)
        if _claim(mask, start, end):
            yield start, end, value, None, unit, qualifier, "figure"


def _ordinal_is_unit(text: str, start: int) -> bool:
    """'a 30-second clip' and '30 second delay': 'second' is a unit there, not an ordinal."""
    return bool(re.search(r"\d[\s-]$", text[max(0, start - 2) : start]))


def fixed_forms(text: str, mask: bytearray) -> Iterator[Found]:
    """Every fixed form in `text`, claiming its characters in `mask`."""
    for match in DATE_RE.finditer(text):
        mark(mask, match.start(), match.end())
        yield match.start(), match.end(), date_value(match), None, None, "exact", "date"
    for match in TIME_RE.finditer(text):
        if _claim(mask, match.start(), match.end()):
            yield match.start(), match.end(), time_value(match), None, None, "exact", "time"
    yield from _names(text, mask)
    yield from _ages(text, mask)
    for match in VAGUE_RE.finditer(text):
        _claim(mask, match.start(), match.end())
    yield from _shares(text, mask)
    for match in ORDINAL_RE.finditer(text):
        if _ordinal_is_unit(text, match.start()) or not _claim(mask, match.start(), match.end()):
            continue
        raw = match.group("n") or match.group("w").lower()
        value = float(raw) if raw.isdigit() else ORDINAL_VALUES[raw]
        yield match.start(), match.end(), value, None, None, "exact", "ordinal"
