"""Does a generated summary say where, and report a dispute from both sides?

Two editorial rules a small model often breaks, checked without a model: name the place where
the main events happened, and when sources give different numbers for the same measure, give
both numbers rather than one side's.
"""

from __future__ import annotations

import re

from summarizer.analysis.numbers import find_numbers
from summarizer.analysis.types import Analysis
from summarizer.checks.text import same_value

MAX_PLACES = 2


def main_places(analysis: Analysis) -> list[str]:
    """Where the most informative events happen, best first (at most two)."""
    places: list[str] = []
    for event in sorted(analysis.events, key=lambda e: -e.score):
        place = re.sub(r"['’]s$", "", event.location or "")
        if place and place not in places:
            places.append(place)
    return places[:MAX_PLACES]


def missing_places(summary: str, places: list[str]) -> list[str]:
    lowered = summary.lower()
    missing = [p for p in places if not re.search(rf"\b{re.escape(p.lower())}\b", lowered)]
    if not missing:
        return []
    return [f"say where it happened: name {' and '.join(missing)}"]


def one_sided_disputes(summary: str, analysis: Analysis) -> list[str]:
    """A problem for each dispute the summary reports with only some of its numbers."""
    stated = [m.value for m in find_numbers(summary, []) if m.kind == "figure"]
    problems = []
    for group in analysis.conflicts:
        figures = [analysis.figures[i] for i in group if i < len(analysis.figures)]
        given = [f for f in figures if any(same_value(v, f.number.value) for v in stated)]
        if given and len(given) < len(figures):
            sides = " and ".join(
                f"'{f.number.text}' ({f.source.name if f.source else 'unattributed'})"
                for f in figures
            )
            problems.append(f"sources disagree: {sides}; give every side's figure")
    return problems


# a model summary is shorter than the extractive one, so it may drop detail, but not most facts
MIN_FACTS_KEPT = 0.4
_PROPER_WORD = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]{2,}")


def facts_of(text: str) -> set[str]:
    """Numbers (normalised) and proper names (capitalised inside a sentence) a text states."""
    numbers = {f"{m.value:,.15g}" for m in find_numbers(text, []) if m.kind == "figure"}
    names = {re.sub(r"['’]s$", "", w).lower() for w in _PROPER_WORD.findall(text)}
    return numbers | names


def lost_facts(summary: str, baseline: str) -> list[str]:
    """A problem when the summary keeps under MIN_FACTS_KEPT of the baseline's facts."""
    wanted = facts_of(baseline)
    if len(wanted) < 4:  # too little to judge by
        return []
    kept = wanted & facts_of(summary)
    if len(kept) >= MIN_FACTS_KEPT * len(wanted):
        return []
    missing = ", ".join(sorted(wanted - kept)[:6])
    return [f"the summary leaves out most key facts; include more of: {missing}"]
