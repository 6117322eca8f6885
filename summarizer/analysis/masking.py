"""Masked sentences: quoted words and the dateline blanked, and the full stops of abbreviations
and initials ("Mr. Reeves", "Thomas E. Perez", "U.S.") turned into a dot leader of the same
length, so that offsets hold and a noun phrase does not end at an abbreviation."""

from __future__ import annotations

import re

from summarizer.analysis.quotes import QuoteSpan
from summarizer.analysis.types import Sentence

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


def mask_quotes(text: str, sentence: Sentence, quotes: list[QuoteSpan]) -> str:
    """The sentence with quoted words and its dateline blanked (offsets unchanged) and
    abbreviation full stops hidden: see `masked_clause`."""
    spans = [
        (max(q.start, sentence.start) - sentence.start, min(q.end, sentence.end) - sentence.start)
        for q in quotes
    ]
    kept = [(a, b) for a, b in spans if a < b and not _nickname(sentence.text, a, b)]
    masked = masked_clause(sentence.text, sentence.dateline, kept)
    for a, b in spans:
        if a < b and _nickname(sentence.text, a, b):
            # 'Ismael "El Mayo" Zambada': the nickname stays part of the name, its marks go
            masked = masked[: a - 1] + " " + masked[a:b] + " " + masked[b + 1 :]
    return masked


def _nickname(text: str, start: int, end: int) -> bool:
    """A quoted nickname inside a name: one to three capitalised words between two names."""
    words = text[start:end].split()
    if not 0 < len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    before, after = text[: max(0, start - 1)], text[end + 1 :]
    return bool(re.search(r"[A-Z][\w'-]*\s$", before)) and bool(re.match(r"\s[A-Z]", after))
