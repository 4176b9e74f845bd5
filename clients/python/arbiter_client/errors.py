"""Error classes: one per HTTP status the service answers, plus connection and timeout errors.

Every error carries the server's ``code`` (README "Errors"), ``request_id`` and ``problems`` (a list of
``{"path", "message"}`` for invalid requests) when the server sent them.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional

__all__ = [
    "ArbiterError",
    "APIConnectionError",
    "APITimeoutError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "ServiceUnavailableError",
    "status_error",
    "job_error",
    "CODE_STATUS",
]


class ArbiterError(Exception):
    """Base class of every error this client raises."""

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        request_id: Optional[str] = None,
        problems: Optional[List[Dict[str, str]]] = None,
        status_code: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.request_id = request_id
        self.problems: List[Dict[str, str]] = list(problems or [])
        self.status_code = status_code

    def __str__(self) -> str:
        parts = [self.message]
        if self.code:
            parts.insert(0, "[%s]" % self.code)
        if self.status_code is not None:
            parts.insert(0, str(self.status_code))
        if self.request_id:
            parts.append("(request_id=%s)" % self.request_id)
        return " ".join(parts)


class APIConnectionError(ArbiterError):
    """The server could not be reached, or the connection broke before an answer."""


class APITimeoutError(APIConnectionError):
    """No answer within the client's timeout."""


class APIStatusError(ArbiterError):
    """The server answered with an error status. Subclasses name the status."""

    def __init__(self, message: str, *, headers: Optional[Mapping[str, str]] = None, body: Any = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.headers: Dict[str, str] = dict(headers or {})
        self.body = body


class BadRequestError(APIStatusError):
    """400 (REQUEST_INVALID, REWARDS_INVALID, ...); also 413, 415 and 431 (HEADERS_TOO_LARGE)."""


class AuthenticationError(APIStatusError):
    """401 (AUTH_MISSING, AUTH_INVALID)."""


class PermissionDeniedError(APIStatusError):
    """403."""


class NotFoundError(APIStatusError):
    """404 (JOB_NOT_FOUND, ROUTE_NOT_FOUND)."""


class ConflictError(APIStatusError):
    """409 (JOB_CANCELLED)."""


class UnprocessableEntityError(APIStatusError):
    """422 (IDEMPOTENCY_KEY_REUSED)."""


class RateLimitError(APIStatusError):
    """429 (RATE_LIMITED)."""


class InternalServerError(APIStatusError):
    """500 and every other 5xx status."""


class ServiceUnavailableError(InternalServerError):
    """503 (GRADER_CLOSED, NOT_READY, SANDBOX_UNAVAILABLE, QUEUE_UNAVAILABLE, OVERLOADED)."""


_STATUS_CLASSES = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: BadRequestError,
    415: BadRequestError,
    422: UnprocessableEntityError,
    431: BadRequestError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}

#: The HTTP status of every error code of the server (README "Errors"), used for jobs that failed.
CODE_STATUS = {
    "REQUEST_INVALID": 400,
    "REWARDS_INVALID": 400,
    "INPUT_LINE_INVALID": 400,
    "AUTH_MISSING": 401,
    "AUTH_INVALID": 401,
    "ROUTE_NOT_FOUND": 404,
    "JOB_NOT_FOUND": 404,
    "JOB_CANCELLED": 409,
    "BODY_TOO_LARGE": 413,
    "CONTENT_TYPE_UNSUPPORTED": 415,
    "IDEMPOTENCY_KEY_REUSED": 422,
    "RATE_LIMITED": 429,
    "HEADERS_TOO_LARGE": 431,
    "CONFIG_INVALID": 500,
    "GROUP_STALLED": 500,
    "INTERNAL": 500,
    "GRADER_CLOSED": 503,
    "NOT_READY": 503,
    "QUEUE_UNAVAILABLE": 503,
    "OVERLOADED": 503,
    "SANDBOX_UNAVAILABLE": 503,
}


def _class_for(status: int) -> type:
    cls = _STATUS_CLASSES.get(status)
    if cls is not None:
        return cls
    if status >= 500:
        return InternalServerError
    return APIStatusError


def status_error(status: int, headers: Mapping[str, str], raw: bytes) -> APIStatusError:
    """Builds the error for an HTTP error answer from its status, headers and raw body."""
    body: Any = None
    code = request_id = None
    problems: List[Dict[str, str]] = []
    message = "HTTP %d" % status
    try:
        body = json.loads(raw.decode("utf-8")) if raw else None
    except (ValueError, UnicodeDecodeError):
        body = raw.decode("utf-8", "replace")[:500] if raw else None
        if body:
            message = "HTTP %d: %s" % (status, body)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        err = body["error"]
        code = err.get("code")
        message = err.get("message") or message
        request_id = err.get("request_id")
        problems = [p for p in err.get("problems") or [] if isinstance(p, dict)]
    if request_id is None:
        request_id = headers.get("x-request-id")
    return _class_for(status)(
        message, code=code, request_id=request_id, problems=problems, status_code=status, headers=headers, body=body
    )


def job_error(error: Optional[Mapping[str, Any]], job_id: Optional[str] = None) -> APIStatusError:
    """The error of a job that failed (``JobView.error``), as the class of its code's HTTP status."""
    error = error or {}
    code = error.get("code") or "INTERNAL"
    status = CODE_STATUS.get(code, 500)
    message = error.get("message") or "the job failed"
    if job_id:
        message = "job %s: %s" % (job_id, message)
    return _class_for(status)(
        message, code=code, problems=list(error.get("problems") or []), status_code=status, body={"error": dict(error)}
    )
