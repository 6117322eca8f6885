"""Who a noun phrase names: a person with a role, a body, a medium, an anonymous source.

`parse_source("Mariupol mayor Vadym Boychenko")` -> name 'Vadym Boychenko', role 'Mariupol mayor',
kind 'person'. `merging.py` folds later mentions of the same source into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.analysis import vocabulary
from summarizer.models import SourceKind

TITLES = vocabulary.words("titles")
# Words that make a capitalised phrase a body rather than a person.
_GOVERNMENT = vocabulary.words("government_heads")
_ORGANISATION = vocabulary.words("organisation_heads")
_MEDIA = vocabulary.words("media_heads")
_DOCUMENT = vocabulary.words("document_heads")
_ANONYMOUS_HEADS = vocabulary.words("anonymous_heads")
_BODY_HEADS = _GOVERNMENT | _ORGANISATION | _MEDIA | _DOCUMENT
_PERSON_ROLES = TITLES | vocabulary.words("role_heads")
_ROLE_HEADS = vocabulary.words("role_heads") | vocabulary.words("person_epithets") | _BODY_HEADS
_NATIONALITY_SUFFIX = re.compile(r"(?:ian|ese|ish|ean|can|ic|an|i)$")
_COUNTRIES = vocabulary.words("countries_and_capitals")
# "May said" and "June told" are people; the other days and months never speak
_CALENDAR = vocabulary.words("calendar_words") - {"may", "june", "april", "august"}
_POSSESSIVE_WORD = re.compile(r"(?:\u2019s|'s|s\u2019|s')$")
_COUNTRY_STEMS = frozenset(country[:4] for country in _COUNTRIES if len(country) >= 4)
_PARTICLES = vocabulary.words("name_particles")
PRONOUNS = vocabulary.words("pronouns")
_OF_WORDS = vocabulary.words("role_of_words")
_NAME_JOINERS = frozenset({"of", "for", "and", "&", "de", "on"})
_ARTICLES = ("the ", "a ", "an ")
_WORD = re.compile(r"[^\s,;:]+")
_POSSESSIVE = re.compile(r"['\u2019]s\s+")
# "However, King Juan said": the connective opens the sentence, it is no part of the name
LEADING_CONNECTIVE = re.compile(
    rf"^(?:(?:{'|'.join(sorted(vocabulary.words('leading_fillers')))})\b,?\s+)+", re.IGNORECASE
)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# finite verbs that never stand inside a name: a phrase holding one is a clause
_FINITE_VERBS = vocabulary.words("finite_verbs_in_clauses")
QUANTIFIERS = frozenset(
    {"most", "many", "some", "several", "all", "few", "both", "other", "others", "more"}
)
_INITIAL = re.compile(r"^[A-Z][.\u2024]?$")


@dataclass(frozen=True)
class ParsedSource:
    name: str
    role: str | None
    kind: SourceKind | None  # None for a pronoun, resolved later


def names_a_body(word: str) -> bool:
    """'Police', 'UN', 'Moscow', 'Pentagon': one word that stands for a speaking body."""
    lower = clean(word)
    return lower in _ROLE_HEADS or lower in _COUNTRIES or lower in _ANONYMOUS_HEADS


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.lower().endswith("-based")


def strip_article(phrase: str) -> str:
    lower = phrase.lower()
    for article in _ARTICLES:
        if lower.startswith(article):
            return phrase[len(article) :]
    return phrase


def clean(word: str) -> str:
    """A word lower-cased without its full stop or possessive ('Dr.' -> 'dr')."""
    return word.lower().strip(".\u2019'").removesuffix("\u2019s").removesuffix("'s")


def parse_source(phrase: str) -> ParsedSource | None:
    """Read a subject noun phrase as a source, or None when it names no one who can speak."""
    phrase = LEADING_CONNECTIVE.sub("", " ".join(phrase.split()).strip(" ,;:\u2013\u2014-"))
    words = _WORD.findall(phrase)
    if len(words) == 1 and LEADING_CONNECTIVE.match(words[0] + " "):
        return None  # "Then": a connective alone names no one
    if len(words) == 1 and words[0].lower() in QUANTIFIERS | {"none", "each", "everyone"}:
        return None  # "Few have seen it", "All said": a quantity of people, no source
    if re.fullmatch(r"(?:the\s+)?\d{1,3}-year-old", phrase, re.IGNORECASE):
        return ParsedSource(phrase, None, "anonymous")  # "the 78-year-old said": someone named
    if words and all(clean(word) in _CALENDAR for word in words):
        return None  # "..., Mayer, the chairman, said Tuesday": a day is no speaker
    if any(word in _FINITE_VERBS for word in words):
        return None  # "the Australia Institute says a detailed examination": a clause
    if not words or len(words) > 12:
        return None
    if words[-1] in {"who", "which", "that", "whom", "whose"}:
        return None  # "the number of young people in the state who have reported": a clause
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return ParsedSource(words[0], None, None)
    employed = _employed_by(words)
    if employed is not None:
        return employed
    name_start = _person_name_start(words)
    if name_start is not None:
        name = " ".join(words[name_start:])
        role = strip_article(" ".join(words[:name_start])) or None
        return ParsedSource(name, role, "person")
    return _parse_body(phrase, words)


def _employed_by(words: list[str]) -> ParsedSource | None:
    """'Wedbush Securities' Ives', 'Pfizer's Albert Bourla': a person named after the body
    that employs them (the owner stays in the role); 'the Spokesperson's Unit' is a body."""
    owned = [k for k, word in enumerate(words[:-1]) if _POSSESSIVE_WORD.search(word)]
    if not owned or not _is_capitalised(words[owned[-1]]):
        return None
    owner, rest = " ".join(words[: owned[-1] + 1]), words[owned[-1] + 1 :]
    if not all(map(_is_capitalised, rest)):
        return None
    if _office_of_role(words[owned[-1]]):
        return None  # "the Police Spokesperson's Unit": a person's office, a body
    if len(rest) == 1 and clean(rest[0]) not in _ROLE_HEADS | TITLES:
        return ParsedSource(rest[0], owner, "person")
    parsed = parse_source(" ".join(rest))
    if parsed is None or parsed.kind != "person" or " " not in parsed.name:
        return None
    return ParsedSource(parsed.name, " ".join(filter(None, [owner, parsed.role])), "person")


def _office_of_role(word: str) -> bool:
    """'Spokesperson's' before 'Unit' or 'Office': the office of a role, part of a body's name."""
    owner = clean(word).removesuffix("\u2019").removesuffix("'")
    return bool(_POSSESSIVE_WORD.search(word)) and owner in _ROLE_HEADS - _BODY_HEADS


def _person_name_start(words: list[str]) -> int | None:
    """Index where a personal name begins at the end of the phrase ("... Anton Garashchenko")."""
    if len(words) > 2 and clean(words[-1]) in NAME_SUFFIXES:
        return _person_name_start(words[:-1])  # "Patrick W. Carlineo Jr."
    end = len(words)
    start = end
    while start > 0 and (_is_capitalised(words[start - 1]) or words[start - 1] in _PARTICLES):
        start -= 1
    run = [clean(w) for w in words[start:end]]
    titled_at = max((k for k, w in enumerate(run[:-1]) if w in _PERSON_ROLES), default=-1)
    named = [w for w in run[titled_at + 1 :] if w not in _PERSON_ROLES]
    if titled_at >= 0 and named and not any(w in _BODY_HEADS for w in run[titled_at + 1 :]):
        # "European Commission President Ursula von der Leyen": the body belongs to the title
        start, run = start + titled_at, run[titled_at:]
    if not run or any(w in _BODY_HEADS for w in run):
        return None
    if any(w in _COUNTRIES for w in run[-1:]) or run[-1].isupper() or words[-1].isupper():
        return None
    if len(run) > 1 and run[-1] in _PERSON_ROLES and run[-1] not in TITLES:
        return None  # "The Sierra Grid Operator": a capitalised job noun ends a body's name
    # Skip titles and nationalities ("Ukrainian President Volodymyr Zelensky").
    while start < end and (run[0] in TITLES | _ROLE_HEADS or _is_nationality(words[start])):
        start += 1
        run = run[1:]
    if not run or (start > 0 and words[start - 1].lower() == "the"):
        return None  # "the Federal Reserve" is a body
    if start > 0 and words[start - 1].lower() in {"in", "at", "near", "outside", "inside"}:
        return None  # "An eyewitness in Khan Younis": a place, the person is unnamed
    if start > 1 and words[start - 1] == "of" and clean(words[start - 2]) in TITLES:
        # "Secretary of State Mike Pompeo", "Minister of Health Zweli Mkhize": the title's
        # object opens the capitalised run, the name follows it
        start, run = start + 1, run[1:]
        if len(run) < 2:
            return None
    elif (
        start > 1
        and words[start - 1] in {"of", "for", "and", "&", "on"}
        and _is_capitalised(words[start - 2])
    ):
        return None  # "Office for National Statistics"
    elif start > 1 and words[start - 1] in {"of", "at", "for"} and _works_for(words[start - 2]):
        return None  # "chief executive of Full Fact": the body the person works for
    if start > 0 and _office_of_role(words[start - 1]):
        return None  # "the Police Spokesperson's Unit": an office named after a role
    if start > 0 and clean(words[start - 1]) in _KIND_OF_BODY:
        return None  # "the state-owned company Halvor Coal": a body's name after its kind
    titled = start > 0 and clean(words[start - 1]) in TITLES | _ROLE_HEADS
    if len(run) == 1 and not titled:
        return None  # a bare capitalised word: maybe a surname, decided when merging
    keep = 2 if len(run) >= 2 else 1
    lower_role = start > 0 and not _is_capitalised(words[start - 1])
    after_preposition = start > 0 and words[start - 1] in {"to", "of", "in", "for", "at", "from"}
    if len(run) == 3 and (start == 0 or (lower_role and not after_preposition)):
        # no title or only a lower-case role before it: "Medecins Sans Frontieres", "Anna Maria
        # Costa", "minister Mai Ahmad Fatty", "representative Mousa Abu Marzook"
        keep = 3
    if len(run) > keep and run[-keep - 1] in _PARTICLES:
        keep += 1
    while len(run) > keep and run[-keep] in _PARTICLES:
        keep += 1  # "Marine Le Pen", "Ursula von der Leyen": the first name comes first
    while len(run) > keep and _INITIAL.match(words[end - keep]):
        keep += 1  # a middle initial belongs to the name: "George W. Bush", "Thomas E Perez"
    return end - keep


def is_place_word(word: str) -> bool:
    """A country, capital or demonym, or a word of one ('South', 'African')."""
    lower = clean(word)
    return lower in _COUNTRIES or lower in _PLACE_PARTS or _is_nationality(word)


_PLACE_PARTS = frozenset({"north", "south", "east", "west", "new", "united", "central"})


_KIN = vocabulary.words("kin_nouns")


def _works_for(word: str) -> bool:
    """A lower-case role before 'of'/'at': what follows is an employer, not a name."""
    lower = clean(word)
    return word[:1].islower() and lower in _PERSON_ROLES and lower not in _KIN


def _is_nationality(word: str) -> bool:
    """'Ukrainian', 'Malawian', 'Pakistani': a demonym of a country the word list knows, so that
    a name with the same ending ('Falesi Chukuwumba') stays a name."""
    lower = clean(word)
    if lower in _COUNTRIES or len(lower) <= 4 or not _NATIONALITY_SUFFIX.search(lower):
        return False
    return lower[:4] in _COUNTRY_STEMS


# "Analysts at Morgan Stanley", "economists at Goldman Sachs": staff speaking for their body
_STAFF_AT = re.compile(
    r"^(?:the\s+|some\s+|two\s+|three\s+|several\s+)?(?P<staff>[a-z-]+)\s+(?:at|from)\s+"
    r"(?:the\s+)?(?P<body>[A-Z][\w.&'\u2019-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w.&'\u2019-]*){0,5})$",
    re.IGNORECASE,
)


_NOT_DESCRIPTIONS = frozenset(
    {"in", "at", "from", "of", "near", "the", "a", "an", "by", "for", "to"}
)
# "the Ocean County Prosecutor's Office": the office is the whole name, not "Office"
_GENERIC_OFFICES = frozenset({"Office", "Department", "Unit", "Bureau", "Division", "Agency"})
_BODY_KINDS = frozenset({"organisation", "government", "media"})
_KIND_OF_BODY = vocabulary.words("company_nouns") | {"charity", "nonprofit", "organisation"}
_DESCRIBED_BODY = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+"
    r"(?P<name>[A-Z][\w.&'\u2019-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w.&'\u2019-]*){0,6})$"
)


def _staff_of_body(phrase: str) -> ParsedSource | None:
    match = _STAFF_AT.match(phrase.strip())
    if match is None or not match.group("body")[:1].isupper():
        return None
    staff = match.group("staff").lower()
    if staff not in _ROLE_HEADS or not staff.endswith("s") or staff in _BODY_HEADS:
        return None
    body = match.group("body")
    if body.lower() in _COUNTRIES:
        return None
    return ParsedSource(body, staff, "organisation")


def _parse_body(phrase: str, words: list[str]) -> ParsedSource | None:
    staff = _staff_of_body(strip_article(phrase))
    if staff is not None:
        return staff
    described = _DESCRIBED_BODY.match(phrase.strip())
    if described is not None:
        # "the nonprofit Kids and Car Safety", "the advocacy group Human Rights Watch"
        body = parse_source(described.group("name"))
        what = described.group("what").split()
        placed = any(word in _NOT_DESCRIPTIONS for word in what) or body is None
        kind_named = what[-1] in _KIND_OF_BODY | _BODY_HEADS
        if not placed and body is not None and (kind_named or body.kind in _BODY_KINDS):
            kind = body.kind if body.kind in _BODY_KINDS else "organisation"
            return ParsedSource(body.name, described.group("what"), kind)
    lowered = [clean(w) for w in words]
    name = strip_article(phrase)
    possessed = _POSSESSIVE.split(name)
    generic = len(possessed) > 1 and possessed[-1].strip() in _GENERIC_OFFICES
    if generic or (len(possessed) > 1 and _office_of_role(possessed[-2].split()[-1] + "\u2019s")):
        possessed = [name]  # "Police Spokesperson's Unit" is the office's whole name
    if len(possessed) > 1 and (
        _is_capitalised(possessed[-1]) or possessed[-1].lower() in COMPANY_NOUNS
    ):
        name = possessed[-1]  # "the capital's Ministry of Defence", "the mine's operator"
    heads = set(lowered)
    if heads & _MEDIA and (_is_capitalised(words[-1]) or lowered[-1] in {"media", "press"}):
        return ParsedSource(name, None, "media")
    if _is_anonymous(lowered, words):
        return ParsedSource(phrase.strip(), None, "anonymous")
    if heads & _DOCUMENT and not any(_is_capitalised(w) for w in words[1:]):
        return ParsedSource(phrase.strip(), None, "document")
    if heads & _GOVERNMENT or (len(lowered) == 1 and lowered[0] in _COUNTRIES):
        return ParsedSource(name, None, "government")
    content = words[1:] if lowered[0] in {"the", "a", "an"} else words
    # "Syrian Observatory for Human Rights": capitalised words joined by of/for/and
    named = [w for w in content if w.lower() not in _NAME_JOINERS]
    capitalised_name = 0 < len(named) <= 8 and all(map(_is_capitalised, named))
    if heads & _ORGANISATION or (capitalised_name and _is_capitalised(content[-1])):
        return ParsedSource(name, None, "organisation")
    if lowered[-1] in _ROLE_HEADS or _role_of_place(lowered, words):
        return ParsedSource(name, None, "anonymous")
    if len(words) == 1 and _is_capitalised(words[0]):
        return ParsedSource(words[0], None, "person")  # a surname alone: "Boychenko said"
    return None


def _role_of_place(lowered: list[str], words: list[str]) -> bool:
    """`the governor of Alto Rio province`, `the mayor of Kharkiv`: a role head, then its place."""
    for at, word in enumerate(lowered[1:], 1):
        if word in _OF_WORDS:
            named = any(_is_capitalised(w) for w in words[at + 1 :])
            return lowered[at - 1] in _ROLE_HEADS and named and lowered[0] in {"the", "a", "an"}
    return False


def _is_anonymous(lowered: list[str], words: list[str]) -> bool:
    if any(_is_capitalised(w) and not _is_nationality(w) for w in words[1:]):
        return False
    indefinite = lowered[0] in {"a", "an", "one", "two", "several", "some"}
    return lowered[-1] in _ANONYMOUS_HEADS and (indefinite or lowered[-1] in {"source", "sources"})


COMPANY_NOUNS = vocabulary.words("company_nouns")
