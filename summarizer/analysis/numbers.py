"""Find every number an article states, with its exact span and a normalised value.

Figures ("more than 2,000", "$3bn", "two-thirds", "between 150 and 200", "a nine-hour corridor")
are told apart from numbers that only name or place things (dates, years, ordinals, ages, clock
times, phone numbers, scores, "the 1949 Geneva Conventions", "S&P 500", "Boeing 737", "World War
Two", "COVID-19") so the figure extractor only sees counts and amounts.

The scan runs in passes: the fixed forms (`number_forms`) claim their characters first, then
cardinals are read and extended (`number_reading`) and given a kind here. Every regex is compiled
once at import.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from summarizer.analysis import vocabulary
from summarizer.analysis.measures import OUTCOMES
from summarizer.analysis.number_forms import Found, fixed_forms, mark, marked
from summarizer.analysis.number_reading import CARDINAL_RE, Amount, read_amount
from summarizer.analysis.number_words import MONTHS, YEAR_SPAN, parse_number_words
from summarizer.analysis.types import NumberKind, NumberMention, Sentence

__all__ = ["find_numbers", "parse_number_words"]

# Words after which a number is part of a name ('Article 5', 'Flight 17', 'No. 2', 'p. 12').
_ABBREVIATIONS = vocabulary.ordered("number_abbreviations")
_NAMING_WORDS = [
    *(word for word in vocabulary.ordered("naming_words") if word[:1].isupper()),
    *(f"{word.capitalize()}." for word in _ABBREVIATIONS),
    *(f"{word}." for word in _ABBREVIATIONS),
]
_NAME_BEFORE = re.compile(rf"(?<![\w.])(?:{vocabulary.alternation(_NAMING_WORDS)})\s*$")
# lower-case naming words ('the number 3', 'under section 230') name only digits
_LOWER_NAMING = [word for word in vocabulary.ordered("naming_words") if word[:1].islower()]
_LOWER_NAME_BEFORE = re.compile(rf"\b(?:{vocabulary.alternation(_LOWER_NAMING)})\s+$")
# the word right before a number, and what may stand before that word at a sentence's start
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z][\w&'\u2019.-]*)[ \u00a0]$")
_CLAUSE_START = re.compile(
    r"(?:^|[.!?:;\"\u201c\u201d\u2018\u2019\u2014\u2013]|--|\n)[\s\"\u201c\u2018'(]*$"
)
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_MARKET_MOVES = frozenset({"rose", "fell", "raised", "cut", "lost", "paid"})
_NOT_NAMES = frozenset([*MONTHS.lower().split("|"), *_DAYS.split(), "i"])
_AUXILIARIES = "were|was|are|is|have|has|had|will|would|could|may|might|remain|remained"
# what happens to people, after a place and a number: 'in Gaza 30 were killed', 'Reuters 150 died'
_HUMAN_OUTCOMES = [form for form, plain in OUTCOMES.items() if plain not in _MARKET_MOVES]
_VERB_AFTER = re.compile(
    rf"\s+(?:{_AUXILIARIES}|{vocabulary.alternation(_HUMAN_OUTCOMES)})\b", re.IGNORECASE
)
_DIAL_BEFORE = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.words('dial_verbs'))})\s+$", re.IGNORECASE
)
_EMERGENCY_NUMBERS = vocabulary.words("emergency_numbers")
_PHONE_LINE_AFTER = re.compile(
    rf"\s+(?:{vocabulary.alternation(vocabulary.words('phone_line_nouns'))})\b", re.IGNORECASE
)
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d|2100")
_DECADE = re.compile(r"(?:1[5-9]|20)\d0s|[1-9]0s")
# 'since at least 2006', 'in about 1990': a year, even behind a qualifier
_TEMPORAL_BEFORE = re.compile(
    r"\b(?:since|in|until|till|through|before|after|by|from|during|of)\s+$", re.IGNORECASE
)


# a policy named by a number: 'the two-state solution', 'one country, two systems formula',
# 'a two-party system', 'the one-child policy' (nothing is counted)
_DOCTRINE_AFTER = re.compile(
    r"(?:-[a-z]+|\s+systems)\s+(?:solution|policy|principle|formula|doctrine|system)\b", re.I
)
_TICKER_AFTER = re.compile(r"\.[A-Z]{1,3}\)")
_JETLINER = re.compile(r"7[0-8]7")
_AIRCRAFT_AFTER = re.compile(r"\s+(?:jets?|jetliners?|planes?|aircraft|airliners?|jumbos?)\b")
_MODEL_AFTER = re.compile(r"\s?(?:Max|MAX|Dreamliner|Pro|Plus|Ultra|Neo|neo)\b")
_NAME_OF_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+of\s+$")


def _capitalised_name(text: str, amount: Amount) -> bool:
    """'S&P 500 companies', 'ADE 651 detectors', 'World War Two', 'Innovators Under 35': a bare
    number right after a capitalised word that does not open the sentence names something. Not
    when what happens to people follows ('in Gaza 30 were killed'), nor after a day ('Tuesday
    12'); an index may still move ('the S&P 500 fell')."""
    core = text[amount.core_start : amount.core_end]
    if "," in core or amount.has_decimals:
        return False
    before = text[max(0, amount.core_start - 40) : amount.core_start]
    if core[:1].isupper() and core.isalpha() and _NAME_OF_BEFORE.search(before):
        return True  # "the Group of Seven", "the Gang of Four": a spelled number in a name
    word = _WORD_BEFORE.search(before)
    if word is None or word.group("word").endswith("."):
        return False
    name = word.group("word")
    if not any(ch.isupper() for ch in name) or name.lower() in _NOT_NAMES:
        return False
    if _CLAUSE_START.search(before[: word.start()]):
        return False  # 'About 50 people', 'Some 300': the sentence's first word
    return _VERB_AFTER.match(text, amount.end) is None


def _names_something(text: str, amount: Amount) -> bool:
    """A number that names rather than counts: 'Article 5', 'Boeing 737', 'the number 3',
    'phoned 911', 'a 911 emergency dispatch operator', 'S&P 500', 'the two-state solution'."""
    before = text[max(0, amount.core_start - 12) : amount.core_start]
    if _NAME_BEFORE.search(before) or _DOCTRINE_AFTER.match(text, amount.end):
        return True
    if amount.is_digits and _MODEL_AFTER.match(text, amount.end):
        return True  # 'the 737 Max jet', 'a 787 Dreamliner': a model, like 'Boeing 737'
    jetliner = _JETLINER.fullmatch(text[amount.core_start : amount.core_end])
    if jetliner and _AIRCRAFT_AFTER.match(text, amount.end):
        return True  # 'two new 747 jets': Boeing's model numbers, not 747 of them
    if before.endswith("(") and _TICKER_AFTER.match(text, amount.end):
        return True  # a stock code: 'Mitsubishi Motors Corp (7211.T)', '(005380.KS)'
    plural_after = _PLURAL_AFTER.match(text, amount.end) is not None
    if amount.is_digits and not plural_after and _LOWER_NAME_BEFORE.search(before):
        return True
    core = text[amount.core_start : amount.core_end]
    if amount.qualifier == "exact" and amount.upper is None and not amount.people:
        if core in _EMERGENCY_NUMBERS and _PHONE_LINE_AFTER.match(text, amount.end):
            return True  # 'a 911 emergency dispatch operator'
        if _DIAL_BEFORE.search(before) and not plural_after:
            return True  # 'phoned 911'
    return _capitalised_name(text, amount)


def _cardinal_kind(text: str, amount: Amount) -> NumberKind | None:
    """figure, year or name; None for a bare 'one' (mostly a pronoun: 'one of them', 'about
    one area')."""
    if amount.glued:  # 'COVID-19', 'F-16', '24/7', '5G', '1990s'
        core = text[amount.core_start : amount.end + 1].rstrip(" ,.;:")
        return "year" if _DECADE.fullmatch(core) else "name"
    bare = amount.unit is None and not amount.scaled and amount.upper is None
    if bare and not amount.is_digits and amount.value == 1:
        return None
    if amount.unit is None and not amount.scaled and _names_something(text, amount):
        return "name"
    raw = text[amount.start : amount.end]
    if YEAR_SPAN.fullmatch(raw) and amount.unit is None and not amount.scaled:
        return "year"  # 'between 2014 and 2019', '2014-2019', '2014 or 2015'
    core = text[amount.core_start : amount.core_end]
    if bare and amount.is_digits and _YEAR.fullmatch(core):
        before = text[max(0, amount.start - 12) : amount.start]
        if amount.qualifier != "exact":
            return "year" if _TEMPORAL_BEFORE.search(before) else "figure"
        after = text[amount.end : amount.end + 2]
        if re.search(r"\bthe\s+$", before, re.I) and re.match(r"\s[A-Z]", after):
            return "name"  # 'the 1949 Geneva Conventions'
        return "year"
    return "figure"


def _cardinals(text: str, mask: bytearray) -> Iterator[Found]:
    """Every cardinal not claimed by a fixed form; the scan resumes where the number read ends,
    so 'two and three people' gives two numbers."""
    position = 0
    while (match := CARDINAL_RE.search(text, position)) is not None:
        position = match.end()
        if marked(mask, match.start(), match.end()):
            continue
        amount = read_amount(text, match)
        if amount is None:
            continue
        if not amount.is_digits:
            position = max(amount.core_end, match.start() + 1)
        kind = _cardinal_kind(text, amount)
        if kind is None or marked(mask, amount.start, amount.end):
            continue
        mark(mask, amount.start, amount.end)
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
    passes: list[Callable[[str, bytearray], Iterator[Found]]] = [fixed_forms, _cardinals]
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
