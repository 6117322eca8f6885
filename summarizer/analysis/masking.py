"""Masked sentences: quoted words and the dateline blanked, and the full stops of abbreviations
and initials ("Mr. Reeves", "Thomas E. Perez", "U.S.") turned into a dot leader of the same
length, so that offsets hold and a noun phrase does not end at an abbreviation."""

from __future__ import annotations

import re

DOT = "\u2024"  # stands for an abbreviation's full stop in masked text (same length)
_ABBREVIATED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Rev|Hon|St|Jr|Sr|Inc|"
    r"Co|Corp|Ltd|No|Vol)\.(?=\s)|\b[A-Z]\.(?=\s?[A-Z])|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\.[A-Z])\."
)


def masked_clause(sentence_text: str, dateline: int, spans: list[tuple[int, int]]) -> str:
    """The sentence with its dateline and the `spans` (quotes, relative offsets) blanked, and
    abbreviation full stops turned into DOT; offsets unchanged."""
    chars = list(sentence_text)
    chars[:dateline] = " " * dateline
    for lo, hi in spans:
        chars[lo:hi] = " " * (hi - lo)
    blanked = _PARTY_AFFILIATION.sub(lambda m: " " * len(m.group()), "".join(chars))
    return _ABBREVIATED.sub(lambda m: m.group()[:-1] + DOT, blanked)


# "State Sen. Dawn Addiego (R-Burlington)", "Rep. Ana Ruiz (D-N.Y.)": a party and district
# after a name stand between the name and its verb
_PARTY_AFFILIATION = re.compile(
    r"(?<=[A-Za-z]) \((?:[RDI]|Rep|Dem|Ind)(?:-[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\)"
)


def phrase(masked: str, start: int, end: int) -> str:
    """Words of the masked sentence as written (full stops restored)."""
    return masked[start:end].replace(DOT, ".")
