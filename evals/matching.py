"""Deterministic matching of gold labels against a response (contract §2).

Matching is case-insensitive substring matching, anchored at word starts: a plain substring test
would let the claimant "UN" match "unnamed" and the forbidden "5000" match "15000". Keywords stay
prefixes ("shell" matches "shelling"); names must also end at a word end ("UN" does not match
"UNICEF"); loaded terms may carry an inflection ("slaughter" matches "slaughtered").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from evals.cases import GoldFigure
from summarizer.models import Figure

VALUE_TOLERANCE = 0.006  # 0.6 %: "two-thirds" written 0.667 still matches 0.6667
_INFLECTIONS = ("s", "es", "d", "ed", "ing", "er", "ers", "ly", "'s", "\u2019s")


@lru_cache(maxsize=4096)
def _pattern(needle: str, whole_word: bool, inflected: bool) -> re.Pattern[str]:
    escaped = re.escape(needle.strip())
    # a boundary only where the needle itself starts or ends with a word character
    head = r"(?<!\w)" if re.match(r"\w", needle.strip()) else ""
    tail = ""
    if inflected:
        tail = "(?:" + "|".join(re.escape(s) for s in _INFLECTIONS) + r")?(?!\w)"
    elif whole_word and re.search(r"\w$", needle.strip()):
        tail = r"(?!\w)"
    return re.compile(head + escaped + tail, re.IGNORECASE)


def mentions(haystack: str, needle: str) -> bool:
    """Keyword test: `needle` occurs in `haystack` starting at a word start."""
    return bool(needle.strip()) and bool(_pattern(needle, False, False).search(haystack))


def names(haystack: str, name: str) -> bool:
    """Name test: `name` occurs in `haystack` as whole words."""
    return bool(name.strip()) and bool(_pattern(name, True, False).search(haystack))


def loaded_hits(haystack: str, term: str) -> bool:
    """Loaded-term test: `term`, optionally inflected, as whole words."""
    return bool(term.strip()) and bool(_pattern(term, False, True).search(haystack))


def any_mention(haystack: str, needles: list[str]) -> bool:
    return any(mentions(haystack, needle) for needle in needles)


# --- figures ----------------------------------------------------------------------------------
def values_equal(predicted: float, gold: float) -> bool:
    if gold == 0:
        return predicted == 0
    return abs(predicted - gold) <= VALUE_TOLERANCE * abs(gold)


def figure_matches(predicted: Figure, gold: GoldFigure) -> bool:
    """Value (or an alternative) within tolerance and, if given, a measure keyword mentioned."""
    if not any(values_equal(predicted.value, v) for v in (gold.value, *gold.alternatives)):
        return False
    if not gold.measure_keywords:
        return True
    return any_mention(f"{predicted.measure} {predicted.evidence.text}", gold.measure_keywords)


def claimant_ok(predicted: Figure, gold: GoldFigure) -> bool:
    if gold.source_optional:
        return True
    if gold.source is None:
        return predicted.source is None
    if predicted.source is None:
        return False
    said_by = f"{predicted.source.name} {predicted.source.role or ''}"
    return any(names(said_by, accepted) for accepted in gold.source)


def qualifier_ok(predicted: Figure, gold: GoldFigure) -> bool:
    if gold.qualifier is not None and predicted.qualifier not in gold.qualifier:
        return False
    if gold.upper is None:
        return True
    return predicted.upper is not None and values_equal(predicted.upper, gold.upper)


@dataclass(frozen=True)
class FigurePair:
    gold_index: int
    predicted_index: int
    claimant_ok: bool
    qualifier_ok: bool


def match_figures(predicted: list[Figure], gold: list[GoldFigure]) -> list[FigurePair]:
    """One-to-one greedy matching: required gold first, then in gold order; among the predictions
    a gold figure matches, the one with a right claimant (then a right qualifier) wins, so a
    duplicate of the same number from another speaker does not steal the pair."""
    order = sorted(range(len(gold)), key=lambda i: (not gold[i].required, i))
    taken: set[int] = set()
    pairs: list[FigurePair] = []
    for gi in order:
        candidates = [
            (claimant_ok(p, gold[gi]), qualifier_ok(p, gold[gi]), -pi, pi)
            for pi, p in enumerate(predicted)
            if pi not in taken and figure_matches(p, gold[gi])
        ]
        if not candidates:
            continue
        claim, qual, _, best = max(candidates)
        taken.add(best)
        pairs.append(FigurePair(gi, best, claim, qual))
    return pairs
