"""Attribution: who states each sentence, with which verb, and so how firm the statement is.

Patterns, all read on the sentence with quoted words blanked out (a quote's "he said" belongs to
the quote): `X said`, `X has confirmed`, `X, who ..., said`, `the mayor, X, said`, `..., said X`,
`according to X`, `X saying ...`, `revealed by X`, `X put the figure at`. Pronouns resolve to the
nearest earlier source of a fitting kind; repeated mentions merge into one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.analysis import vocabulary
from summarizer.analysis.quotes import QuoteSpan
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.sources import (
    COMPANY_NOUNS,
    MergedSource,
    ParsedSource,
    lead_company,
    merge_into,
    named_earlier,
    names_a_body,
    parse_source,
    shared_subject,
)
from summarizer.analysis.subjects import (
    after_determiner,
    clause_subject,
    masked_clause,
    parse_forward,
    phrase,
    subject_before,
)
from summarizer.analysis.types import Attribution, Sentence, SourceMention
from summarizer.models import Status

_VERB_STATUS: dict[str, Status] = {
    verb: status  # type: ignore[misc]  # the keys of [status_verbs] are Status values
    for status, verbs in vocabulary.groups("status_verbs").items()
    for verb in verbs
}
_CLAIM_VERBS = vocabulary.words("claim_verbs")
_WEAK_VERBS = vocabulary.words("weak_claim_verbs")
_NOT_NAMES = (
    vocabulary.words("not_places")
    | vocabulary.words("subject_stop_words")
    | vocabulary.words("leading_subordinators")
)
_VERBS = vocabulary.alternation([*_CLAIM_VERBS, *_VERB_STATUS])
# auxiliaries, modals and adverbs between a subject and its reporting verb
_AUX = (
    r"(?:(?:has|have|had|also|later|previously|earlier|again|separately|then|would|will|could|"
    r"can|did|does|do|only|just|not|never|repeatedly|publicly|privately|quickly)\s+)*"
)
# lowercase only: "the United States" is no verb
_SUBJECT_VERB = re.compile(rf"(?<![\w-])(?:{_AUX})(?P<verb>{_VERBS})\b(?!-)")
_INVERTED = re.compile(
    r"(?:[,\u201d\"]\s*|^)(?P<verb>said|says|added|adds|warned|according to|recalls|recalled|"
    r"remembers|remembered|explains|explained|notes|noted|asked|asks|wrote|writes|continued|"
    r"continues|insisted|insists|argued|argues)\s+"
    r"(?P<np>(?:the |a |an )?[^,.;:!?\u201c\"]{2,80}(?:,\s*[A-Z][^,.;:!?\u201c\"]{2,40})?)",
    re.IGNORECASE,
)
_TOLD = re.compile(r"\btold\s+(?P<np>(?:the\s+)?[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,3})")
_ACCORDING = re.compile(r"\baccording to\s+(?P<np>[^,.;:!?\u201c\"]{2,80})", re.IGNORECASE)
_PASSIVE_BY = re.compile(
    r"\b(?P<verb>revealed|confirmed|reported|announced|estimated|disclosed|released|given|"
    r"published|issued|provided|expected|forecast|projected|predicted|counted|compiled|"
    r"recorded|tallied|cited|calculated)\s+by\s+"
    r"(?P<np>[^,.;:!?\u201c\"]{2,80})",
    re.IGNORECASE,
)
_POSSESSOR = re.compile(r"(?P<owner>its|their|his|her)\s+(?P<thing>.+)$", re.IGNORECASE)
_CONTEXT_STATUS: tuple[tuple[re.Pattern[str], Status], ...] = (
    (re.compile(r"\bconfirmed\b", re.IGNORECASE), "confirmed"),
    (re.compile(r"\b(?:an? |the )?estimated?\b|\bestimates?\b", re.IGNORECASE), "estimated"),
    (
        re.compile(r"\breports? (?:of|that|say|said|suggest)|\breportedly\b", re.IGNORECASE),
        "reported",
    ),
    (
        re.compile(r"\b(?:forecast|projected|expected to|predicted|is set to|will)\b", re.I),
        "projected",
    ),
)


@dataclass(frozen=True)
class Claim:
    """One `source + verb` found in a sentence; `start` is where the verb stands."""

    sentence: int
    source: SourceMention
    verb: str
    status: Status
    start: int


@dataclass
class AttributionResult:
    sources: list[SourceMention]
    attributions: list[Attribution]
    claims: list[Claim]


def status_of(verb: str | None, context: str) -> Status:
    """How firm a statement is: a telling word in its clause first, then the verb."""
    for pattern, status in _CONTEXT_STATUS:
        if pattern.search(context):
            return status
    return _VERB_STATUS.get((verb or "").lower(), "claimed")


def mask_quotes(text: str, sentence: Sentence, quotes: list[QuoteSpan]) -> str:
    """The sentence with quoted words and its dateline blanked (offsets unchanged) and
    abbreviation full stops hidden: see `subjects.masked_clause`."""
    spans = [
        (max(q.start, sentence.start) - sentence.start, min(q.end, sentence.end) - sentence.start)
        for q in quotes
    ]
    return masked_clause(sentence.text, sentence.dateline, [(a, b) for a, b in spans if a < b])


@dataclass(frozen=True)
class _Found:
    sentence: int
    verb: str  # "" for a medium that was only told something
    status: Status
    source_index: int  # into the merged sources
    start: int  # the name (or pronoun) in the article
    end: int
    verb_at: int


def attribute(text: str, sentences: list[Sentence], quotes: list[QuoteSpan]) -> AttributionResult:
    """Sources of the article (merged), the attribution of each attributed sentence, all claims."""
    merged: list[MergedSource] = []
    found: list[_Found] = []
    resolver = _PronounResolver()
    knighted = _knighted_names(text)
    bodies: list[MergedSource] = []  # bodies that open a sentence: what 'the company' may be
    quotes_in = SentenceIndex(sentences).group(quotes)
    for sentence in sentences:
        if not sentence.is_reporting:
            continue
        masked = mask_quotes(text, sentence, quotes_in.get(sentence.index, []))
        base = sentence.start
        for parsed, verb, np_start, np_end, verb_at in _claims_in(masked):
            if named_earlier(parsed, merged) is None:
                parsed = _body_named_before(parsed, masked, verb_at, bodies) or parsed
            if parsed.role in _FIRST_NAME_TITLES and parsed.name in knighted:
                parsed = ParsedSource(knighted[parsed.name], parsed.role, "person")
            resolved = resolver.resolve(parsed, merged)
            if resolved is None:
                continue
            index = merge_into(merged, resolved.name, resolved.role, resolved.kind or "person")
            resolver.saw(merged[index])
            status = status_of(verb, masked)
            found.append(
                _Found(
                    sentence.index,
                    verb,
                    status,
                    index,
                    base + np_start,
                    base + np_end,
                    base + verb_at,
                )
            )
        found.extend(_listeners(masked, sentence, merged))
        resolver.mentioned(_subject_person(masked), merged)
        opening = lead_company(masked, len(masked)) or _opening_body(masked)
        if opening is not None:
            bodies.append(MergedSource(opening.name, None, opening.kind or "organisation"))
    return _collect(merged, found)


_NAMED_PERSON = re.compile(
    r"^\W*(?:[A-Z][\w'\u2019\u2024.-]*\s+){0,3}?"
    r"(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Professor|Prof|Sir|Dame)\u2024?\s+)?"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})\b"
)


def _subject_person(masked: str) -> ParsedSource | None:
    """A person named as the subject of the sentence ('Professor Adam Fox, a ..., said' or 'Mona
    Hanna-Attisha realized...'): who a later 'he' or 'she' most likely is."""
    match = _NAMED_PERSON.match(masked)
    if match is None:
        return None
    parsed = parse_source(phrase(masked, *match.span("name")))
    if parsed is None or parsed.kind != "person" or " " not in parsed.name:
        return None
    if any(word.lower() in _NOT_NAMES for word in parsed.name.split()):
        return None  # "In April", "The Finneys"
    return parsed


def _body_named_before(
    parsed: ParsedSource, masked: str, verb_at: int, bodies: list[MergedSource]
) -> ParsedSource | None:
    """'the company said', 'the bank said': the company that opens this sentence, else the
    latest body the article named (as the subject of a sentence) that fits the noun."""
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
    fitting = [b for b in reversed(bodies) if b.kind == parsed.kind and " " in b.name]
    return ParsedSource(fitting[0].name, None, fitting[0].kind) if fitting else None


_OPENING = re.compile(
    r"^\W*(?:The\s+)?(?P<np>[A-Z][\w&'\u2019\u2024.-]*"
    r"(?:\s+(?:(?:of|for|and|&|de)\s+)?[A-Z][\w&'\u2019\u2024.-]*){0,5})"
)


def _opening_body(masked: str) -> ParsedSource | None:
    """'The Bank of Eldoria cut its main rate...': a named body that opens the sentence."""
    match = _OPENING.match(masked.strip())
    if match is None:
        return None
    joined = match.group("np")
    for stretch in (joined, re.sub(r"\s+(?:of|for)\s+\S+$", "", joined)):
        parsed = parse_source(phrase(stretch, 0, len(stretch)))
        if parsed is None or parsed.kind not in {"organisation", "government"}:
            continue
        if " " in parsed.name or names_a_body(parsed.name):
            return parsed
    return None


_FIRST_NAME_TITLES = frozenset({"Sir", "Dame"})
_KNIGHTED = re.compile(
    r"\b(?:Sir|Dame)\s+(?P<first>[A-Z][a-z]+)\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
)


def _knighted_names(text: str) -> dict[str, str]:
    """'Sir Keith Joseph' -> {'Keith': 'Keith Joseph'}: British usage then calls him 'Sir
    Keith', by the first name."""
    return {
        m.group("first"): f"{m.group('first')} {m.group('last')}" for m in _KNIGHTED.finditer(text)
    }


def _listeners(masked: str, sentence: Sentence, merged: list[MergedSource]) -> list[_Found]:
    """Media told something (`told the Daily Mirror`) are sources of the article too."""
    listeners: list[_Found] = []
    for match in _TOLD.finditer(masked):
        parsed = parse_source(_without_time(phrase(masked, *match.span("np"))))
        if parsed is None or parsed.kind != "media":
            continue
        index = merge_into(merged, parsed.name, None, "media")
        start = sentence.start + match.start("np")
        end = sentence.start + match.end("np")
        listeners.append(_Found(sentence.index, "", "claimed", index, start, end, start))
    return listeners


def _without_time(name: str) -> str:
    """'CNN Tuesday' -> 'CNN' (told CNN Tuesday)."""
    return re.sub(r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", "", name)


def _mention(source: MergedSource, start: int, end: int) -> SourceMention:
    return SourceMention(source.name, source.role, source.kind, start, end, tuple(source.aliases))


def _collect(merged: list[MergedSource], found: list[_Found]) -> AttributionResult:
    # built after every mention is merged, so early mentions carry the final name and role
    first: dict[int, SourceMention] = {}
    claims: list[Claim] = []
    attributions: dict[int, Attribution] = {}
    for item in found:
        mention = _mention(merged[item.source_index], item.start, item.end)
        first.setdefault(item.source_index, mention)
        if not item.verb:
            continue
        claims.append(Claim(item.sentence, mention, item.verb, item.status, item.verb_at))
        attributions.setdefault(
            item.sentence, Attribution(item.sentence, mention, item.verb, item.status)
        )
    sources = [first[index] for index in sorted(first)]
    return AttributionResult(sources, [attributions[k] for k in sorted(attributions)], claims)


class _PronounResolver:
    """Remembers the latest person and body that spoke, for `he said` / `it said`."""

    def __init__(self) -> None:
        self.person: MergedSource | None = None
        self.body: MergedSource | None = None

    def saw(self, source: MergedSource) -> None:
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


def _claims_in(masked: str) -> list[tuple[ParsedSource, str, int, int, int]]:
    found: list[tuple[ParsedSource, str, int, int, int]] = []
    taken: set[int] = set()
    for pattern in (_PASSIVE_BY, _ACCORDING, _INVERTED):
        for match in pattern.finditer(masked):
            parsed, np_start, np_end = parse_forward(masked, match.start("np"), match.end("np"))
            verb = match.groupdict().get("verb") or "according to"
            if parsed is not None and parsed.kind is not None and match.start() not in taken:
                found.append((parsed, verb.lower(), np_start, np_end, match.start()))
                taken.update(range(match.start(), match.end()))
    speech_at = min((claim[4] for claim in found), default=len(masked))
    for match in _SUBJECT_VERB.finditer(masked):
        if match.start("verb") in taken or after_determiner(masked, match.start()):
            continue  # "an estimated eight people": an adjective, not a verb
        verb = match.group("verb").lower()
        if verb in _WEAK_VERBS and match.start() > speech_at:
            continue  # "Riva said the ruling showed ...": reported content, not a source
        if verb not in _WEAK_VERBS:
            speech_at = min(speech_at, match.start())
        subject = _subject_of(masked, match.start(), verb)
        if subject is None:
            continue
        parsed, np_start, np_end = subject
        found.append((parsed, verb, np_start, np_end, match.start()))
    found.sort(key=lambda claim: claim[4])
    return found


def _subject_of(masked: str, verb_at: int, verb: str) -> tuple[ParsedSource, int, int] | None:
    if verb.endswith("ing") and masked[:verb_at].rstrip().endswith(","):
        # "He welcomed the plan, telling CNN: ...": the main clause's subject speaks
        return clause_subject(masked[:verb_at].rstrip())
    subject = subject_before(masked, verb_at) or shared_subject(masked, verb_at)
    if subject is not None and verb in _WEAK_VERBS and _bare_word(subject[0]):
        return None  # "Snow continued to fall", "DNA showed": no speaker
    return subject


def _bare_word(parsed: ParsedSource) -> bool:
    """A single capitalised word with no role that names no body ('Snow', 'DNA'): a speaker
    only if named before; the resolver turns a known surname into its person later."""
    single = parsed.kind is not None and " " not in parsed.name and parsed.role is None
    return single and not names_a_body(parsed.name)
