"""Number words and units: 'forty-eight' -> 48, 'kilometres' -> 'km'.

Tables and the number-word reader used by `numbers.find_numbers`.
"""

from __future__ import annotations

import math
import re

from summarizer.analysis import vocabulary
from summarizer.contract import QUALIFIER_PHRASES


def words_of(spaced: str) -> list[str]:
    return spaced.split()


_SMALL = words_of(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = words_of("twenty thirty forty fifty sixty seventy eighty ninety")
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
MULTIPLIERS = {"dozen": 12.0, "hundred": 100.0}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
_ORDINALS = words_of(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
ORDINAL_VALUES: dict[str, float] = {w: float(i + 1) for i, w in enumerate(_ORDINALS)}
ORDINAL_VALUES.update({"thirtieth": 30.0, "fortieth": 40.0, "fiftieth": 50.0, "hundredth": 100.0})
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
DENOMINATORS.update({f"{w}{s}": i + 5 for i, w in enumerate(_ORDINALS[4:10]) for s in ("", "s")})
CURRENCY_SYMBOLS = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "₹": "rupees"}

# Real units a figure is measured in, mapped to one spelling. Counted nouns ("troops") are not.
_UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "%": ("per cent", "percent", "pc"),
    "percentage points": ("percentage points", "percentage point"),
    "miles": ("miles", "mile", "mi"),
    "km": ("km", "kilometres", "kilometers", "kilometre", "kilometer"),
    "metres": ("metres", "meters", "metre", "meter", "m"),
    "feet": ("feet", "foot", "ft"),
    "inches": ("inches", "inch"),
    "yards": ("yards", "yard"),
    "mm": ("mm", "millimetres", "millimeters", "millimetre", "millimeter"),
    "cm": ("cm", "centimetres", "centimeters", "centimetre", "centimeter"),
    "square miles": ("square miles", "sq miles"),
    "square km": ("square kilometres", "square kilometers", "sq km", "km2"),
    "hectares": ("hectares", "hectare"),
    "acres": ("acres", "acre"),
    "kg": ("kg", "kilograms", "kilogrammes", "kilos", "kilogram"),
    "tonnes": ("tonnes", "tons", "tonne", "ton"),
    "litres": ("litres", "liters", "litre", "liter"),
    "gallons": ("gallons", "gallon"),
    "barrels": ("barrels", "barrel"),
    "mph": ("mph", "km/h", "kph"),
    "degrees": ("degrees", "degree"),
    "seconds": ("seconds", "second"),
    "minutes": ("minutes", "minute", "mins"),
    "hours": ("hours", "hour", "hrs"),
    "days": ("days", "day"),
    "weeks": ("weeks", "week"),
    "months": ("months", "month"),
    "years": ("years", "year"),
    "decades": ("decades", "decade"),
    "dollars": ("dollars", "dollar", "usd"),
    "euros": ("euros", "euro", "eur"),
    "pounds": ("pounds sterling", "pounds", "gbp"),
    "yen": ("yen",),
    "yuan": ("yuan", "renminbi"),
    "rupees": ("rupees",),
    "roubles": ("roubles", "rubles"),
    "hryvnias": ("hryvnias", "hryvnia", "hryvnia"),
    "pence": ("pence", "p"),
    "cents": ("cents",),
}
UNIT_BY_FORM = {form: unit for unit, forms in _UNIT_FORMS.items() for form in forms}
# units of time in seconds, so that '30 minutes to an hour' and 'between 18 months and two years'
# read as one range in the first unit (a month is a twelfth of a 365.25-day year)
DURATION_SECONDS = {"seconds": 1.0, "minutes": 60.0, "hours": 3600.0, "days": 86400.0}
DURATION_SECONDS.update(weeks=604800.0, months=2629800.0, years=31557600.0, decades=315576000.0)
# 'the rate doubled': a change by a factor, read as that many times
MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}
PEOPLE_NOUNS = vocabulary.ordered("people_nouns")


def parse_number_words(phrase: str) -> tuple[float, int] | None:
    """Value of 'twenty-five', 'two hundred and ten', 'eight million', 'a dozen'.

    Returns the value and how many characters of `phrase` it used: reading stops where the words
    stop forming one number ('two and three' is two numbers, 'seven eight' too).
    """
    total, current, used, previous = 0.0, 0.0, 0, ""
    for token in re.finditer(r"[a-z]+", phrase.lower()):
        word = token.group()
        if word == "and":
            if previous not in MULTIPLIERS and previous not in SCALES:
                break
            continue
        if word in WORD_VALUES:
            if previous in WORD_VALUES and not (previous in _TENS and 0 < WORD_VALUES[word] < 10):
                break
            current += WORD_VALUES[word]
        elif word in MULTIPLIERS:
            current = (current or 1.0) * MULTIPLIERS[word]
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            break
        used, previous = token.end(), word
    return (total + current, used) if used else None


MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
MONTH_NUMBERS = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS.split("|")[:12])}


def date_value(match: re.Match[str]) -> float:
    """yyyymmdd when the year is given, else mmdd: sortable and comparable."""
    if match.group("iy"):
        return float(match.group("iy") + match.group("im") + match.group("id"))
    month_name = match.group("m1") or match.group("m2") or match.group("m3")
    month = MONTH_NUMBERS.get(month_name[:3].lower(), 0)
    day_text = match.group("d1") or match.group("d2") or "0"
    day = int(re.sub(r"\D", "", day_text) or 0)
    year = int(match.group("y1") or match.group("y2") or match.group("y3") or 0)
    return float(year * 10000 + month * 100 + day)


def time_value(match: re.Match[str]) -> float:
    """Hours since midnight, 24-hour clock: '9.30pm' -> 21.5."""
    if match.group("h24"):
        return int(match.group("h24")) + int(match.group("m24")) / 60
    if match.group("hz"):  # '0900 GMT'
        return int(match.group("hz")) + int(match.group("mz")) / 60
    hour = int(match.group("h")) % 12
    if match.group("ampm").lower().startswith("p"):
        hour += 12
    return hour + int(match.group("min") or 0) / 60


def age_value(raw: str | None) -> float | None:
    """'45' or 'forty-five' as an age in years (or months, weeks: the unit is read apart)."""
    if not raw:
        return None
    if raw.isdigit():
        return float(raw) if int(raw) < 120 else None
    parsed = parse_number_words(raw)
    return parsed[0] if parsed and parsed[0] < 120 else None


_PART_OF_PERIOD = re.compile(
    r"\b(?:first|second|last|latter|former|other|back|front|top|bottom)[\s-]+$", re.IGNORECASE
)
_BY_BEFORE = re.compile(
    r"\bby\s+(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|less\s+than"
    r"|up\s+to)\s+)?$",
    re.IGNORECASE,
)
FRACTION_UNITS = {"percentage": "percentage points", "per": "%", "percent": "%"}


def fraction_value(match: re.Match[str], text: str) -> tuple[float, str | None] | None:
    """Value and unit of 'two-thirds', 'half of', 'a quarter of a percentage point'."""
    unit_word = (match.group("unit") or "").lower()
    after = text[match.end() : match.end() + 12].lstrip().lower()
    followed_by_of = bool(unit_word) or re.match(r"(of|the|its|their|his|her|all)\b", after)
    by_share = _BY_BEFORE.search(text[max(0, match.start() - 24) : match.start()])
    if match.group("half"):
        # 'half of', 'half a', and 'cut by (more than) half': a share
        if not followed_by_of and not by_share and not re.match(r"(a|an)\b", after):
            return None
        if _PART_OF_PERIOD.search(text[max(0, match.start() - 12) : match.start()]):
            return None  # 'the first half of the year' is a period, not a share
        value = 0.5
    else:
        denominator_word = match.group("den").lower()
        singular = not denominator_word.endswith("s") or denominator_word == "halves"
        if singular and not followed_by_of and not by_share and not re.match(r"[.,;:)]|$", after):
            return None  # 'a third attempt' is an ordinal; 'rise by a third' is a share
        numerator_word = match.group("num").lower()
        numerator = 1.0 if numerator_word in ("a", "an") else WORD_VALUES[numerator_word]
        denominator = DENOMINATORS[denominator_word]
        if numerator > 1 and math.gcd(int(numerator), denominator) > 1:
            return None  # 'two quarters of declining profits': periods counted, not a share
        value = numerator / denominator
    if unit_word in ("million", "billion"):
        return value * SCALES[unit_word], None
    unit = FRACTION_UNITS.get(unit_word.split()[0]) if unit_word else None
    if unit_word and unit is None:
        unit = UNIT_BY_FORM.get(unit_word + "s", UNIT_BY_FORM.get(unit_word))
    return round(value, 3), unit


def ratio_value(match: re.Match[str]) -> float | None:
    numbers = []
    for raw in (match.group("n").lower(), match.group("m").lower()):
        numbers.append(float(raw) if raw.isdigit() else WORD_VALUES.get(raw, 1.0))
    part, whole = numbers
    return round(part / whole, 3) if 0 < part < whole else None


QUALIFIERS = QUALIFIER_PHRASES  # one table, read here and written back by briefs

# "10 years and six months": the smaller unit and how many make one of the larger
PARTS = {"years": ("months", 12.0), "hours": ("minutes", 60.0), "months": ("weeks", 52 / 12)}
AND_PART = re.compile(r"\s+and\s+(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?P<u>[a-z]+)")
YEAR_SPAN = re.compile(
    r"(?:between\s+|from\s+)?(?:1[5-9]|20)\d\d\s*(?:and|to|or|-|\u2013)\s*(?:1[5-9]|20)\d\d",
    re.IGNORECASE,
)
