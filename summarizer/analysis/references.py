"""Who an attribution refers to when the words do not name it: pronouns ('he said', 'it
said'), 'the company' or 'the agency' (the body named or heard last), 'the president' (the one
person heard in that role), 'the Malawian' or 'the top US diplomat' (the person written about),
'the statement' (whoever issued it). The people sentences name are found in `persons.py`."""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.leads import lead_company
from summarizer.analysis.merging import MergedSource, named_earlier
from summarizer.analysis.sources import COMPANY_NOUNS, ParsedSource, names_a_body, parse_source
from summarizer.analysis.subjects import phrase

_THE_STATEMENT = frozenset({"the statement", "that statement", "this statement", "a statement"})
_POSSESSOR = re.compile(r"(?P<owner>its|their|his|her)\s+(?P<thing>.+)$", re.IGNORECASE)


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


_NO_BODY = frozenset(
    {"most", "many", "some", "several", "all", "few", "both", "one", "two", "three", "no", "each"}
)


def opening_body(masked: str) -> ParsedSource | None:
    """'The Bank of Eldoria cut its main rate...': a named body that opens the sentence."""
    match = _OPENING.match(masked.strip())
    if match is None:
        return None
    joined = match.group("np")
    if joined.split()[0].lower() in _NO_BODY:
        # "Most Druze in the Golan": part of a people; "One Napa County reporting station", "No
        # Vineyard Wind workers": a count of things, or none, not a body
        return None
    for stretch in (joined, re.sub(r"\s+(?:of|for)\s+\S+$", "", joined)):
        parsed = parse_source(phrase(stretch, 0, len(stretch)))
        if parsed is None or parsed.kind not in {"organisation", "government"}:
            continue
        if " " in parsed.name or names_a_body(parsed.name):
            return parsed
    return None


class PronounResolver:
    """Remembers the latest person and body that spoke, for `he said` / `it said`."""

    def __init__(self) -> None:
        self.person: MergedSource | None = None
        self.body: MergedSource | None = None
        self.last: MergedSource | None = None  # whoever spoke last, person or body
        # a group the sentence before opened with ("Death penalty opponents delivered a
        # petition. They argued ..."): who a 'they' right after it is
        self.group: MergedSource | None = None
        self.group_fresh = False

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

    def next_sentence(self, group: ParsedSource | None) -> None:
        """Called after each sentence with the plural group it opens with, if any."""
        self.group = MergedSource(group.name, None, "anonymous") if group is not None else None
        self.group_fresh = group is not None

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
        if pronoun == "they" and self.group_fresh and self.group is not None:
            target = self.group
        if pronoun == "they" and target is None:
            target = self.person
        if target is None:
            return None
        return ParsedSource(target.name, target.role, target.kind)
