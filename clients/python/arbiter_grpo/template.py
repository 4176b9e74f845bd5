"""The DeepSeek-R1-Zero prompt template (R1 paper, Table 1; ../shared/reference/trainers.md §5.2)."""
from __future__ import annotations

__all__ = ["R1_ZERO_HEAD", "R1_ZERO_TAIL", "r1_zero_prompt"]

#: Everything before the question, verbatim from the paper.
R1_ZERO_HEAD = (
    "A conversation between User and Assistant. The user asks a question, and the Assistant solves it. "
    "The assistant first thinks about the reasoning process in the mind and then provides the user with the "
    "answer. The reasoning process and answer are enclosed within <think> </think> and <answer> </answer> "
    "tags, respectively, i.e., <think> reasoning process here </think> <answer> answer here </answer>. User: "
)
#: Everything after the question; the completion starts right after it.
R1_ZERO_TAIL = ". Assistant:"


def r1_zero_prompt(question: str) -> str:
    """The R1-Zero prompt for one question.

    >>> r1_zero_prompt("Compute 2+2").endswith("User: Compute 2+2. Assistant:")
    True
    """
    return R1_ZERO_HEAD + question + R1_ZERO_TAIL
