"""The numbers and names the public contract fixes, in one place.

Settings, the OpenAPI document, the editor page, the CLI's help, the prompts (through their
template context) and the checks all read these; nothing else spells them out.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal

from summarizer.models import Qualifier


class EngineName(StrEnum):
    """Engines a request may name (`engine`), in the order they are offered."""

    LOCAL = "local"
    OPENAI = "openai"
    EXTRACTIVE = "extractive"


ENGINE_NAMES: Final = tuple(name.value for name in EngineName)

# what a model may decide with prompt v3; the analyser decides whatever is not asked
Decision = Literal["headline", "summary", "claimants", "speakers", "events"]
DECISIONS: Final[tuple[Decision, ...]] = ("headline", "summary", "claimants", "speakers", "events")

# --- lengths (contract §1) ---------------------------------------------------------------------
MAX_HEADLINE_WORDS: Final = 15
MIN_HEADLINE_WORDS: Final = 3
MAX_SUMMARY_WORDS: Final = 150
MAX_SUMMARY_SENTENCES: Final = 5
# a model writes less than the contract allows: it must fit the token budget and leave room for
# the figures' claimants, which the checks require in the same sentence as the number
MAX_MODEL_SUMMARY_WORDS: Final = 120
MIN_MODEL_SUMMARY_WORDS: Final = 15
MAX_EVENT_WORDS: Final = 30
MAX_EVENTS: Final = 8  # events in a response
MAX_MODEL_EVENTS: Final = 3  # event descriptions a model is asked for

# --- figures ---------------------------------------------------------------------------------
# relative difference under which two values are the same figure (2,000 vs 2,010 is not a
# dispute; the evals match values with the same tolerance)
TOLERANCE: Final = 0.006

# The qualifier each phrase before a number carries, most specific first. The analyser reads
# figures with it (phrase -> qualifier) and briefs write them back with it (qualifier -> the
# phrase found in the evidence), so "nearly 90%" is read as at most 90 and written "nearly 90%".
QUALIFIER_PHRASES: Final[dict[str, Qualifier]] = {
    "more than": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "upwards of": "at_least",
    "in excess of": "at_least",
    "a minimum of": "at_least",
    "at least": "at_least",
    "just over": "at_least",
    "well over": "at_least",
    "exceeding": "at_least",
    "above": "at_least",
    "over": "at_least",
    "as many as": "at_most",
    "no more than": "at_most",
    "a maximum of": "at_most",
    "fewer than": "at_most",
    "less than": "at_most",
    "just under": "at_most",
    "close to": "at_most",
    "nearly": "at_most",
    "almost": "at_most",
    "at most": "at_most",
    "up to": "at_most",
    "under": "at_most",
    "below": "at_most",
    "an estimated": "approximate",
    "an approximate": "approximate",
    "approximately": "approximate",
    "a reported": "approximate",
    "estimated": "approximate",
    "roughly": "approximate",
    "around": "approximate",
    "approx.": "approximate",
    "about": "approximate",
    "circa": "approximate",
    "some": "approximate",
}
# how a brief says a qualifier whose phrase the evidence does not hold
DEFAULT_QUALIFIER_PHRASE: Final[dict[Qualifier, str]] = {
    "at_least": "at least",
    "at_most": "up to",
    "approximate": "about",
}


def phrases_of(qualifier: Qualifier) -> tuple[str, ...]:
    """The phrases that carry `qualifier`, most specific first."""
    return tuple(p for p, q in QUALIFIER_PHRASES.items() if q == qualifier)
