"""Grading groups in the background: one ``POST /v1/grade`` per group through ``arbiter_client``.

The trainer submits a group the moment its completions are generated and collects the result only
when it needs the advantages, so the time it actually blocks (``waited_s``) is what grading costs it.
Retries and idempotency keys are ``ArbiterClient``'s (a retried group is never graded twice).
"""
from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from arbiter_client import ArbiterClient

__all__ = ["GroupGrader", "PendingGroup"]


@dataclass
class PendingGroup:
    """A group in flight: its future and when it was sent and answered (``time.perf_counter`` seconds)."""

    future: "Future[Dict[str, Any]]"
    size: int
    submitted_at: float
    answered_at: Optional[float] = field(default=None)

    @property
    def latency_s(self) -> Optional[float]:
        return None if self.answered_at is None else self.answered_at - self.submitted_at


class GroupGrader:
    """Sends each group as its own grading request on a thread pool of ``max_workers`` (default 4).

    ``rewards`` and ``advantage`` are the request's fields (README "Wire format"). A request holds one
    group, so the advantages are group-normalised; ``scale: "batch"`` would silently mean the same thing
    and is refused.
    """

    def __init__(self, client: ArbiterClient, *, rewards: Optional[Mapping[str, Any]] = None,
                 advantage: Optional[Mapping[str, Any]] = None, max_workers: int = 4) -> None:
        if advantage and advantage.get("scale") == "batch":
            raise ValueError('advantage.scale "batch" needs the whole batch in one request; the trainer '
                             "grades one group per request (use \"group\" or \"none\")")
        self.client = client
        self.rewards = dict(rewards) if rewards is not None else None
        self.advantage = dict(advantage) if advantage is not None else None
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="arbiter-grade")

    def request_for(self, group: Mapping[str, Any]) -> Dict[str, Any]:
        body: Dict[str, Any] = {"groups": [dict(group)]}
        if self.rewards is not None:
            body["rewards"] = self.rewards
        if self.advantage is not None:
            body["advantage"] = self.advantage
        return body

    def submit(self, group: Mapping[str, Any]) -> PendingGroup:
        """Queues ``group`` (``{id?, prompt?, task, completions}``) for grading and returns at once."""
        body = self.request_for(group)
        pending = PendingGroup(future=None, size=len(group["completions"]), submitted_at=time.perf_counter())  # type: ignore[arg-type]

        def grade() -> Dict[str, Any]:
            try:
                return self.client.grade(body)
            finally:
                pending.answered_at = time.perf_counter()

        pending.future = self._pool.submit(grade)
        return pending

    def collect(self, pending: PendingGroup) -> Dict[str, Any]:
        """Blocks until the group is graded and returns its result (``{id, results, stats}``); raises the
        client's error if grading failed after its retries."""
        out = pending.future.result()
        groups: List[Dict[str, Any]] = out["groups"]
        if len(groups) != 1 or len(groups[0]["results"]) != pending.size:
            raise RuntimeError("Arbiter answered %d groups / %s results for one group of %d"
                               % (len(groups), [len(g["results"]) for g in groups], pending.size))
        return groups[0]

    def close(self) -> None:
        self._pool.shutdown(wait=True)
