"""TRL adapter: Arbiter as ``GRPOTrainer(reward_funcs=[...])`` (also RLOOTrainer, async GRPO).

    from arbiter_client.trl import ArbiterReward, reward_funcs
    trainer = GRPOTrainer(model=..., reward_funcs=reward_funcs(["accuracy", "format"]), ...)

TRL calls each reward function with keywords only: ``prompts``, ``completions`` (strings, or message
lists ``[{"role": "assistant", "content": ...}]``), ``completion_ids``, every dataset column as a list
(``solution``, ``answer``, ``task``, ...), ``trainer_state``, and in TRL >= 1.0 ``log_extra`` and
``log_metric``. It expects ``list[float | None]`` in order; ``None`` means "not scorable".

* One HTTP round trip per call; consecutive identical prompts (with the same task) form a group, cut
  every ``num_generations`` completions when that is given.
* Instances with the same settings (one per component) share a per-process batch cache keyed by the
  request body: the first one grades, the others read the same answer (concurrent callers wait for the
  request in flight instead of sending their own).
* Picklable (module-level class, no locks or sockets in its state), as ``trl.experimental.async_grpo``
  needs for its spawned scoring process.

The async trap: TRL treats a reward function as async only when ``inspect.iscoroutinefunction(func)``
is true, which is False for an instance whose ``__call__`` is ``async def`` (TRL would call it
synchronously and get a coroutine instead of a list). Use :func:`async_reward_func`, a
``functools.partial`` of the module-level coroutine function :func:`arbiter_reward_async`, which TRL
does detect. TRL names partials by the wrapped function, so several async partials all log as
``arbiter_reward_async``: prefer one async function (``component="reward"``), or the sync instances.
"""
from __future__ import annotations

import asyncio
import collections
import functools
import hashlib
import json
import os
import threading
import time
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from ._common import as_task, completion_text, shared_client, wire_prompt

__all__ = ["ArbiterReward", "reward_funcs", "arbiter_reward_async", "async_reward_func", "BatchCache", "BATCH_CACHE"]

_NOT_COLUMNS = frozenset(
    {"prompts", "completions", "completion_ids", "trainer_state", "log_extra", "log_metric", "environments"}
)
_DEFAULT_COMPONENTS = ("accuracy", "format")


class _Entry:
    __slots__ = ("event", "result", "error")

    def __init__(self) -> None:
        self.event = threading.Event()
        self.result: Any = None
        self.error: Optional[BaseException] = None


class BatchCache:
    """A small LRU of recent answers keyed by request, with in-flight de-duplication (thread-safe)."""

    def __init__(self, maxsize: int = 16) -> None:
        self.maxsize = maxsize
        self._entries: "collections.OrderedDict[str, _Entry]" = collections.OrderedDict()
        self._lock = threading.Lock()
        self.misses = 0
        self.hits = 0

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Tuple[Any, bool]:
        """(answer, computed_here). Errors are not cached: every waiter gets the error, the next call retries."""
        with self._lock:
            entry = self._entries.get(key)
            owner = entry is None
            if owner:
                entry = _Entry()
                self._entries[key] = entry
                while len(self._entries) > self.maxsize:
                    self._entries.popitem(last=False)
                self.misses += 1
            else:
                self._entries.move_to_end(key)
                self.hits += 1
        assert entry is not None
        if owner:
            try:
                entry.result = compute()
            except BaseException as exc:  # noqa: BLE001 - handed to every waiter, then re-raised
                entry.error = exc
                with self._lock:
                    if self._entries.get(key) is entry:
                        del self._entries[key]
            finally:
                entry.event.set()
        else:
            entry.event.wait()
        if entry.error is not None:
            raise entry.error
        return entry.result, owner

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


#: The per-process cache shared by every ArbiterReward (not pickled: each process has its own).
BATCH_CACHE = BatchCache()


def _digest(value: Any) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


class ArbiterReward:
    """A TRL reward function backed by Arbiter.

    Args:
        component: what to return per completion: ``"reward"`` (the weighted sum), ``"advantage"``, or a
            component name of ``rewards`` (``"accuracy"``, ``"format"``, ...).
        name: the ``__name__`` TRL logs under (default ``arbiter_<component>``, ``arbiter`` for reward).
        rewards: the request's reward configuration (default: the server's, accuracy + format). Give
            every instance the same one so that they share a single grading call.
        advantage: the request's advantage options (only matters for ``component="advantage"``).
        task_builder: ``f(row) -> task dict | None``, where ``row`` maps every dataset column to this
            completion's value plus ``prompt`` and ``completion``. Default: the ``task_key`` column
            (a task dict or its JSON), else the first of ``answer_keys`` present, as a ``task_type`` task.
        num_generations: G, to cut runs of identical prompts into groups of G (TRL does not pass G).
        on_error: ``"raise"`` (default) re-raises a grading failure after the client's retries;
            ``"none"`` returns ``None`` for the whole call (TRL >= 1.6 treats all-None rows as unscorable).
        use_num_tokens: send ``len(completion_ids[i])`` as ``num_tokens`` so length rewards count tokens.
        group_barrier: for multi-GPU runs where a rank holds only part of a group (huggingface/trl#3896):
            cut this rank's completions into the global groups of ``num_generations`` (rank ``process_index``,
            default env ``RANK``, holds global items ``[rank*n, (rank+1)*n)``) and tag each partial group
            ``group: {id, size, offset}`` so the server grades it once, whole, and every rank gets
            group-correct advantages. Needs ``num_generations`` and ``trainer_state`` (the step makes ids unique).
        barrier_wait_ms: how long a rank waits for the other slices of its groups (server default if None).
        base_url, api_key, timeout, max_retries: the client (env ``ARBITER_URL``, ``ARBITER_API_KEY``).
    """

    def __init__(
        self,
        component: str = "reward",
        *,
        name: Optional[str] = None,
        base_url: Optional[str] = None,
        api_key: Optional[str] = None,
        rewards: Optional[Mapping[str, Any]] = None,
        advantage: Optional[Mapping[str, Any]] = None,
        task_builder: Optional[Callable[[Dict[str, Any]], Optional[Mapping[str, Any]]]] = None,
        task_key: str = "task",
        answer_keys: Sequence[str] = ("solution", "answer", "ground_truth", "reference", "label"),
        task_type: str = "text",
        num_generations: Optional[int] = None,
        timeout: float = 300.0,
        max_retries: int = 3,
        on_error: str = "raise",
        use_num_tokens: bool = True,
        group_barrier: bool = False,
        process_index: Optional[int] = None,
        barrier_wait_ms: Optional[int] = None,
    ) -> None:
        known = set(rewards) if rewards is not None else set(_DEFAULT_COMPONENTS)
        if rewards is not None and "stop_properly" in rewards:
            known.add("stop_properly")
        if component not in ("reward", "advantage") and component not in known:
            raise ValueError(
                "component %r is not in the reward configuration %s; pass rewards={...} that includes it"
                % (component, sorted(known))
            )
        if on_error not in ("raise", "none"):
            raise ValueError("on_error must be 'raise' or 'none'")
        if num_generations is not None and num_generations < 1:
            raise ValueError("num_generations must be >= 1")
        if group_barrier and num_generations is None:
            raise ValueError("group_barrier needs num_generations (the size of a whole group)")
        self.component = component
        self.__name__ = name or ("arbiter" if component == "reward" else "arbiter_%s" % component)
        self.base_url = base_url
        self.api_key = api_key
        self.rewards = dict(rewards) if rewards is not None else None
        self.advantage = dict(advantage) if advantage is not None else None
        self.task_builder = task_builder
        self.task_key = task_key
        self.answer_keys = tuple(answer_keys)
        self.task_type = task_type
        self.num_generations = num_generations
        self.timeout = timeout
        self.max_retries = max_retries
        self.on_error = on_error
        self.use_num_tokens = use_num_tokens
        self.group_barrier = group_barrier
        self.process_index = process_index
        self.barrier_wait_ms = barrier_wait_ms

    def __repr__(self) -> str:
        return "ArbiterReward(%r, name=%r)" % (self.component, self.__name__)

    # -- request building -------------------------------------------------------------------------

    def _task(self, i: int, prompt: Any, completion: Any, columns: Mapping[str, Sequence[Any]]) -> Optional[Dict[str, Any]]:
        if self.task_builder is not None:
            row = {key: values[i] for key, values in columns.items()}
            row["prompt"] = prompt
            row["completion"] = completion
            task = self.task_builder(row)
            return dict(task) if task is not None else None
        if self.task_key in columns:
            task = as_task(columns[self.task_key][i], self.task_type)
            if task is not None:
                return task
        for key in self.answer_keys:
            if key in columns:
                return as_task(columns[key][i], self.task_type)
        return None

    def build_request(
        self,
        prompts: Sequence[Any],
        completions: Sequence[Any],
        completion_ids: Optional[Sequence[Sequence[int]]] = None,
        *,
        step: Optional[int] = None,
        columns: Optional[Mapping[str, Any]] = None,
    ) -> Tuple[Optional[Dict[str, Any]], List[Optional[Tuple[int, int]]]]:
        """The GradeRequest for one call, and for each completion its (group, position) or None.
        ``columns`` are TRL's dataset-column keywords (lists aligned with ``completions``)."""
        n = len(completions)
        columns = columns or {}
        cols = {k: v for k, v in columns.items() if k not in _NOT_COLUMNS and isinstance(v, (list, tuple)) and len(v) == n}
        groups: List[Dict[str, Any]] = []
        where: List[Optional[Tuple[int, int]]] = [None] * n
        current_key = None
        seen_ids: Dict[str, int] = {}
        size = self.num_generations
        base = 0
        if self.group_barrier:
            if step is None:
                raise ValueError("group_barrier needs trainer_state.global_step to give groups step-unique ids")
            rank = self.process_index if self.process_index is not None else int(os.environ.get("RANK", "0") or 0)
            base = rank * n
        first_global: List[int] = []
        for i in range(n):
            prompt = prompts[i] if prompts is not None and i < len(prompts) else None
            task = self._task(i, prompt, completions[i], cols)
            if task is None:
                current_key = None
                continue
            wprompt = wire_prompt(prompt)
            key = _digest([wprompt, task])
            text = completion_text(completions[i])
            wire: Any = text
            if self.use_num_tokens and completion_ids is not None and i < len(completion_ids) and completion_ids[i] is not None:
                wire = {"text": text, "num_tokens": len(completion_ids[i])}
            if self.group_barrier:
                # Global groups: items [k*G, (k+1)*G) of the gathered batch, wherever this rank's slice cuts them.
                full = (base + i) % size == 0 and i > 0
            else:
                full = size is not None and groups and len(groups[-1]["completions"]) >= size
            if key != current_key or full:
                if self.group_barrier:
                    gid = "s%d-g%d-%s" % (step, (base + i) // size, key[:12])
                else:
                    gid = "g%s" % key[:16] if step is None else "s%d-%s" % (step, key[:16])
                first_global.append(base + i)
                count = seen_ids.get(gid, 0)
                seen_ids[gid] = count + 1
                group: Dict[str, Any] = {"id": gid if count == 0 else "%s-%d" % (gid, count), "task": task, "completions": []}
                if wprompt is not None:
                    group["prompt"] = wprompt
                groups.append(group)
                current_key = key
            where[i] = (len(groups) - 1, len(groups[-1]["completions"]))
            groups[-1]["completions"].append(wire)
        if not groups:
            return None, where
        if self.group_barrier:
            for group, first in zip(groups, first_global):
                if len(group["completions"]) < size:
                    tag: Dict[str, Any] = {"id": group["id"], "size": size, "offset": first % size}
                    if self.barrier_wait_ms is not None:
                        tag["wait_ms"] = self.barrier_wait_ms
                    group["group"] = tag
        request: Dict[str, Any] = {"groups": groups}
        if self.rewards is not None:
            request["rewards"] = self.rewards
        if self.advantage is not None:
            request["advantage"] = self.advantage
        return request, where

    def _client(self) -> Any:
        return shared_client(self.base_url, self.api_key, self.timeout, self.max_retries)

    def _value(self, result: Mapping[str, Any]) -> Optional[float]:
        if self.component == "reward":
            value = result.get("reward")
        elif self.component == "advantage":
            value = result.get("advantage")
        else:
            value = (result.get("components") or {}).get(self.component)
        return None if value is None else float(value)

    # -- the TRL entry point ----------------------------------------------------------------------

    def __call__(
        self,
        prompts: Optional[Sequence[Any]] = None,
        completions: Optional[Sequence[Any]] = None,
        completion_ids: Optional[Sequence[Sequence[int]]] = None,
        trainer_state: Any = None,
        log_extra: Optional[Callable[[str, list], None]] = None,
        log_metric: Optional[Callable[[str, float], None]] = None,
        **kwargs: Any,
    ) -> List[Optional[float]]:
        completions = list(completions or [])
        n = len(completions)
        if prompts is None:
            prompts = [None] * n
        step = getattr(trainer_state, "global_step", None)
        started = time.perf_counter()
        request, where = self.build_request(
            prompts, completions, completion_ids, step=step if isinstance(step, int) else None, columns=kwargs
        )
        values: List[Optional[float]] = [None] * n
        statuses: List[str] = ["no_task"] * n
        if request is not None:
            client = self._client()
            key = _digest([client.base_url, request])
            try:
                response, _ = BATCH_CACHE.get_or_compute(key, lambda: client.grade(request))
            except Exception:
                if self.on_error == "raise":
                    raise
                response = None
                statuses = ["client_error"] * n
            if response is not None:
                for i, pos in enumerate(where):
                    if pos is None:
                        continue
                    result = response["groups"][pos[0]]["results"][pos[1]]
                    values[i] = self._value(result)
                    statuses[i] = result.get("status", "error")
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        if log_metric is not None:
            log_metric("%s/unscorable_frac" % self.__name__, (sum(v is None for v in values) / n) if n else 0.0)
            log_metric("%s/call_ms" % self.__name__, elapsed_ms)
        if log_extra is not None:
            log_extra("%s_status" % self.__name__, statuses)
        return values


def reward_funcs(components: Sequence[str] = _DEFAULT_COMPONENTS, **options: Any) -> List[ArbiterReward]:
    """One :class:`ArbiterReward` per component, sharing one grading call per batch.

    ``rewards`` defaults to ``{component: 1, ...}`` so the request grades exactly these components;
    use ``GRPOConfig(reward_weights=[...])`` for TRL-side weights.
    """
    rewards = options.pop("rewards", None)
    if rewards is None:
        rewards = {c: 1 for c in components}
    return [ArbiterReward(c, rewards=rewards, **options) for c in components]


async def arbiter_reward_async(
    prompts: Optional[Sequence[Any]] = None,
    completions: Optional[Sequence[Any]] = None,
    *,
    reward: ArbiterReward,
    **kwargs: Any,
) -> List[Optional[float]]:
    """Module-level coroutine function: TRL detects it (and partials of it) as async and awaits it
    concurrently with other async reward functions. Grades in a thread; the event loop stays free."""
    return await asyncio.to_thread(reward, prompts=prompts, completions=completions, **kwargs)


def async_reward_func(component: str = "reward", **options: Any) -> "functools.partial[Any]":
    """``functools.partial(arbiter_reward_async, reward=ArbiterReward(component, **options))``:
    picklable and detected by ``inspect.iscoroutinefunction`` (TRL's test). Logged by TRL as
    ``arbiter_reward_async``."""
    return functools.partial(arbiter_reward_async, reward=ArbiterReward(component, **options))
