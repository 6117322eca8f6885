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


@dataclass(frozen=True)
class EngineCapabilities:
    """What an engine needs from the service around it, one fact per field."""

    # renders a prompt template: the request's prompt version is resolved and reported in
    # `meta.prompt_version`
    prompt: bool
    # waits on a model: requests are queued (SUMMARIZER_MAX_QUEUE), run in a worker thread under
    # the request's deadline, and one case at a time in evals
    model_calls: bool
    # same article and code give the same output: evals never cache it (a cached answer would
    # hide a code change)
    deterministic: bool


MODEL_ENGINE = EngineCapabilities(prompt=True, model_calls=True, deterministic=False)
NO_MODEL = EngineCapabilities(prompt=False, model_calls=False, deterministic=True)


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
    capabilities: EngineCapabilities

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
