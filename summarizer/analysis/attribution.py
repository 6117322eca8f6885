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
from summarizer.analysis.forward import parse_forward
from summarizer.analysis.leads import lead_company, shared_subject
from summarizer.analysis.masking import mask_quotes
from summarizer.analysis.merging import MergedSource, merge_into, named_earlier
from summarizer.analysis.openings import clause_subject, opening_group
from summarizer.analysis.persons import (
    FIRST_NAME_TITLES,
    knighted_names,
    known_person_opening,
    person_before_pronoun,
    subject_person,
    surname_of_named_person,
)
from summarizer.analysis.quotes import QuoteSpan
from summarizer.analysis.references import (
    PronounResolver,
    body_named_before,
    descriptor_reference,
    issuer_of_statement,
    opening_body,
    role_reference,
)
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.sources import ParsedSource, names_a_body, parse_source
from summarizer.analysis.subjects import (
    after_determiner,
    phrase,
    subject_before,
)
from summarizer.analysis.types import Attribution, Claim, Sentence, SourceMention
from summarizer.analysis.verb_uses import not_inverted, not_speech
from summarizer.models import Status

_VERB_STATUS: dict[str, Status] = {
    verb: status  # type: ignore[misc]  # the keys of [status_verbs] are Status values
    for status, verbs in vocabulary.groups("status_verbs").items()
    for verb in verbs
}
_CLAIM_VERBS = vocabulary.words("claim_verbs")
_WEAK_VERBS = vocabulary.words("weak_claim_verbs")
_VERBS = vocabulary.alternation([*_CLAIM_VERBS, *_VERB_STATUS])
# auxiliaries, modals and adverbs between a subject and its reporting verb
_AUX = (
    r"(?:(?:has|have|had|also|later|previously|earlier|again|separately|then|would|will|could|"
    r"can|did|does|do|only|just|not|never|repeatedly|publicly|privately|quickly|now|still|"
    r"currently|specifically|explicitly|directly|clearly|formally|officially|openly|initially|"
    r"reportedly|recently|regularly|routinely|strongly|firmly|flatly|sharply|bluntly|briefly|"
    r"swiftly|subsequently|ultimately|usually|often|frequently)\s+)*"
)
# lowercase only: "the United States" is no verb
_SUBJECT_VERB = re.compile(rf"(?<![\w-])(?:{_AUX})(?P<verb>{_VERBS})\b(?!-)")
_INVERTED = re.compile(
    r"(?:[,\u201d\"]\s*|^)(?P<verb>said|says|added|adds|warned|according to|recalls|recalled|"
    r"remembers|remembered|explains|explained|notes|noted|asked|asks|wrote|writes|continued|"
    r"continues|insisted|insists|argued|argues|sobbed|shouted|cried|screamed|yelled|whispered|"
    r"replied|recounted)\s+"
    r"(?P<np>(?:the |a |an )?[^,.;:!?\u201c\"]{2,80}(?:,\s*[^,.;:!?\u201c\"]{2,60})?)",
    re.IGNORECASE,
)
# "local newspapers quote Salinas as saying": the person quoted speaks
_QUOTED_AS = re.compile(
    r"\bquot(?:e|es|ed|ing)\s+(?P<np>[A-Z][\w.'\u2019\u2024-]*(?:\s+[A-Z][\w.'\u2019\u2024-]*){0,3})"
    r"\s+as\s+(?P<verb>saying|telling|writing)\b"
)
_TOLD = re.compile(r"\btold\s+(?P<np>(?:the\s+)?[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,3})")
# "according to the results of an investigation released by officials": the investigation
_ACCORDING = re.compile(
    r"\baccording to\s+(?:the\s+(?:results|findings|conclusions)\s+of\s+)?"
    # "according to data from the nonprofit X": the body the data come from
    r"(?:(?:the\s+)?(?:latest\s+|new\s+|preliminary\s+|official\s+)?"
    r"(?:data|figures|statistics|numbers|estimates|records|tallies|research)\s+"
    r"(?:from|by|compiled\s+by|of)\s+)?"
    r"(?P<np>[^,.;:!?\u201c\"]{2,80})",
    re.IGNORECASE,
)
# "was found to have 83% sensitivity in a study published in March": the study is the claimant
_IN_DOCUMENT = re.compile(
    r"\b(?P<verb>in)\s+(?P<np>(?:a|an|the|its|their)\s+(?:new\s+|recent\s+|separate\s+)?"
    r"(?:study|report|survey|poll|analysis|review|trial|audit))\b",
    re.IGNORECASE,
)
_PASSIVE_BY = re.compile(
    r"\b(?P<verb>revealed|confirmed|reported|announced|estimated|disclosed|released|given|"
    r"published|issued|provided|expected|forecast|projected|predicted|counted|compiled|"
    r"recorded|tallied|cited|calculated)\s+by\s+"
    r"(?P<np>[^,.;:!?\u201c\"]{2,80})",
    re.IGNORECASE,
)
# "the agency downgraded its forecast for US growth to 2.6%": whoever revises a forecast or
# estimate of its own is the claimant of the figures it gives
_REVISED = re.compile(
    r"\b(?P<verb>raised|lifted|cut|lowered|downgraded|upgraded|revised|trimmed|kept|held|left)"
    r"\s+(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:forecasts?|estimates?|projections?|"
    r"outlook|guidance|targets?)\b"
)
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
    resolver = PronounResolver()
    knighted = knighted_names(text)
    bodies: list[MergedSource] = []  # bodies that open a sentence: what 'the company' may be
    body_spoke_in = -2  # the sentence in which a body last spoke
    quotes_in = SentenceIndex(sentences).group(quotes)
    for sentence in sentences:
        if not sentence.is_reporting:
            continue
        masked = mask_quotes(text, sentence, quotes_in.get(sentence.index, []))
        base = sentence.start
        for parsed, verb, np_start, np_end, verb_at in _claims_in(masked):
            if named_earlier(parsed, merged) is None:
                parsed = (
                    body_named_before(
                        parsed,
                        masked,
                        verb_at,
                        bodies,
                        resolver.body,
                        body_spoke_in >= sentence.index - 1,
                    )
                    or parsed
                )
            if parsed.role in FIRST_NAME_TITLES and parsed.name in knighted:
                parsed = ParsedSource(knighted[parsed.name], parsed.role, "person")
            parsed = descriptor_reference(parsed, masked, np_start, resolver) or parsed
            parsed = role_reference(parsed, merged) or parsed
            parsed = issuer_of_statement(parsed, resolver) or parsed
            parsed = surname_of_named_person(parsed, text[: sentence.start], merged) or parsed
            parsed = (
                person_before_pronoun(parsed, masked[:np_start], text[: sentence.start]) or parsed
            )
            resolved = resolver.resolve(parsed, merged)
            if resolved is None:
                continue
            index = merge_into(merged, resolved.name, resolved.role, resolved.kind or "person")
            resolver.saw(merged[index])
            if merged[index].kind != "person":
                body_spoke_in = sentence.index
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
        resolver.mentioned(subject_person(masked) or known_person_opening(masked, merged), merged)
        resolver.next_sentence(opening_group(masked))
        opening = lead_company(masked, len(masked)) or opening_body(masked)
        if opening is not None:
            bodies.append(MergedSource(opening.name, None, opening.kind or "organisation"))
    return _collect(merged, found)


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
    return re.sub(rf"\s+(?:{vocabulary.WEEKDAYS})$", "", name)


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


def _claims_in(masked: str) -> list[tuple[ParsedSource, str, int, int, int]]:
    found: list[tuple[ParsedSource, str, int, int, int]] = []
    taken: set[int] = set()
    for pattern in (_PASSIVE_BY, _ACCORDING, _INVERTED, _IN_DOCUMENT, _QUOTED_AS):
        for match in pattern.finditer(masked):
            parsed, np_start, np_end = parse_forward(masked, match.start("np"), match.end("np"))
            if pattern is _INVERTED and not_inverted(masked, match.start(), np_start, np_end):
                continue  # "Ruddock, says the so-called Pacific Solution is working": content
            verb = match.groupdict().get("verb") or "according to"
            if parsed is None or parsed.kind is None:
                continue
            same = [claim for claim in found if claim[2] == np_start]
            if same and same[0][3] >= np_end:
                continue  # the name another pattern read already (", according to its website")
            if match.start() not in taken:
                found = [claim for claim in found if claim[2] != np_start]
                found.append((parsed, verb.lower(), np_start, np_end, match.start()))
                taken.update(range(match.start(), match.end()))
    speech_at = min((claim[4] for claim in found), default=len(masked))
    for match in _SUBJECT_VERB.finditer(masked):
        if match.start("verb") in taken or after_determiner(masked, match.start()):
            continue  # "an estimated eight people": an adjective, not a verb
        if not_speech(masked, match):
            continue
        verb = match.group("verb").lower()
        if verb in _WEAK_VERBS and match.start() > speech_at:
            continue  # "Riva said the ruling showed ...": reported content, not a source
        if verb not in _WEAK_VERBS:
            speech_at = min(speech_at, match.start())
        subject = _same_predicate_subject(masked, match.start(), found)
        subject = subject or _subject_of(masked, match.start(), verb)
        if subject is None:
            continue
        parsed, np_start, np_end = subject
        found.append((parsed, verb, np_start, np_end, match.start()))
    found = _without_reported_stances(masked, found)
    for match in _REVISED.finditer(masked):
        subject = _subject_of(masked, match.start(), match.group("verb"))
        if subject is not None and match.start() not in taken:
            parsed, np_start, np_end = subject
            found.append((parsed, match.group("verb"), np_start, np_end, match.start()))
    if any(claim[1] != "in" for claim in found):
        # "in a study" credits the study only when nobody in the sentence says it
        found = [claim for claim in found if claim[1] != "in"]
    if any(claim[0].kind != "document" for claim in found):
        # "HHS reported 6,228, according to the most recent data on its website": the data
        # are the speaker's own; a document the sentence does not name is no second source
        found = [claim for claim in found if not _unnamed_document(claim[0], claim[1])]
    found.sort(key=lambda claim: claim[4])
    return found


# "he asked about the Brotherhood, called Omar a “terrorist” and said": one subject, three verbs
_NEXT_PREDICATE = re.compile(r"(?:,|,?\s+and|,?\s+then)\s*$")
_NEW_CLAUSE = re.compile(
    r"\b(?:that|who|whom|whose|which|where|when|while|if|because|but|although|after|before)\b"
    r"|[.;:]"
)


def _unnamed_document(parsed: ParsedSource, verb: str) -> bool:
    words = parsed.name.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    named = any(word[:1].isupper() for word in words)
    return parsed.kind == "document" and verb == "according to" and not named


def _same_predicate_subject(
    masked: str, verb_at: int, found: list[tuple[ParsedSource, str, int, int, int]]
) -> tuple[ParsedSource, int, int] | None:
    """A verb right after a comma or 'and' with no subject of its own shares the subject of
    the verb before it in the same clause."""
    before = masked[:verb_at]
    if not _NEXT_PREDICATE.search(before):
        return None
    earlier = [claim for claim in found if claim[4] < verb_at and claim[3] <= claim[4]]
    if not earlier:
        return None
    parsed, np_start, np_end, earlier_at = earlier[-1][0], *earlier[-1][2:]
    if _NEW_CLAUSE.search(masked[earlier_at:verb_at]):
        return None
    return parsed, np_start, np_end


# "<content>, Price said.": the sentence is one speaker's account
_TRAILING_SPEECH = re.compile(
    r",\s*[^,]{2,80}?\s+(?:said|says|added|adds|told\s+[^,]{1,40})[\s.!?\u201d\"]*$"
)
# what the account says a third party admitted or denied is content, not a source of its own
_STANCE_VERBS = frozenset(
    {"admitted", "denied", "acknowledged", "conceded", "insisted", "argued", "alleged", "cited"}
    | {"cites", "maintained", "maintains", "mentioned", "mentions", "apologized", "apologised"}
)


def _without_reported_stances(
    masked: str, found: list[tuple[ParsedSource, str, int, int, int]]
) -> list[tuple[ParsedSource, str, int, int, int]]:
    """'Dykes admitted to the robbery but denied it was intentional, Price said': Price is the
    source; Dykes's admission is what Price reports."""
    trailing = _TRAILING_SPEECH.search(masked)
    if trailing is None:
        return found
    return [c for c in found if not (c[1] in _STANCE_VERBS and c[4] < trailing.start())]


_WITH_SUBJECT = re.compile(r"\bwith\s+[^,;:]{1,80}$", re.IGNORECASE)
_SPEECH_PARTICIPLES = frozenset({"saying", "adding", "telling", "noting", "warning", "insisting"})


_SECOND_PREDICATE = re.compile(r"\s+(?:and|but)(?:\s+(?:also|then|later))?\s*$")


def _subject_of(masked: str, verb_at: int, verb: str) -> tuple[ParsedSource, int, int] | None:
    after_comma = masked[:verb_at].rstrip().endswith(",")
    # "with the emergency services saying": the noun phrase before the participle speaks
    absolute = _WITH_SUBJECT.search(masked[:verb_at]) is not None
    if verb.endswith("ing") and (after_comma or (verb in _SPEECH_PARTICIPLES and not absolute)):
        # "He welcomed the plan, telling CNN: ...", "He gave a strong defence of the court
        # saying ...": the main clause's subject speaks
        return clause_subject(masked[:verb_at].rstrip(), main=True)
    subject = subject_before(masked, verb_at)
    if subject is None:
        subject = shared_subject(masked, verb_at)
    if _SECOND_PREDICATE.search(masked[:verb_at]) and (subject is None or subject[1] == 0):
        # "Israel's Minister of National Security Itamar Ben Gvir congratulated Netanyahu on the
        # operation and said", "... but said": the whole noun phrase opening the sentence
        opening = clause_subject(_SECOND_PREDICATE.sub("", masked[:verb_at]), main=True)
        named = opening is not None and opening[0].kind == "person" and " " in opening[0].name
        if opening is not None and (subject is None or (named and opening[2] > subject[2])):
            subject = opening
    if subject is not None and verb in _WEAK_VERBS and _bare_word(subject[0]):
        return None  # "Snow continued to fall", "DNA showed": no speaker
    return subject


def _bare_word(parsed: ParsedSource) -> bool:
    """A single capitalised word with no role that names no body ('Snow', 'DNA'): a speaker
    only if named before; the resolver turns a known surname into its person later."""
    single = parsed.kind is not None and " " not in parsed.name and parsed.role is None
    return single and not names_a_body(parsed.name)
