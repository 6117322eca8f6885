"""What every scorer returns, and the small helpers they share."""

from __future__ import annotations

from pydantic import BaseModel

MAX_LISTED = 6  # items named in an explanation before "..."


class Score(BaseModel):
    value: float | None
    explanation: str


def ratio(hit: int, total: int, what: str, missed: list[str]) -> Score:
    """hit / total with an explanation naming what was missed; `None` when there is nothing."""
    if total == 0:
        return Score(value=None, explanation=f"n/a: no {what} to check")
    text = f"{hit}/{total} {what}"
    if missed:
        shown = "; ".join(missed[:MAX_LISTED]) + ("; ..." if len(missed) > MAX_LISTED else "")
        text += f"; missed: {shown}"
    return Score(value=hit / total, explanation=text)


def format_value(value: float) -> str:
    """'500,000,000' reads better than '5e+08' in an explanation."""
    return f"{int(value):,}" if value == int(value) else f"{value:g}"
