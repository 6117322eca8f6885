"""The embedded engine: llama.cpp in a supervised worker process."""

from summarizer.engines.local.engine import LocalEngine, WorkerBackend

__all__ = ["LocalEngine", "WorkerBackend"]
