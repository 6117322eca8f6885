"""Who says each direct quote: the reporting clause against it, the attribution of its
sentence, the quote it continues, or the person the sentence or paragraph before is about; each
way of finding the speaker carries a confidence, and one below `types.AMBIGUOUS` may be put to a
model (prompt v3)."""

from __future__ import annotations

import re
from dataclasses import replace

from summarizer.analysis.persons import subject_person
from summarizer.analysis.quotes import (
    CLOSERS,
    MARKS,
    OPENERS,
    QuoteSpan,
    is_scare_quote,
    opens_paragraph,
)
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.sources import parse_source
from summarizer.analysis.types import (
    Attribution,
    Claim,
    Confidence,
    QuoteMention,
    Sentence,
    SourceMention,
)

# confidence of each way a speaker is found; below types.AMBIGUOUS a model may be asked
OWN_SENTENCE = 0.9  # '“...,” Lourimi said.' in the quote's own sentence
INTRODUCED = 0.85  # 'X said:' right before
CONTINUES = 0.85  # a quote reopened in the next paragraph
NEXT_SENTENCE = 0.75  # '“... danger.” Lourimi said.' as a sentence of its own
FOLLOWS = 0.65  # a bare quote paragraph after another quote of the same speaker
PARAGRAPH_BEFORE = 0.5  # a bare quote paragraph after a paragraph about someone


def attach_speakers(
    text: str,
    spans: list[QuoteSpan],
    sentences: list[Sentence],
    attributions: list[Attribution],
    sources: list[SourceMention] | None = None,
    claims: list[Claim] | None = None,
) -> list[QuoteMention]:
    """Each quote with its speaker: the reporting clause right against it, else the
    attribution of its sentence, else the quote it continues, else (a quote that opens its
    paragraph) the person the paragraph before it is about or quotes."""
    by_sentence = {a.sentence: a for a in attributions}
    index = SentenceIndex(sentences)
    quotes: list[QuoteMention] = []
    previous: QuoteMention | None = None
    for span in spans:
        quoted = text[span.start : span.end]
        speaker, found = _adjacent_speaker(text, span, claims or [], index)
        if speaker is None:
            speaker, found = _relative_speaker(text, span, index)
        if speaker is None:
            speaker, found = _nearest_speaker_before(span, index, claims or [])
        if speaker is None:
            speaker, found = _speaker_from_context(span, index, by_sentence)
        if speaker is None:
            speaker, found = _person_introducing(text, span, index, sources or [])
        if speaker is None:
            speaker, found = _person_just_before(text, span, index, sources or [], claims or [])
        bare = speaker is None and previous is not None and not is_scare_quote(quoted)
        if bare and previous and (span.continues or _follows_closely(previous, span, index)):
            speaker = previous.speaker
            found = Confidence("continues", CONTINUES if span.continues else FOLLOWS)
        if speaker is None and not is_scare_quote(quoted) and opens_paragraph(text, span.start - 1):
            speaker = _speaker_of_paragraph_before(span, index, by_sentence, sources or [])
            if speaker is not None:
                found = Confidence("paragraph_before", PARAGRAPH_BEFORE)
        quote = QuoteMention(span.start, span.end, quoted, speaker, found)
        quotes.append(quote)
        if not is_scare_quote(quoted):
            previous = quote
    return _pull_quotes_from_their_source(text, quotes)


def _pull_quotes_from_their_source(text: str, quotes: list[QuoteMention]) -> list[QuoteMention]:
    """A paragraph that is only a quote the article gives again elsewhere (a pull quote set
    above the story) is spoken by whoever speaks it where it is attributed."""
    attributed = [
        (_bare_words(q.text), q)
        for q in quotes
        if q.speaker is not None and q.attribution.method != "paragraph_before"
    ]
    settled: list[QuoteMention] = []
    for quote in quotes:
        words = _bare_words(quote.text)
        if len(words.split()) >= 6 and _alone_in_paragraph(text, quote):
            source = next((q for bare, q in attributed if q is not quote and words in bare), None)
            if source is not None:
                quote = replace(quote, speaker=source.speaker, attribution=source.attribution)
        settled.append(quote)
    return settled


def _alone_in_paragraph(text: str, quote: QuoteMention) -> bool:
    line_end = text.find("\n", quote.end)
    rest = text[quote.end : line_end if line_end != -1 else len(text)]
    return opens_paragraph(text, quote.start - 1) and not rest.strip(" .\"'\u201d\u2019")


def _bare_words(quoted: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", quoted.lower()))


# between a reporting clause and the quote it frames: punctuation and quotation marks only
# (never across a paragraph break)
_FRAMING_GAP = re.compile(r"[ ,:\u2014\u2013-]*[\u201c\u201d\"'\u2018\u2019]?[ ,]*")
_FRAMING_GAP_AFTER = re.compile(r"[ ,.!?\u2014\u2013-]*[\u201c\u201d\"'\u2019]?[ ,]*")


def _adjacent_speaker(
    text: str, span: QuoteSpan, claims: list[Claim], index: SentenceIndex
) -> tuple[SourceMention | None, Confidence]:
    """'he said, “I'll ...”' and '“...,” the office said' in one sentence with several
    speakers: the clause against the quote marks speaks it, not the sentence's first one. A
    clause before the quote wins ('Kerry told Zarif: “...,” according to an official')."""
    for claim in claims:
        verb_end = claim.start + len(claim.verb)
        if claim.source.start > claim.start or verb_end > span.start:
            continue
        gap = text[verb_end : span.start]
        if _FRAMING_GAP.fullmatch(gap) or (claim.verb in _TELLING and _LISTENER_GAP.fullmatch(gap)):
            return claim.source, Confidence("adjacent", OWN_SENTENCE)
    last = index.at(max(span.start, span.end - 1))
    for claim in claims:
        opening = min(claim.source.start, claim.start)
        if last is not None and claim.sentence != last.index:
            continue  # '..." Labor's spokesman, Ana Ruiz, says': a new sentence, a new speaker
        if span.end <= opening and _FRAMING_GAP_AFTER.fullmatch(text[span.end : opening]):
            return claim.source, Confidence("adjacent", OWN_SENTENCE)
    return None, Confidence("none", 0.0)


# "Micah Johnson, a veteran of the Afghan war who said he wanted to “...”": the person the
# relative clause is about, not the sentence's own speaker ("Authorities said")
_RELATIVE_SPEECH = re.compile(
    r"(?P<name>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3})"
    r"(?:,\s[^,\u201c\u201d\"]{1,80}?)?,?\s+who\s+(?:had\s+|has\s+|also\s+|later\s+)?"
    r"(?:said|says|told\s[^,\u201c\u201d\"]{1,40}|wrote|writes|added|argued|insisted|claimed|warned)"
    r"\b[^\u201c\u201d\".;:]{0,80}$"
)


def _relative_speaker(
    text: str, span: QuoteSpan, index: SentenceIndex
) -> tuple[SourceMention | None, Confidence]:
    """A quote inside a 'who said' clause is spoken by the person the clause describes."""
    nobody = Confidence("none", 0.0)
    here = index.at(span.start)
    if span.continues or here is None:
        return None, nobody
    lead = text[here.start : span.start].rstrip(" " + OPENERS + "\"'\u2018")
    match = _RELATIVE_SPEECH.search(lead)
    if match is None:
        return None, nobody
    parsed = parse_source(match.group("name"))
    if parsed is None or parsed.kind != "person":
        return None, nobody
    start = here.start + match.start("name")
    person = SourceMention(parsed.name, parsed.role, "person", start, start + len(parsed.name))
    return person, Confidence("own_sentence", OWN_SENTENCE)


def _nearest_speaker_before(
    span: QuoteSpan, index: SentenceIndex, claims: list[Claim]
) -> tuple[SourceMention | None, Confidence]:
    """'Smotrich said Israel must attack "...", while Gallant said "..." and that the "result
    will be identical"': in a sentence with several speakers, the last one to speak before a
    quote speaks it, not the sentence's first."""
    nobody = Confidence("none", 0.0)
    here = index.at(span.start)
    if span.continues or here is None:
        return None, nobody
    mine = [claim for claim in claims if claim.sentence == here.index]
    if len({claim.source.name for claim in mine}) < 2:
        return None, nobody
    before = [c for c in mine if c.start < span.start and c.source.start < span.start]
    if not before:
        return None, nobody
    return before[-1].source, Confidence("own_sentence", OWN_SENTENCE)


_TELLING = frozenset({"told", "tells", "asked", "asks"})
_LISTENER_GAP = re.compile(r" [^,:;.\u201c\u201d\"]{1,40}[,:] ?[\u201c\"]?")


def _speaker_from_context(
    span: QuoteSpan, index: SentenceIndex, by_sentence: dict[int, Attribution]
) -> tuple[SourceMention | None, Confidence]:
    """The speaker named in the quote's own sentences (the one where it ends first: a quote of
    several sentences is attributed after its last one), in a short attribution sentence right
    after it ('... danger.” Lourimi said.'), or in an introduction ending with a colon."""
    nobody = Confidence("none", 0.0)
    if span.continues:
        return None, nobody
    sentences = index.sentences
    inside = index.overlapping(span.start, span.end)
    if not inside:
        return None, nobody
    for sentence in [inside[-1], *inside[:-1]]:
        own = by_sentence.get(sentence.index)
        if own is not None and own.source is not None and own.verb is not None:
            return own.source, Confidence("own_sentence", OWN_SENTENCE)
    last, first = inside[-1], inside[0]
    after = sentences[last.index + 1] if last.index + 1 < len(sentences) else None
    if after is not None and after.paragraph == last.paragraph and len(after.text.split()) <= 12:
        follow = by_sentence.get(after.index)
        if follow is not None and follow.source is not None and follow.verb is not None:
            return follow.source, Confidence("next_sentence", NEXT_SENTENCE)
    # `X said:` introducing a quote that starts a new sentence of the same paragraph
    earlier = by_sentence.get(first.index - 1)
    same_paragraph = first.index > 0 and sentences[first.index - 1].paragraph == first.paragraph
    if earlier is not None and earlier.source is not None and same_paragraph:
        intro = sentences[first.index - 1].text.rstrip()
        if intro.endswith(":"):
            return earlier.source, Confidence("introduced", INTRODUCED)
    return None, nobody


_SPEECH_VERB = re.compile(
    r"\b(?:said|says|asked|asks|told|tells|added|adds|wrote|writes|replied|explained|shouted)\b"
)


def _person_just_before(
    text: str,
    span: QuoteSpan,
    index: SentenceIndex,
    sources: list[SourceMention],
    claims: list[Claim],
) -> tuple[SourceMention | None, Confidence]:
    """'Bolger's lawyer, Jeremy Robinson, had a more succinct statement. “It is impossible
    ...”': a quote opening a sentence speaks for the person the sentence before is about."""
    nobody = Confidence("none", 0.0)
    here = index.at(span.start)
    if (
        span.continues
        or here is None
        or here.index == 0
        or is_scare_quote(text[span.start : span.end])
    ):
        return None, nobody
    before = index.sentences[here.index - 1]
    opens = text[here.start : span.start].strip() in MARKS
    if not opens or before.paragraph != here.paragraph:
        return None, nobody
    if _SPEECH_VERB.search(text[span.end : here.end]):
        return None, nobody  # "“Are you OK?” the voice asked": someone else speaks it
    speakers = {
        claim.source.name: claim.source for claim in claims if claim.sentence == before.index
    }
    if len(speakers) == 1:
        # "Mr Truss says farmers will suffer. "We're especially concerned ..."": the one who
        # speaks in the sentence before goes on, in the quote that opens the next
        return next(iter(speakers.values())), Confidence("sentence_before", FOLLOWS)
    named = [
        source
        for source in sources
        if source.kind == "person" and re.search(rf"\b{re.escape(source.name)}\b", before.text)
    ]
    if not named and not speakers:
        described = _person_named_in(before)
        named = [described] if described is not None else []
    if len(named) != 1:
        return None, nobody  # nobody, or several people: not sure who goes on speaking
    return named[0], Confidence("sentence_before", FOLLOWS)


def _person_introducing(
    text: str, span: QuoteSpan, index: SentenceIndex, sources: list[SourceMention]
) -> tuple[SourceMention | None, Confidence]:
    """'Alito cut her off: "No, I'm not making that point."': the person who opens the clause a
    colon ends right before the quote speaks it, whatever the verb."""
    nobody = Confidence("none", 0.0)
    here = index.at(span.start)
    if span.continues or here is None:
        return None, nobody
    lead = text[here.start : span.start].rstrip(" " + OPENERS + "\"'\u2018")
    if not lead.endswith(":") or any(mark in lead for mark in OPENERS + CLOSERS + '"'):
        return None, nobody
    person = _person_named_in(replace(here, text=lead))
    if person is None:
        # "Not satisfied, Alito continued:", "Prelogar:" after both were heard in full
        named = {
            s.name: s
            for s in sources
            if s.kind == "person" and re.search(rf"\b{re.escape(s.name.split()[-1])}\b", lead)
        }
        person = next(iter(named.values())) if len(named) == 1 else None
    if person is None:
        return None, nobody
    return person, Confidence("introduced", INTRODUCED)


def _person_named_in(sentence: Sentence) -> SourceMention | None:
    """'Bolger's lawyer, Jeremy Robinson, had a more succinct statement.': the person a
    sentence is about, though the article has not quoted them yet."""
    parsed = subject_person(sentence.text)
    if parsed is None:
        return None
    at = sentence.text.find(parsed.name)
    if at == -1:
        return None
    start = sentence.start + at
    return SourceMention(parsed.name, parsed.role, "person", start, start + len(parsed.name))


def _speaker_of_paragraph_before(
    span: QuoteSpan,
    index: SentenceIndex,
    by_sentence: dict[int, Attribution],
    sources: list[SourceMention],
) -> SourceMention | None:
    """'... said Perrett.' / 'Perrett is expecting demand to be high.' then a paragraph that
    is only a quote: the same person goes on speaking."""
    before = [s for s in index.sentences if s.paragraph == span.paragraph - 1]
    for sentence in reversed(before):
        said = by_sentence.get(sentence.index)
        if said is not None and said.source is not None and said.source.kind == "person":
            return said.source
    if not before:
        return None
    opening = before[0].content.split(" ", 2)
    for source in sources:
        names = [source.name, *source.aliases]
        if source.kind == "person" and any(_starts_with(opening, n) for n in names):
            return source
    return None


def _starts_with(opening: list[str], name: str) -> bool:
    words = name.split()
    return bool(words) and [w.strip(",.") for w in opening[: len(words)]] == words


def _follows_closely(previous: QuoteMention, span: QuoteSpan, index: SentenceIndex) -> bool:
    """A bare quote paragraph right after another speaker's quote continues that speaker."""
    before = index.at(previous.start)
    here = index.at(span.start)
    if before is None or here is None:
        return False
    return here.paragraph - before.paragraph <= 1 and here.text.lstrip()[:1] in MARKS
