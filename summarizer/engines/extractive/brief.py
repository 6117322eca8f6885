"""The extractive headline and summary, lede first.

News puts its news in the lede. The headline is the lede's main clause (dateline, attribution
tail, asides and trailing clauses removed whole by `analysis.clauses`, at most 15 words, loaded
words replaced), unless the lede is a feature opening with nothing newsworthy in it, a question
or a quote; then the next sentence with the most news. The summary starts from that sentence and
adds the sentences that carry the key figures with their claimants and any dispute, in article
order, never a caption or a credit line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.analysis.clauses import main_clause
from summarizer.analysis.events import starts_in_quote
from summarizer.analysis.loaded import loaded_terms_in, neutralise
from summarizer.analysis.quotes import is_scare_quote
from summarizer.analysis.segment import SentenceIndex
from summarizer.analysis.types import Analysis, Sentence, SourceMention
from summarizer.contract import MAX_HEADLINE_WORDS, MAX_SUMMARY_SENTENCES, MAX_SUMMARY_WORDS
from summarizer.engines.base import Article
from summarizer.engines.extractive.body import content_words, display_name, overlap

_PRONOUN_LEAD = re.compile(r"^(He|She|They)\s+(?=\w)")
_LEAD_FILLER = re.compile(r"^(?:But|And|So|Yet|Meanwhile|However|It came as|It came amid),?\s+")
_NAME = re.compile(r"(?<=\s)[A-Z][\w'\u2019-]+")
# a title that quotes someone, hangs on a colon or abbreviates like a headline desk is no brief
_HEADLINESE = re.compile(r"[:\"\u201c\u201d\u2018\u2019']|\b(?:Pres|Dem|Gov|Sen|Rep)\.")
# an apostrophe inside a word or after a plural ("Orbán\u2019s", "Airlines' ") quotes nobody
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019](?=\w)|(?<=s)['\u2019](?=\s)")
_SENTENCE_STOP = re.compile(r"[.!?\u2026][\"'\u2019\u201d]*\s*$")
_TITLE_WORDS = 25
LEDE_PARAGRAPHS = 3  # the lede and the paragraphs right after it, where wire copy puts the news
LEDE_CANDIDATES = 4


@dataclass(frozen=True)
class LedeWeights:
    """How a sentence near the top earns the headline."""

    first: float = 2.0  # the lede itself: news writing puts the news there
    position: float = 0.75  # lost per sentence further down
    event: float = 0.6  # times the analyser's event score (violence, decisions, ...)
    figure: float = 1.0  # per counted figure, up to two
    attributed: float = 0.5  # someone states it
    name: float = 0.3  # per proper name, up to five
    featureless: float = 2.5  # lost when it has no event, figure or name: a feature opening
    title: float = 3.0  # times the share of the title's words it repeats: the title is the news


@dataclass(frozen=True)
class SummaryWeights:
    """How a sentence earns a place in the summary after the lede."""

    figure: float = 1.5  # per counted figure, up to two
    attributed: float = 1.0
    dispute: float = 3.0  # a dispute must be told
    loaded: float = 0.75  # lost per loaded word: opinionated wording, less fact
    position: float = 0.05  # lost per sentence further down
    new_place: float = 1.0  # a place not yet in the summary (plus up to 2 for how often named)
    repeat: float = 3.0  # times the share of content words already in a chosen sentence


LEDE = LedeWeights()
SUMMARY = SummaryWeights()


# --- headline ------------------------------------------------------------------------------------
def headline_of(article: Article, analysis: Analysis) -> str:
    """The lede's main news as a whole clause of at most 15 words, neutral, no dateline."""
    title = article.title or _title_line(analysis)
    named = frozenset(_stems(title))
    if title and not _HEADLINESE.search(_POSSESSIVE.sub("", title)) and _headline_from(title):
        whole_title = _whole(title)
        if whole_title:
            return whole_title  # the publisher's own headline, holding a clause: as it is
    for sentence in _ranked_ledes(analysis, article.title):
        headline = _headline_from(sentence.content, named)
        if headline:
            return headline
    if article.title:
        from_title = _headline_from(article.title)
        if from_title:
            return from_title
    for event in sorted(analysis.events, key=lambda e: -e.score):
        headline = _headline_from(event.description)
        if headline:
            return headline
    return "Article summary"


def _whole(title: str) -> str | None:
    """The title neutralised but not shortened: its subordinate clause ('as investors fear the
    economy is faltering') is often the news itself. None when neutralising had to drop words
    ('helpless'): a title that loaded is headlinese, and the lede says it better."""
    words = title.split()
    neutral = neutralise(" ".join(words)).strip(" .")
    if not neutral or loaded_terms_in(neutral) or len(neutral.split()) != len(words):
        return None
    if len(words) > MAX_HEADLINE_WORDS:
        return None
    return neutral[0].upper() + neutral[1:]


def _headline_from(text: str, prefer: frozenset[str] = frozenset()) -> str | None:
    clause = main_clause(text, MAX_HEADLINE_WORDS, prefer=prefer)
    if clause is None:
        return None
    neutral = neutralise(clause).strip()
    if not neutral or loaded_terms_in(neutral) or len(neutral.split()) > MAX_HEADLINE_WORDS:
        return None
    return neutral[0].upper() + neutral[1:]


def lede_candidates(analysis: Analysis) -> list[Sentence]:
    """Reporting sentences of the first paragraphs that can carry news: not a question, not
    mostly a quote, not a fragment."""
    quoted = _quoted_share(analysis)
    reporting = [s for s in analysis.sentences if s.is_reporting]
    if not reporting:
        return []
    first_paragraph = reporting[0].paragraph
    found = [
        s
        for s in reporting
        if s.paragraph < first_paragraph + LEDE_PARAGRAPHS
        and not s.content.rstrip().endswith("?")
        and quoted.get(s.index, 0.0) <= 0.4
        and len(s.content.split()) >= 6
    ]
    return found[:LEDE_CANDIDATES]


def _ranked_ledes(analysis: Analysis, title: str | None = None) -> list[Sentence]:
    candidates = lede_candidates(analysis)
    named = _stems(title or _title_line(analysis))
    scores = {
        s.index: _lede_score(s, rank, analysis)
        + LEDE.title * len(named & _stems(s.content)) / max(1, len(named))
        for rank, s in enumerate(candidates)
    }
    return sorted(candidates, key=lambda s: -scores[s.index])


def _title_sentence(analysis: Analysis) -> int:
    """0 when the text opens with a title line, else -1. Wider than a heading: a title may run
    past 14 words or end on a quoted phrase ("... to Rise 'in a Considerable Way'"), but it is a
    paragraph of its own that no full stop ends."""
    sentences = analysis.sentences
    if len(sentences) < 2 or sentences[0].paragraph == sentences[1].paragraph:
        return -1
    opening = sentences[0]
    if opening.is_caption or opening.is_credit or opening.is_instruction:
        return -1  # "Written by Miami Today on ...", "Left Image: NOAA": no title
    first = opening.text
    title_like = len(first.split()) <= _TITLE_WORDS and not _SENTENCE_STOP.search(first)
    return 0 if title_like else -1


def _title_line(analysis: Analysis) -> str:
    """The headline the article was published under, when the text opens with it."""
    return analysis.sentences[0].text if _title_sentence(analysis) == 0 else ""


def _stems(text: str) -> set[str]:
    """Content words cut to five letters, so 'killed' and 'kills' count as one."""
    return {word[:5] for word in content_words(text)}


def _lede_score(sentence: Sentence, rank: int, analysis: Analysis) -> float:
    event = max((e.score for e in analysis.events if e.sentence == sentence.index), default=0.0)
    figures = sum(1 for f in analysis.figures if f.number.sentence == sentence.index)
    attributed = any(a.sentence == sentence.index for a in analysis.attributions)
    names = len(_NAME.findall(sentence.content))
    score = LEDE.first * (rank == 0) - LEDE.position * rank
    score += LEDE.event * event + LEDE.figure * min(2, figures) + LEDE.attributed * attributed
    score += LEDE.name * min(5, names)
    if event <= 0 and figures == 0 and names == 0:
        score -= LEDE.featureless
    return score


# --- summary -------------------------------------------------------------------------------------
def summary_of(analysis: Analysis) -> str:
    """2-5 whole sentences of the article, neutral, lede first, at most 150 words. Never the
    title line: the headline says it, and the summary is read right under it, so its words go
    to the lede the title announces and the facts after it."""
    title = _title_sentence(analysis)
    ledes = [s for s in _ranked_ledes(analysis) if s.index != title]
    lead = ledes[0] if ledes else None
    rendered: dict[int, str] = {}
    budget = [MAX_SUMMARY_WORDS]

    def fits(sentence: Sentence) -> bool:
        """A sentence that renders, stays neutral (a loaded word inside a quote counts too: the
        neutraliser leaves quotes as said) and fits the words left takes them; one that does not
        leaves room for the next best (a long sentence no longer ends the summary)."""
        text = _render(sentence, analysis)
        count = len(text.split())
        if not text or loaded_terms_in(text) or count > budget[0]:
            return False
        rendered[sentence.index] = text
        budget[0] -= count
        return True

    chosen = _pick_sentences(analysis, lead, fits, skip=title)
    return " ".join(rendered[sentence.index] for sentence in chosen)


def _pick_sentences(
    analysis: Analysis, lead: Sentence | None, fits: Callable[[Sentence], bool], skip: int
) -> list[Sentence]:
    """The lede, then greedily the most informative sentences that `fits` takes, preferring
    ones that add a place the article names often; never the sentence at `skip`."""
    scores = _sentence_scores(analysis)
    scores.pop(skip, None)
    places = {e.sentence: e.location for e in analysis.events if e.location}
    weight = _mentions(analysis.text, set(places.values()))
    chosen = [lead.index] if lead is not None and fits(lead) else []
    seen_places = {places.get(lead.index) or ""} if lead is not None else set()
    if lead is not None:
        scores.pop(lead.index, None)
    words = {s.index: content_words(s.content) for s in analysis.sentences if s.is_reporting}
    while scores and len(chosen) < MAX_SUMMARY_SENTENCES:

        def gain(index: int) -> float:
            repeated = max((overlap(words[index], words[c]) for c in chosen), default=0.0)
            value = scores[index] - SUMMARY.repeat * repeated
            place = places.get(index)
            if place is None or place in seen_places:
                return value
            return value + SUMMARY.new_place + 0.5 * min(4, weight[place])

        best = max(scores, key=gain)
        del scores[best]
        if not fits(analysis.sentences[best]):
            continue
        chosen.append(best)
        seen_places.add(places.get(best) or "")
    return [analysis.sentences[i] for i in sorted(chosen)]


def _mentions(text: str, places: set[str]) -> dict[str, int]:
    """How often each place is named in the article, in one pass over the text."""
    counts = dict.fromkeys(places, 0)
    if not places:
        return counts
    longest_first = sorted(places, key=len, reverse=True)
    named = re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\b")
    for match in named.finditer(text):
        counts[match.group()] = counts.get(match.group(), 0) + 1
    return counts


def _sentence_scores(analysis: Analysis) -> dict[int, float]:
    quoted = _quoted_share(analysis)
    quotes_in = SentenceIndex(analysis.sentences).group(analysis.quotes)
    events = {e.sentence: e.score for e in analysis.events}
    attributed = {a.sentence for a in analysis.attributions if a.source is not None}
    disputed = {analysis.figures[i].number.sentence for g in analysis.conflicts for i in g}
    figure_count: dict[int, int] = {}
    for figure in analysis.figures:
        figure_count[figure.number.sentence] = figure_count.get(figure.number.sentence, 0) + 1
    loaded_count: dict[int, int] = {}
    sentence_index = SentenceIndex(analysis.sentences)
    for term in analysis.loaded:
        sentence = sentence_index.at(term.start)
        if sentence is not None:  # quoted ones too: they stay in the summary as written
            loaded_count[sentence.index] = loaded_count.get(sentence.index, 0) + 1
    scores: dict[int, float] = {}
    for sentence in analysis.sentences:
        length = len(sentence.content.split())
        if not sentence.is_reporting or quoted.get(sentence.index, 0) > 0.2:
            continue
        if starts_in_quote(sentence, quotes_in.get(sentence.index, [])):
            continue
        if length < 6 or length > 45 or sentence.content.rstrip().endswith("?"):
            continue
        index = sentence.index
        score = events.get(index, 0.0) + SUMMARY.figure * min(2, figure_count.get(index, 0))
        score += SUMMARY.attributed * (index in attributed) + SUMMARY.dispute * (index in disputed)
        score -= SUMMARY.loaded * loaded_count.get(index, 0)
        scores[index] = score - SUMMARY.position * index
    return scores


def _quoted_share(analysis: Analysis) -> dict[int, float]:
    quotes = [q for q in analysis.quotes if not is_scare_quote(q.text)]
    quotes_in = SentenceIndex(analysis.sentences).group(quotes)
    share: dict[int, float] = {}
    for sentence in analysis.sentences:
        inside = sum(
            max(0, min(q.end, sentence.end) - max(q.start, sentence.start))
            for q in quotes_in.get(sentence.index, [])
        )
        share[sentence.index] = inside / max(1, sentence.end - sentence.start)
    return share


def _full_name(text: str, source: SourceMention) -> str:
    """'Reed added ...' -> 'Sam Reed added ...' when the summary never introduced Reed."""
    if source.kind != "person" or source.name in text:
        return text
    for alias in source.aliases:
        found = re.search(rf"\b{re.escape(alias)}\b", text)
        if found and source.name.endswith(alias):
            return text[: found.start()] + source.name + text[found.end() :]
    return text


def _render(sentence: Sentence, analysis: Analysis) -> str:
    """The sentence without its dateline, neutral, with a pronoun subject replaced by the
    source it stands for."""
    text = " ".join(sentence.content.split())
    text = _LEAD_FILLER.sub("", text)
    attribution = next((a for a in analysis.attributions if a.sentence == sentence.index), None)
    source = attribution.source if attribution is not None else None
    if source is not None:
        text = _PRONOUN_LEAD.sub(display_name(source) + " ", text, count=1)
        text = _full_name(text, source)
    text = neutralise(text).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "\u201d", '"')) else text + "."
