"""OpenRLHF adapter, file mode: ``--reward.remote_url /path/to/arbiter_client/openrlhf.py``
(``--remote_rm_url`` before v0.10). OpenRLHF imports the file and calls
``reward_func(queries, prompts, labels, **kwargs)``.

It forwards the batch to the service's ``POST /get_reward``, so file mode and HTTP mode
(``--reward.remote_url http://HOST:8080/get_reward``) give the same numbers: the server removes the
echoed prompt (also behind a BOS token) and trailing special tokens, merges a dict label over
``ARBITER_OPENRLHF_TASK`` (else the label is the answer), and uses the server's
``ARBITER_OPENRLHF_REWARDS``.

Returns ``{"rewards": [float], "scores": [float], "extra_logs": {name: [float]}}``: plain lists (not
tensors: both OpenRLHF eras accept lists; this keeps the file free of torch), each as long as
``queries``. If the service cannot be reached after the client's retries, every sample gets
``ARBITER_FALLBACK_REWARD`` (default 0.0) with ``extra_logs["client_error"] = 1.0``, so one outage does
not kill the run; set ``ARBITER_OPENRLHF_RAISE=1`` to raise instead. Thread-safe (OpenRLHF >= 0.9.1
calls it from threads, one sample per call): each thread keeps its own keep-alive connection.

Environment: ``ARBITER_URL``, ``ARBITER_API_KEY``, ``ARBITER_FALLBACK_REWARD``, ``ARBITER_OPENRLHF_RAISE``.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Any, Dict, List, Sequence

try:
    from arbiter_client._common import env_float, finite, shared_client
except ImportError:  # loaded by path from a checkout that is not installed
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from arbiter_client._common import env_float, finite, shared_client

__all__ = ["reward_func"]

_log = logging.getLogger("arbiter_client.openrlhf")
#: extra_logs keys of the last answer, so a failed call logs the same keys (the server's defaults first).
_last_keys: List[str] = ["accuracy", "format", "correct", "unscorable"]


def reward_func(queries: Sequence[str], prompts: Sequence[str], labels: Sequence[Any], **kwargs: Any) -> Dict[str, Any]:
    """OpenRLHF's reward function contract (lists of len(queries); never None or NaN)."""
    queries = list(queries)
    n = len(queries)
    prompts = list(prompts) if prompts is not None else [""] * n
    labels = list(labels) if labels is not None else [None] * n
    fallback = finite(kwargs.get("fallback_reward"), env_float("ARBITER_FALLBACK_REWARD", 0.0))
    if n == 0:
        return {"rewards": [], "scores": [], "extra_logs": {}}
    try:
        client = shared_client(
            kwargs.get("base_url"), kwargs.get("api_key"), float(kwargs.get("timeout", 180.0)), int(kwargs.get("max_retries", 3))
        )
        out = client.get_reward(queries, prompts, labels)
        rewards = [finite(r, fallback) for r in out["rewards"]]
        scores = [finite(s, 0.0) for s in (out.get("scores") or out["rewards"])]
        extra: Dict[str, List[float]] = {
            k: [finite(v, 0.0) for v in vals] for k, vals in (out.get("extra_logs") or {}).items()
        }
        extra["client_error"] = [0.0] * n
        _last_keys[:] = [k for k in extra if k != "client_error"]
        return {"rewards": rewards, "scores": scores, "extra_logs": extra}
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("ARBITER_OPENRLHF_RAISE", "") not in ("", "0", "false"):
            raise
        _log.warning("arbiter: /get_reward failed, %d samples get the fallback reward: %s", n, exc)
        extra = {k: [1.0 if k == "unscorable" else 0.0] * n for k in _last_keys}
        extra["client_error"] = [1.0] * n
        return {"rewards": [fallback] * n, "scores": [0.0] * n, "extra_logs": extra}
