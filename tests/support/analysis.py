"""Helpers for analyser tests: the names of the sources found, and who speaks each quote."""

from __future__ import annotations

from summarizer.analysis import analyse


def source_names(text: str) -> list[str]:
    return [s.name for s in analyse(text).sources]


def quote_speakers(text: str) -> dict[str, str | None]:
    """First three words of each quote -> its speaker's name."""
    return {" ".join(q.text.split()[:3]): (q.speaker.name if q.speaker else None)
            for q in analyse(text).quotes}  # fmt: skip


def assert_sources(text: str, absent: str | None, present: str | None) -> None:
    """`absent` is not among the sources found in `text` and `present` is (None: not checked)."""
    names = source_names(text)
    if absent is not None:
        assert absent not in names, names
    if present is not None:
        assert present in names, names
