"""All configuration, from environment variables prefixed `SUMMARIZER_` (or a `.env` file)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from summarizer.contract import DECISIONS, Decision, EngineName

_REPO_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
_PACKAGED_PROMPTS = Path(__file__).resolve().parent / "_prompts"

InstructorModeName = Literal["TOOLS", "JSON_SCHEMA", "MD_JSON", "JSON"]


def _default_prompts_dir() -> Path:
    return _REPO_PROMPTS if _REPO_PROMPTS.is_dir() else _PACKAGED_PROMPTS


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUMMARIZER_", env_file=".env", extra="ignore")

    # --- serving -------------------------------------------------------------------------
    host: str = Field(default="127.0.0.1", description="Address `summarizer serve` binds.")
    port: int = Field(default=8000, description="Port `summarizer serve` listens on.")
    default_engine: EngineName = Field(
        default=EngineName.LOCAL, description="Engine used when a request names none."
    )
    enabled_engines: list[EngineName] = Field(
        default=list(EngineName),
        description="Engines a request may pick. Engines not listed answer 400.",
    )
    max_article_chars: int = Field(
        default=60_000,
        description="Longest article accepted, in characters (about 10,000 words); "
        "longer ones answer 413.",
    )
    max_body_bytes: int = Field(
        default=512_000,
        description="Largest request body accepted, in bytes; larger ones answer 413.",
    )
    request_timeout_s: float = Field(
        default=120.0,
        description="Total time one summary may take, queueing included, before a 504.",
    )
    max_queue: int = Field(
        default=4,
        description="Model requests allowed to wait for the model at once; past that 503 "
        "with Retry-After.",
    )
    retry_after_s: int = Field(
        default=30, description="Seconds suggested in Retry-After when busy or unavailable."
    )
    analysis_timeout_s: float = Field(
        default=10.0,
        gt=0,
        description="Longest time the analysis of one article (the whole extractive pipeline) "
        "may run; past it the request answers 422 (the article is not prose the analyser "
        "handles in time). A 60,000-character article takes under 2 s.",
    )
    analysis_threads: int = Field(
        default=2,
        ge=1,
        description="Articles analysed at once, in worker threads off the event loop (the "
        "extractive engine); more wait for a thread. Analysis is pure Python, so more threads "
        "than cores add no throughput and slow /healthz.",
    )
    stream_keepalive_s: float = Field(
        default=15.0,
        gt=0,
        description="Seconds between keep-alive comments on a streamed summary (Accept: "
        "text/event-stream) while the model works, so proxies do not close an idle connection.",
    )

    # --- Redis: async jobs (POST /v1/jobs, `summarizer worker`) -------------------------------
    redis_url: str | None = Field(
        default=None,
        description="Redis for async jobs (and the response cache when configured), e.g. "
        "redis://127.0.0.1:6379/0. Unset: /v1/jobs answers 503.",
    )
    job_ttl_s: int = Field(
        default=86_400,
        gt=0,
        description="Seconds a finished job's status and result are kept in Redis (default one "
        "day); after that GET /v1/jobs/{id} answers 404.",
    )
    worker_concurrency: int = Field(
        default=2,
        ge=1,
        description="Jobs one `summarizer worker` process runs at once (its --concurrency). "
        "Extractive jobs are CPU-bound: for more throughput start more worker processes.",
    )
    workers: int = Field(
        default=1,
        ge=1,
        description="Worker processes `summarizer serve` starts (uvicorn workers on one port). "
        "Each builds its own service and engines: with the local engine each loads its own model "
        "copy (about 1.4 GB RSS), so more than 1 is meant for the extractive or openai engines "
        "(a shared model server).",
    )

    # --- prompts -------------------------------------------------------------------------
    prompts_dir: Path = Field(
        default_factory=_default_prompts_dir,
        description="Folder of versioned prompt templates (`<version>/system.j2`, `user.j2`).",
    )
    prompt_version: str = Field(
        default="v3",
        description="Prompt version used when a request names none. v3 (the model reads: see "
        "model_decisions and local_decisions) measured at or above the extractive engine on "
        "every case; v1 and v2 stay for comparison.",
    )

    # --- OpenAI-compatible engine -----------------------------------------------------------
    openai_base_url: str = Field(
        default="http://127.0.0.1:8080/v1",
        description="Base URL of any OpenAI-compatible API (OpenAI, vLLM, Ollama, llama.cpp).",
    )
    openai_api_key: SecretStr = Field(
        default=SecretStr("not-needed"),
        description="API key sent as a bearer token; local servers ignore it.",
    )
    openai_model: str = Field(
        default="qwen2.5-coder-1.5b-instruct", description="Model name sent to the API."
    )
    instructor_mode: InstructorModeName = Field(
        default="JSON",
        description="How the openai engine asks for structure: JSON (json_object response "
        "format, schema in the prompt: works with OpenAI, vLLM, Ollama and llama.cpp's server), "
        "JSON_SCHEMA (strict json_schema response format), TOOLS (function calling), MD_JSON "
        "(JSON in a markdown block, for servers with no JSON mode). The local engine always "
        "turns the schema into a llama.cpp grammar.",
    )
    temperature: float = Field(default=0.0, ge=0, le=2, description="Sampling temperature.")
    max_retries: int = Field(
        default=2, ge=0, le=5, description="Re-asks after a validation failure (instructor)."
    )
    model_decisions: list[Decision] = Field(
        default=list(DECISIONS),
        description="What the openai engine's model decides with prompt v3: headline, summary, "
        "claimants (of figures the analyser is unsure of), speakers (of such quotes), events. "
        "Whatever is off stays the analyser's.",
    )
    llm_timeout_s: float = Field(
        default=90.0, description="Total time for all model attempts of one request."
    )
    max_output_tokens: int = Field(
        default=320, description="Cap on generated tokens per model call."
    )

    # --- embedded model (local engine) --------------------------------------------------------
    model_path: Path | None = Field(
        default=None,
        description="A GGUF file to load instead of the packaged Qwen2.5-Coder-1.5B-Instruct.",
    )
    model_cache_dir: Path = Field(
        default=Path.home() / ".cache" / "news-summarizer",
        description="Where the packaged model's chunks are assembled once (about 1.1 GB).",
    )
    n_ctx: int = Field(default=4096, description="Context window of the embedded model.")
    n_threads: int | None = Field(
        default=None, description="CPU threads for the embedded model (default: all cores)."
    )
    local_max_retries: int = Field(
        default=0,
        ge=0,
        le=5,
        description="Re-asks for the embedded model. Measured: at temperature 0 the 1.5B model "
        "mostly repeats its answer, and a re-ask costs 10-15 s and 100-200 tokens (the budget "
        "is 30 s and 200 tokens per article), so by default a field that fails its checks "
        "keeps the extractive wording instead.",
    )
    local_decisions: list[Decision] = Field(
        default=["headline", "claimants"],
        description="What the embedded model decides with prompt v3 (see model_decisions). "
        "The default is what it measurably does better than the analyser on our cases and the "
        "real-news dev set (benchmarks/decisions.py, README Evals): headlines that name the "
        "main news more often (0.80 vs 0.70) and claimants of unsure figures (1.00 vs 0.88 on "
        "those it changed), about 8 s an article. Its summary covered less (0.91 vs 0.92), its "
        "speakers were wrong more often (0.50 vs 1.00), and events, slightly better (0.90 vs "
        "0.88 recall), cost 20 s and 145 tokens an article.",
    )
    local_max_output_tokens: int = Field(
        default=200,
        description="Cap on generated tokens per call of the embedded model (about 10 per "
        "second on 2 cores): a headline and a 70-word summary need about 120.",
    )
    local_kill_grace_s: float = Field(
        default=5.0,
        gt=0,
        description="How long past a request's deadline the model worker may take to stop "
        "before it is killed and restarted. The worker stops by itself within about a second of "
        "the deadline; this only catches a wedged native call.",
    )
    local_start_timeout_s: float = Field(
        default=300.0,
        gt=0,
        description="Longest wait for the model worker to load the model (at start and after a "
        "restart) before it is reported as failed.",
    )
    load_model_at_startup: bool = Field(
        default=True,
        description="Load the embedded model when the server starts (readyz is false until it "
        "has); false loads it on first use.",
    )

    # --- operations: logs, metrics, access control, response cache (README, Operations) ------
    log_format: Literal["text", "json"] = Field(
        default="text",
        description="Server log lines: `text` (for a terminal) or `json` (one object a line: ts, "
        "level, logger, message, request_id, and the access log's method, path, status, "
        "duration_ms, engine, cache).",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="Lowest level logged by the server."
    )
    metrics_enabled: bool = Field(
        default=True,
        description="Serve Prometheus metrics at GET /metrics (requests and latency by route; "
        "summaries, latency, fallbacks, model attempts and tokens by engine).",
    )
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default=[],
        description="API keys, comma-separated (or a JSON list). Empty (the default): no "
        "authentication. Set: every /v1/* route needs `Authorization: Bearer <key>` or "
        "`X-API-Key: <key>`, else 401; /healthz, /readyz, /metrics, /schema and the editor page "
        "stay open.",
    )
    cors_allow_origins: Annotated[list[str], NoDecode] = Field(
        default=[],
        description="Origins allowed to call the API from a browser, comma-separated (or a JSON "
        "list; `*` for any). Empty (the default): no CORS headers.",
    )
    rate_limit_per_minute: int = Field(
        default=0,
        ge=0,
        description="Requests per minute one client may make to /v1/* (keyed by its API key when "
        "it sends a valid one, else its IP address); past it 429 with Retry-After. Counted in "
        "Redis when SUMMARIZER_REDIS_URL is set (one allowance across every worker and "
        "replica; a Redis outage lets requests through), else per server process. 0 (the "
        "default): no limit.",
    )
    cache_size: int = Field(
        default=256,
        ge=0,
        description="Summaries kept in the in-memory response cache (least recently used go "
        "first); 0 turns the response cache off, Redis included.",
    )
    cache_ttl_s: int = Field(
        default=86_400,
        gt=0,
        description="Seconds a cached summary is kept (memory and Redis).",
    )
    cache_url: str | None = Field(
        default=None,
        description="Redis URL for the response cache, shared by every process and replica; "
        "unset: SUMMARIZER_REDIS_URL if set, else the in-memory cache.",
    )

    @field_validator("api_keys", "cors_allow_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        """`a,b` or `["a", "b"]` from the environment; a list from code."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [item.strip() for item in text.split(",") if item.strip()]
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
