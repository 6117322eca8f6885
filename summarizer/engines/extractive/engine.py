"""The extractive engine: the whole contract from the analyser alone, no model.

`build_body` is a pure function of the article and its analysis. Model-based engines use it as
their floor, so every span it emits is cut straight from the article (`article[start:end]`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.analysis.types import Analysis
from summarizer.engines.base import NO_MODEL, Article, EngineResult
from summarizer.engines.extractive.body import (
    disputes_of,
    events_of,
    figures_of,
    loaded_of,
    sources_of,
)
from summarizer.engines.extractive.brief import headline_of, summary_of
from summarizer.models import SummaryBody

if TYPE_CHECKING:
    from summarizer.engines.prompting import PromptTemplate


class ExtractiveEngine:
    """No model, no prompt, instant: what the analyser finds, assembled into the contract."""

    name = "extractive"
    capabilities = NO_MODEL  # pure CPU work, milliseconds

    def generate(
        self,
        article: Article,
        analysis: Analysis,
        prompt: PromptTemplate | None,
        deadline: float | None = None,
    ) -> EngineResult:
        del prompt, deadline  # no prompt, and milliseconds of work
        return EngineResult(body=build_body(article, analysis))

    def is_ready(self) -> bool:
        return True

    def model_name(self) -> str | None:
        return None

    def close(self) -> None:
        return None


def build_body(article: Article, analysis: Analysis) -> SummaryBody:
    """The whole contract, from the analysis alone."""
    text = article.text
    figures = figures_of(text, analysis)
    return SummaryBody(
        headline=headline_of(article, analysis),
        summary=summary_of(analysis),
        events=events_of(text, analysis),
        figures=figures,
        sources=sources_of(text, analysis),
        loaded_language=loaded_of(analysis),
        disputes=disputes_of(analysis, figures),
    )
