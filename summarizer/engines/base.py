"""The engine interface: analysis in, a draft body out; the pipeline verifies what comes back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from summarizer.models import SummaryBody, Usage

if TYPE_CHECKING:
    from summarizer.analysis.types import Analysis
    from summarizer.engines.prompting import PromptTemplate


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    published_at: str | None = None


@dataclass
class EngineResult:
    body: SummaryBody
    model: str | None = None
    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    # what the engine fell back on or repaired, in words an editor can read
    warnings: list[str] = field(default_factory=list)


class Engine(Protocol):
    """`generate` must return by `deadline` (time.monotonic() seconds) when one is given."""

    name: str
    # whether the engine uses a prompt template (model-based engines) or not (extractive)
    uses_prompt: bool

    def generate(
        self,
        article: Article,
        analysis: Analysis,
        prompt: PromptTemplate | None,
        deadline: float | None = None,
    ) -> EngineResult: ...

    def is_ready(self) -> bool: ...

    def model_name(self) -> str | None: ...

    def close(self) -> None:
        """Release what the engine holds (a model worker process); idempotent."""
