"""Two runs side by side: per case and per metric, what improved and what regressed."""

from __future__ import annotations

from dataclasses import dataclass

from evals.log import CaseRecord, RunLog, mean_of
from evals.metrics import LOWER_IS_BETTER
from evals.tables import ALL_NAMES, SHORT_NAMES

EPSILON = 1e-9  # float noise is not a change


@dataclass(frozen=True)
class Change:
    case_id: str  # "MEAN" for the run means
    metric: str
    base: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        if self.base is None or self.new is None:
            return None
        return self.new - self.base

    @property
    def direction(self) -> str:
        """improved | regressed | same | n/a, taking lower-is-better metrics into account."""
        delta = self.delta
        if delta is None:
            return "n/a" if self.base == self.new else "changed"
        if abs(delta) <= EPSILON:
            return "same"
        better = delta < 0 if self.metric in LOWER_IS_BETTER else delta > 0
        return "improved" if better else "regressed"


def _by_case(log: RunLog) -> dict[str, list[CaseRecord]]:
    grouped: dict[str, list[CaseRecord]] = {}
    for record in log.records:
        grouped.setdefault(record.case_id, []).append(record)
    return grouped


def compare_runs(base: RunLog, new: RunLog) -> list[Change]:
    """Changes per case (means over `--repeat` samples) and of the run means, for every metric."""
    base_cases, new_cases = _by_case(base), _by_case(new)
    changes: list[Change] = []
    # a case in only one run has nothing to compare with; it is listed apart
    for case_id in sorted(set(base_cases) & set(new_cases)):
        for metric in ALL_NAMES:
            changes.append(Change(
                case_id, metric,
                mean_of(base_cases.get(case_id, []), metric),
                mean_of(new_cases.get(case_id, []), metric),
            ))  # fmt: skip
    for metric in ALL_NAMES:
        changes.append(Change("MEAN", metric, base.means.get(metric), new.means.get(metric)))
    return changes


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}".rstrip("0").rstrip(".")


def render_comparison(base: RunLog, new: RunLog, changes: list[Change]) -> str:
    lines = [
        f"base: {base.config.engine} {base.config.model or ''} {base.config.prompt_version or ''}"
        f" @ {(base.config.git_commit or '?')[:10]}",
        f"new:  {new.config.engine} {new.config.model or ''} {new.config.prompt_version or ''}"
        f" @ {(new.config.git_commit or '?')[:10]}",
        "",
    ]
    for direction in ("regressed", "improved", "changed"):
        moved = [c for c in changes if c.direction == direction and c.case_id != "MEAN"]
        lines.append(f"{direction} ({len(moved)}):")
        for c in moved:
            delta = f" ({c.delta:+.3f})" if c.delta is not None else ""
            lines.append(f"  {c.case_id:32s} {c.metric:20s} {_fmt(c.base)} -> {_fmt(c.new)}{delta}")
    only = sorted(set(_by_case(base)) ^ set(_by_case(new)))
    if only:
        lines.append("cases in only one run: " + ", ".join(only))
    lines.append("")
    lines.append("means:")
    for c in changes:
        if c.case_id == "MEAN":
            name = SHORT_NAMES[c.metric]
            lines.append(f"  {name:8s} {_fmt(c.base):>9s} -> {_fmt(c.new):>9s}  {c.direction}")
    return "\n".join(lines)
