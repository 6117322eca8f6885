"""The extractive engine: the analyser's findings assembled into the contract, no model."""

from summarizer.engines.extractive.engine import ExtractiveEngine, build_body

__all__ = ["ExtractiveEngine", "build_body"]
