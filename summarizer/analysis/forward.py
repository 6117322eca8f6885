"""Sources named after their verb: `said the district attorney, Sam Reed`; `according to the
World Travel and Tourism Council`; `according to figures published by the statistics office`."""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.appositives import PREPOSITION_START, appositive
from summarizer.analysis.openings import speaker
from summarizer.analysis.sources import ParsedSource, parse_source
from summarizer.analysis.subjects import (
    NAME_JOINERS,
    phrase,
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
    rf"(?:\s+(?:on|late|early|last|this)?\s*(?:{vocabulary.WEEKDAYS}|"
    r"today|yesterday|tonight|morning|afternoon|evening|night|week|weekend))+\s*$",
    re.IGNORECASE,
)


_CAP = r"[A-Z][\w.&'\u2019\u2024-]*"
_LISTED_NAME = re.compile(
    rf"(?:the\s+)?(?P<name>{_CAP}(?:\s+(?:of\s+|for\s+)?{_CAP})*(?:,\s+{_CAP})+,?\s+and\s+{_CAP}"
    rf"(?:\s+{_CAP})*\s+\([A-Z][A-Z&.]{{1,9}}\))"
)


def parse_forward(masked: str, start: int, end: int) -> tuple[ParsedSource | None, int, int]:
    """A source named after its verb: `said the district attorney, Sam Reed`; `according to the
    World Travel and Tourism Council`; `according to figures published by the statistics
    office` (the body that published them)."""
    agent = _BY_AGENT.match(masked, start, end)
    if agent is not None:
        start = agent.start("np")
    informed = _INFORMED_AHEAD.match(masked, start, end)
    if informed is not None:
        # "according to a person with knowledge of the center's plans": one unnamed source
        name = phrase(masked, start, informed.end()).strip()
        return ParsedSource(name, None, "anonymous"), start, start + len(name)
    named_last = _named_person_last(masked, start, end)
    if named_last is not None:
        return named_last, start, end
    listed = _LISTED_NAME.match(masked, start)
    if listed is not None:
        # "the U.S. Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)": a name whose
        # commas the acronym after it proves part of the name
        name = phrase(masked, *listed.span("name"))
        return ParsedSource(name, None, "organisation"), start, listed.end()
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
    modified = _PARTICIPLE_TAIL.search(text)
    if modified is not None and _published(text[: modified.start()]):
        # "a leaked document prepared (for ...)", "document released (on Monday)"
        text, end = text[: modified.start()], start + modified.start()
    parsed = speaker(parse_source(text))
    placed = _PLACED_UNNAMED.match(text) if parsed is None else None
    unnamed = speaker(parse_source(placed.group("head"))) if placed is not None else None
    if unnamed is not None and unnamed.kind == "anonymous":
        # "says a doctor from Hebron": an unnamed speaker, with the place that says who they are
        return ParsedSource(text.strip(), None, "anonymous"), start, end
    publisher = _PUBLISHED_BY.search(text)
    if parsed is None and publisher is not None and _published(text[: publisher.start()]):
        # "the TexAuto Facts report from InfoNation": the body that publishes it
        return speaker(parse_source(publisher.group("np"))), start, end
    return parsed, start, end


_PUBLISHED_BY = re.compile(
    r"\s(?:from|by)\s+(?P<np>(?:the\s+)?[A-Z][\w&'.\u2024-]*(?:\s+[A-Z][\w&'.\u2024-]*)*)$"
)
_DOCUMENT_HEADS = vocabulary.words("document_heads")


def _published(head: str) -> bool:
    """'the TexAuto Facts report' (from InfoNation), not 'translated into English' (from the
    Arabic): only a document has a publisher."""
    words = head.split()
    return bool(words) and words[-1].lower().strip(".,") in _DOCUMENT_HEADS


_PLACED_UNNAMED = re.compile(
    r"^\s*(?P<head>(?:a|an|one|another)\s+(?:[\w-]+\s+){0,2}?[a-z]+)\s+(?:from|in|at)\s+"
    r"(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}$"
)
_PARTICIPLE_TAIL = re.compile(r"\s+[a-z]+ed$")
_INFORMED_AHEAD = re.compile(
    r"\s*(?:(?:a|an|the|one|two|three|several)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:people|person|sources?|officials?|diplomats?|insiders?)\s+(?:familiar\s+with|close\s+to|"
    r"with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|involved\s+in)\s+[^,;:]{1,60}"
)
_LAST_ASIDE = re.compile(r",\s*(?P<np>[^,]+?)\s*$")


def _named_person_last(masked: str, start: int, end: int) -> ParsedSource | None:
    """'said another witness in the impeachment probe, former White House Russia adviser Fiona
    Hill': a named person closing the phrase after a comma is who speaks."""
    aside = _LAST_ASIDE.search(masked, start, end)
    if aside is None:
        return None
    parsed = parse_source(phrase(masked, *aside.span("np")))
    if parsed is None or parsed.kind != "person" or " " not in parsed.name:
        return None
    head = phrase(masked, start, aside.start()).strip()
    named_head = parse_source(head)
    if named_head is not None and named_head.kind == "person" and " " in named_head.name:
        return None  # "says Antony Loewenstein, author of The Palestine Laboratory": the head
    return ParsedSource(parsed.name, parsed.role or head, "person")


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
