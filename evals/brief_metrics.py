"""Scorers for what an editor reads first and trusts least on published news: who said each
quote, whether every listed source is a real one, disputes, the headline, event descriptions.

Same rules as `evals.metrics`: deterministic, a value with an explanation, never raising, `None`
when the case has nothing to check. Definitions: evals/METRICS.md.
"""

from __future__ import annotations

import re

from evals import matching
from evals.cases import EvalCase
from evals.metrics_base import Score, format_value, ratio
from summarizer.models import SummaryResponse

_WS = re.compile(r"\s+")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# a dateline or agency credit: "BAGHDAD (Reuters) -", "(CNN)", "WASHINGTON —", "LONDON, May 2 -"
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .,'/-]{2,}(?:\s*\([^)]{1,40}\))?\s*[-\u2013\u2014:]"
    r"|\((?:Reuters|AP|AFP|CNN|Bloomberg|dpa|UPI|AFP Photo|IANS|PTI)\)",
)
# words a headline or a description cannot end on: the phrase was cut
_WEAK_END = _words(
    "a an the of in on at to by and or but with for from as his her their its that which who "
    "whose than into over under about after before during between among per via nor"
)
# what may follow a whole clause in the source sentence: punctuation, end, or a word that opens
# a new clause; anything else means the description stops inside a phrase
_CLAUSE_OPENERS = _words(
    "when as after while which who because before where since although though whereas if "
    "saying said says according amid despite following prompting sparking leaving including "
    "but so yet while adding officials police"
)
MAX_HEADLINE_WORDS = 15


def _norm(text: str) -> str:
    return _WS.sub(" ", text.replace("\u2019", "'").replace("\u2018", "'")).strip().lower()


# --- quotes -----------------------------------------------------------------------------------
def _quote_owners(case: EvalCase, response: SummaryResponse) -> list[list[str]]:
    """For each gold quote, the `name role` of every predicted source whose quotes hold it."""
    owners: list[list[str]] = []
    for gold in case.gold.quotes:
        needle = _norm(gold.text)
        owners.append(
            [
                f"{source.name} {source.role or ''}"
                for source in response.sources
                if any(needle in _norm(q.text) or _norm(q.text) in needle for q in source.quotes)
                and any(len(_norm(q.text)) >= 8 for q in source.quotes)
            ]
        )
    return owners


def quote_recall(case: EvalCase, response: SummaryResponse) -> Score:
    owners = _quote_owners(case, response)
    required = [i for i, g in enumerate(case.gold.quotes) if g.required]
    missed = [case.gold.quotes[i].text[:50] for i in required if not owners[i]]
    return ratio(len(required) - len(missed), len(required), "required quotes listed", missed)


def quote_speaker_accuracy(case: EvalCase, response: SummaryResponse) -> Score:
    owners = _quote_owners(case, response)
    found = [i for i, names in enumerate(owners) if names]
    wrong = []
    for i in found:
        gold = case.gold.quotes[i]
        if not any(matching.names(owner, s) for owner in owners[i] for s in gold.speaker):
            wrong.append(f"'{gold.text[:40]}': expected {gold.speaker[0]}, got {owners[i][0]}")
    return ratio(len(found) - len(wrong), len(found), "listed quotes with the right speaker", wrong)


# --- sources ----------------------------------------------------------------------------------
def source_precision(case: EvalCase, response: SummaryResponse) -> Score:
    if not response.sources:
        return Score(value=None, explanation="n/a: the response lists no sources")
    known = [n for s in case.gold.sources for n in s.names()]
    extra = [
        s.name
        for s in response.sources
        if not any(matching.names(f"{s.name} {s.role or ''}", n) for n in known)
    ]
    score = ratio(len(response.sources) - len(extra), len(response.sources), "sources real", [])
    if extra:
        score.explanation += "; not sources of the article: " + "; ".join(extra[:8])
    return score


# --- disputes ---------------------------------------------------------------------------------
def _dispute_values(response: SummaryResponse) -> list[list[float]]:
    return [
        [response.figures[i].value for i in d.figures if 0 <= i < len(response.figures)]
        for d in response.disputes
    ]


def _covers(values: list[float], gold_values: list[float]) -> bool:
    return all(any(matching.values_equal(v, g) for v in values) for g in gold_values)


def dispute_precision(case: EvalCase, response: SummaryResponse) -> Score:
    if case.gold.disputes is None:
        return Score(value=None, explanation="n/a: disputes not labelled")
    predicted = _dispute_values(response)
    if not predicted:
        return Score(value=None, explanation="n/a: the response reports no dispute")
    gold = case.gold.disputes
    false = [
        "/".join(format_value(v) for v in values)
        for values in predicted
        if not any(_covers(values, g.values) for g in gold)
    ]
    score = ratio(len(predicted) - len(false), len(predicted), "reported disputes real", [])
    if false:
        score.explanation += "; false disputes: " + "; ".join(false[:6])
    return score


def dispute_recall(case: EvalCase, response: SummaryResponse) -> Score:
    gold = [g for g in case.gold.disputes or [] if g.required]
    predicted = _dispute_values(response)
    missed = [
        "/".join(format_value(v) for v in g.values)
        for g in gold
        if not any(_covers(values, g.values) for values in predicted)
    ]
    return ratio(len(gold) - len(missed), len(gold), "required disputes reported", missed)


# --- headline and events ----------------------------------------------------------------------
def cut_mid_phrase(text: str, source: str) -> str | None:
    """Why `text` (a headline or description) stops inside a phrase, or None when it ends a
    whole clause: it ends on a function word, or its last words occur in `source` followed by
    more of the same phrase ('rose 5' before '.1%', 'for the rape' before 'and murder')."""
    words = re.findall(r"[\w'’%$.,-]+", text.rstrip(" .!?;:"))
    if not words:
        return "empty"
    last = words[-1].strip(".,").lower()
    if last in _WEAK_END:
        return f"ends on '{words[-1]}'"
    tail = " ".join(words[-4:]).strip(".,")
    for match in re.finditer(re.escape(_norm(tail)), _norm(source)):
        rest = _norm(source)[match.end() :]
        if rest[:1].isalnum() or re.match(r"^[.,]\d|^%", rest):
            return f"cut inside a word or number before '{rest[:12]}'"
        # a trailing adjunct may go ('in 2014'); half of a coordination may not ('rape and murder')
        following = re.match(r"^\s+(and|or|nor)\s+(\w+)", rest)
        if following and not _opens_clause(following.group(2)):
            return f"cut before '{following.group(1)} {following.group(2)}'"
        return None
    return None


def _opens_clause(word: str) -> bool:
    """After 'and', a verb ('and injured') starts a new clause; a noun ('and murder') does not."""
    return word in _CLAUSE_OPENERS or word.endswith("ed") or word in {"is", "was", "were", "has"}


def headline_form(case: EvalCase, response: SummaryResponse) -> Score:
    headline = response.headline
    problems = []
    words = len(headline.split())
    if words > MAX_HEADLINE_WORDS:
        problems.append(f"{words} words")
    if DATELINE.search(headline):
        problems.append("carries a dateline or agency credit")
    cut = cut_mid_phrase(headline, case.article)
    if cut:
        problems.append(cut)
    if problems:
        return Score(value=0.0, explanation=f"'{headline}': " + "; ".join(problems))
    return Score(value=1.0, explanation="whole clause, no dateline, at most 15 words")


def headline_main_news(case: EvalCase, response: SummaryResponse) -> Score:
    spec = case.gold.headline
    if spec is None or not spec.must_mention:
        return Score(value=None, explanation="n/a: no headline labels")
    missed = [
        "/".join(g) for g in spec.must_mention if not matching.any_mention(response.headline, g)
    ]
    hit = len(spec.must_mention) - len(missed)
    return ratio(hit, len(spec.must_mention), "main-news groups in the headline", missed)


def event_clauses(case: EvalCase, response: SummaryResponse) -> Score:
    cut = []
    for event in response.events:
        source = " ".join(span.text for span in event.evidence) or case.article
        why = cut_mid_phrase(event.description, source)
        if why:
            cut.append(f"'{event.description[-40:]}': {why}")
    total = len(response.events)
    if total == 0:
        return Score(value=None, explanation="n/a: no events")
    score = ratio(total - len(cut), total, "event descriptions that are whole clauses", [])
    if cut:
        score.explanation += "; cut: " + "; ".join(cut[:5])
    return score


BRIEF_SCORERS = {
    "quote_recall": quote_recall,
    "quote_speaker_accuracy": quote_speaker_accuracy,
    "source_precision": source_precision,
    "dispute_precision": dispute_precision,
    "dispute_recall": dispute_recall,
    "headline_form": headline_form,
    "headline_main_news": headline_main_news,
    "event_clauses": event_clauses,
}
