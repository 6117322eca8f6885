"""The subject that opens a clause (`X, <aside>, <aside>, said`; `X did Y, telling CNN`), and
which subjects name no one at all ('no group', 'That's', a bare 'Snow')."""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.appositives import PREPOSITION_START
from summarizer.analysis.masking import phrase
from summarizer.analysis.sources import PRONOUNS, ParsedSource, parse_source

_NOT_SPEAKERS = vocabulary.words("not_speakers")
_CLAUSE_START = re.compile(r"(?:^|[;:]\s|\s(?:but|and|while|whereas|that)\s)(?=[^;:]*$)")


def speaker(parsed: ParsedSource | None) -> ParsedSource | None:
    """None for subjects that name no one: 'no group', 'That's', 'I', 'Snow' with no kind."""
    if parsed is None:
        return None
    words = parsed.name.split()
    first = words[0].lower().replace("\u2019", "'") if words else ""
    if words and len(words[0]) > 1 and words[0].isupper():
        first = ""  # "US State Department": the country, not the pronoun 'us'
    counted = first == "one" and len(words) > 1  # "One analyst said": one person, not 'one'
    if (first in _NOT_SPEAKERS and not counted) or " ".join(words).lower().replace(
        "\u2019", "'"
    ) in _NOT_SPEAKERS:
        return None
    return parsed


def clause_subject(prefix: str, main: bool = False) -> tuple[ParsedSource, int, int] | None:
    """The noun phrase that opens the clause `prefix` ends in, up to its first comma: the
    subject of `X, <aside>, <aside>, said` and of `X did Y, telling CNN`."""
    # `main`: the subject of the main clause ("X told CNN that she ..., saying"), never of a
    # 'that' clause inside it
    opening = [m for m in _CLAUSE_START.finditer(prefix) if not (main and "that" in m.group())]
    first = _opening_subject(prefix, 0)
    if not opening or (first is not None and (first[0].kind == "person" or main)):
        # 'main': "The commission is frustrated with communications and utilities companies,
        # saying": an 'and' inside the object starts no clause
        # a person opening the sentence before an aside ("X, an expert in drug use and mental
        # health at ..., told"): the last 'and' stands inside the aside
        return first
    return _opening_subject(prefix, opening[-1].end()) or first


_FINITE_IN_SUBJECT = re.compile(
    r"\s(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|do)"
    r"(?:n['\u2019]t)?\b|\s(?:wo|ca)n['\u2019]t\b"
)


# "The opposition rejected the claim, saying": the noun phrase ends before its own verb
_OWN_VERBS = (
    vocabulary.words("claim_verbs")
    | vocabulary.words("finite_verbs_in_clauses")
    | {"spoke", "met", "visited"}
)
_VERB_IN_SUBJECT = re.compile(rf"\s(?:{vocabulary.alternation(_OWN_VERBS)})\b")
# "Trump repeated his criticism, saying": a regular past verb between a name and its object
_PAST_AFTER_NAME = re.compile(
    r"(?<=[A-Za-z\u2019'.])\s(?=[a-z]+ed\s+(?:his|her|its|their|the|a|an|it|them|him|this|back|up|"
    r"out|off|down|against|over)\b)"
    r"(?<!\bThe\s)(?<!\bA\s)(?<!\bAn\s)"
)


# "The US Navy regularly conducts patrols ..., saying": an adverb ends the noun phrase
_ADVERB_AFTER_SUBJECT = re.compile(
    r"\s(?=(?:regularly|routinely|often|frequently|repeatedly|also|recently|previously|already|"
    r"currently|usually|typically|reportedly|initially|later|again|specifically|formally)\s)"
)


# "Itamar Ben Gvir congratulated Netanyahu on ... and said": a past verb between two names
_PAST_BEFORE_NAME = re.compile(r"(?<=[A-Za-z])\s(?=[a-z]{3,}ed\s+[A-Z])")


def _past_before_name(prefix: str, start: int, end: int) -> list[int]:
    for match in _PAST_BEFORE_NAME.finditer(prefix, start, end):
        before = prefix[start : match.start()].split()
        if before and before[-1][:1].isupper():
            return [match.start()]
    return []


def _opening_subject(prefix: str, start: int) -> tuple[ParsedSource, int, int] | None:
    while start < len(prefix) and prefix[start] == " ":
        start += 1
    comma = prefix.find(",", start)
    end = comma if comma > start else len(prefix)
    verbs = (_FINITE_IN_SUBJECT, _VERB_IN_SUBJECT, _PAST_AFTER_NAME, _ADVERB_AFTER_SUBJECT)
    found = [m.start() for m in (v.search(prefix, start, end) for v in verbs) if m is not None]
    found += _past_before_name(prefix, start, end)
    if found:
        end = min(found)  # "Unions are also worried, saying": the noun phrase before 'are'
    words = phrase(prefix, start, end)
    if words.split()[:1] and words.split()[0].lower() in PRONOUNS:
        words = words.split()[0]  # "He gave a strong defence of the court saying": he
        end = start + len(words)
    if not words or len(words.split()) > 8 or PREPOSITION_START.match(words):
        return None  # "On Sunday, the crew deployed a satellite called ...": a time, no subject
    parsed = speaker(parse_source(words))
    if parsed is None or (parsed.kind is None and parsed.name.lower() not in PRONOUNS):
        return None
    return parsed, start, end


def opening_group(masked: str) -> ParsedSource | None:
    """'Death penalty opponents delivered a petition': an unnamed plural group as subject."""
    opening = clause_subject(masked, main=True)
    if opening is None or opening[1] > 0 or opening[0].kind != "anonymous":
        return None
    return opening[0] if opening[0].name.endswith("s") else None
