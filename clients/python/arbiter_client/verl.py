"""verl adapter: ``custom_reward_function.path=<this file>``, ``.name=compute_score`` (or
``compute_score_batch`` with ``reward_model.reward_manager=batch``, or ``compute_score_async`` with the
reward loop), ``.reward_kwargs={base_url: http://host:8080}``.

Every call returns ``{"score", "acc", "pred", <each component>, "unscorable", "status"}`` with the
same keys for every sample (verl's reward loop indexes all samples with the first one's keys); numbers
are finite floats, never None or NaN; nothing raises: an unscorable completion or a failed request
gets ``fallback_score`` (kwarg, env ``ARBITER_FALLBACK_SCORE``, default 0.0) with its status
(``client_error`` when the service could not be reached after retries).

The task: ``extra_info["task"]`` (a task dict) when present; else ``ground_truth`` as a task when it
is a dict (merged over ``{"type": task_type}``) or a JSON object string; else
``{"type": task_type, "answer": ground_truth}``. ``task_type`` (kwarg, env ``ARBITER_TASK_TYPE``)
defaults to ``"text"``; ``task_types={"openai/gsm8k": "math", ...}`` maps data sources to types.

Keyword arguments (all optional, verl's ``reward_kwargs`` land here): ``base_url``, ``api_key``,
``rewards`` (dict or JSON; env ``ARBITER_REWARDS``; default accuracy + format), ``fallback_score``,
``task_type``, ``task_types``, ``timeout``, ``max_retries``. verl's own kwargs
(``reward_router_address``, ``reward_model_tokenizer``, ``sandbox_fusion_url``,
``concurrent_semaphore``, ``memory_limit_mb``, ...) are accepted and ignored.

This file also works when verl loads it by path (``importlib`` from a file): it then imports the
``arbiter_client`` package, from the installed distribution or from the checkout next to it.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from typing import Any, Dict, List, Mapping, Optional, Sequence

try:
    from arbiter_client._common import as_task, env_float, env_json, finite, shared_client
except ImportError:  # loaded by path from a checkout that is not installed
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from arbiter_client._common import as_task, env_float, env_json, finite, shared_client

__all__ = ["compute_score", "compute_score_batch", "compute_score_async", "score_keys"]

_log = logging.getLogger("arbiter_client.verl")
_DEFAULT_REWARDS = {"accuracy": 1, "format": 1}


def _rewards(kwargs: Mapping[str, Any]) -> Dict[str, Any]:
    rewards = kwargs.get("rewards")
    if isinstance(rewards, str):
        rewards = json.loads(rewards)
    if rewards is None:
        rewards = env_json("ARBITER_REWARDS")
    return dict(rewards) if rewards else dict(_DEFAULT_REWARDS)


def score_keys(rewards: Optional[Mapping[str, Any]] = None) -> List[str]:
    """The keys every returned dict has, in order."""
    rewards = rewards if rewards is not None else _DEFAULT_REWARDS
    components = [c for c in rewards if c not in ("score", "acc", "pred", "status", "unscorable")]
    return ["score", "acc", "pred"] + components + ["unscorable", "status"]


def _fallback(kwargs: Mapping[str, Any]) -> float:
    value = kwargs.get("fallback_score")
    if value is None:
        return env_float("ARBITER_FALLBACK_SCORE", 0.0)
    return finite(value, 0.0)


def _task(data_source: Any, ground_truth: Any, extra_info: Any, kwargs: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    task_type = kwargs.get("task_type") or os.environ.get("ARBITER_TASK_TYPE") or "text"
    mapping = kwargs.get("task_types") or {}
    if isinstance(mapping, Mapping) and data_source in mapping:
        task_type = mapping[data_source]
    if isinstance(extra_info, Mapping) and isinstance(extra_info.get("task"), (Mapping, str)):
        task = as_task(extra_info["task"], task_type)
        if task is not None:
            return task
    return as_task(ground_truth, task_type)


def _row(result: Optional[Mapping[str, Any]], status: str, keys: Sequence[str], fallback: float) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    components = (result or {}).get("components") or {}
    reward = (result or {}).get("reward")
    unscorable = result is None or reward is None
    for key in keys:
        if key == "score":
            out[key] = fallback if unscorable else finite(reward, fallback)
        elif key == "acc":
            if "accuracy" in components:
                out[key] = finite(components.get("accuracy"), 0.0)
            else:
                out[key] = 1.0 if status == "correct" else 0.0
        elif key == "pred":
            answer = (result or {}).get("answer")
            out[key] = "" if answer is None else str(answer)
        elif key == "unscorable":
            out[key] = 1.0 if unscorable else 0.0
        elif key == "status":
            out[key] = status
        else:
            out[key] = finite(components.get(key), 0.0)
    return out


def _group_id(data_source: Any, extra_info: Any) -> Optional[str]:
    if isinstance(extra_info, Mapping) and extra_info.get("index") is not None:
        return ("%s-%s" % (data_source, extra_info["index"]))[:256]
    return None


def compute_score_batch(
    data_sources: Sequence[Any],
    solution_strs: Sequence[str],
    ground_truths: Sequence[Any],
    extra_infos: Optional[Sequence[Any]] = None,
    **kwargs: Any,
) -> List[Dict[str, Any]]:
    """verl's batch manager: one HTTP call for the batch; consecutive samples with the same task and
    ``extra_info["index"]`` form a group. Returns one dict per sample, in order."""
    n = len(solution_strs)
    extra_infos = list(extra_infos) if extra_infos is not None else [None] * n
    fallback = _fallback(kwargs)
    try:
        rewards = _rewards(kwargs)
    except ValueError:
        _log.error("arbiter: rewards is not valid JSON; using accuracy + format")
        rewards = dict(_DEFAULT_REWARDS)
    keys = score_keys(rewards)
    rows: List[Optional[Dict[str, Any]]] = [None] * n
    groups: List[Dict[str, Any]] = []
    where: List[Optional[tuple]] = [None] * n
    current = None
    for i in range(n):
        try:
            task = _task(data_sources[i], ground_truths[i], extra_infos[i], kwargs)
        except Exception:  # noqa: BLE001 - a bad reference is a result, not an exception
            task = None
        if task is None:
            rows[i] = _row(None, "invalid_reference", keys, fallback)
            current = None
            continue
        gid = _group_id(data_sources[i], extra_infos[i])
        key = json.dumps([task, gid], sort_keys=True, default=str)
        if key != current:
            group: Dict[str, Any] = {"task": task, "completions": []}
            if gid is not None:
                group["id"] = gid
            groups.append(group)
            current = key
        where[i] = (len(groups) - 1, len(groups[-1]["completions"]))
        solution = solution_strs[i]
        groups[-1]["completions"].append(solution if isinstance(solution, str) else str(solution))
    if groups:
        try:
            client = shared_client(
                kwargs.get("base_url"), kwargs.get("api_key"), float(kwargs.get("timeout", 300.0)), int(kwargs.get("max_retries", 3))
            )
            response = client.grade({"groups": groups, "rewards": rewards})
        except Exception as exc:  # noqa: BLE001 - verl's legacy managers do not catch: never raise
            _log.warning("arbiter: grading failed, %d samples get the fallback score: %s", len(where) - where.count(None), exc)
            response = None
        for i, pos in enumerate(where):
            if pos is None:
                continue
            if response is None:
                rows[i] = _row(None, "client_error", keys, fallback)
            else:
                result = response["groups"][pos[0]]["results"][pos[1]]
                rows[i] = _row(result, str(result.get("status", "error")), keys, fallback)
    return [r if r is not None else _row(None, "error", keys, fallback) for r in rows]


def compute_score(
    data_source: Any = None,
    solution_str: str = "",
    ground_truth: Any = None,
    extra_info: Optional[Mapping[str, Any]] = None,
    **kwargs: Any,
) -> Dict[str, Any]:
    """verl's per-sample reward function (naive, dapo, prime, reward-loop managers); keyword or
    positional. One HTTP call, the sample as a group of one."""
    try:
        return compute_score_batch([data_source], [solution_str], [ground_truth], [extra_info], **kwargs)[0]
    except Exception as exc:  # noqa: BLE001 - last line of defence: never raise into verl
        _log.warning("arbiter: compute_score failed: %s", exc)
        try:
            keys = score_keys(_rewards(kwargs))
        except Exception:  # noqa: BLE001
            keys = score_keys(None)
        return _row(None, "client_error", keys, finite(kwargs.get("fallback_score"), 0.0))


async def compute_score_async(
    data_source: Any = None,
    solution_str: str = "",
    ground_truth: Any = None,
    extra_info: Optional[Mapping[str, Any]] = None,
    **kwargs: Any,
) -> Dict[str, Any]:
    """The same as :func:`compute_score`, as a coroutine function (verl's reward loop awaits it; the
    HTTP call runs in a thread so the loop's other samples proceed)."""
    return await asyncio.to_thread(compute_score, data_source, solution_str, ground_truth, extra_info, **kwargs)
