"""Request ids and log lines: what ties every log line to the request that caused it.

The HTTP layer sets `REQUEST_ID` for the duration of a request (`summarizer.api.operations`);
`RequestIdFilter` copies it onto every log record, so a line logged anywhere below it (the
service, an engine, the problem mapper, a worker thread started with the request's context)
carries the id. `logging_config` is the one logging configuration (stdlib dictConfig shape):
the app passes it to Litestar's LoggingConfig and `summarizer serve` to uvicorn.
"""

from __future__ import annotations

import json
import logging
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, Literal

LogFormat = Literal["text", "json"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]

MAX_REQUEST_ID_CHARS = 128
REQUEST_ID: ContextVar[str | None] = ContextVar("summarizer_request_id", default=None)

# attributes every LogRecord has; whatever else a record carries came from `extra=` (uvicorn's
# `color_message` is its message again, with terminal colours)
_RECORD_FIELDS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))).union(
    {"message", "asctime", "request_id", "request_tag", "color_message"}
)


def new_request_id() -> str:
    return uuid.uuid4().hex


def accept_request_id(sent: str | None) -> str:
    """The client's id when it is printable ASCII of at most 128 characters, else a new one (an
    id goes into headers and log lines as is, so nothing that could forge or break them)."""
    if sent is not None:
        value = sent.strip()
        if 0 < len(value) <= MAX_REQUEST_ID_CHARS and all(" " <= ch <= "~" for ch in value):
            return value
    return new_request_id()


class RequestIdFilter(logging.Filter):
    """Adds `request_id` (or None outside a request) to every record; never drops one. Set on
    the handler, not a logger, so records propagated from any logger get it too."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = getattr(record, "request_id", None) or REQUEST_ID.get()
        record.request_id = request_id
        record.request_tag = request_id or "-"  # the text format's column
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, request_id, then any `extra=`
    fields (the access log's method, path, status, duration_ms, engine, cache) and `exc`."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        for name, value in vars(record).items():
            if name not in _RECORD_FIELDS and not name.startswith("_"):
                line[name] = value
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_tag)s] %(message)s"


def logging_config(log_format: LogFormat, log_level: LogLevel) -> dict[str, Any]:
    """The dictConfig for the server: one stderr handler with the request-id filter, on the
    root logger; Litestar's and uvicorn's loggers propagate to it (uvicorn's own access log is
    off: `summarizer.access` writes one line per request, with the request id)."""
    formatter: dict[str, Any] = (
        {"()": f"{__name__}.JsonFormatter"} if log_format == "json" else {"format": TEXT_FORMAT}
    )
    handler = {
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stderr",
        "formatter": "summarizer",
        "filters": ["request_id"],
    }
    propagate = {"handlers": [], "propagate": True}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": f"{__name__}.RequestIdFilter"}},
        "formatters": {"summarizer": formatter},
        # Litestar's LoggingConfig wants handlers with these two names; both are the one handler
        "handlers": {"console": handler, "queue_listener": handler},
        "root": {"handlers": ["console"], "level": log_level},
        "loggers": {
            "litestar": {**propagate, "level": log_level},
            "uvicorn": {**propagate, "level": log_level},
            "uvicorn.error": {**propagate, "level": log_level},
            "uvicorn.access": {**propagate, "level": "WARNING"},
        },
    }
