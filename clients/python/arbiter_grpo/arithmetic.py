"""The demo's synthetic verifiable task: two-number addition with a digit-by-digit scratchpad.

Nothing is downloaded: problems come from a seeded ``random.Random``. A worked completion in the R1 format
(the cold-start data) looks like ``" <think> 7+8=15 4+3+1=8 </think> <answer> 85 </answer>"``: units
first, then tens plus the carry.
"""
from __future__ import annotations

import random
from typing import Any, Dict

__all__ = ["make_problem", "worked_completion", "TASK_WORDS"]

#: Strings the demo's tokenizer keeps whole (besides the R1-Zero template's fixed parts).
TASK_WORDS = ("<think>", "</think>", "<answer>", "</answer>")


def make_problem(rng: random.Random, max_operand: int = 99) -> Dict[str, Any]:
    """``{"prompt", "task", "a", "b"}``: ``task`` is Arbiter's math task with the exact sum as its answer."""
    a, b = rng.randint(0, max_operand), rng.randint(0, max_operand)
    return {"prompt": "Compute %d+%d" % (a, b), "task": {"type": "math", "answer": str(a + b)}, "a": a, "b": b}


def worked_completion(problem: Dict[str, Any]) -> str:
    """The reference completion in the R1 format (``<think>…</think> <answer>…</answer>``)."""
    a, b = problem["a"], problem["b"]
    units = a % 10 + b % 10
    carry = units // 10
    tens = a // 10 + b // 10 + carry
    steps = "%d+%d=%d %d+%d+%d=%d" % (a % 10, b % 10, units, a // 10, b // 10, carry, tens)
    return " <think> %s </think> <answer> %d </answer>" % (steps, a + b)
