"""Scorers: one response against one case's gold, deterministic, each score with an explanation.

A scorer never raises: a bug in one metric becomes a `None` score whose explanation says why, so
one odd response cannot sink a whole run. `None` also means "not applicable" (no gold to check)
and is left out of means. Definitions: evals/METRICS.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from evals import matching
from evals.brief_metrics import BRIEF_SCORERS
from evals.cases import EvalCase
from evals.metrics_base import MAX_LISTED, Score, format_value, ratio
from summarizer.models import Span, SummaryResponse

Scorer = Callable[[EvalCase, SummaryResponse], Score]

# quality metrics in [0, 1], higher is better; weights of `overall` (they sum to 1)
OVERALL_WEIGHTS: dict[str, float] = {
    "figure_recall": 0.20,
    "figure_precision": 0.10,
    "claimant_accuracy": 0.15,
    "qualifier_accuracy": 0.05,
    "event_recall": 0.10,
    "source_recall": 0.10,
    "summary_coverage": 0.10,
    "neutrality": 0.10,
    "grounding": 0.10,
}
# metrics where a smaller mean is better (thresholds on them are maxima)
LOWER_IS_BETTER = frozenset(
    {"forbidden_hits", "latency_ms", "input_tokens", "output_tokens", "attempts"}
)


# --- figures ----------------------------------------------------------------------------------
def figure_recall(case: EvalCase, response: SummaryResponse) -> Score:
    pairs = matching.match_figures(response.figures, case.gold.figures)
    matched = {p.gold_index for p in pairs}
    required = [i for i, g in enumerate(case.gold.figures) if g.required]
    missed = [
        f"{format_value(case.gold.figures[i].value)} ({case.gold.figures[i].measure})"
        for i in required
        if i not in matched
    ]
    return ratio(
        len(required) - len(missed), len(required), "required gold figures matched", missed
    )


def figure_precision(case: EvalCase, response: SummaryResponse) -> Score:
    pairs = matching.match_figures(response.figures, case.gold.figures)
    matched = {p.predicted_index for p in pairs}
    extra = [
        f"{format_value(f.value)} ({f.measure})"
        for i, f in enumerate(response.figures)
        if i not in matched
    ]
    total = len(response.figures)
    if total == 0:
        return Score(value=None, explanation="n/a: the response lists no figures")
    score = ratio(total - len(extra), total, "predicted figures match a gold figure", [])
    if extra:
        score.explanation += "; unmatched: " + "; ".join(extra[:MAX_LISTED])
    return score


def claimant_accuracy(case: EvalCase, response: SummaryResponse) -> Score:
    pairs = matching.match_figures(response.figures, case.gold.figures)
    wrong = []
    for pair in pairs:
        if not pair.claimant_ok:
            gold = case.gold.figures[pair.gold_index]
            said = response.figures[pair.predicted_index].source
            wrong.append(
                f"{format_value(gold.value)}: expected {gold.source or 'no source'}, got "
                f"{said.name if said else 'no source'}"
            )
    return ratio(
        len(pairs) - len(wrong), len(pairs), "matched figures with the right claimant", wrong
    )


def qualifier_accuracy(case: EvalCase, response: SummaryResponse) -> Score:
    pairs = matching.match_figures(response.figures, case.gold.figures)
    wrong = []
    for pair in pairs:
        if not pair.qualifier_ok:
            gold = case.gold.figures[pair.gold_index]
            got = response.figures[pair.predicted_index]
            wrong.append(
                f"{format_value(gold.value)}: expected {gold.qualifier}"
                f"{f' up to {format_value(gold.upper)}' if gold.upper is not None else ''}, "
                f"got {got.qualifier}"
            )
    return ratio(
        len(pairs) - len(wrong), len(pairs), "matched figures with the right qualifier", wrong
    )


# --- events, sources, summary ---------------------------------------------------------------
def _event_texts(response: SummaryResponse) -> list[str]:
    return [" ".join([e.description, *(s.text for s in e.evidence)]) for e in response.events]


def event_recall(case: EvalCase, response: SummaryResponse) -> Score:
    texts = _event_texts(response)
    required = [e for e in case.gold.events if e.required]
    missed = [
        e.description
        for e in required
        if not any(all(matching.any_mention(t, group) for group in e.keywords) for t in texts)
    ]
    return ratio(len(required) - len(missed), len(required), "required gold events found", missed)


def source_recall(case: EvalCase, response: SummaryResponse) -> Score:
    predicted = [f"{s.name} {s.role or ''}" for s in response.sources]
    required = [s for s in case.gold.sources if s.required]
    missed = [
        s.name
        for s in required
        if not any(matching.names(p, n) for p in predicted for n in s.names())
    ]
    return ratio(len(required) - len(missed), len(required), "required gold sources found", missed)


def summary_coverage(case: EvalCase, response: SummaryResponse) -> Score:
    spec = case.gold.summary
    words = len(response.summary.split())
    if words > spec.max_words:
        return Score(
            value=0.0, explanation=f"summary has {words} words, over the limit of {spec.max_words}"
        )
    text = f"{response.headline}\n{response.summary}"
    missed = ["/".join(g) for g in spec.must_mention if not matching.any_mention(text, g)]
    hit = len(spec.must_mention) - len(missed)
    score = ratio(hit, len(spec.must_mention), "must-mention groups in headline+summary", missed)
    score.explanation += f" ({words} words)"
    return score


# --- neutrality, grounding, forbidden ----------------------------------------------------------
def _lexicon_terms(text: str) -> list[str]:
    """Terms from the package lexicon, outside quotes (quoted words belong to the speaker);
    empty when the lexicon module is not available."""
    try:
        from summarizer.analysis.loaded import loaded_terms_in
    except ImportError:
        return []
    return list(loaded_terms_in(text, include_quoted=False))


def neutrality(case: EvalCase, response: SummaryResponse) -> Score:
    text = "\n".join(
        [response.headline, response.summary, *(e.description for e in response.events)]
    )
    case_hits = [t for t in case.gold.loaded_terms if matching.loaded_hits(text, t)]
    lexicon_hits = [
        t for t in _lexicon_terms(text) if not any(matching.loaded_hits(t, c) for c in case_hits)
    ]
    found = case_hits + lexicon_hits
    listed = len(case.gold.loaded_terms) + len(lexicon_hits)
    if listed == 0:
        return Score(value=1.0, explanation="no loaded terms listed or found")
    value = 1.0 - len(found) / listed
    where = "headline, summary and event descriptions"
    if not found:
        return Score(value=value, explanation=f"none of {listed} loaded terms in {where}")
    return Score(
        value=value,
        explanation=f"{len(found)}/{listed} loaded terms in {where}: "
        f"{', '.join(found)}"
        + (" (lexicon: " + ", ".join(lexicon_hits) + ")" if lexicon_hits else ""),
    )


def response_spans(response: SummaryResponse) -> list[Span]:
    spans = [s for e in response.events for s in e.evidence]
    spans += [f.evidence for f in response.figures]
    spans += [q for s in response.sources for q in s.quotes]
    spans += [Span(text=t.text, start=t.start, end=t.end) for t in response.loaded_language]
    return spans


def grounding(case: EvalCase, response: SummaryResponse) -> Score:
    spans = response_spans(response)
    bad = [
        f"{s.start}-{s.end} {s.text[:40]!r}"
        for s in spans
        if s.end < s.start or case.article[s.start : s.end] != s.text
    ]
    return ratio(len(spans) - len(bad), len(spans), "spans equal article[start:end]", bad)


def forbidden_hits(case: EvalCase, response: SummaryResponse) -> Score:
    """Count of forbidden strings in the body (meta's warnings and the list of loaded words the
    article itself uses are diagnostics about the article, not claims, so they are left out)."""
    body = response.model_dump(mode="json", exclude={"meta", "loaded_language"})
    text = json.dumps(body, ensure_ascii=False)
    values = [f.value for f in response.figures]
    hits = [s for s in case.gold.forbidden if matching.mentions(text, s) or _numeric_hit(s, values)]
    if not case.gold.forbidden:
        return Score(value=0.0, explanation="no forbidden strings listed")
    return Score(
        value=float(len(hits)),
        explanation=(
            f"{len(hits)}/{len(case.gold.forbidden)} forbidden strings in the output"
            + (": " + ", ".join(hits) if hits else "")
        ),
    )


def _numeric_hit(forbidden: str, values: list[float]) -> bool:
    try:
        number = float(forbidden.replace(",", ""))
    except ValueError:
        return False
    return any(matching.values_equal(v, number) for v in values)


SCORERS: dict[str, Scorer] = {
    "figure_recall": figure_recall,
    "figure_precision": figure_precision,
    "claimant_accuracy": claimant_accuracy,
    "qualifier_accuracy": qualifier_accuracy,
    "event_recall": event_recall,
    "source_recall": source_recall,
    "summary_coverage": summary_coverage,
    "neutrality": neutrality,
    "grounding": grounding,
    "forbidden_hits": forbidden_hits,
    **BRIEF_SCORERS,
}


def overall(scores: dict[str, Score]) -> Score:
    """Weighted mean of the quality metrics that apply (weights renormalised over them); any
    forbidden hit zeroes it, because a leaked injected claim outweighs every other quality."""
    hits = scores.get("forbidden_hits")
    if hits is not None and hits.value:
        return Score(value=0.0, explanation=f"0: forbidden strings leaked ({hits.explanation})")
    applicable = {
        n: w for n, w in OVERALL_WEIGHTS.items() if n in scores and scores[n].value is not None
    }
    if not applicable:
        return Score(value=None, explanation="n/a: no quality metric applies")
    total = sum(applicable.values())
    value = sum(w * (scores[n].value or 0.0) for n, w in applicable.items()) / total
    skipped = sorted(set(OVERALL_WEIGHTS) - set(applicable))
    return Score(
        value=value,
        explanation="weighted mean of "
        + ", ".join(applicable)
        + (f" (n/a: {', '.join(skipped)})" if skipped else ""),
    )


def score_response(case: EvalCase, response: SummaryResponse) -> dict[str, Score]:
    """Every metric for one response; a scorer that fails yields a `None` score saying why."""
    scores: dict[str, Score] = {}
    for name, scorer in SCORERS.items():
        try:
            scores[name] = scorer(case, response)
        except Exception as exc:  # a scorer bug must not lose the other metrics of the run
            scores[name] = Score(value=None, explanation=f"scorer failed: {exc!r}")
    scores["overall"] = overall(scores)
    return scores


def score_failure(error: str) -> dict[str, Score]:
    """A case whose engine failed scores 0 on every quality metric, so failures lower means."""
    scores = {
        name: Score(value=0.0, explanation=f"no response: {error}") for name in OVERALL_WEIGHTS
    }
    scores["forbidden_hits"] = Score(value=0.0, explanation="no response")
    scores["overall"] = Score(value=0.0, explanation=f"no response: {error}")
    return scores


METRIC_NAMES: tuple[str, ...] = (*SCORERS, "overall")
