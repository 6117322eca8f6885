"""Wire and web noise around a news story: datelines, credit lines, promos and photo credits.

Published copy arrives with more than the story: "BAGHDAD (Reuters) -" before the lede, "(CNN)
--", "CAIRO —", or a bare "SEOUL Qualcomm said..." when a scraper dropped the agency credit;
"(Reporting by ...; Editing by ...)", "CNN's X contributed to this report.", "Follow X on
Twitter", "($1 = 118.55 yen)" after it; "Please share your photos at iReport" before it; and
photo credits ("Credit: X/Shutterstock") after a picture's caption. None of it is news: it must not
reach a headline, a summary, an event or the list of sources. The patterns are data
(`summarizer/data/vocabulary.toml`: `[credit_lines]`, `[promo_lines]`, `[dateline_agencies]`).
"""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary

_AGENCIES = vocabulary.alternation(vocabulary.ordered("dateline_agencies"))
_CAPS_WORD = r"[A-Z][A-Z.'\u2019-]*[A-Z.]"
# "WASHINGTON, May 2 (Reuters) -", "LAHORE/ISLAMABAD, Pakistan", "CAIRO —", "(CNN) --"
_DATELINE_WITH_MARK = re.compile(
    rf"^(?:(?:{_CAPS_WORD}(?:[ /]{_CAPS_WORD})*)(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,2}})?"
    rf"(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*)?"
    rf"(?:\((?:{_AGENCIES}|[A-Z][\w.&' -]{{1,30}})\)\s*)?(?:[-\u2013\u2014]{{1,2}}|:)\s+(?=\S)"
)
_AGENCY_ONLY = re.compile(rf"^\((?:{_AGENCIES})\)\s*(?:[-\u2013\u2014]{{1,2}})?\s*(?=\S)")
# a scraped wire story that lost its "(Reuters) -": "SEOUL Qualcomm Inc said", "MADAYA, Syria An"
_BARE_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,3}})"
    rf"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}})?\s+(?=[A-Z][a-z]|[A-Z][.\s]|\u201c|\")"
)
_ACRONYMS = vocabulary.words("dateline_not_places")
_CREDIT = re.compile("|".join(vocabulary.patterns("credit_lines")), re.IGNORECASE)
_PROMO = re.compile("|".join(vocabulary.patterns("promo_lines")), re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"^(?:Credit|Photo(?:graph)?|Image|Picture|Video)s?\s*:\s*\S.{0,120}$"
    r"|^(?:Credit|Photo(?:graph)?)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*/"
    r"|^[\w .'-]{2,60}/(?:Getty Images|AFP|Reuters|AP|Shutterstock(?:\.com)?|EPA|Alamy)",
)


def dateline_end(paragraph: str, first: bool = True) -> int:
    """Characters of a dateline that opens `paragraph` (0 when there is none). Past the first
    paragraph (a pasted title line may come before the dateline) only a marked dateline counts:
    'LONDON, March 14 (Reuters) -', 'CAIRO —'."""
    for pattern in (_AGENCY_ONLY, _DATELINE_WITH_MARK):
        match = pattern.match(paragraph)
        if match and match.end() < len(paragraph):
            return match.end()
    if not first:
        return 0
    bare = _BARE_DATELINE.match(paragraph)
    if bare and _is_place(bare.group("place")):
        return bare.end()
    return 0


def _is_place(caps: str) -> bool:
    """'SEOUL', 'NEW YORK', 'LAHORE/ISLAMABAD': not an organisation's acronym ('NATO', 'UN')."""
    words = re.split(r"[ /]", caps)
    letters = sum(len(w.strip(".")) for w in words)
    return letters >= 4 and not any(w.strip(".") in _ACRONYMS for w in words)


def is_credit_line(paragraph: str) -> bool:
    """A byline, reporting/editing credit, publisher's note, currency footnote or sign-off.
    A credit in parentheses may be long (a Reuters desk story credits a dozen reporters in
    several cities): being bracketed whole, it cannot be a paragraph of reporting."""
    stripped = paragraph.strip()
    bracketed = stripped.startswith("(") and stripped.endswith(")")
    return bool(_CREDIT.search(paragraph)) and len(paragraph.split()) <= (150 if bracketed else 60)


def is_promo(paragraph: str) -> bool:
    """An appeal to readers ("Please share your videos...", "Sign up for our newsletter")."""
    return bool(_PROMO.search(paragraph)) and len(paragraph.split()) <= 45


def is_photo_credit(paragraph: str) -> bool:
    """'Credit: WhiteHaven/Shutterstock.com', 'Photo: Reuters': the paragraph before it is the
    picture's caption."""
    return bool(_PHOTO_CREDIT.search(paragraph.strip())) and len(paragraph.split()) <= 20
