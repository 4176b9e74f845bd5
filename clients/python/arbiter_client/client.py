"""Sync and asyncio clients of the Arbiter HTTP API (README "HTTP API" of the service).

Configuration: argument > environment (``ARBITER_URL``, ``ARBITER_API_KEY``) > default
(``http://127.0.0.1:8080``, no key). Retries: see :mod:`arbiter_client.retry`.
"""
from __future__ import annotations

import asyncio
import json
import os
import socket
import time
import uuid
from typing import Any, AsyncIterator, Dict, Iterator, Mapping, Optional

from . import __version__
from ._transport import Transport
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ArbiterError,
    ConflictError,
    job_error,
    status_error,
)
from .retry import RetryPolicy, should_retry_status
from .sse import ServerSentEvent, iter_sse

__all__ = ["ArbiterClient", "AsyncArbiterClient", "DEFAULT_BASE_URL", "FINAL_JOB_STATUSES"]

DEFAULT_BASE_URL = "http://127.0.0.1:8080"
DEFAULT_TIMEOUT = 300.0
FINAL_JOB_STATUSES = frozenset({"completed", "failed", "cancelled"})
_UNSET: Any = object()


def _resolve(value: Optional[str], env: str, default: Optional[str]) -> Optional[str]:
    if value is not None:
        return value
    from_env = os.environ.get(env)
    return from_env if from_env else default


class ArbiterClient:
    """Synchronous client. Thread-safe: each thread keeps its own keep-alive connection.

    >>> client = ArbiterClient()                       # ARBITER_URL / ARBITER_API_KEY or the defaults
    >>> out = client.grade({"groups": [{"task": {"type": "text", "answer": "4"}, "completions": ["4"]}]})
    """

    def __init__(
        self,
        base_url: Optional[str] = None,
        api_key: Optional[str] = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        retry_policy: Optional[RetryPolicy] = None,
        default_headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.base_url = (_resolve(base_url, "ARBITER_URL", DEFAULT_BASE_URL) or DEFAULT_BASE_URL).rstrip("/")
        self.api_key = _resolve(api_key, "ARBITER_API_KEY", None)
        self.timeout = timeout
        policy = retry_policy or RetryPolicy()
        if max_retries != policy.max_retries and retry_policy is None:
            policy = RetryPolicy(max_retries=max_retries)
        self.retry_policy = policy
        self.max_retries = policy.max_retries
        self._default_headers = dict(default_headers or {})
        self._transport = Transport(self.base_url)
        self._sleep = time.sleep

    # -- plumbing ---------------------------------------------------------------------------------

    def _headers(self, extra: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
        headers = {
            "accept": "application/json",
            "user-agent": "arbiter-python/%s" % __version__,
        }
        if self.api_key:
            headers["authorization"] = "Bearer %s" % self.api_key
        headers.update(self._default_headers)
        if extra:
            headers.update(extra)
        return headers

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Any = _UNSET,
        max_retries: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> Any:
        """Sends one logical request with retries; returns the parsed JSON body of a 2xx answer.

        ``idempotency_key`` is sent on every attempt (the same value), so the server answers a retried
        grading request with the job of the first attempt.
        """
        timeout = self.timeout if timeout is _UNSET else timeout
        retries = self.max_retries if max_retries is None else max_retries
        data = None
        hdrs = self._headers(headers)
        if body is not None:
            data = json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")
            hdrs["content-type"] = "application/json"
        if idempotency_key is not None:
            hdrs["idempotency-key"] = idempotency_key
        attempt = 0
        while True:
            err: ArbiterError
            resp_headers: Optional[Mapping[str, str]] = None
            try:
                status, resp_headers, raw = self._transport.request(method, path, data, hdrs, timeout)
            except APIConnectionError as exc:  # includes APITimeoutError
                err = exc
            else:
                if status < 400:
                    if not raw:
                        return None
                    try:
                        return json.loads(raw.decode("utf-8"))
                    except ValueError as exc:
                        raise APIStatusError(
                            "HTTP %d with a body that is not JSON" % status, status_code=status, headers=resp_headers
                        ) from exc
                err = status_error(status, resp_headers, raw)
                if not should_retry_status(status, err.code):
                    raise err
            if attempt >= retries:
                raise err
            self._sleep(self.retry_policy.delay(attempt, resp_headers))
            attempt += 1

    def _post_grading(self, path: str, request: Mapping[str, Any], idempotency_key: Optional[str], **kw: Any) -> Any:
        return self.request("POST", path, request, idempotency_key=idempotency_key or str(uuid.uuid4()), **kw)

    # -- API --------------------------------------------------------------------------------------

    def grade(
        self,
        request: Mapping[str, Any],
        *,
        idempotency_key: Optional[str] = None,
        timeout: Any = _UNSET,
        max_retries: Optional[int] = None,
    ) -> Dict[str, Any]:
        """``POST /v1/grade``: the GradeResponse. When the server answers 202 (past its
        ARBITER_GRADE_WAIT_MS) the client follows the job's event stream and returns its result, so the
        caller always gets a GradeResponse or an error."""
        out = self._post_grading("/v1/grade", request, idempotency_key, timeout=timeout, max_retries=max_retries)
        if isinstance(out, dict) and "groups" not in out and "id" in out and "status_url" in out:
            return self.wait(out["id"], timeout=timeout)
        return out

    def submit(
        self,
        request: Mapping[str, Any],
        *,
        idempotency_key: Optional[str] = None,
        timeout: Any = _UNSET,
        max_retries: Optional[int] = None,
    ) -> Dict[str, Any]:
        """``POST /v1/jobs``: ``{id, status_url, events_url}``."""
        return self._post_grading("/v1/jobs", request, idempotency_key, timeout=timeout, max_retries=max_retries)

    def get(self, job_id: str, *, timeout: Any = _UNSET) -> Dict[str, Any]:
        """``GET /v1/jobs/:id``: ``{id, status, progress, created_at, finished_at, result?, error?}``."""
        return self.request("GET", "/v1/jobs/%s" % job_id, timeout=timeout)

    def cancel(self, job_id: str, *, timeout: Any = _UNSET) -> Dict[str, Any]:
        """``DELETE /v1/jobs/:id``: the job after cancellation (a finished job keeps its status)."""
        return self.request("DELETE", "/v1/jobs/%s" % job_id, timeout=timeout)

    def advantages(self, request: Mapping[str, Any], *, timeout: Any = _UNSET) -> Dict[str, Any]:
        """``POST /v1/advantages``: advantages of raw rewards, no grading."""
        return self.request("POST", "/v1/advantages", request, timeout=timeout)

    def get_reward(self, query: list, prompts: list, labels: list, *, timeout: Any = _UNSET) -> Dict[str, Any]:
        """``POST /get_reward`` (OpenRLHF's protocol): ``{rewards, scores, extra_logs}``."""
        return self.request("POST", "/get_reward", {"query": query, "prompts": prompts, "labels": labels}, timeout=timeout)

    def health(self, *, timeout: Any = 5.0) -> Dict[str, Any]:
        """``GET /healthz``."""
        return self.request("GET", "/healthz", timeout=timeout, max_retries=0)

    def stream(
        self, job_id: str, *, last_event_id: Optional[str] = None, timeout: Any = _UNSET
    ) -> Iterator[ServerSentEvent]:
        """``GET /v1/jobs/:id/events``: yields ``ServerSentEvent``s (``event`` is ``group`` with
        ``.json() == {"index", "result"}``, then ``done`` with ``{"status"}``), then stops.

        A broken stream is resumed with ``Last-Event-ID`` (up to ``max_retries`` times in a row), so no
        group is lost or repeated. ``timeout`` bounds the wait for each read; the server sends a
        heartbeat every 15 s.
        """
        timeout = self.timeout if timeout is _UNSET else timeout
        last_id = last_event_id
        failures = 0
        while True:
            headers = self._headers({"accept": "text/event-stream"})
            if last_id is not None:
                headers["last-event-id"] = str(last_id)
            err: Optional[ArbiterError] = None
            resp_headers: Optional[Mapping[str, str]] = None
            conn = None
            try:
                conn, resp = self._transport.open_stream("GET", "/v1/jobs/%s/events" % job_id, headers, timeout)
                resp_headers = {k.lower(): v for k, v in resp.getheaders()}
                if resp.status >= 400:
                    err = status_error(resp.status, resp_headers, resp.read())
                    if not should_retry_status(resp.status, err.code):
                        raise err
                else:
                    for event in iter_sse(_lines(resp)):
                        failures = 0
                        if event.id is not None:
                            last_id = event.id
                        yield event
                        if event.event == "done":
                            return
                    err = APIConnectionError("event stream of job %s ended before its done event" % job_id)
            except socket.timeout as exc:
                err = APITimeoutError("no event from job %s within %ss" % (job_id, timeout))
                err.__cause__ = exc
            except APIConnectionError as exc:
                err = exc
            except OSError as exc:
                err = APIConnectionError("event stream of job %s broke: %s" % (job_id, exc))
            finally:
                if conn is not None:
                    conn.close()
            if failures >= self.max_retries:
                raise err
            self._sleep(self.retry_policy.delay(failures, resp_headers))
            failures += 1

    def wait(self, job_id: str, *, timeout: Any = _UNSET) -> Dict[str, Any]:
        """Waits for a job (following its event stream) and returns its GradeResponse; a failed job
        raises the error of its code, a cancelled one ``ConflictError`` (``JOB_CANCELLED``)."""
        for event in self.stream(job_id, timeout=timeout):
            if event.event == "done":
                break
        view = self.get(job_id, timeout=timeout)
        status = view.get("status")
        if status == "completed":
            return view["result"]
        if status == "failed":
            raise job_error(view.get("error"), job_id)
        if status == "cancelled":
            raise ConflictError("job %s was cancelled" % job_id, code="JOB_CANCELLED", status_code=409)
        raise APIStatusError("job %s is %s after its done event" % (job_id, status))  # pragma: no cover

    def close(self) -> None:
        """Closes the keep-alive connections."""
        self._transport.close()

    def __enter__(self) -> "ArbiterClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __getstate__(self) -> Dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_transport", None)
        state.pop("_sleep", None)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._transport = Transport(self.base_url)
        self._sleep = time.sleep

    def __repr__(self) -> str:
        return "ArbiterClient(base_url=%r, api_key=%s)" % (self.base_url, "set" if self.api_key else None)


def _lines(resp: Any) -> Iterator[str]:
    while True:
        line = resp.readline()
        if not line:
            return
        yield line.decode("utf-8")


class AsyncArbiterClient:
    """asyncio client with the same methods (coroutines; ``stream`` is an async iterator).

    It runs the sync client's calls in threads (``asyncio.to_thread``): each thread keeps a keep-alive
    connection, the retry and idempotency rules are the same, and nothing blocks the event loop.
    """

    def __init__(self, base_url: Optional[str] = None, api_key: Optional[str] = None, **kwargs: Any) -> None:
        self._sync = ArbiterClient(base_url, api_key, **kwargs)
        self.base_url = self._sync.base_url
        self.api_key = self._sync.api_key

    @property
    def sync_client(self) -> ArbiterClient:
        return self._sync

    async def grade(self, request: Mapping[str, Any], **kwargs: Any) -> Dict[str, Any]:
        return await asyncio.to_thread(self._sync.grade, request, **kwargs)

    async def submit(self, request: Mapping[str, Any], **kwargs: Any) -> Dict[str, Any]:
        return await asyncio.to_thread(self._sync.submit, request, **kwargs)

    async def get(self, job_id: str, **kwargs: Any) -> Dict[str, Any]:
        return await asyncio.to_thread(self._sync.get, job_id, **kwargs)

    async def cancel(self, job_id: str, **kwargs: Any) -> Dict[str, Any]:
        return await asyncio.to_thread(self._sync.cancel, job_id, **kwargs)

    async def advantages(self, request: Mapping[str, Any], **kwargs: Any) -> Dict[str, Any]:
        return await asyncio.to_thread(self._sync.advantages, request, **kwargs)

    async def get_reward(self, query: list, prompts: list, labels: list, **kwargs: Any) -> Dict[str, Any]:
        return await asyncio.to_thread(self._sync.get_reward, query, prompts, labels, **kwargs)

    async def wait(self, job_id: str, **kwargs: Any) -> Dict[str, Any]:
        return await asyncio.to_thread(self._sync.wait, job_id, **kwargs)

    async def health(self, **kwargs: Any) -> Dict[str, Any]:
        return await asyncio.to_thread(self._sync.health, **kwargs)

    async def stream(self, job_id: str, **kwargs: Any) -> AsyncIterator[ServerSentEvent]:
        iterator = self._sync.stream(job_id, **kwargs)
        done = object()
        try:
            while True:
                event = await asyncio.to_thread(next, iterator, done)
                if event is done:
                    return
                yield event
        finally:
            iterator.close()

    async def close(self) -> None:
        self._sync.close()

    async def __aenter__(self) -> "AsyncArbiterClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()
