"""Which decisions should a model make? Analyser vs model, one decision at a time (prompt v3).

For each case folder and each decision (headline, summary, claimants, speakers, events) the engine
is asked for that decision alone; the merged response is scored against the gold next to the
extractive one, on what the decision changes:

- headline: headline_main_news and headline_form;   summary: summary_coverage, neutrality;
- claimants: right claimant on the figures the model was asked about (the ambiguous ones);
- speakers: right speaker on the quotes it was asked about;   events: event_recall, event_clauses.

Prints a table per decision (analyser, model, cases where the model changed something, output
tokens and seconds per case). A decision should be on by default only where the model wins.

    .venv/bin/python benchmarks/decisions.py --engine local --cases seeds seeds/realnews/tune
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

from evals import matching
from evals.brief_metrics import event_clauses, headline_form, headline_main_news
from evals.cases import EvalCase, load_cases
from evals.metrics import event_recall, neutrality, summary_coverage
from summarizer.contract import DECISIONS
from summarizer.engines.llm import LLMEngine
from summarizer.errors import SummarizerError
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService
from summarizer.settings import Settings

SCORERS = {
    "headline": (headline_main_news, headline_form),
    "summary": (summary_coverage, neutrality),
    "events": (event_recall, event_clauses),
}


def claimant_hits(case: EvalCase, response: SummaryResponse, asked: set[int]) -> list[bool]:
    """Right claimant, on the gold-matched figures whose evidence starts are in `asked`."""
    pairs = matching.match_figures(response.figures, case.gold.figures)
    return [
        p.claimant_ok for p in pairs if response.figures[p.predicted_index].evidence.start in asked
    ]


def speaker_hits(case: EvalCase, response: SummaryResponse, asked: set[int]) -> list[bool]:
    hits = []
    for gold in case.gold.quotes:
        at = case.article.find(gold.text)
        for source in response.sources:
            for quote in source.quotes:
                if quote.start <= at < quote.end and quote.start in asked:
                    said = f"{source.name} {source.role or ''}"
                    hits.append(any(matching.names(said, s) for s in gold.speaker))
    return hits


def model_items(response: SummaryResponse) -> tuple[set[int], set[int]]:
    figures = {f.evidence.start for f in response.figures if f.provenance == "model"}
    quotes = {q.start for s in response.sources for q in s.quotes if q.provenance == "model"}
    return figures, quotes


def measure(
    service: SummaryService, engine_name: str, cases: list[EvalCase], decisions: list[str]
) -> None:
    engine = service.registry.get(engine_name)
    assert isinstance(engine, LLMEngine)
    for decision in decisions:
        engine.decisions = frozenset({decision})
        table: dict[str, list[float]] = defaultdict(list)
        changed, tokens, seconds, failed = 0, [], [], []
        for case in cases:
            base = service.summarize(SummaryRequest(text=case.article, engine="extractive"))
            started = time.monotonic()
            request = SummaryRequest(text=case.article, engine=engine_name, prompt_version="v3")
            try:
                response = service.summarize(request)
            except SummarizerError as exc:  # counted, not fatal: one slow case ends no run
                failed.append(f"{case.id}: {exc.detail}")
                continue
            seconds.append(time.monotonic() - started)
            tokens.append(response.meta.usage.output_tokens)
            figures, quotes = model_items(response)
            if decision == "claimants" and figures:
                table["analyser"] += claimant_hits(case, base, figures)
                table["model"] += claimant_hits(case, response, figures)
            elif decision == "speakers" and quotes:
                table["analyser"] += speaker_hits(case, base, quotes)
                table["model"] += speaker_hits(case, response, quotes)
            for scorer in SCORERS.get(decision, ()):
                for label, scored in (("analyser", base), ("model", response)):
                    value = scorer(case, scored).value
                    if value is not None:
                        table[f"{label} {scorer.__name__}"].append(value)
            changed += response.model_dump(exclude={"meta"}) != base.model_dump(exclude={"meta"})
        means = {k: f"{statistics.mean(v):.3f} (n={len(v)})" for k, v in sorted(table.items())}
        cost = f"output tokens p50 {statistics.median(tokens):.0f}"
        cost += f"; seconds p50 {statistics.median(seconds):.1f} max {max(seconds):.1f}"
        print(f"{decision}: {means}; changed {changed}/{len(cases)}; {cost}", flush=True)
        for failure in failed:
            print(f"  failed {failure}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", default="local")
    parser.add_argument("--cases", nargs="+", default=["seeds", "seeds/realnews/tune"])
    parser.add_argument("--decisions", nargs="+", default=list(DECISIONS), choices=DECISIONS)
    parser.add_argument("--timeout", type=float, default=120.0, help="model seconds per case")
    args = parser.parse_args()
    cases = [c for folder in args.cases for c in load_cases(Path(folder))]
    settings = Settings(
        load_model_at_startup=False, llm_timeout_s=args.timeout, request_timeout_s=args.timeout + 30
    )
    service = SummaryService(settings)
    try:
        measure(service, args.engine, cases, args.decisions)
    finally:
        service.close()


if __name__ == "__main__":
    main()
