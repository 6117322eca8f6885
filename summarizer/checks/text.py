"""Checks of generated text against the article: numbers it never states, loaded words.

Shared by the model-answer validators (a failure becomes a re-ask) and the verify step (a
failure becomes a repair and a warning).
"""

from __future__ import annotations

from collections.abc import Iterable

from summarizer.analysis.loaded import find_loaded, loaded_terms_in
from summarizer.analysis.numbers import find_numbers
from summarizer.analysis.types import Analysis
from summarizer.contract import TOLERANCE

# kinds of number a generated text may state only if the article does
_CHECKED_KINDS = frozenset({"figure", "year", "age"})


def values_match(claimed: float, stated: float) -> bool:
    """Equal within 0.6 %, or the same ratio written as a fraction and a percentage."""
    for candidate in (stated, stated * 100, stated / 100):
        if abs(claimed - candidate) <= TOLERANCE * abs(candidate) or claimed == candidate:
            return True
    return False


def same_value(first: float, second: float) -> bool:
    """Equal within the tolerance, and nothing more: 2,000 is not 200,000 written as a %."""
    return abs(first - second) <= TOLERANCE * max(abs(first), abs(second))


def _article_values(article: str, analysis: Analysis) -> list[float]:
    mentions = analysis.numbers if analysis.text == article else find_numbers(article, [])
    values = [m.value for m in mentions]
    values.extend(m.upper for m in mentions if m.upper is not None)
    return values


def unsupported_numbers(article: str, analysis: Analysis, generated: str) -> list[str]:
    """Numbers in generated text that the article does not state (as written there)."""
    stated = _article_values(article, analysis)
    missing = []
    for mention in find_numbers(generated, []):
        if mention.kind not in _CHECKED_KINDS:
            continue
        claims: Iterable[float] = (mention.value,) + (
            (mention.upper,) if mention.upper is not None else ()
        )
        if all(any(values_match(c, s) for s in stated) for c in claims):
            continue
        if mention.text in article:
            continue
        missing.append(mention.text)
    return missing


def text_problems(article: str, analysis: Analysis, generated: str) -> list[str]:
    """What is wrong with a generated headline or summary, as short sentences for a re-ask."""
    problems = [
        f"the number '{number}' does not appear in the article; use only figures it states"
        for number in unsupported_numbers(article, analysis, generated)
    ]
    neutral_of = {m.text.lower(): m.neutral for m in find_loaded(generated, [])}
    for term in loaded_terms_in(generated):
        neutral = neutral_of.get(term.lower(), "")
        advice = f"write '{neutral}' instead" if neutral else "leave it out"
        problems.append(f"'{term}' is loaded language; {advice}")
    return problems
