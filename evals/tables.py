"""Plain-text tables for the terminal, and `--fail-under` thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from evals.log import COST_NAMES, RunLog
from evals.metrics import LOWER_IS_BETTER, METRIC_NAMES

# column headings short enough for one terminal line per case
SHORT_NAMES: dict[str, str] = {
    "figure_recall": "fig_R",
    "figure_precision": "fig_P",
    "claimant_accuracy": "claim",
    "qualifier_accuracy": "qual",
    "event_recall": "event",
    "source_recall": "source",
    "summary_coverage": "summ",
    "neutrality": "neutr",
    "grounding": "ground",
    "forbidden_hits": "forbid",
    "quote_recall": "quot_R",
    "quote_speaker_accuracy": "speak",
    "source_precision": "src_P",
    "dispute_precision": "disp_P",
    "dispute_recall": "disp_R",
    "headline_form": "hl_ok",
    "headline_main_news": "hl_news",
    "event_clauses": "ev_cl",
    "overall": "OVERALL",
    "input_tokens": "tok_in",
    "output_tokens": "tok_out",
    "latency_ms": "ms",
    "attempts": "att",
}
ALL_NAMES: tuple[str, ...] = (*METRIC_NAMES, *COST_NAMES)


def _cell(value: float | None, name: str) -> str:
    if value is None:
        return "-"
    if name in COST_NAMES or name == "forbidden_hits":
        return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return f"{value:.2f}"


def render_run(log: RunLog) -> str:
    headings = ["case", *(SHORT_NAMES[n] for n in ALL_NAMES)]
    rows: list[list[str]] = []
    for record in log.records:
        label = record.case_id + (f"#{record.sample}" if log.config.repeat > 1 else "")
        if record.error:
            label += " ERROR"
        rows.append([label, *(_cell(record.metric(n), n) for n in ALL_NAMES)])
    rows.append(["MEAN", *(_cell(log.means.get(n), n) for n in ALL_NAMES)])
    table = _format(headings, rows)
    errors = [f"  {r.case_id}: {r.error.type}: {r.error.detail}" for r in log.records if r.error]
    return table + ("\nerrors:\n" + "\n".join(errors) if errors else "")


def _format(headings: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [headings, *rows]) for i in range(len(headings))]
    lines = []
    for row in [headings, *rows]:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    return "\n".join(lines)


@dataclass(frozen=True)
class Threshold:
    metric: str
    value: float

    def failure(self, means: dict[str, float | None]) -> str | None:
        """Why the run misses this threshold, or None. For lower-is-better metrics
        (forbidden_hits, latency, tokens, attempts) the threshold is a maximum."""
        mean = means.get(self.metric)
        if mean is None:
            return f"{self.metric}: no value to compare with {self.value:g}"
        if self.metric in LOWER_IS_BETTER:
            if mean > self.value:
                return f"{self.metric}: mean {mean:.3f} > maximum {self.value:g}"
            return None
        if mean < self.value:
            return f"{self.metric}: mean {mean:.3f} < threshold {self.value:g}"
        return None


def parse_threshold(text: str) -> Threshold:
    """`METRIC=VALUE`, e.g. `figure_recall=0.8`; raises ValueError with the accepted names."""
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or name not in ALL_NAMES:
        raise ValueError(
            f"'{text}': expected METRIC=VALUE with METRIC one of {', '.join(ALL_NAMES)}"
        )
    try:
        return Threshold(name, float(raw))
    except ValueError as exc:
        raise ValueError(f"'{text}': '{raw}' is not a number") from exc


def check_thresholds(thresholds: list[Threshold], means: dict[str, float | None]) -> list[str]:
    return [f for t in thresholds if (f := t.failure(means)) is not None]
