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
    PRONOUNS,
    MergedSource,
    ParsedSource,
    lead_company,
    merge_into,
    named_earlier,
    parse_source,
    shared_subject,
)
from summarizer.analysis.types import Attribution, Sentence, SourceMention
from summarizer.models import Status

_VERB_STATUS: dict[str, Status] = {
    verb: status  # type: ignore[misc]  # the keys of [status_verbs] are Status values
    for status, verbs in vocabulary.groups("status_verbs").items()
    for verb in verbs
}
_CLAIM_VERBS = vocabulary.words("claim_verbs")
_VERBS = vocabulary.alternation([*_CLAIM_VERBS, *_VERB_STATUS])
_AUX = r"(?:(?:has|have|had|also|later|previously|earlier|again|separately|then|had\s+also)\s+)*"
# lowercase only: "the United States" is no verb
_SUBJECT_VERB = re.compile(rf"(?<![\w-])(?:{_AUX})(?P<verb>{_VERBS})\b(?!-)")
_INVERTED = re.compile(
    r"(?:[,\u201d\"]\s*|^)(?P<verb>said|says|added|adds|warned|according to)\s+"
    r"(?P<np>(?:the |a |an )?[^,.;:!?\u201c\"]{2,80}(?:,\s*[A-Z][^,.;:!?\u201c\"]{2,40})?)",
    re.IGNORECASE,
)
_TOLD = re.compile(r"\btold\s+(?P<np>(?:the\s+)?[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,3})")
_ACCORDING = re.compile(r"\baccording to\s+(?P<np>[^,.;:!?\u201c\"]{2,80})", re.IGNORECASE)
_PASSIVE_BY = re.compile(
    r"\b(?P<verb>revealed|confirmed|reported|announced|estimated|disclosed|released|given|"
    r"published|issued|provided)\s+by\s+"
    r"(?P<np>[^,.;:!?\u201c\"]{2,80})",
    re.IGNORECASE,
)
_FORWARD_STOP = re.compile(
    r"\s(?:that|who|which|on|in|at|after|before|adding|as|when|while|because|today|yesterday|"
    r"this|last|earlier|and|but|to|during|amid|with|is|are|was|were|has|had|have)\b",
    re.IGNORECASE,
)
_BACKWARD_STOP = vocabulary.words("subject_stop_words")
_POSSESSOR = re.compile(r"(?:its|their)\s+(.+)$", re.IGNORECASE)
# "two people familiar with the discussions", "sources close to the minister"
_INFORMED = re.compile(
    r"(?:\b[\w-]+\s+){0,3}?(?:people|person|sources?|officials?|diplomats?|insiders?)\s+"
    r"(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on|involved\s+in)"
    r"\s+[\w\s'\u2019-]{1,60}$",
    re.IGNORECASE,
)
_LEADING_FILLER = vocabulary.words("leading_fillers")
# "200,000" has a comma that does not end the clause
_RELATIVE = re.compile(r",\s*(?:who|which|whose|whom)\b(?:[^,]|,(?=\d))*,?\s*$", re.IGNORECASE)
_BARE_RELATIVE = re.compile(r"\s(?:who|which)\s[^,]{0,80}$", re.IGNORECASE)
_APPOSITIVE = re.compile(r"(?:^|[,;:(\u2013\u2014])\s*(?P<a>[^,;:(]+?),\s*(?P<b>[^,;:(]+?),?\s*$")
_TOKEN = re.compile(r"[\w\u2019'.&-]+|[^\w\s]")
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
    """The sentence with quoted words replaced by spaces, offsets unchanged."""
    chars = list(sentence.text)
    for quote in quotes:
        lo, hi = max(quote.start, sentence.start), min(quote.end, sentence.end)
        for pos in range(lo, hi):
            chars[pos - sentence.start] = " "
    return "".join(chars)


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
    quotes_in = SentenceIndex(sentences).group(quotes)
    for sentence in sentences:
        if not sentence.is_reporting:
            continue
        masked = mask_quotes(text, sentence, quotes_in.get(sentence.index, []))
        base = sentence.start
        for parsed, verb, np_start, np_end, verb_at in _claims_in(masked):
            if parsed.name in COMPANY_NOUNS and named_earlier(parsed, merged) is None:
                parsed = lead_company(masked, verb_at) or parsed
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
    return _collect(merged, found)


def _listeners(masked: str, sentence: Sentence, merged: list[MergedSource]) -> list[_Found]:
    """Media told something (`told the Daily Mirror`) are sources of the article too."""
    listeners: list[_Found] = []
    for match in _TOLD.finditer(masked):
        parsed = parse_source(match.group("np"))
        if parsed is None or parsed.kind != "media":
            continue
        index = merge_into(merged, parsed.name, None, "media")
        start = sentence.start + match.start("np")
        end = sentence.start + match.end("np")
        listeners.append(_Found(sentence.index, "", "claimed", index, start, end, start))
    return listeners


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

    def resolve(self, parsed: ParsedSource, known: list[MergedSource]) -> ParsedSource | None:
        named = named_earlier(parsed, known)
        if named is not None:
            return ParsedSource(named.name, named.role, named.kind)
        owned = _POSSESSOR.match(parsed.name)
        if owned is not None and self.body is not None:
            # "its regional office" after the WHO was named: the WHO's regional office
            return ParsedSource(f"{self.body.name} {owned.group(1)}", None, self.body.kind)
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
            np_start, np_end = _forward_np(masked, match.start("np"), match.end("np"))
            parsed = _parse_forward(masked[np_start:np_end])
            verb = match.groupdict().get("verb") or "according to"
            if parsed is not None and parsed.kind is not None and match.start() not in taken:
                found.append((parsed, verb.lower(), np_start, np_end, match.start()))
                taken.update(range(match.start(), match.end()))
    for match in _SUBJECT_VERB.finditer(masked):
        if match.start("verb") in taken:
            continue
        if _after_determiner(masked, match.start()):
            continue  # "an estimated eight people": an adjective, not a verb
        subject = _subject_before(masked, match.start()) or shared_subject(masked, match.start())
        if subject is None:
            continue
        parsed, np_start, np_end = subject
        found.append((parsed, match.group("verb").lower(), np_start, np_end, match.start()))
    found.sort(key=lambda claim: claim[4])
    return found


def _parse_forward(phrase: str) -> ParsedSource | None:
    """A source named after its verb: `said the district attorney, Sam Reed`."""
    if "," in phrase:
        paired = _appositive(phrase)
        if paired is not None:
            return paired[0]
        phrase = phrase.split(",")[0]
    return parse_source(phrase)


def _after_determiner(masked: str, at: int) -> bool:
    previous = masked[:at].rstrip().rsplit(maxsplit=1)
    return bool(previous) and previous[-1].lower() in {"a", "an", "the", "its", "their", "his"}


def _forward_np(masked: str, start: int, end: int) -> tuple[int, int]:
    stop = _FORWARD_STOP.search(masked, start, end)
    end = stop.start() if stop else end
    while end > start and masked[end - 1] in " \u00a0\t":
        end -= 1
    return start, end


_OBJECT_RELATIVE = re.compile(
    r"\b(?:which|that|whom)\s+(?P<np>(?:the|a|an)\s+[\w'\u2019 -]{1,40}?"
    r"|[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})$"
)


def _subject_before(masked: str, verb_at: int) -> tuple[ParsedSource, int, int] | None:
    """The noun phrase that ends right before the verb, as a source."""
    prefix = masked[:verb_at].rstrip()
    own = _OBJECT_RELATIVE.search(prefix)
    parsed_own = parse_source(own.group("np")) if own is not None else None
    if own is not None and parsed_own is not None and parsed_own.kind is not None:
        return parsed_own, own.start("np"), own.end("np")  # "which the company said could"
    relative = _RELATIVE.search(prefix) or _BARE_RELATIVE.search(prefix)
    if relative is not None:
        prefix = prefix[: relative.start()].rstrip()
    prefix = prefix.rstrip(", ")
    appositive = _appositive(prefix)
    if appositive is not None:
        return appositive
    informed = _INFORMED.search(prefix)
    if informed is not None:
        phrase = prefix[informed.start() :].strip()
        return ParsedSource(phrase, None, "anonymous"), informed.start(), len(prefix)
    start = noun_phrase_start(prefix)
    if start >= len(prefix):
        return None
    parsed = parse_source(prefix[start:])
    if parsed is None:
        return None
    return parsed, start, len(prefix)


def noun_phrase_start(prefix: str) -> int:
    """Where the noun phrase that ends `prefix` begins: walks back over words that can belong."""
    tokens = list(_TOKEN.finditer(prefix))
    start = len(prefix)
    for count, token in enumerate(reversed(tokens), 1):
        word = token.group()
        lower = word.lower()
        if lower in {"its", "their"} and count > 1:
            start = token.start()  # "its regional office": resolved to the body later
            break
        if not (word[0].isalnum()) or (lower in _BACKWARD_STOP and lower not in PRONOUNS):
            break
        if lower in PRONOUNS and count > 1:
            break
        start = token.start()
        if lower in PRONOUNS or count >= 10:
            break
    while start < len(prefix):
        first = _TOKEN.match(prefix, start)
        if first is None or first.group().lower() not in _LEADING_FILLER:
            break
        start = first.end() + 1
    return start


def _role_phrase(phrase: str) -> ParsedSource | None:
    """`the city's health commissioner`: a short descriptive phrase that can be a role."""
    words = phrase.split()
    if 1 < len(words) <= 7 and words[0].lower() in {"the", "a", "an", "its", "their"}:
        return ParsedSource(phrase.strip(), None, "anonymous")
    return None


def _appositive(prefix: str) -> tuple[ParsedSource, int, int] | None:
    """`the city's mayor, Oleksandr Markushin` or `Oleksandr Markushin, the mayor of Irpin`."""
    match = _APPOSITIVE.search(prefix)
    if match is None:
        return None
    first, second = parse_source(match.group("a")), parse_source(match.group("b"))
    first = first or _role_phrase(match.group("a"))
    second = second or _role_phrase(match.group("b"))
    if first is None or second is None:
        return None
    words_b = match.group("b").split()
    if second.kind == "person" and first.kind != "person" and len(words_b) <= 4:
        role = match.group("a").strip()
        return ParsedSource(second.name, role, "person"), match.start("a"), match.end("b")
    if first.kind == "person" and second.kind != "person" and second.kind is not None:
        role = match.group("b").strip()
        return ParsedSource(first.name, role, "person"), match.start("a"), match.end("b")
    return None
