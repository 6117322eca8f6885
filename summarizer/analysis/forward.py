"""Sources named after their verb: `said the district attorney, Sam Reed`; `according to the
World Travel and Tourism Council`; `according to figures published by the statistics office`."""

from __future__ import annotations

import re

from summarizer.analysis.sources import ParsedSource, parse_source
from summarizer.analysis.subjects import (
    NAME_JOINERS,
    PREPOSITION_START,
    appositive,
    phrase,
    speaker,
)

_FORWARD_STOP = re.compile(
    r"\s(?:that|who|which|on|in|at|after|before|adding|as|when|while|because|today|yesterday|"
    r"this|last|earlier|and|but|to|during|amid|with|is|are|was|were|has|had|have|for|of)\b",
    re.IGNORECASE,
)
# "data compiled by FactSet", "figures published last week by the National Statistics Office"
_BY_AGENT = re.compile(
    r"\s*(?:the\s+|new\s+|latest\s+|official\s+)*(?:data|figures|statistics|numbers|estimates?|"
    r"report|survey|poll|analysis|study|research|announcement|statement|count|tally)\b"
    r"[^,;:]{0,40}?\bby\s+(?P<np>(?:the\s+)?[A-Z])"
)
_TIME_TAIL = re.compile(
    r"(?:\s+(?:on|late|early|last|this)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend))+\s*$",
    re.IGNORECASE,
)


def parse_forward(masked: str, start: int, end: int) -> tuple[ParsedSource | None, int, int]:
    """A source named after its verb: `said the district attorney, Sam Reed`; `according to the
    World Travel and Tourism Council`; `according to figures published by the statistics
    office` (the body that published them)."""
    agent = _BY_AGENT.match(masked, start, end)
    if agent is not None:
        start = agent.start("np")
    start, end = _forward_np(masked, start, end)
    text = phrase(masked, start, end)
    if PREPOSITION_START.match(text):
        return None, start, end  # "said in the statement": not a source
    if "," in text:
        paired = appositive(text)
        if paired is not None:
            return speaker(paired[0]), start, end
        text = text.split(",")[0]
        end = start + len(text)
    text, end = _without_time(text, start)
    return speaker(parse_source(text)), start, end


def _without_time(text: str, start: int) -> tuple[str, int]:
    """'CNN Tuesday' -> 'CNN'."""
    trimmed = _TIME_TAIL.sub("", text)
    return (trimmed, start + len(trimmed)) if trimmed.strip() else (text, start + len(text))


def _forward_np(masked: str, start: int, end: int) -> tuple[int, int]:
    for stop in _FORWARD_STOP.finditer(masked, start, end):
        word = stop.group().strip().lower()
        before = masked[start : stop.start()].split()
        after = masked[stop.end() : end].split()
        joined = word in NAME_JOINERS and before and after
        if joined and before[-1][:1].isupper() and after[0][:1].isupper():
            named = parse_source(" ".join(before))
            if named is None or named.kind != "person":
                continue  # "Centers for Disease Control and Prevention": one name
            # "Saeb Erakat on CNN television": a person ends the name
        end = stop.start()
        break
    while end > start and masked[end - 1] in " \u00a0\t":
        end -= 1
    return start, end
