"""Who an attribution refers to when the words do not name it: pronouns ('he said', 'it
said'), 'the company' or 'the agency' (the body named or heard last), 'the Malawian' (the person
written about), 'the statement' (whoever issued it), 'Sir Keith' (a knighted first name), and a
person the article writes about before quoting them."""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.appositives import PREPOSITION_START
from summarizer.analysis.leads import lead_company
from summarizer.analysis.sources import (
    COMPANY_NOUNS,
    MergedSource,
    ParsedSource,
    is_place_word,
    named_earlier,
    names_a_body,
    parse_source,
)
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
_POSSESSOR = re.compile(r"(?P<owner>its|their|his|her)\s+(?P<thing>.+)$", re.IGNORECASE)


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
    if parsed.name.split()[0].lower() in _COUNTING_WORDS:
        return None  # "Two Senior Biden administration officials": a count of people
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


_THE_STATEMENT = frozenset({"the statement", "that statement", "this statement", "a statement"})


def issuer_of_statement(parsed: ParsedSource, resolver: PronounResolver) -> ParsedSource | None:
    """'The statement said ...' right after the IDF wrote or said something: the IDF says it; a
    statement is never a source of its own."""
    if parsed.name.lower() in {"the release", "the news release", "the press release"}:
        # a press release is a body's: the body heard last issued it, not the person quoted
        issuer = resolver.body
    elif parsed.name.lower() in _THE_STATEMENT:
        issuer = resolver.last
    else:
        return None
    return ParsedSource(issuer.name, issuer.role, issuer.kind) if issuer is not None else None


_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|an|ese|ish|i)$")


def role_reference(parsed: ParsedSource, known: list[MergedSource]) -> ParsedSource | None:
    """'the president said' after 'President Barack Obama said': the one person already heard
    whose role ends in that noun (no guess when two do)."""
    words = parsed.name.lower().split()
    if parsed.kind not in {"anonymous", "person"} or not 0 < len(words) <= 2:
        return None
    if not all(word.isalpha() for word in words) or parsed.name != parsed.name.lower():
        return None
    fitting = {
        source.name: source
        for source in known
        if source.kind == "person"
        and source.role
        and source.role.lower().split()[-1] == words[-1]
        and set(words) <= set(source.role.lower().split())
    }
    if len(fitting) != 1:
        return None
    person = next(iter(fitting.values()))
    return ParsedSource(person.name, person.role, "person")


def descriptor_reference(
    parsed: ParsedSource, masked: str, np_start: int, resolver: PronounResolver
) -> ParsedSource | None:
    """'..., the Malawian told Al Jazeera' after a paragraph about Ellen Mwamulima: 'the' and a
    nationality refer back to the person last written about, as a pronoun would."""
    described = masked[max(0, np_start - 30) : np_start + len(parsed.name) + 4].rstrip()
    if re.search(r"\bthe\s+(?:[\w-]+\s+){0,3}[\w-]+$", described, re.IGNORECASE) is None:
        return None
    if not (" " not in parsed.name and _DEMONYM.match(parsed.name)) and not _epithet(parsed):
        return None
    person = resolver.person
    return ParsedSource(person.name, person.role, "person") if person is not None else None


_EPITHETS = vocabulary.words("person_epithets")
_AGED = re.compile(r"^(?:the\s+)?\d{1,3}-year-old$", re.IGNORECASE)


def _epithet(parsed: ParsedSource) -> bool:
    """'the top US diplomat', 'the billionaire', 'the 78-year-old': a definite description of
    one person that copy uses for someone it has named (an unnamed official is 'an official'
    first, and is merged by its noun)."""
    words = re.sub(r"^the\s+", "", parsed.name, flags=re.IGNORECASE).split()
    if _AGED.match(parsed.name):
        return True
    if parsed.kind not in {"anonymous", "person", None} or not 0 < len(words) <= 3:
        return False
    return words[-1].lower() in _EPITHETS and all(w[:1].islower() or w.isupper() for w in words)


def body_named_before(
    parsed: ParsedSource,
    masked: str,
    verb_at: int,
    bodies: list[MergedSource],
    last_speaker: MergedSource | None,
    body_spoke_just_before: bool = False,
) -> ParsedSource | None:
    """'the company said', 'the bank said': the company that opens this sentence, else the
    latest body the article named (as the subject of a sentence) that fits the noun; 'the
    agency said' (a noun of either kind): the body that spoke last, if one did."""
    noun = parsed.name
    if parsed.kind not in {"organisation", "government"} or not (noun.isalpha() and noun.islower()):
        return None
    if noun in COMPANY_NOUNS:
        lead = lead_company(masked, verb_at)
        if lead is not None:
            return lead
    named = named_earlier(parsed, list(reversed(bodies))[:4])
    if named is not None:
        return ParsedSource(named.name, named.role, named.kind)
    if (
        noun in COMPANY_NOUNS
        and last_speaker is not None
        and last_speaker.kind == "organisation"
        and body_spoke_just_before
    ):
        # "Nestle ... said X. 'Y,' the company said": a one-word company that just spoke
        return ParsedSource(last_speaker.name, last_speaker.role, last_speaker.kind)
    if last_speaker is not None and noun in last_speaker.name.lower().split():
        # "The government of Lebanon condemned ... The government also called for": the body
        # that spoke last has the noun in its name
        return ParsedSource(last_speaker.name, last_speaker.role, last_speaker.kind)
    kinds = {"organisation", "government"} if noun in _EITHER_KIND else {parsed.kind}
    if noun in _EITHER_KIND and last_speaker is not None and last_speaker.kind in kinds:
        return ParsedSource(last_speaker.name, last_speaker.role, last_speaker.kind)
    fitting = [b for b in reversed(bodies) if b.kind in kinds and " " in b.name]
    return ParsedSource(fitting[0].name, None, fitting[0].kind) if fitting else None


# nouns a government body and an international or private one share ('the agency' after the
# International Monetary Fund or after the Environmental Protection Agency)
_EITHER_KIND = frozenset({"agency", "body", "authority", "regulator", "watchdog", "institution"})

_OPENING = re.compile(
    r"^\W*(?:The\s+)?(?P<np>[A-Z][\w&'\u2019\u2024.-]*"
    r"(?:\s+(?:(?:of|for|and|&|de)\s+)?[A-Z][\w&'\u2019\u2024.-]*){0,5})"
)


def opening_body(masked: str) -> ParsedSource | None:
    """'The Bank of Eldoria cut its main rate...': a named body that opens the sentence."""
    match = _OPENING.match(masked.strip())
    if match is None:
        return None
    joined = match.group("np")
    if joined.split()[0].lower() in {"most", "many", "some", "several", "all", "few", "both"}:
        return None  # "Most Druze in the Golan": part of a people, no body
    for stretch in (joined, re.sub(r"\s+(?:of|for)\s+\S+$", "", joined)):
        parsed = parse_source(phrase(stretch, 0, len(stretch)))
        if parsed is None or parsed.kind not in {"organisation", "government"}:
            continue
        if " " in parsed.name or names_a_body(parsed.name):
            return parsed
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


class PronounResolver:
    """Remembers the latest person and body that spoke, for `he said` / `it said`."""

    def __init__(self) -> None:
        self.person: MergedSource | None = None
        self.body: MergedSource | None = None
        self.last: MergedSource | None = None  # whoever spoke last, person or body

    def saw(self, source: MergedSource) -> None:
        self.last = source
        if source.kind == "person":
            self.person = source
        else:
            self.body = source

    def mentioned(self, person: ParsedSource | None, known: list[MergedSource]) -> None:
        """A person the article writes about (not yet quoted): a later 'he said' may be them."""
        if person is None:
            return
        for source in known:
            if source.kind == "person" and source.same_as(person.name, "person"):
                self.person = source
                return
        self.person = MergedSource(person.name, person.role, "person")

    def resolve(self, parsed: ParsedSource, known: list[MergedSource]) -> ParsedSource | None:
        named = named_earlier(parsed, known)
        if named is not None:
            return ParsedSource(named.name, named.role, named.kind)
        owned = _POSSESSOR.match(parsed.name)
        if owned is not None:
            # "its regional office" after the WHO: the WHO's; "his office" after Modi: Modi's
            personal = owned.group("owner").lower() in {"his", "her"}
            owner = self.person if personal else self.body
            if owner is None:
                return None
            if personal:
                name = f"{owner.name}\u2019s {owned.group('thing')}"
                return ParsedSource(name, None, "government")
            return ParsedSource(f"{owner.name} {owned.group('thing')}", None, owner.kind)
        if parsed.kind is not None:
            return parsed
        pronoun = parsed.name.lower()
        target = self.person if pronoun in {"he", "she"} else self.body
        if pronoun == "they" and target is None:
            target = self.person
        if target is None:
            return None
        return ParsedSource(target.name, target.role, target.kind)


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
