"""Names in apposition: `the city's mayor, Oleksandr Markushin` and `Oleksandr Markushin, the
mayor of Irpin` name one person, with a role; and the adverbials that open a clause and are no
name at all ("On Saturday, the embassy said")."""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.sources import ParsedSource, names_a_body, parse_source

PREPOSITION_START = re.compile(
    r"^(?:in|on|at|to|for|from|by|with|after|before|during|of|about|as|under|over|despite|among|"
    r"against|without|within|through|since|until|like|unlike|amid)\s",
    re.I,
)
# after a quote the masked text keeps its closing mark: '"…,” Falesi Chukuwumba, a national,'
_APPOSITIVE = re.compile(
    r"(?:^|[,;:(\u2013\u2014])[\s\u201d\u2019\"']*(?P<a>[^,;:(\u201d\"]+?),\s*(?P<b>[^,;:(]+?),?\s*$"
)
_FILLERS = vocabulary.words("leading_fillers")
_ROLES = vocabulary.words("role_heads")


def _clean(word: str) -> str:
    return word.lower().strip(".,;:\u2019'")


def _role_phrase(text: str, longest: int = 7) -> ParsedSource | None:
    """`the city's health commissioner`: a short descriptive phrase that can be a role."""
    words = text.split()
    if not 1 < len(words) <= longest:
        return None
    owner = words[0][0].isupper() and words[0].endswith(("\u2019s", "'s")) and len(words) <= 4
    if words[0].lower() in {"the", "a", "an", "its", "their"} or owner:
        # "the mayor", and "Janaki's husband" (a role by whose it is)
        return ParsedSource(text.strip(), None, "anonymous")
    return None


def _kin_or_role_of(text: str) -> bool:
    """'Janaki's husband', 'the victim's sister': a person's relation or role."""
    words = text.split()
    owned = len(words) >= 2 and words[-2].endswith(("\u2019s", "'s"))
    return owned and _clean(words[-1]) in _ROLES


def appositive(prefix: str) -> tuple[ParsedSource, int, int] | None:
    """`the city's mayor, Oleksandr Markushin` or `Oleksandr Markushin, the mayor of Irpin`."""
    match = _APPOSITIVE.search(prefix)
    if match is None or PREPOSITION_START.match(match.group("a").strip()):
        return None  # "On Saturday, the embassy said": a time or place adverbial, no name
    if match.group("a").strip().lower() in _FILLERS:
        return None  # "However, King Juan said": a connective, not a name in apposition
    first, second = parse_source(match.group("a")), parse_source(match.group("b"))
    first = first or _role_phrase(match.group("a"))
    if match.group("b").split()[0] in {"a", "an", "the"}:
        # "Joel Schlabach, a teacher at Richmond High School,": a description, not a name
        second = _role_phrase(match.group("b"), longest=12) or second
    second = second or _role_phrase(match.group("b"))
    if first is None or second is None:
        return None
    words_b = match.group("b").split()
    if _kin_or_role_of(match.group("a")) and len(words_b) == 1 and words_b[0][:1].isupper():
        second = ParsedSource(second.name, None, "person")  # "Janaki's husband, Vasu,"
    if second.kind == "person" and first.kind != "person" and len(words_b) <= 4:
        role = match.group("a").strip()
        return ParsedSource(second.name, role, "person"), match.start("a"), match.end("b")
    if first.kind == "person" and second.kind != "person" and second.kind is not None:
        role = match.group("b").strip()
        return ParsedSource(first.name, role, "person"), match.start("a"), match.end("b")
    return None


DOCUMENT_HEADS = vocabulary.words("document_heads")
_OPENING_DOCUMENT = re.compile(
    r"^\W*(?P<np>(?:the|a|an)\s+(?:[\w-]+\s+)?(?P<head>[a-z]+))\s+(?:from|of|by)\s", re.IGNORECASE
)


def opening_document(prefix: str) -> tuple[ParsedSource, int, int] | None:
    """'The draft report from the GAO, finalized ..., said': the document that opens it."""
    match = _OPENING_DOCUMENT.match(prefix)
    if match is None or match.group("head").lower() not in DOCUMENT_HEADS:
        return None
    return ParsedSource(match.group("np"), None, "document"), *match.span("np")


_AFTER_QUOTE_NAME = re.compile(
    r"(?:[\u201d\"]|\u2019\u2019|'')\s*(?P<np>[A-Z][\w'\u2019.\u2024-]*(?:\s+[A-Z][\w'\u2019.\u2024-]*){0,3})"
    r"(?:,|\s+(?:of|from|at|with)\s)[^\u201d\"]*$"
)


def name_after_quote(prefix: str) -> tuple[ParsedSource, int, int] | None:
    """'"...," Haaland, a member of the tribe and the first Native American Cabinet secretary,
    said', '"...," Ana Ruiz of the University of Leon in Leon, Spain, said': the name right
    after the quote speaks, whatever the appositive holds."""
    match = _AFTER_QUOTE_NAME.search(prefix)
    parsed = parse_source(match.group("np")) if match else None
    if match is None or parsed is None:
        return None
    surname = " " not in parsed.name and parsed.kind == "organisation"
    if surname and not names_a_body(parsed.name):
        parsed = ParsedSource(parsed.name, None, "person")  # "Haaland": merged with her later
    if parsed.kind != "person":
        return None
    return parsed, match.start("np"), match.end("np")
