"""The model worker: a child process that owns the native model.

llama.cpp runs in this process only, so an abort, a crash or a generation that will not end costs
the service a worker restart, never the server. The parent (`supervisor.py`) sends one request at
a time over a pipe and may kill this process whenever an answer is overdue.

Protocol (picklable dicts over a `multiprocessing` pipe):
- child -> parent once: `{"ready": model_name}` or `{"load_failed": message}`;
- parent -> child: `{"arguments": chat kwargs, "seconds": time left}`; `None` to stop;
- child -> parent: `{"outcome": ChatOutcome fields}` or `{"error": message}`.
"""

from __future__ import annotations

import dataclasses
import os
import signal
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any


@dataclasses.dataclass(frozen=True)
class WorkerConfig:
    """What the child needs to load the model; plain data, so it crosses the pipe."""

    model_path: str
    n_ctx: int
    n_threads: int | None
    prefill_chunk_tokens: int


def load_llama(config: WorkerConfig) -> Any:
    import importlib

    from llama_cpp import Llama

    # the ctypes module Llama() reads its default model parameters from
    bindings: Any = importlib.import_module("llama_cpp.llama").llama_cpp
    default_params = bindings.llama_model_default_params

    def params_without_repacking() -> Any:
        # A -march=native build picks the AMX repacking buffer on CPUs that report AMX, and this
        # VM does not grant AMX: SIGILL in ggml_backend_amx_mul_mat. Extra buffer types off
        # avoids it (measured 104 prompt / 9.7 output tokens/s on 2 cores).
        params = default_params()
        params.use_extra_bufts = False
        return params

    bindings.llama_model_default_params = params_without_repacking
    try:
        return Llama(
            model_path=config.model_path,
            n_ctx=config.n_ctx,
            n_threads=config.n_threads or os.cpu_count() or 2,
            verbose=False,
        )
    finally:
        bindings.llama_model_default_params = default_params


def warm_up(llama: Any) -> None:
    """Evaluate a few tokens before saying ready. The first evaluation pages the weights in
    from the memory-mapped file (seconds on a cold cache), longer than one deadline check: done
    here, it counts as loading, not against the first request's deadline."""
    llama.eval(llama.tokenize(b"Warm up.", add_bos=True, special=False))
    llama.reset()


def serve(conn: Connection, config: WorkerConfig) -> None:
    """Entry point of the child process: load, say ready, answer until told to stop."""
    # Ctrl-C in a terminal reaches the whole process group: the parent decides when we stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from summarizer.engines.local.chat import DeadlineChat

    try:
        llama = load_llama(config)
        warm_up(llama)
        chat = DeadlineChat(llama, config.prefill_chunk_tokens)
    except Exception as exc:  # reported to the parent, which reports it in /readyz
        conn.send({"load_failed": f"{type(exc).__name__}: {exc}"})
        return
    conn.send({"ready": Path(config.model_path).name})
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if request is None:
            return
        try:
            outcome = chat.complete(request["arguments"], float(request["seconds"]))
            reply: dict[str, Any] = {"outcome": dataclasses.asdict(outcome)}
        except Exception as exc:  # a bad request must not end the worker
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        conn.send(reply)
