"""Per-step metrics of the trainer, as one flat JSON-ready dict (the demo's log line)."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

__all__ = ["step_metrics", "mean_of"]


def mean_of(values: Sequence[Optional[float]]) -> Optional[float]:
    """Mean of the non-None values, None when there are none."""
    kept = [float(v) for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def step_metrics(*, step: int, groups: List[Mapping[str, Any]], rows_tokens: List[int], truncated: int,
                 train: List[Mapping[str, float]], pending: Sequence[Any], times: Mapping[str, float]) -> Dict[str, Any]:
    """``reward``: mean over scorable completions; ``accuracy`` / ``format_rate``: mean of those components
    (None when not requested); ``response_tokens``: mean completion length; ``wait_fraction``: share of the
    step spent blocked on Arbiter; ``grading_latency_s_*``, ``grading_s_total``: request latencies (their sum
is the grading time the overlap hides, less ``wait_s``)."""
    results = [r for g in groups for r in g["results"]]
    components = lambda name: [r["components"].get(name) for r in results]  # noqa: E731
    latencies = [p.latency_s for p in pending if p is not None and p.latency_s is not None]
    n_tokens = sum(rows_tokens)
    last = train[-1] if train else {}
    first = train[0] if train else {}
    return {
        "step": step,
        "reward": mean_of([r["reward"] for r in results]),
        "accuracy": mean_of(components("accuracy")),
        "format_rate": mean_of(components("format")),
        "pass_rate": mean_of([g["stats"].get("pass_rate") for g in groups]),
        "response_tokens": n_tokens / max(1, len(rows_tokens)),
        "truncated_fraction": truncated / max(1, len(rows_tokens)),
        "unscorable": sum(r["reward"] is None for r in results),
        "zero_variance_groups": sum(bool(g["stats"].get("zero_variance")) for g in groups),
        "groups": len(groups),
        "completions": len(results),
        "loss": first.get("loss"),
        "kl": first.get("kl"),
        "clip_fraction": last.get("clip_fraction"),
        "grad_norm": first.get("grad_norm"),
        "generated_tokens": n_tokens,
        "tokens_per_s": n_tokens / times["step_s"] if times["step_s"] > 0 else None,
        "step_s": times["step_s"],
        "generate_s": times["generate_s"],
        "train_s": times["train_s"],
        "wait_s": times["wait_s"],
        "wait_fraction": times["wait_s"] / times["step_s"] if times["step_s"] > 0 else 0.0,
        "grading_latency_s_mean": mean_of(latencies),
        "grading_latency_s_max": max(latencies) if latencies else None,
        "grading_s_total": sum(latencies),
    }
