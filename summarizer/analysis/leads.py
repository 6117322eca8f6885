"""The subject that opens a clause: the company a lede names before 'the company said', and
the subject a second verb shares ('President X flew over the area and announced ...')."""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.sources import (
    LEADING_CONNECTIVE,
    QUANTIFIERS,
    ParsedSource,
    parse_source,
)

_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^-\u2013\u2014]{0,40}\)\s*[-\u2013\u2014]\s*")


def lead_company(masked: str, verb_at: int) -> ParsedSource | None:
    """`Norvik Telecom will cut 4,000 jobs, the company said`: the name that opens the clause."""
    dateline = _DATELINE.match(masked)
    start = dateline.end() if dateline else 0
    lead = _LEAD_SUBJECT.match(masked[start:])
    if lead is None or start + lead.end() > verb_at or lead.group("np")[:1].islower():
        return None
    words = lead.group("np").split()
    if words[0] in {"The", "A", "An"} or not 1 < len(words) <= 4:
        return None
    if words[0].lower() in QUANTIFIERS | {"one", "no"}:
        # "Most Druze in the Golan ...": some of a people; "One Napa County reporting station":
        # a count of things; neither is a named body
        return None
    parsed = parse_source(lead.group("np"))
    if parsed is None or parsed.role is not None or parsed.kind not in {"person", "organisation"}:
        return None
    return ParsedSource(parsed.name, None, "organisation")


_AND_BEFORE = re.compile(r"\s(?:and|then|and\s+then)\s*$", re.IGNORECASE)
_LEAD_SUBJECT = re.compile(
    r"^\s*(?P<np>(?:The|A|An)\s+[a-z][\w-]*|(?:(?:The|A|An)\s+)?(?!(?:The|A|An)\s)"
    r"(?:[A-Z][\w'\u2019.&-]*\s+){0,4}[A-Z][\w'\u2019.&-]*)\s+(?=[a-z])"
)


_PEOPLE_HEADS = vocabulary.words("role_heads") | vocabulary.words("anonymous_heads")
_LOWER_HEAD = re.compile(r"\s+[a-z][\w-]*(?:\s+of\s+[a-z][\w-]*)?")


def shared_subject(masked: str, verb_at: int) -> tuple[ParsedSource, int, int] | None:
    """`President X flew over the area and announced ...`: the second verb keeps the subject."""
    prefix = masked[:verb_at]
    if _AND_BEFORE.search(prefix) is None or any(c in prefix for c in ',;:\u201c"'):
        return None
    opening = LEADING_CONNECTIVE.match(prefix)  # "But Smith flew ... and said"
    skip = opening.end() if opening else 0
    lead = _LEAD_SUBJECT.match(prefix[skip:])
    if lead is None:
        return None
    start, end = skip + lead.start("np"), skip + lead.end("np")
    # "Local residents blame vendors ... and say": the capitalised word opens a noun phrase
    # that runs on in lower case; the people noun is the subject, the adjective alone is not
    head = _LOWER_HEAD.match(prefix, end)
    headed = head is not None and head.group().split()[0] in _PEOPLE_HEADS
    if head is not None and (" " not in lead.group("np") or headed):
        # "A Wall Street analyst did just that - and said": the noun ends the subject
        parsed = parse_source(prefix[start : head.end()])
        if parsed is not None and parsed.kind is not None:
            return parsed, start, head.end()
    parsed = parse_source(prefix[start:end])
    if parsed is None or parsed.kind is None:
        return None
    return parsed, start, end
