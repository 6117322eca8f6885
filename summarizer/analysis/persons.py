"""People a sentence names without quoting them yet: the subject a later 'he' or 'she' refers
to ('Professor Adam Fox, a ..., said', 'The mayor of X, Ana Ruiz, visited', 'was Nancy Pelosi,
who ...'), a bare surname of someone named in full earlier, and 'Sir Keith' for a knighted name."""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.appositives import PREPOSITION_START
from summarizer.analysis.merging import MergedSource
from summarizer.analysis.sources import ParsedSource, is_place_word, names_a_body, parse_source
from summarizer.analysis.subjects import phrase

_NOT_NAMES = (
    vocabulary.words("not_places")
    | vocabulary.words("subject_stop_words")
    | vocabulary.words("leading_subordinators")
)
_KIN = vocabulary.words("kin_nouns")
_KIN_THEN_NAME = re.compile(
    r"^\W*(?P<owner>[A-Z][\w-]*(?:\u2019|')s)\s+(?P<kin>[a-z]+)\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+[a-z]"
)
_PLACE_NOUNS = frozenset(
    [
        "island",
        "islands",
        "river",
        "lake",
        "mountain",
        "mountains",
        "bay",
        "valley",
        "county",
        "city",
        "street",
        "avenue",
        "road",
        "park",
        "square",
        "bridge",
        "airport",
        "station",
        "canyon",
        "gorge",
        "desert",
        "sea",
        "ocean",
        "coast",
        "beach",
        "forest",
        "peninsula",
        "strait",
        "gulf",
        "harbour",
        "harbor",
        "port",
        "hill",
        "hills",
    ]
)
_NEGATIONS = frozenset({"no", "not", "none", "neither", "nor"})
_COUNTING_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
        "several",
    ]
)


_NAME_WORD = r"(?:O['\u2019])?(?:Mc|Mac|De|Di|La|Le)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAMED_PERSON = re.compile(
    r"^\W*(?:[A-Z][\w'\u2019\u2024.-]*\s+){0,3}?"
    rf"(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Professor|Prof|Sir|Dame)\u2024?\s+)?"
    rf"{_NAME_WORD}(?:\s+(?:[A-Z][\u2024.]?\s+)?{_NAME_WORD}){{1,2}})\b(?![\u2024.])"
)  # never a name ending in an abbreviated title: "Republican Gov. Eric Holcomb"
_NAME_CONTINUES = re.compile(rf"(?:\s+(?:[A-Z][\u2024.]?|{_NAME_WORD})\b(?![\u2024.]\s+[a-z]))+")


# "The mayor of Surabaya, Tri Rismaharini, comforted relatives": the role, then the name
_ROLE_THEN_NAME = re.compile(
    r"^\W*(?:The|A|An|Its|Their|His|Her|[A-Z][a-z]+(?:'|\u2019)s)\s+[a-z][\w\s'\u2019-]{0,60}?,\s+"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,2}),\s+[a-z]"
)


def subject_person(masked: str) -> ParsedSource | None:
    """A person named as the subject of the sentence ('Professor Adam Fox, a ..., said', 'Mona
    Hanna-Attisha realized...', 'The mayor of X, Ana Ruiz, visited'): who a later 'he' or
    'she' most likely is."""
    kin = _KIN_THEN_NAME.match(masked)
    if kin is not None and kin.group("kin").lower() in _KIN:
        # "Clibbery's son James paid tribute": a relative named by first name alone
        return ParsedSource(kin.group("name"), f"{kin.group('owner')} {kin.group('kin')}", "person")
    described = _ROLE_THEN_NAME.match(masked)
    if described is not None:
        parsed = parse_source(described.group("name"))
        if parsed is not None and parsed.kind == "person" and " " in parsed.name:
            return parsed
    match = _NAMED_PERSON.match(masked)
    if match is None:
        return _topic_with_relative(masked)
    if PREPOSITION_START.match(masked.lstrip(" \"\u201c\u2018'")):
        return None  # "Of Friar Lawrence, Prelogar said": the sentence opens with an adverbial
    if re.search(r"\b(?:A|An|The)\s+$", masked[: match.start("name")]):
        return None  # "A New York man pleaded guilty": a place used as a modifier, no name
    # The pattern stops after three words; a title before the name ("Foreign Minister Alexander
    # Downer") takes them, so the name runs on to the end of the capitalised words.
    rest = _NAME_CONTINUES.match(masked, match.end("name"))
    end = rest.end() if rest is not None else match.end("name")
    parsed = parse_source(phrase(masked, match.start("name"), end))
    if parsed is None or parsed.kind != "person" or " " not in parsed.name:
        return None
    if any(word.lower() in _NOT_NAMES for word in parsed.name.split()):
        return None  # "In April", "The Finneys"
    if parsed.name.split()[0].lower() in _COUNTING_WORDS | _NEGATIONS:
        # "Two Senior Biden administration officials": a count of people; "No Vineyard Wind
        # workers were injured": nobody
        return None
    if parsed.name.split()[-1].lower() in _PLACE_NOUNS:
        return None  # "Sable Island is a sandbar": a place, nobody a 'he' refers to
    if all(is_place_word(word) for word in parsed.name.split()):
        return None  # "South African captain Shaun Pollock says": an adjective, not a name
    return parsed


# "Also among the absentees was Nancy Pelosi, who later blasted the speech."
_NAME_THEN_WHO = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'\u2019-]+){1,2}),\s+who\s")


def _topic_with_relative(masked: str) -> ParsedSource | None:
    """The one full name a sentence describes with a 'who' clause: who a later 'she' is."""
    found = [parse_source(m.group("name")) for m in _NAME_THEN_WHO.finditer(masked)]
    people = [p for p in found if p is not None and p.kind == "person" and " " in p.name]
    return people[0] if len(people) == 1 else None


_OPENING_SURNAME = re.compile(rf"^\W*(?:(?:Mr|Mrs|Ms|Dr)\u2024?\s+)?(?P<name>{_NAME_WORD})\s+[a-z]")


def known_person_opening(masked: str, known: list[MergedSource]) -> ParsedSource | None:
    """'Netanyahu visited the settlement' after 'Benjamin Netanyahu' was quoted: the person a
    later 'he told settler leaders' is about, named by surname alone."""
    match = _OPENING_SURNAME.match(masked)
    if match is None:
        return None
    surname = match.group("name")
    for source in reversed(known):
        if source.kind == "person" and source.name.split()[-1] == surname:
            return ParsedSource(source.name, source.role, "person")
    return None


FIRST_NAME_TITLES = frozenset({"Sir", "Dame"})
_KNIGHTED = re.compile(
    r"\b(?:Sir|Dame)\s+(?P<first>[A-Z][a-z]+)\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
)


def knighted_names(text: str) -> dict[str, str]:
    """'Sir Keith Joseph' -> {'Keith': 'Keith Joseph'}: British usage then calls him 'Sir
    Keith', by the first name."""
    return {
        m.group("first"): f"{m.group('first')} {m.group('last')}" for m in _KNIGHTED.finditer(text)
    }


def surname_of_named_person(
    parsed: ParsedSource, before: str, known: list[MergedSource]
) -> ParsedSource | None:
    """'McCormick, who ..., told teachers' after 'Superintendent Jennifer McCormick has cited
    a study': a bare surname of a person the article named in full, even if never quoted."""
    name = parsed.name
    if (
        parsed.kind != "organisation"
        or " " in name
        or names_a_body(name)
        or not name[1:2].islower()
    ):
        return None
    if any(source.name.split()[-1] == name for source in known):
        return None  # a source already: merging joins the surname to it
    full = list(
        re.finditer(rf"\b(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+{re.escape(name)}\b", before)
    )
    if not full or full[-1].group("first").lower() in _NOT_NAMES:
        return None
    return ParsedSource(f"{full[-1].group('first')} {name}", None, "person")


# a surname as the subject of a clause: at its start, or after a conjunction or comma
_SURNAME_IN_CLAUSE = re.compile(
    r"(?:^\W*|[,;]\s+|\b(?:when|as|after|while|and|but|because|since|before|until)\s+)"
    r"(?:[A-Z][\w&-]*(?:\u2019|')s\s+)?(?P<surname>[A-Z][a-z]+)\s+[a-z]"
)


def person_before_pronoun(parsed: ParsedSource, before: str, earlier: str) -> ParsedSource | None:
    """'... when Truist's Stein recently tried the demo mode, he wrote in a note': a 'he' or
    'she' after the one person its own sentence names (by a surname the article gave in full
    earlier) is that person, not whoever spoke last."""
    if parsed.kind is not None or parsed.name.lower() not in {"he", "she"}:
        return None
    people = set()
    for match in _SURNAME_IN_CLAUSE.finditer(before):
        surname = match.group("surname")
        if surname.lower() in _NOT_NAMES or surname in FIRST_NAME_TITLES or is_place_word(surname):
            continue
        full = re.findall(rf"\b([A-Z][A-Za-z]+)\s+{surname}\b", earlier)
        firsts = {first for first in full if first.lower() not in _NOT_NAMES}
        if len(firsts) == 1:
            people.add(f"{firsts.pop()} {surname}")
    if len(people) != 1:
        return None
    return ParsedSource(people.pop(), None, "person")
