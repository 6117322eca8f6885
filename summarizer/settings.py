"""All configuration, from environment variables prefixed `SUMMARIZER_` (or a `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from summarizer.contract import EngineName

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

    # --- prompts -------------------------------------------------------------------------
    prompts_dir: Path = Field(
        default_factory=_default_prompts_dir,
        description="Folder of versioned prompt templates (`<version>/system.j2`, `user.j2`).",
    )
    prompt_version: str = Field(
        default="v2", description="Prompt version used when a request names none."
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


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
