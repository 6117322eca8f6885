"""Conflicts: figures from different sources giving different values for one measure and time.

Measures are compared coarsely ('Ukrainian civilians killed' and '19 deaths' both count people
killed; a police turnout and organisers' '120,000 people took part' both count a crowd), and a
figure of another year ('in 2017, when 1,100 people died') or of one incident ('eight were killed
when a bus was shelled') is not a rival of a current total.
"""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.measures import INCLUDING, OUTCOMES
from summarizer.analysis.types import FigureCandidate

# "Of those killed, five died in Caracas, two in Zulia": the sentence breaks a total down
_BREAKDOWN = re.compile(r"^\s*Of\s+(?:those|them|these|the)\b")


def _is_sub_count(text: str, figure: FigureCandidate) -> bool:
    """'including 20 children' or 'Of those killed, five ...' only breaks down another figure;
    it is not a rival count."""
    if INCLUDING.search(text[max(0, figure.number.start - 25) : figure.number.start]):
        return True
    start = max(text.rfind(". ", 0, figure.number.start), text.rfind("\n", 0, figure.number.start))
    return bool(_BREAKDOWN.match(text[start + 1 : figure.number.start]))


def measure_key(measure: str) -> str:
    """Head noun (singular) and outcome: 'Ukrainian civilians killed' -> 'civilian killed'."""
    words = measure.lower().split()
    outcome = words[-1] if words and words[-1] in OUTCOMES.values() else ""
    nouns = words[:-1] if outcome else words
    head = nouns[-1] if nouns else ""
    head = re.sub(r"(?<=[^s])s$", "", head)
    return f"{head} {outcome}".strip()


_GENERIC_DEAD = vocabulary.words("generic_victims")
_TURNOUT = vocabulary.words("turnout_nouns")
_YEAR = re.compile(r"\b(?:in|since|of|during|by)\s+(?P<year>1[89]\d\d|20\d\d)\b", re.I)
_INCIDENT = re.compile(r"^[^.;]*?\bwhen\b")
_PLACE = re.compile(
    r"\b(?:in|at|near)\s+(?P<place>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})"
)
_PAST = re.compile(r"\b(?:last\s+year|a\s+year\s+(?:earlier|ago)|years\s+ago|previous\s+year)\b")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# a count of one day or as of one date is not a rival of a count of another: "on October 7",
# "fled on Monday alone", "as of early July"
_ANCHORS = (
    re.compile(rf"\b(?P<anchor>(?:{_MONTHS})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))\b"),
    re.compile(
        rf"\b(?:as\s+of|since|by|in|at\s+the\s+end\s+of)\s+(?:(?:early|mid|late)[\s-]+)?"
        rf"(?P<anchor>{_MONTHS})\b"
    ),
    re.compile(rf"\bon\s+(?P<anchor>{vocabulary.WEEKDAYS})\s+alone\b"),
)
# "said on Monday", "a statement on October 7": when something was said, not what was counted
_SAID_ON = re.compile(
    r"\b(?:said|says|statement|told|announced|reported|report|briefing|conference)\b[^.]{0,12}$"
)


def comparable_key(figure: FigureCandidate) -> str:
    """What a figure counts, coarse enough that two sources' tolls meet: 'people killed'."""
    words = figure.measure.lower().split()
    outcome = words[-1] if words and words[-1] in OUTCOMES.values() else ""
    nouns = words[:-1] if outcome else words
    head = nouns[-1] if nouns else ""
    if outcome == "killed" and (not head or head in _GENERIC_DEAD):
        key = "people killed"
    elif head in _TURNOUT or (outcome == "protested" and head in _GENERIC_DEAD | {""}):
        key = "turnout"
    else:
        key = measure_key(figure.measure)
    # "two-thirds of the cuts" is no rival of 4,000, nor of "9% of the workforce"
    if figure.number.unit == "%":
        return f"{key} percent"
    return f"{key} fraction" if 0 < figure.number.value < 1 else key


def time_key(text: str, figure: FigureCandidate) -> str:
    """'now', or the year (or 'past') a figure belongs to: 'in 2017, when 1,100 people died'."""
    start = max(text.rfind(". ", 0, figure.number.start), text.rfind("\n", 0, figure.number.start))
    stops = [
        i
        for i in (text.find(". ", figure.number.end), text.find("\n", figure.number.end))
        if i >= 0
    ]
    sentence = text[start + 1 : min(stops, default=len(text))]
    if _INCIDENT.match(text[figure.number.end : start + 1 + len(sentence)]):
        return f"incident at {start}"  # "eight people were killed when a bus was shelled"
    years = list(_YEAR.finditer(sentence))
    if years:
        return years[-1].group("year")
    if _PAST.search(sentence.lower()):
        return "past"
    return _anchor(sentence) or _anchor(_sentence_before(text, start)) or "now"


def _anchor(sentence: str) -> str | None:
    for pattern in _ANCHORS:
        for found in pattern.finditer(sentence):
            if not _SAID_ON.search(sentence[: found.start()]):
                return found.group("anchor").lower()
    return None


def _sentence_before(text: str, start: int) -> str:
    """The sentence before the one starting after `start`, in the same paragraph: background
    ('Israel launched its offensive on October 7 ... At least 1,200 people were killed')."""
    if start < 0 or text[start] == "\n":
        return ""
    before = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    return text[before + 1 : start + 1]


def disputable(figure: FigureCandidate) -> bool:
    """Only a count of what happened can be disputed: a measure with an outcome ('civilians
    killed', 'turnout'), not a bare unit or noun ('dollars', 'companies', 'cancellations'),
    which two sources use for different things far more often than for one."""
    key = comparable_key(figure).removesuffix(" percent").removesuffix(" fraction")
    return key == "turnout" or key.split(" ")[-1] in OUTCOMES.values()


def place_key(text: str, figure: FigureCandidate) -> str:
    """The place named in the figure's clause ('in Irpin'), or '' when it names none."""
    clause = text[figure.evidence_start : figure.evidence_end]
    match = _PLACE.search(clause)
    return match.group("place") if match else ""


def find_conflicts(text: str, figures: list[FigureCandidate]) -> list[tuple[int, ...]]:
    """Groups of figures from different sources giving different values for one measure, place
    and time."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, figure in enumerate(figures):
        if figure.source is None or _is_sub_count(text, figure) or not disputable(figure):
            continue
        groups.setdefault((comparable_key(figure), time_key(text, figure)), []).append(index)
    conflicts: list[tuple[int, ...]] = []
    for group in groups.values():
        for members in _by_place(text, figures, group):
            if _disagree(figures, members):
                conflicts.append(tuple(members))
    return conflicts


def _by_place(text: str, figures: list[FigureCandidate], group: list[int]) -> list[list[int]]:
    """One group per place named ('in Irpin' vs 'in Mariupol' do not dispute); a figure that
    names no place may dispute any of them."""
    places = {i: place_key(text, figures[i]) for i in group}
    named = sorted(set(places.values()) - {""})
    if not named:
        return [group]
    return [[i for i in group if places[i] in ("", place)] for place in named]


def _disagree(figures: list[FigureCandidate], members: list[int]) -> bool:
    names = {source.name for i in members if (source := figures[i].source) is not None}
    values = {round(figures[i].number.value, 3) for i in members}
    return len(names) > 1 and len(values) > 1 and _values_differ(values)


def _values_differ(values: set[float]) -> bool:
    low, high = min(values), max(values)
    return high - low > 0.006 * max(abs(high), 1.0)
