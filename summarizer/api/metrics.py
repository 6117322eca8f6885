"""Prometheus metrics: Litestar's plugin for requests and latency by route, plus what only this
service knows, recorded from each response's `meta` (core code imports no prometheus).

Metrics live in prometheus_client's default registry, once per process. With `--workers N`
each worker counts its own; set PROMETHEUS_MULTIPROC_DIR to an empty folder for one view of all
of them (prometheus_client's multiprocess mode, read by Litestar's PrometheusController).
"""

from __future__ import annotations

from litestar.plugins.prometheus import PrometheusConfig, PrometheusController
from prometheus_client import Counter, Histogram

from summarizer.contract import ENGINE_NAMES
from summarizer.errors import SummarizerError
from summarizer.models import SummaryResponse

# seconds: an extractive summary takes milliseconds, the embedded model 10-30 s
_SUMMARY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120)

SUMMARIES = Counter(
    "summarizer_summaries",
    "Summary requests by engine and outcome: ok, fallback (a model engine fell back to the "
    "extractive result for some field), cached, or the error's problem type.",
    ["engine", "outcome"],
)
SUMMARY_SECONDS = Histogram(
    "summarizer_summary_duration_seconds",
    "Time to make a summary (not cache hits), by engine.",
    ["engine"],
    buckets=_SUMMARY_BUCKETS,
)
FALLBACKS = Counter(
    "summarizer_fallbacks",
    "Model-engine responses that kept the extractive result for at least one field "
    "(meta.warnings say which and why).",
    ["engine"],
)
MODEL_ATTEMPTS = Counter(
    "summarizer_model_attempts", "Model calls made, re-asks included (meta.attempts).", ["engine"]
)
MODEL_TOKENS = Counter(
    "summarizer_model_tokens",
    "Model tokens spent (meta.usage), by engine and direction (input, output).",
    ["engine", "direction"],
)
CACHE_LOOKUPS = Counter(
    "summarizer_cache_lookups", "Response cache lookups by result (hit, miss).", ["result"]
)


class MetricsController(PrometheusController):
    """GET /metrics in Prometheus' text format; left out of the OpenAPI document."""

    path = "/metrics"
    include_in_schema = False


def http_metrics_config() -> PrometheusConfig:
    # path templates, not raw paths: a scan of random URLs must not make one series each
    return PrometheusConfig(app_name="summarizer", prefix="summarizer_http", group_path=True)


def engine_label(name: str | None) -> str:
    """A client may send any engine name: only known ones become a label value."""
    return name if name in ENGINE_NAMES else "unknown"


def is_fallback(response: SummaryResponse) -> bool:
    meta = response.meta
    return meta.model is not None and any("extractive" in w for w in meta.warnings)


def record_summary(response: SummaryResponse, seconds: float) -> None:
    """A summary made by an engine (a cache miss)."""
    meta = response.meta
    engine = engine_label(meta.engine)
    fallback = is_fallback(response)
    SUMMARIES.labels(engine, "fallback" if fallback else "ok").inc()
    SUMMARY_SECONDS.labels(engine).observe(seconds)
    if fallback:
        FALLBACKS.labels(engine).inc()
    if meta.attempts:
        MODEL_ATTEMPTS.labels(engine).inc(meta.attempts)
    if meta.usage.input_tokens or meta.usage.output_tokens:
        MODEL_TOKENS.labels(engine, "input").inc(meta.usage.input_tokens)
        MODEL_TOKENS.labels(engine, "output").inc(meta.usage.output_tokens)


def record_cache_hit(response: SummaryResponse) -> None:
    CACHE_LOOKUPS.labels("hit").inc()
    SUMMARIES.labels(engine_label(response.meta.engine), "cached").inc()


def record_cache_miss() -> None:
    CACHE_LOOKUPS.labels("miss").inc()


def record_failure(engine: str | None, exc: SummarizerError) -> None:
    # the error's problem type (a fixed set of slugs) is the outcome; usage of a failed model
    # call is counted when the error carries it
    label = engine_label(exc.engine or engine)
    SUMMARIES.labels(label, exc.type_slug).inc()
    if exc.attempts:
        MODEL_ATTEMPTS.labels(label).inc(exc.attempts)
    usage = getattr(exc, "usage", None)
    if usage is not None and (usage.input_tokens or usage.output_tokens):
        MODEL_TOKENS.labels(label, "input").inc(usage.input_tokens)
        MODEL_TOKENS.labels(label, "output").inc(usage.output_tokens)
