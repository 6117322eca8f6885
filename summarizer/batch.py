"""`summarizer batch`: summarise many articles into a JSONL file, in this process or against one or
more running servers, resumable by article id.

Input: a folder (`*.txt`, id = file stem, or `*/article.txt`, id = folder name; an optional
same-stem `.json` beside the text holds title, published_at, ...) or a JSONL file of
{"id", "text", "title"?, ...}. Output: one line per article, in the order they finish:
{"id", "ok": true, "response", "attempts"} or {"id", "ok": false, "status", "problem", "attempts"}
(plus "served_by", the replica's X-Served-By, over HTTP). Each line is written and flushed whole,
so an interrupted run leaves a valid file; a rerun skips the ids already `ok` and retries the rest.
"""

from __future__ import annotations

import email.utils
import itertools
import json
import logging
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import anyio
import anyio.to_thread
import httpx
from pydantic import ValidationError
from tqdm import tqdm

from summarizer.errors import SummarizerError
from summarizer.models import SummaryRequest
from summarizer.service import SummaryService

logger = logging.getLogger("summarizer.batch")

# busy, overloaded or too slow *now*: worth asking again after Retry-After; other errors are the
# article's own (4xx) or the model's answer (502) and would fail the same way again
RETRYABLE_STATUSES = frozenset({429, 503, 504})
_REQUEST_FIELDS = frozenset(SummaryRequest.model_fields)


@dataclass(frozen=True)
class BatchItem:
    id: str
    body: dict[str, Any]  # the request object POSTed to /v1/summaries


def read_items(source: Path, engine: str | None = None) -> list[BatchItem]:
    """The articles of a folder or JSONL file; ValueError names a bad line or a duplicate id."""
    items = _read_folder(source) if source.is_dir() else _read_jsonl(source)
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"{source}: article id '{item.id}' appears twice")
        seen.add(item.id)
        if engine:  # the command line's engine wins over an item's own
            item.body["engine"] = engine
    return items


def _read_folder(folder: Path) -> list[BatchItem]:
    texts = [(p.stem, p) for p in sorted(folder.glob("*.txt"))]
    texts += [(p.parent.name, p) for p in sorted(folder.glob("*/article.txt"))]
    items = []
    for item_id, path in texts:
        body: dict[str, Any] = {}
        sidecar = path.with_suffix(".json")
        if sidecar.is_file():
            body.update(_request_fields(json.loads(sidecar.read_text(encoding="utf-8")), sidecar))
        body["text"] = path.read_text(encoding="utf-8")
        items.append(BatchItem(item_id, body))
    return items


def _read_jsonl(path: Path) -> list[BatchItem]:
    items = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: not JSON ({exc.msg})") from exc
            if not isinstance(record, dict) or not isinstance(record.get("id"), str | int):
                raise ValueError(f'{where}: expected an object with an "id" and a "text"')
            if not isinstance(record.get("text"), str):
                raise ValueError(f'{where}: "text" is missing or not a string')
            items.append(BatchItem(str(record["id"]), _request_fields(record, where)))
    return items


def _request_fields(record: Any, where: object) -> dict[str, Any]:
    """Only what a summary request accepts (the server forbids unknown fields): a JSONL line
    may carry its own bookkeeping (url, source, ...), which stays out of the request."""
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a JSON object")
    return {key: value for key, value in record.items() if key in _REQUEST_FIELDS}


# --- one attempt at one article ------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    status: int | None  # None: no HTTP answer at all (connection refused, reset, timed out)
    body: Any
    retry_after: float | None = None
    served_by: str | None = None


class Runner(Protocol):
    async def attempt(self, body: dict[str, Any]) -> Outcome: ...

    async def aclose(self) -> None: ...


def _problem(status: int | None, title: str, detail: str, **extra: Any) -> dict[str, Any]:
    fields = {"title": title, "status": status, "detail": detail, **extra}
    return {key: value for key, value in fields.items() if value is not None}


class InProcessRunner:
    """Summarises with a `SummaryService` in this process, in worker threads (the pipeline is
    blocking code); its errors become the same problem fields the API would send."""

    def __init__(self, service: SummaryService) -> None:
        self.service = service

    async def attempt(self, body: dict[str, Any]) -> Outcome:
        try:
            request = SummaryRequest.model_validate(body)
        except ValidationError as exc:
            return Outcome(422, _problem(422, "Invalid input", str(exc)))
        try:
            response = await anyio.to_thread.run_sync(self.service.summarize, request)
        except SummarizerError as exc:
            problem = _problem(
                exc.status, exc.title, exc.detail, engine=exc.engine, retry_after=exc.retry_after
            )
            return Outcome(exc.status, problem, retry_after=exc.retry_after)
        except Exception as exc:  # one article's bug must not end the other articles' batch
            logger.exception("summarising failed")
            return Outcome(500, _problem(500, "Internal error", repr(exc)))
        return Outcome(200, response.model_dump(mode="json"))

    async def aclose(self) -> None:
        await anyio.to_thread.run_sync(self.service.close)


class HttpRunner:
    """POSTs to the servers in turn (round-robin per attempt, so a retry goes to the next one)."""

    def __init__(self, urls: Sequence[str], timeout_s: float) -> None:
        if not urls:
            raise ValueError("at least one server URL is needed")
        self.endpoints = [summaries_endpoint(url) for url in urls]
        self._turn = itertools.cycle(self.endpoints)
        # no pool limit of its own: the batch's concurrency is the limit
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_s, connect=10.0),
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=None),
        )

    async def attempt(self, body: dict[str, Any]) -> Outcome:
        url = next(self._turn)
        # ASCII-escaped JSON: a lone surrogate in an input reaches the server (and its 4xx)
        # rather than failing to encode here
        content = json.dumps(body).encode()
        try:
            reply = await self.client.post(
                url, content=content, headers={"content-type": "application/json"}
            )
        except httpx.HTTPError as exc:
            return Outcome(None, _problem(None, "Request failed", f"{url}: {exc!r}"))
        try:
            payload: Any = reply.json()
        except ValueError:
            payload = _problem(reply.status_code, "Not JSON", reply.text[:500])
        return Outcome(
            reply.status_code,
            payload,
            retry_after=parse_retry_after(reply.headers.get("retry-after")),
            served_by=reply.headers.get("x-served-by"),
        )

    async def aclose(self) -> None:
        await self.client.aclose()


def summaries_endpoint(url: str) -> str:
    """A server's base URL (`http://host:8000`) or the endpoint itself."""
    url = url.rstrip("/")
    return url if url.endswith("/v1/summaries") else url + "/v1/summaries"


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); None if absent or bad."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# --- retries, bookkeeping, the run ---------------------------------------------------------------
@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    max_wait_s: float = 60.0  # cap on any one wait, whatever Retry-After says
    base_wait_s: float = 1.0  # first wait when the answer names none (then doubling)

    def should_retry(self, outcome: Outcome, attempt: int) -> bool:
        transient = outcome.status is None or outcome.status in RETRYABLE_STATUSES
        return transient and attempt < self.max_attempts

    def wait_s(self, outcome: Outcome, attempt: int) -> float:
        suggested = outcome.retry_after
        if suggested is None:
            suggested = self.base_wait_s * 2 ** (attempt - 1)
        # up to 20% jitter: clients told the same Retry-After do not all come back at once
        return min(self.max_wait_s, suggested) * random.uniform(1.0, 1.2)


@dataclass
class BatchReport:
    total: int = 0
    skipped: int = 0  # already ok in OUT from an earlier run
    ok: int = 0
    failed: int = 0
    retries: int = 0
    statuses: Counter[str] = field(default_factory=Counter)  # every attempt's answer
    served_by: Counter[str] = field(default_factory=Counter)
    elapsed_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        done = self.ok + self.failed
        return {
            "total": self.total,
            "skipped": self.skipped,
            "ok": self.ok,
            "failed": self.failed,
            "retries": self.retries,
            "statuses": dict(self.statuses),
            "served_by": dict(self.served_by),
            "elapsed_s": round(self.elapsed_s, 3),
            "articles_per_s": round(done / self.elapsed_s, 3) if self.elapsed_s else 0.0,
        }

    def summary(self) -> str:
        done = self.ok + self.failed
        rate = done / self.elapsed_s if self.elapsed_s else 0.0
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items()))
        text = (
            f"{self.ok} ok, {self.failed} failed, {self.skipped} already done; "
            f"{self.retries} retries; answers {{{statuses}}}; "
            f"{done} in {self.elapsed_s:.1f} s ({rate:.2f} articles/s)"
        )
        if self.served_by:
            text += "; served by " + ", ".join(f"{k}: {v}" for k, v in self.served_by.items())
        return text


class ResultFile:
    """OUT, one flushed line per article. Opening it keeps only the `ok` lines of an earlier run
    (once per id): the failed ids are about to be retried, and a line cut by a kill is dropped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        kept, self.ok_ids, stale = _previous_results(path)
        if stale:  # rewritten whole under a temporary name: a crash now loses nothing
            temp = path.with_name(path.name + ".tmp")
            temp.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
            os.replace(temp, path)
        self._handle = path.open("a", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


def _previous_results(path: Path) -> tuple[list[str], set[str], bool]:
    """(ok lines to keep, their ids, whether anything else was in the file)."""
    if not path.exists():
        return [], set(), False
    raw = path.read_text(encoding="utf-8", errors="replace")
    kept, ids = [], set()
    for line in raw.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(record, dict) or record.get("ok") is not True:
            continue
        if (item_id := str(record.get("id"))) not in ids:
            ids.add(item_id)
            kept.append(line)
    stale = len(kept) != len(raw.splitlines()) or bool(raw and not raw.endswith("\n"))
    return kept, ids, stale


async def _summarise(
    item: BatchItem, runner: Runner, policy: RetryPolicy, report: BatchReport
) -> dict[str, Any]:
    attempt = 0
    while True:
        attempt += 1
        outcome = await runner.attempt(item.body)
        report.statuses[str(outcome.status or "no answer")] += 1
        if outcome.served_by:
            report.served_by[outcome.served_by] += 1
        if outcome.status == 200 or not policy.should_retry(outcome, attempt):
            break
        report.retries += 1
        await anyio.sleep(policy.wait_s(outcome, attempt))
    extra = {"served_by": outcome.served_by} if outcome.served_by else {}
    if outcome.status == 200:
        report.ok += 1
        return {"id": item.id, "ok": True, "response": outcome.body, "attempts": attempt, **extra}
    report.failed += 1
    return {
        "id": item.id,
        "ok": False,
        "status": outcome.status,
        "problem": outcome.body,
        "attempts": attempt,
        **extra,
    }


async def run_batch(
    items: Sequence[BatchItem],
    out: Path,
    runner: Runner,
    *,
    concurrency: int = 4,
    policy: RetryPolicy | None = None,
    progress: bool | None = None,
) -> BatchReport:
    """Summarise every item not already `ok` in OUT, `concurrency` at a time. `progress`: a bar
    on stderr (None: only when stderr is a terminal)."""
    policy = policy or RetryPolicy()
    results = ResultFile(out)
    todo = [item for item in items if item.id not in results.ok_ids]
    report = BatchReport(total=len(items), skipped=len(items) - len(todo))
    bar = tqdm(
        total=len(items),
        initial=report.skipped,
        unit="article",
        file=sys.stderr,
        disable=None if progress is None else not progress,
    )
    started = time.monotonic()
    pending = iter(todo)

    async def worker() -> None:
        for item in pending:  # one shared iterator: each item is taken by exactly one worker
            results.write(await _summarise(item, runner, policy, report))
            bar.update(1)

    try:
        async with anyio.create_task_group() as group:
            for _ in range(max(1, concurrency)):
                group.start_soon(worker)
    finally:
        report.elapsed_s = time.monotonic() - started
        bar.close()
        results.close()
    return report
