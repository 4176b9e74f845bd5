"""The retry policy, as pure functions (tested without a network).

* Retried: connection errors, timeouts, and the statuses 408, 409, 429 and every 5xx, except answers
  whose code says that trying again cannot help (``JOB_CANCELLED``: the job is final).
* Delay before retry ``n`` (0-based): the server's ``Retry-After`` (seconds or an HTTP date; also
  ``retry-after-ms``) when it is between 0 and ``max_retry_after`` seconds, else exponential backoff
  ``min(initial * 2**n, maximum)`` reduced by up to ``jitter`` (a fraction) at random, so that many
  trainer ranks do not retry in lockstep.
* Every POST that grades carries an ``Idempotency-Key`` generated once per logical call and reused on
  every retry, so a retry attaches to the job the first attempt created instead of grading twice.
"""
from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass
from typing import Callable, Mapping, Optional

__all__ = [
    "RETRYABLE_STATUSES",
    "FINAL_CODES",
    "should_retry_status",
    "parse_retry_after",
    "backoff_delay",
    "retry_delay",
    "RetryPolicy",
]

RETRYABLE_STATUSES = frozenset({408, 409, 429})
#: Error codes that are final even though their status is retryable.
FINAL_CODES = frozenset({"JOB_CANCELLED"})


def should_retry_status(status: int, code: Optional[str] = None) -> bool:
    """True when an answer with this status (and error code) is worth retrying."""
    if code is not None and code in FINAL_CODES:
        return False
    return status in RETRYABLE_STATUSES or status >= 500


def _header(headers: Optional[Mapping[str, str]], name: str) -> Optional[str]:
    if not headers:
        return None
    value = headers.get(name)
    if value is None:
        for key, val in headers.items():
            if key.lower() == name:
                return val
    return value


def parse_retry_after(headers: Optional[Mapping[str, str]], now: Optional[float] = None) -> Optional[float]:
    """Seconds to wait according to ``retry-after-ms`` or ``Retry-After`` (delta seconds or HTTP date).

    Returns None when absent or unparseable; never a negative number.
    """
    raw_ms = _header(headers, "retry-after-ms")
    if raw_ms is not None:
        try:
            return max(0.0, float(raw_ms) / 1000.0)
        except ValueError:
            pass
    raw = _header(headers, "retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def backoff_delay(
    attempt: int,
    *,
    initial: float = 0.5,
    maximum: float = 8.0,
    jitter: float = 0.25,
    rand: Callable[[], float] = random.random,
) -> float:
    """Exponential backoff for retry ``attempt`` (0-based): ``min(initial * 2**attempt, maximum)``,
    minus up to ``jitter`` of it at random."""
    base = min(initial * (2.0 ** max(0, attempt)), maximum)
    return max(0.0, base * (1.0 - jitter * rand()))


def retry_delay(
    attempt: int,
    headers: Optional[Mapping[str, str]] = None,
    *,
    initial: float = 0.5,
    maximum: float = 8.0,
    jitter: float = 0.25,
    max_retry_after: float = 60.0,
    rand: Callable[[], float] = random.random,
    now: Optional[float] = None,
) -> float:
    """The delay before retry ``attempt``: the server's Retry-After when sane, else backoff."""
    after = parse_retry_after(headers, now=now)
    if after is not None and after <= max_retry_after:
        return after
    return backoff_delay(attempt, initial=initial, maximum=maximum, jitter=jitter, rand=rand)


@dataclass(frozen=True)
class RetryPolicy:
    """Retry settings of a client. ``max_retries`` is the number of retries after the first attempt."""

    max_retries: int = 2
    initial: float = 0.5
    maximum: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def delay(self, attempt: int, headers: Optional[Mapping[str, str]] = None) -> float:
        return retry_delay(
            attempt,
            headers,
            initial=self.initial,
            maximum=self.maximum,
            jitter=self.jitter,
            max_retry_after=self.max_retry_after,
        )
